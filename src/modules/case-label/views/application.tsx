import { Button, DateInput, FileUpload, ErrorSummary, LinkButton, NotificationBanner, Radios, SummaryList, Tag, Textarea, type TagColour } from '../../../ui/index.ts';
import { HintAndError, formGroupClass } from '../../../ui/field.tsx';
import { errorLinks, type FieldErrors } from '../../../platform/http/forms.ts';
import { decisionFieldOrder } from '../case-label.forms.ts';

export type FileItem = { id: string; name: string; typeLabel: string; size: string; href: string; removeHref: string | null };
export type CriterionEvidence = { id: string; title: string; description: string; retired: boolean; text: string; files: FileItem[]; editHref: string | null };
export type CommentItem = { kindLabel: string; author: string; at: string; body: string };

export type ApplicationView = {
  id: string;
  placeName: string;
  communeName: string;
  statusLabel: string;
  statusColour: TagColour;
  applicantName: string;
  facts: { key: string; value: string }[];
  /** The decision's text when refused, or the reviewers' last request for changes. */
  banner: { kind: 'success' | 'info' | 'warning'; title: string; text: string } | null;
  criteria: CriterionEvidence[];
  comments: CommentItem[];
  can: { submit: boolean; comment: boolean; decide: boolean };
  errors: FieldErrors;
  commentValue: string;
};

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((p) => (
        <p>{p}</p>
      ))}
    </>
  );
}

/** One application: where it stands, the evidence per criterion, the comments, and what the actor may do. */
export function ApplicationPage(props: ApplicationView) {
  const heading = `Demande de label : ${props.placeName}`;
  return (
    <>
      <ErrorSummary errors={errorLinks(props.errors, ['deposer', 'body'])} />
      <h1>{heading}</h1>
      <p>
        <Tag colour={props.statusColour}>{props.statusLabel}</Tag>
      </p>
      {props.banner && (
        <NotificationBanner kind={props.banner.kind} title={props.banner.title} role="region" id="etat-demande">
          <Paragraphs text={props.banner.text} />
        </NotificationBanner>
      )}
      <SummaryList rows={[{ key: 'Lieu', value: props.placeName }, { key: 'Commune', value: props.communeName }, { key: 'Demandeur', value: props.applicantName }, ...props.facts]} />
      <h2>Preuves pour chaque critère</h2>
      {props.criteria.length === 0 && <p>Aucun critère n’est en vigueur pour l’instant.</p>}
      {props.criteria.map((c) => (
        <section aria-labelledby={`critere-${c.id}`}>
          <h3 id={`critere-${c.id}`}>
            {c.title}
            {c.retired ? ' (critère retiré)' : ''}
          </h3>
          {c.description && <p class="r-hint">{c.description}</p>}
          {c.text ? <Paragraphs text={c.text} /> : <p>Aucun texte pour l’instant.</p>}
          {c.files.length > 0 && (
            <EvidenceFileList files={c.files} />
          )}
          {c.editHref && (
            <p>
              <a href={c.editHref}>
                Compléter<span class="r-visually-hidden"> le critère « {c.title} »</span>
              </a>
            </p>
          )}
        </section>
      ))}
      {props.can.submit && (
        <form method="post" action={`/label/demandes/${props.id}/deposer`}>
          <div class={formGroupClass(props.errors.deposer)} id="deposer" tabindex={-1}>
            <HintAndError id="deposer" hint="Quand vous déposez la demande, la cellule numérique la lit. Vous ne pouvez plus la changer, sauf si elle vous demande des compléments." error={props.errors.deposer} />
            <Button>Déposer la demande</Button>
          </div>
        </form>
      )}
      {props.can.decide && (
        <p>
          <LinkButton href={`/label/demandes/${props.id}/decision`}>Décider</LinkButton>
        </p>
      )}
      <h2>Commentaires et décisions</h2>
      {props.comments.length === 0 ? (
        <p>Aucun commentaire pour l’instant.</p>
      ) : (
        <ol class="r-list--plain">
          {props.comments.map((m) => (
            <li>
              <h3>
                {m.kindLabel}, par {m.author}, le {m.at}
              </h3>
              <Paragraphs text={m.body} />
            </li>
          ))}
        </ol>
      )}
      {props.can.comment && (
        <form method="post" action={`/label/demandes/${props.id}/commentaires`} novalidate>
          <Textarea id="body" name="body" label="Écrire un commentaire" hint="Le demandeur le reçoit par e-mail." value={props.commentValue} error={props.errors.body} />
          <Button variant="secondary">Envoyer le commentaire</Button>
        </form>
      )}
      <p>
        <a href="/label">Revenir au label Case numérique</a>
      </p>
    </>
  );
}


