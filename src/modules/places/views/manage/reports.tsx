import { Button, ErrorSummary, Pagination, Select, SummaryList, Table, Tag, Textarea, type TagColour } from '../../../../ui/index.ts';
import { errorLinks, type FieldErrors } from '../../../../platform/http/forms.ts';
import { plural } from '../../../../platform/format.ts';

export type ReportRow = { id: string; placeId: string; placeName: string; communeName: string; topics: string; excerpt: string; statusLabel: string; statusColour: TagColour; createdAt: string };

export type ReportInboxView = {
  status: string;
  statusOptions: { value: string; label: string }[];
  rows: ReportRow[];
  total: number;
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
};

/** The managers' inbox: reports on the places they manage, open ones first by default. */
export function ReportInboxPage(props: ReportInboxView) {
  return (
    <>
      <h1>Signalements d’erreurs</h1>
      <p>Des visiteurs signalent des erreurs sur les pages de vos lieux. Répondez-leur, corrigez la page, puis closez le signalement.</p>
      <form method="get" action="/gestion/signalements" aria-label="Filtrer les signalements">
        <Select id="statut" name="statut" label="État" items={props.statusOptions} value={props.status} />
        <Button variant="secondary">Filtrer</Button>
      </form>
      {props.rows.length === 0 ? (
        <p>Aucun signalement dans cet état. Quand un visiteur signale une erreur sur un de vos lieux, il apparaît ici et vous recevez un e-mail.</p>
      ) : (
        <>
          <p>{plural(props.total, 'signalement', 'signalements')}</p>
          <Table
            caption="Liste des signalements"
            captionHidden
            firstCellIsHeader
            head={['Reçu le', 'Lieu', 'Ce qui n’est pas juste', 'Message', 'État']}
            rows={props.rows.map((r) => [
              <a href={`/gestion/signalements/${r.id}`}>{r.createdAt}</a>,
              `${r.placeName} (${r.communeName})`,
              r.topics,
              r.excerpt,
              <Tag colour={r.statusColour}>{r.statusLabel}</Tag>,
            ])}
          />
          <Pagination page={props.page} pageCount={props.pageCount} hrefFor={props.hrefFor} />
        </>
      )}
    </>
  );
}

export type ReportView = {
  id: string;
  placeId: string;
  placeName: string;
  topics: string;
  message: string;
  createdAt: string;
  statusLabel: string;
  statusColour: TagColour;
  hasEmail: boolean;
  answer: { text: string; by: string; at: string } | null;
  closedAt: string | null;
  canAnswer: boolean;
  canClose: boolean;
  values: { answer: string };
  errors: FieldErrors;
};

/** Text typed with line breaks, shown as paragraphs (HTML would fold the lines together). */
function Paragraphs({ text }: { text: string }) {
  return <>{text.split(/\n\s*\n?/).filter((line) => line.trim() !== '').map((line) => <p>{line}</p>)}</>;
}

/** One report: what the visitor wrote, the answer, the forms to answer and to close. */
export function ReportPage(props: ReportView) {
  return (
    <>
      <ErrorSummary errors={errorLinks(props.errors, ['answer'])} />
      <h1>Signalement sur « {props.placeName} »</h1>
      <SummaryList
        rows={[
          { key: 'État', value: <Tag colour={props.statusColour}>{props.statusLabel}</Tag> },
          { key: 'Reçu le', value: props.createdAt },
          { key: 'Ce qui n’est pas juste', value: props.topics },
          { key: 'Message', value: <Paragraphs text={props.message} /> },
          { key: 'Réponse par e-mail', value: props.hasEmail ? 'Possible : la personne a laissé son adresse e-mail.' : 'Impossible : la personne n’a pas laissé d’adresse e-mail.' },
          ...(props.answer ? [{ key: 'Réponse', value: <Paragraphs text={props.answer.text} /> }, { key: 'Répondu par', value: `${props.answer.by}, le ${props.answer.at}` }] : []),
          ...(props.closedAt ? [{ key: 'Clos le', value: props.closedAt }] : []),
        ]}
      />
      <p>
        <a href={`/gestion/lieux/${props.placeId}/modifier`}>Corriger la fiche du lieu « {props.placeName} »</a>
      </p>
      {props.canAnswer && (
        <form method="post" action={`/gestion/signalements/${props.id}/repondre`} novalidate>
          <Textarea
            id="answer"
            name="answer"
            label={props.answer ? 'Répondre de nouveau' : 'Votre réponse'}
            hint={props.hasEmail ? 'La personne la recevra par e-mail. Écrivez des phrases courtes et des mots simples.' : 'Elle reste ici, pour l’historique : la personne n’a pas laissé d’adresse e-mail.'}
            rows={5}
            maxlength={4000}
            value={props.values.answer}
            error={props.errors.answer}
          />
          <Button>Envoyer la réponse</Button>
        </form>
      )}
      {props.canClose && (
        <form method="post" action={`/gestion/signalements/${props.id}/clore`}>
          <p>Closez le signalement quand la fiche est corrigée, ou quand il n’y a rien à corriger. L’adresse e-mail de la personne sera effacée.</p>
          <Button variant="secondary">Clore le signalement</Button>
        </form>
      )}
      <p>
        <a href="/gestion/signalements">Revenir aux signalements</a>
      </p>
    </>
  );
}
