import { Button, Checkboxes, DateInput, ErrorSummary, LinkButton, Pagination, Radios, Select, Table, Tag, Textarea } from '../../../../ui/index.ts';
import { errorLinks, type FieldErrors } from '../../../../platform/http/forms.ts';
import { adjustmentFieldOrder } from '../reporting.forms.ts';

export type AdjustmentRow = { id: string; change: string; scope: string; status: string; done: boolean; isPublic: boolean; date: string; sources: number; editHref: string };
export type SessionReview = {
  id: string;
  title: string;
  when: string;
  where: string;
  held: string;
  responses: number;
  satisfaction: string;
  answers: string[];
  comments: string[];
  debrief: { whatWorked: string; difficulties: string; adaptations: string; needs: string } | null;
};

export function CoconstructionPage(props: {
  programme: { id: string; name: string; publicHref: string };
  seriesChoices: { value: string; label: string }[];
  series: string;
  seriesRows: (string | number)[][];
  adjustments: AdjustmentRow[];
  sessions: SessionReview[];
  page: number;
  pageCount: number;
  hrefFor: (n: number) => string;
  newHref: string;
}) {
  return (
    <>
      <h1>Co-construction : {props.programme.name}</h1>
      <p>Lisez les avis des participants et les bilans des formateurs, séance par séance. Notez ce que vous changez, et pourquoi. Les ajustements faits et marqués publics sont montrés sur la <a href={props.programme.publicHref}>page publique du programme</a>, sous « Vous avez dit, nous avons fait ».</p>
      <form method="get" action={`/gestion/programmes/${props.programme.id}/co-construction`} class="w-actions">
        <Select id="atelier" name="atelier" label="Atelier" items={props.seriesChoices} value={props.series} placeholder="Tous les ateliers du programme" />
        <Button variant="secondary">Afficher</Button>
      </form>
      <h2>Ajustements</h2>
      <p>
        <LinkButton href={props.newHref}>Enregistrer un ajustement</LinkButton>
      </p>
      {props.adjustments.length === 0 ? (
        <p>Aucun ajustement n’est encore noté. Quand un avis ou un bilan vous fait changer quelque chose, notez-le ici.</p>
      ) : (
        <Table
          caption="Ajustements du programme"
          captionHidden
          head={['Ce qui change', 'Pour', 'État', 'Page publique', { text: 'Avis et bilans liés', numeric: true }, 'Action']}
          rows={props.adjustments.map((a) => [
            a.change,
            a.scope,
            <Tag colour={a.done ? 'green' : 'blue'}>{a.status}</Tag>,
            a.isPublic ? 'Oui' : 'Non',
            a.sources,
            <a href={a.editHref}>
              Modifier<span class="r-visually-hidden"> l’ajustement « {a.change.slice(0, 60)} »</span>
            </a>,
          ])}
          firstCellIsHeader
        />
      )}
      <h2>Par atelier</h2>
      {props.seriesRows.length === 0 ? (
        <p>Le programme n’a pas encore d’atelier.</p>
      ) : (
        <Table caption="Avis par atelier" captionHidden head={['Atelier', { text: 'Séances réalisées', numeric: true }, { text: 'Réponses', numeric: true }, { text: 'Satisfaction', numeric: true }, { text: 'Bilans', numeric: true }]} rows={props.seriesRows} firstCellIsHeader />
      )}
      <h2>Par séance</h2>
      {props.sessions.length === 0 ? <p>Aucune séance n’a encore eu lieu.</p> : null}
      {props.sessions.map((s) => (
        <section aria-labelledby={`seance-${s.id}`} class="w-roster-line">
          <h3 id={`seance-${s.id}`}>
            {s.title} — {s.when}
          </h3>
          <p>
            {s.where}. {s.held}. {s.responses} réponses, satisfaction : {s.satisfaction}.
          </p>
          {s.answers.length ? (
            <ul>
              {s.answers.map((a) => (
                <li>{a}</li>
              ))}
            </ul>
          ) : null}
          {s.comments.length ? (
            <>
              <h4>Messages</h4>
              <ul>
                {s.comments.map((m) => (
                  <li>« {m} »</li>
                ))}
              </ul>
            </>
          ) : null}
          <h4>Bilan des formateurs</h4>
          {s.debrief ? (
            <dl class="r-summary-list">
              <div class="r-summary-list__row">
                <dt class="r-summary-list__key">Ce qui a marché</dt>
                <dd class="r-summary-list__value">{s.debrief.whatWorked || '—'}</dd>
              </div>
              <div class="r-summary-list__row">
                <dt class="r-summary-list__key">Difficultés</dt>
                <dd class="r-summary-list__value">{s.debrief.difficulties || '—'}</dd>
              </div>
              <div class="r-summary-list__row">
                <dt class="r-summary-list__key">Adaptations</dt>
                <dd class="r-summary-list__value">
                  {s.debrief.adaptations || '—'}
                  {s.debrief.needs ? ` (pour : ${s.debrief.needs})` : ''}
                </dd>
              </div>
            </dl>
          ) : (
            <p>Pas encore de bilan.</p>
          )}
          <p>
            <a href={`/gestion/seances/${s.id}/avis`}>
              Tous les avis<span class="r-visually-hidden"> de la séance du {s.when}</span>
            </a>
          </p>
        </section>
      ))}
      <Pagination page={props.page} pageCount={props.pageCount} hrefFor={props.hrefFor} />
    </>
  );
}

