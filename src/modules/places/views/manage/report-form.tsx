import { Button, Checkboxes, ErrorSummary, TextInput, Textarea } from '../../../../ui/index.ts';
import { errorLinks, type FieldErrors } from '../../../../platform/http/forms.ts';
import { honeypotField } from '../../places.reports.forms.ts';

export const reportFieldOrder = ['topics', 'message', 'email'] as const;

export type ReportFormView = {
  placeId: string;
  placeName: string;
  values: { topics: string[]; message: string; email: string };
  errors: FieldErrors;
  topicOptions: { value: string; label: string }[];
};

/** The public "Signaler une erreur" form, in plain words (FALC): short sentences, one question at a time. */
export function ReportFormPage(props: ReportFormView) {
  return (
    <>
      <ErrorSummary errors={errorLinks(props.errors, reportFieldOrder)} />
      <h1>Signaler une erreur sur « {props.placeName} »</h1>
      <p>Vous avez vu une erreur sur la page de ce lieu ?</p>
      <p>Dites-le nous. Les personnes qui s’occupent du lieu vont lire votre message. Elles vont corriger la page.</p>
      <form method="post" action={`/lieux/${props.placeId}/signaler`} novalidate>
        <Checkboxes
          id="topics"
          name="topics"
          label="Qu’est-ce qui n’est pas juste ?"
          hint="Vous pouvez cocher plusieurs cases."
          items={props.topicOptions}
          values={props.values.topics}
          error={props.errors.topics}
        />
        <Textarea
          id="message"
          name="message"
          label="Expliquez l’erreur"
          hint="Par exemple : le lieu ouvre à 8 heures, pas à 9 heures."
          rows={5}
          maxlength={2000}
          value={props.values.message}
          error={props.errors.message}
        />
        <TextInput
          id="email"
          name="email"
          type="email"
          label="Votre adresse e-mail"
          optional
          hint="Si vous voulez une réponse. Nous la donnons seulement aux personnes qui s’occupent du lieu. Nous l’effaçons après."
          autocomplete="email"
          spellcheck={false}
          value={props.values.email}
          error={props.errors.email}
        />
        {/* A trap for robots: people do not see this field, and screen readers skip it. */}
        <div class="r-visually-hidden" aria-hidden="true">
          <label for={honeypotField}>Ne remplissez pas ce champ</label>
          <input type="text" id={honeypotField} name={honeypotField} tabindex={-1} autocomplete="off" value="" />
        </div>
        <Button>Envoyer le message</Button>
      </form>
      <p>
        <a href={`/lieux/${props.placeId}`}>Revenir à la page du lieu</a>
      </p>
    </>
  );
}

/** After a report: what happens next, in plain words. */
export function ReportThanksPage(props: { placeId: string; placeName: string }) {
  return (
    <>
      <h1>Merci, votre message est envoyé</h1>
      <p>Les personnes qui s’occupent du lieu « {props.placeName} » vont lire votre message.</p>
      <p>Si vous avez donné votre adresse e-mail, vous allez recevoir une réponse.</p>
      <p>
        <a href={`/lieux/${props.placeId}`}>Revenir à la page du lieu</a>
      </p>
    </>
  );
}