export type EvidenceFormView = {
  applicationId: string;
  placeName: string;
  criterionTitle: string;
  criterionDescription: string;
  action: string;
  text: string;
  files: FileItem[];
  errors: FieldErrors;
};

/** The applicant's evidence for one criterion: a text and, if useful, a file. */
export function EvidenceFormPage(props: EvidenceFormView) {
  return (
    <>
      <ErrorSummary errors={errorLinks(props.errors, ['text', 'fichier'])} />
      <h1>{props.criterionTitle}</h1>
      <p>Demande de label pour « {props.placeName} ».</p>
      {props.criterionDescription && <p>{props.criterionDescription}</p>}
      <form method="post" action={props.action} enctype="multipart/form-data" novalidate>
        <Textarea id="text" name="text" label="Votre preuve, en quelques phrases" hint="Décrivez ce que fait votre lieu pour ce critère." value={props.text} error={props.errors.text} rows={6} />
        {props.files.length > 0 && (
          <>
            <h2>Fichiers déjà envoyés</h2>
            <EvidenceFileList files={props.files} />
          </>
        )}
        <FileUpload accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png" optional id="fichier" name="fichier" label="Ajouter un fichier" hint="Un PDF, une photo JPEG ou une image PNG, de 5 Mo au plus. Par exemple : le planning des ateliers, l’attestation de formation." error={props.errors.fichier} />
        <Button>Enregistrer</Button>
      </form>
      <p>
        <a href={`/label/demandes/${props.applicationId}`}>Revenir à la demande sans enregistrer</a>
      </p>
    </>
  );
}

export type DecisionFormValues = { decision: string; message: string; grantedOn: string; expiresOn: string };

/** The reviewer's decision: ask for changes, grant with dates, or refuse with reasons. */
export function DecisionPage(props: { applicationId: string; placeName: string; values: DecisionFormValues; errors: FieldErrors }) {
  return (
    <>
      <ErrorSummary errors={errorLinks(props.errors, decisionFieldOrder)} />
      <h1>Décider pour « {props.placeName} »</h1>
      <form method="post" action={`/label/demandes/${props.applicationId}/decision`} novalidate>
        <Radios
          id="decision"
          name="decision"
          label="Votre décision"
          items={[
            { value: 'a_completer', label: 'Demander des compléments', hint: 'Le lieu complète sa demande, puis la dépose de nouveau.' },
            { value: 'accordee', label: 'Accorder le label', hint: 'Indiquez les dates de début et de fin du label.' },
            { value: 'refusee', label: 'Refuser le label', hint: 'Les motifs sont obligatoires.' },
          ]}
          value={props.values.decision}
          error={props.errors.decision}
        />
        <Textarea
          id="message"
          name="message"
          label="Message au lieu"
          hint="Obligatoire pour demander des compléments (dites ce qui manque) et pour refuser (donnez les motifs)."
          value={props.values.message}
          error={props.errors.message}
        />
        <DateInput id="grantedOn" name="grantedOn" label="Début du label (si vous l’accordez)" hint="Par défaut : aujourd’hui." value={props.values.grantedOn} error={props.errors.grantedOn} />
        <DateInput id="expiresOn" name="expiresOn" label="Fin du label : dernier jour de validité (si vous l’accordez)" hint="Par défaut : 2 ans après le début." value={props.values.expiresOn} error={props.errors.expiresOn} />
        <Button>Enregistrer la décision</Button>
      </form>
      <p>
        <a href={`/label/demandes/${props.applicationId}`}>Revenir à la demande sans décider</a>
      </p>
    </>
  );
}

/** Confirmation before a file is removed from the evidence. */
export function RemoveFilePage(props: { applicationId: string; fileId: string; fileName: string; criterionTitle: string }) {
  return (
    <>
      <h1>Retirer le fichier « {props.fileName} » ?</h1>
      <p>Le fichier sera retiré des preuves du critère « {props.criterionTitle} ». Il sera effacé.</p>
      <form method="post" action={`/label/demandes/${props.applicationId}/fichiers/${props.fileId}/retirer`}>
        <Button variant="warning">Retirer le fichier</Button>
      </form>
      <p>
        <a href={`/label/demandes/${props.applicationId}`}>Garder le fichier et revenir à la demande</a>
      </p>
    </>
  );
}

/** Evidence files: download links, and "Retirer" where the applicant may still remove them. */
function EvidenceFileList(props: { files: { href: string; name: string; typeLabel: string; size: string; removeHref?: string | null | undefined }[] }) {
  return (
    <ul>
      {props.files.map((f) => (
        <li>
          <a href={f.href} download={f.name}>
            {f.name}
          </a>{' '}
          ({f.typeLabel}, {f.size})
          {f.removeHref && (
            <>
              {' — '}
              <a href={f.removeHref}>
                Retirer<span class="r-visually-hidden"> le fichier {f.name}</span>
              </a>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