export type AdjustmentValues = { change: string; reason: string; seriesId: string; status: string; doneOn: string; isPublic: string; youSaid: string; weDid: string; feedbackIds: string[]; debriefIds: string[] };

export function AdjustmentFormPage(props: {
  heading: string;
  action: string;
  cancelHref: string;
  values: AdjustmentValues;
  errors: FieldErrors;
  seriesChoices: { value: string; label: string }[];
  feedbackItems: { value: string; label: string; hint?: string }[];
  debriefItems: { value: string; label: string; hint?: string }[];
}) {
  return (
    <>
      <ErrorSummary errors={errorLinks(props.errors, adjustmentFieldOrder)} />
      <h1>{props.heading}</h1>
      <form method="post" action={props.action} novalidate>
        <Textarea id="change" name="change" label="Ce qui change" hint="Par exemple : les séances durent 2 heures au lieu de 3, avec une pause." value={props.values.change} error={props.errors.change} rows={3} />
        <Textarea id="reason" name="reason" label="Pourquoi" hint="Ce que les participants ou les formateurs ont dit." value={props.values.reason} error={props.errors.reason} rows={3} />
        <Select id="seriesId" name="seriesId" label="Pour quel atelier ?" items={props.seriesChoices} value={props.values.seriesId} placeholder="Tout le programme" error={props.errors.seriesId} />
        <Radios id="status" name="status" label="Où en est-il ?" items={[{ value: 'planned', label: 'Prévu' }, { value: 'done', label: 'Fait' }]} value={props.values.status} error={props.errors.status} inline />
        <DateInput id="doneOn" name="doneOn" label="Fait le" hint="Seulement si c’est fait. Laissez vide pour aujourd’hui." value={props.values.doneOn} error={props.errors.doneOn} optional />
        <Radios id="isPublic" name="isPublic" label="Le montrer sur la page publique du programme ?" hint="Seulement quand il est fait. Il apparaît sous « Vous avez dit, nous avons fait »." items={[{ value: 'oui', label: 'Oui' }, { value: 'non', label: 'Non' }]} value={props.values.isPublic} error={props.errors.isPublic} inline />
        <Textarea id="youSaid" name="youSaid" label="Vous avez dit (pour la page publique)" hint="En mots simples, une phrase courte. Pas de nom, rien qui permette de reconnaître quelqu’un. Par exemple : « L’atelier était trop long. »" value={props.values.youSaid} error={props.errors.youSaid} rows={2} optional />
        <Textarea id="weDid" name="weDid" label="Nous avons fait (pour la page publique)" hint="Par exemple : « Les ateliers durent maintenant 2 heures, avec une pause. »" value={props.values.weDid} error={props.errors.weDid} rows={2} optional />
        {props.feedbackItems.length ? (
          <Checkboxes id="feedbackIds" name="feedbackIds" label="Les avis qui ont fait changer" items={props.feedbackItems} values={props.values.feedbackIds} error={props.errors.feedbackIds} />
        ) : (
          <p>Aucun message de participant pour cet atelier.</p>
        )}
        {props.debriefItems.length ? (
          <Checkboxes id="debriefIds" name="debriefIds" label="Les bilans de formateurs qui ont fait changer" items={props.debriefItems} values={props.values.debriefIds} error={props.errors.debriefIds} />
        ) : (
          <p>Aucun bilan de formateur pour cet atelier.</p>
        )}
        <div class="r-button-group">
          <Button>Enregistrer l’ajustement</Button>
          <a href={props.cancelHref}>Revenir sans enregistrer</a>
        </div>
      </form>
    </>
  );
}
