import { Button, Checkboxes, DateInput, ErrorSummary, FileUpload, NotificationBanner, Radios, SummaryList, Table, Tag, TextInput, type TagColour } from '../../../ui/index.ts';
import { errorLinks, type FieldErrors } from '../../../platform/http/forms.ts';
import { consentMethods, mandateCategories, mandateDurations, type MandateCategory } from '../beneficiaries.schema.ts';
import { consentMethodLabels, mandateCategoryHints, mandateCategoryLabels, mandateDurationLabels } from '../beneficiaries.labels.ts';
import { mandateFieldOrder } from '../beneficiaries.forms.ts';

/** Said on every mandate screen, as the issue asks. */
export function NoPasswordsBanner() {
  return (
    <NotificationBanner kind="info" title="Relais ne garde jamais les mots de passe" role="region" id="sans-mot-de-passe">
      <p>Relais ne garde jamais les mots de passe ni les codes de la personne pour d’autres services (CAFAT, impôts, banque, messagerie…). Ne les écrivez nulle part ici. La personne les tape elle-même, ou les change après la démarche.</p>
    </NotificationBanner>
  );
}

export type MandateFormValues = { categories: string[]; duration: string; consentMethod: string; agreed: string };

/** Recording a mandate: what, for how long, how the person agrees. */
export function MandateFormPage(props: { fileId: string; personName: string; organisationName: string; hasPhone: boolean; values: MandateFormValues; errors: FieldErrors; textPreview: string }) {
  return (
    <>
      <ErrorSummary errors={errorLinks(props.errors, mandateFieldOrder)} />
      <h1>Mandat de {props.personName}</h1>
      <NoPasswordsBanner />
      <p>Avec ce mandat, les aidants de « {props.organisationName} » peuvent faire des démarches pour la personne, dans les catégories qu’elle choisit et pour la durée qu’elle choisit.</p>
      <form method="post" action={`/beneficiaires/${props.fileId}/mandats/nouveau`} enctype="multipart/form-data" novalidate>
        <Checkboxes
          id="categories"
          name="categories"
          label="Pour quelles démarches ?"
          hint="Cochez seulement ce que la personne accepte."
          items={mandateCategories.map((c) => ({ value: c, label: mandateCategoryLabels[c], hint: mandateCategoryHints[c] }))}
          values={props.values.categories}
          error={props.errors.categories}
        />
        <Radios id="duration" name="duration" label="Pour combien de temps ?" inline items={mandateDurations.map((d) => ({ value: d, label: mandateDurationLabels[d] }))} value={props.values.duration} error={props.errors.duration} />
        <section aria-labelledby="texte-mandat-titre">
          <h2 id="texte-mandat-titre">Le texte du mandat</h2>
          <p>Il est lu à la personne, signé sur papier ou envoyé par SMS, puis gardé mot pour mot, avec les démarches et la durée choisies :</p>
          <blockquote>
            <p>{props.textPreview}</p>
          </blockquote>
        </section>
        <Radios
          id="consentMethod"
          name="consentMethod"
          label="Comment la personne donne-t-elle son accord ?"
          items={consentMethods.map((m) => ({
            value: m,
            label: consentMethodLabels[m],
            hint: m === 'sms_reply' ? (props.hasPhone ? 'Relais envoie le texte par SMS ; notez ensuite sa réponse.' : 'Impossible : la fiche n’a pas de téléphone.') : m === 'signed_paper' ? 'Joignez le papier signé ci-dessous (PDF, JPEG ou PNG).' : 'Cochez la case ci-dessous.',
          }))}
          value={props.values.consentMethod}
          error={props.errors.consentMethod}
        />
        <Checkboxes id="agreed" name="agreed" label="En personne" items={[{ value: 'oui', label: 'La personne a entendu le texte et elle est d’accord' }]} values={props.values.agreed === 'oui' ? ['oui'] : []} error={props.errors.agreed} legendSize="s" />
        <FileUpload id="fichier" name="fichier" label="Papier signé" optional hint="Seulement si la personne a signé un papier. PDF, JPEG ou PNG, 5 Mo au plus." accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" error={props.errors.fichier} />
        <Button>Enregistrer le mandat</Button>
      </form>
      <p>
        <a href={`/beneficiaires/${props.fileId}`}>Revenir à la fiche sans enregistrer</a>
      </p>
    </>
  );
}

export type UseItem = { usedOn: string; category: string; procedure: string; by: string };

export type MandatePageProps = {
  fileId: string;
  mandateId: string;
  personName: string;
  stateLabel: string;
  stateColour: TagColour;
  facts: { key: string; value: string }[];
  text: string;
  paperHref: string | null;
  uses: UseItem[];
  can: { answer: boolean; revoke: boolean; use: boolean };
};

