import type { JSX } from 'hono/jsx/jsx-runtime';
import { HintAndError, Label, describedBy, formGroupClass } from '../../field.tsx';
import type { FieldProps } from '../../types.ts';

export type FileUploadProps = Omit<FieldProps, 'value'> & {
  /** What the file chooser offers, e.g. `.csv,.json,text/csv`. The server checks the content anyway. */
  accept?: string;
  optional?: boolean;
};

/**
 * A file field with its label, hint and error. The form needs `enctype="multipart/form-data"`.
 *
 * @example
 * <FileUpload id="fichier" name="fichier" label="Fichier des lieux" hint="Un fichier CSV ou JSON de 5 Mo au plus." accept=".csv,.json" error={errors.fichier} />
 */
export function FileUpload(props: FileUploadProps): JSX.Element {
  return (
    <div class={formGroupClass(props.error)}>
      <Label for={props.id} text={props.label} optional={props.optional} />
      <HintAndError id={props.id} hint={props.hint} error={props.error} />
      <input
        class={props.error ? 'r-file-upload r-file-upload--error' : 'r-file-upload'}
        type="file"
        id={props.id}
        name={props.name}
        accept={props.accept}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        aria-invalid={props.error ? 'true' : undefined}
      />
    </div>
  );
}
