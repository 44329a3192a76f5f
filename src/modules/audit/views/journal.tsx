import { Button, ErrorSummary, Pagination, Select, SummaryList, Table, TextInput } from '../../../ui/index.ts';
import { errorLinks, type FieldErrors } from '../../../platform/http/forms.ts';
import { plural } from '../../../platform/format.ts';

export type AuditRow = { id: string; at: string; actor: string; action: string; summary: string; subject: string };

export type JournalView = {
  filters: { text: string; action: string; from: string; to: string };
  errors: FieldErrors;
  actions: string[];
  rows: AuditRow[];
  total: number;
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
};

/** The audit log: who did what, when; searchable, newest first. */
export function JournalPage(props: JournalView) {
  const filtered = Object.values(props.filters).some((v) => v !== '');
  return (
    <>
      <ErrorSummary errors={errorLinks(props.errors, ['text', 'action', 'from', 'to'])} />
      <h1>Journal d’audit</h1>
      <p>Chaque changement de personnes, de rôles ou d’organisations, et chaque consultation de données sensibles, laisse ici une trace qui ne peut être ni modifiée ni effacée.</p>
      <form method="get" action="/admin/journal" role="search" aria-label="Rechercher dans le journal">
        <TextInput id="text" name="text" type="search" label="Texte" hint="Une partie du résumé, du nom ou de l’adresse e-mail de la personne, du code de l’action ou de l’identifiant du sujet." value={props.filters.text} width={30} />
        <Select id="action" name="action" label="Action" placeholder="Toutes les actions" items={props.actions.map((a) => ({ value: a, label: a }))} value={props.filters.action} />
        <TextInput id="from" name="from" type="date" label="Du" hint="Premier jour inclus, heure de Nouméa. Par exemple 2026-03-01." value={props.filters.from} error={props.errors.from} width={10} />
        <TextInput id="to" name="to" type="date" label="Au" hint="Dernier jour inclus. Par exemple 2026-03-31." value={props.filters.to} error={props.errors.to} width={10} />
        <Button variant="secondary">Rechercher</Button>
      </form>
      {props.rows.length === 0 ? (
        <>
          <p>{filtered ? 'Aucun événement ne correspond à votre recherche. Élargissez les dates ou retirez des filtres.' : 'Le journal est vide pour l’instant.'}</p>
          {filtered && (
            <p>
              <a href="/admin/journal">Voir tout le journal</a>
            </p>
          )}
        </>
      ) : (
        <>
          <p>{plural(props.total, 'événement', 'événements')}, du plus récent au plus ancien</p>
          <Table
            caption="Événements du journal"
            captionHidden
            head={['Date', 'Personne', 'Action', 'Résumé', 'Sujet']}
            rows={props.rows.map((r) => [<a href={`/admin/journal/${r.id}`}>{r.at}</a>, r.actor, <code>{r.action}</code>, r.summary, r.subject])}
          />
          <Pagination page={props.page} pageCount={props.pageCount} hrefFor={props.hrefFor} />
        </>
      )}
    </>
  );
}

export type AuditEventView = {
  at: string;
  actor: string;
  action: string;
  summary: string;
  subjectType: string;
  subjectId: string | null;
  requestId: string | null;
  details: string;
};

/** One event with everything recorded about it. */
export function AuditEventPage(props: AuditEventView) {
  return (
    <>
      <h1>Événement du {props.at}</h1>
      <SummaryList
        rows={[
          { key: 'Date', value: props.at },
          { key: 'Personne', value: props.actor },
          { key: 'Action', value: <code>{props.action}</code> },
          { key: 'Résumé', value: props.summary },
          { key: 'Type de sujet', value: props.subjectType },
          { key: 'Identifiant du sujet', value: props.subjectId ?? 'Aucun' },
          { key: 'Référence de la requête', value: props.requestId ?? 'Aucune' },
        ]}
      />
      <h2>Détails</h2>
      {/* r-pre wraps long lines (white-space: pre-wrap), so that the page never scrolls sideways at 320 px. */}
      <pre class="r-pre">{props.details}</pre>
      <p>
        <a href="/admin/journal">Revenir au journal</a>
      </p>
    </>
  );
}