/** One mandate: its state, its text, its journal, and what can be done now. */
export function MandatePage(props: MandatePageProps) {
  const base = `/beneficiaires/${props.fileId}/mandats/${props.mandateId}`;
  return (
    <>
      <h1>Mandat de {props.personName}</h1>
      <p>
        <Tag colour={props.stateColour}>{props.stateLabel}</Tag>
      </p>
      <NoPasswordsBanner />
      <SummaryList rows={props.facts} />
      <h2>Texte accepté</h2>
      <blockquote>
        <p>{props.text}</p>
      </blockquote>
      {props.paperHref && (
        <p>
          <a href={props.paperHref}>Voir le papier signé</a>
        </p>
      )}
      {props.can.answer && (
        <form method="post" action={`${base}/reponse`} novalidate>
          <Radios id="answer" name="answer" label="Qu’a répondu la personne au SMS ?" inline items={[{ value: 'oui', label: 'Oui, elle accepte' }, { value: 'non', label: 'Non, elle refuse' }]} />
          <Button>Enregistrer la réponse</Button>
        </form>
      )}
      <p>
        {props.can.use && <a href={`${base}/utilisation`}>Noter une démarche faite avec ce mandat</a>}
        {props.can.use && props.can.revoke && ' · '}
        {props.can.revoke && <a href={`${base}/revoquer`}>Retirer le mandat (en entier ou en partie)</a>}
      </p>
      <h2>Journal des démarches faites avec ce mandat</h2>
      <p>Chaque démarche est notée ici et ne peut plus être changée ni effacée.</p>
      {props.uses.length === 0 ? (
        <p>Aucune démarche notée pour l’instant.</p>
      ) : (
        <Table caption="Journal du mandat" captionHidden head={['Date', 'Catégorie', 'Démarche', 'Par']} rows={props.uses.map((u) => [u.usedOn, u.category, u.procedure, u.by])} />
      )}
      <p>
        <a href={`/beneficiaires/${props.fileId}`}>Revenir à la fiche</a>
      </p>
    </>
  );
}

/** "J'ai utilisé le mandat pour : catégorie, démarche, date". */
export function MandateUsePage(props: { fileId: string; mandateId: string; personName: string; categories: MandateCategory[]; values: { category: string; procedure: string; usedOn: string }; today: string; errors: FieldErrors }) {
  return (
    <>
      <ErrorSummary errors={errorLinks(props.errors, ['category', 'procedure', 'usedOn'])} />
      <h1>J’ai utilisé le mandat de {props.personName}</h1>
      <NoPasswordsBanner />
      <form method="post" action={`/beneficiaires/${props.fileId}/mandats/${props.mandateId}/utilisation`} novalidate>
        <Radios id="category" name="category" label="Pour quelle catégorie ?" hint="Seulement les catégories encore permises par le mandat." items={props.categories.map((c) => ({ value: c, label: mandateCategoryLabels[c] }))} value={props.values.category} error={props.errors.category} />
        <TextInput id="procedure" name="procedure" label="Quelle démarche ?" hint="Par exemple : déclaration de ressources CAFAT. N’écrivez ni mot de passe ni code." value={props.values.procedure} error={props.errors.procedure} autocomplete="off" />
        <DateInput id="usedOn" name="usedOn" label="Quel jour ?" hint="Par exemple : 03/03/2026" value={props.values.usedOn} max={props.today} error={props.errors.usedOn} />
        <Button>Noter la démarche</Button>
      </form>
      <p>
        <a href={`/beneficiaires/${props.fileId}/mandats/${props.mandateId}`}>Revenir au mandat sans noter</a>
      </p>
    </>
  );
}

/** Revoking the whole mandate, or some categories. */
export function RevokePage(props: { fileId: string; mandateId: string; personName: string; categories: MandateCategory[]; values: { scope: string; categories: string[] }; errors: FieldErrors }) {
  return (
    <>
      <ErrorSummary errors={errorLinks(props.errors, ['scope', 'categories'])} />
      <h1>Retirer le mandat de {props.personName}</h1>
      <p>À partir de maintenant, les aidants ne pourront plus faire ces démarches pour la personne. Les démarches déjà faites restent dans le journal.</p>
      <form method="post" action={`/beneficiaires/${props.fileId}/mandats/${props.mandateId}/revoquer`} novalidate>
        <Radios
          id="scope"
          name="scope"
          label="Que retire la personne ?"
          items={[
            { value: 'tout', label: 'Tout le mandat' },
            { value: 'categories', label: 'Seulement certaines démarches (cochez-les ci-dessous)' },
          ]}
          value={props.values.scope}
          error={props.errors.scope}
        />
        <Checkboxes id="categories" name="categories" label="Démarches à retirer" items={props.categories.map((c) => ({ value: c, label: mandateCategoryLabels[c] }))} values={props.values.categories} error={props.errors.categories} legendSize="s" />
        <Button variant="warning">Retirer</Button>
      </form>
      <p>
        <a href={`/beneficiaires/${props.fileId}/mandats/${props.mandateId}`}>Revenir au mandat sans rien retirer</a>
      </p>
    </>
  );
}
