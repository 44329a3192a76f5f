import type { Child } from 'hono/jsx';
import { formatDateLong } from '../../../platform/format.ts';

export type ProgrammeSessionRow = { id: string; title: string; when: string; commune: string; state: string };

export type ProgrammePublicView = {
  name: string;
  description: string;
  consortium: string[];
  funders: string[];
  startsOn: Date;
  endsOn: Date;
  targets: { label: string; value: string }[];
  upcoming: ProgrammeSessionRow[];
  past: ProgrammeSessionRow[];
  agendaHref: string;
  calendarHref: string;
  /** Sections added by other parts of the module (reporting…), already rendered, in order. */
  before: Child[];
  after: Child[];
};

function SessionList(props: { rows: ProgrammeSessionRow[]; withLinks: boolean }) {
  return (
    <ul>
      {props.rows.map((r) => (
        <li>
          {props.withLinks ? <a href={`/ateliers/${r.id}`}>{r.title}</a> : r.title} — {r.when}, {r.commune}
          {r.state ? ` (${r.state})` : ''}
        </li>
      ))}
    </ul>
  );
}

/**
 * The public page of a programme: who runs it, who funds it, when, its targets and its sessions. Other parts of
 * the module add sections (registerProgrammeSection): `before` goes after the presentation, `after` at the end.
 */
export function ProgrammePage(props: ProgrammePublicView) {
  const paragraphs = props.description.split(/\n+/).filter(Boolean);
  return (
    <>
      <h1>{props.name}</h1>
      {paragraphs.map((p) => (
        <p>{p}</p>
      ))}
      <dl class="r-summary-list">
        <div class="r-summary-list__row">
          <dt class="r-summary-list__key">Période</dt>
          <dd class="r-summary-list__value">
            Du {formatDateLong(props.startsOn)} au {formatDateLong(props.endsOn)}
          </dd>
        </div>
        <div class="r-summary-list__row">
          <dt class="r-summary-list__key">Consortium</dt>
          <dd class="r-summary-list__value">{props.consortium.join(', ')}</dd>
        </div>
        <div class="r-summary-list__row">
          <dt class="r-summary-list__key">Financeurs</dt>
          <dd class="r-summary-list__value">{props.funders.length ? props.funders.join(', ') : 'Non précisés'}</dd>
        </div>
      </dl>
      {props.targets.length > 0 ? (
        <>
          <h2>Les objectifs</h2>
          <ul>
            {props.targets.map((t) => (
              <li>
                {t.label} : {t.value}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {props.before}
      <h2>Les prochains ateliers</h2>
      {props.upcoming.length === 0 ? <p>Aucun atelier n’est prévu pour le moment.</p> : <SessionList rows={props.upcoming} withLinks />}
      <p>
        <a href={props.agendaHref}>Voir les ateliers du programme et s’inscrire</a> · <a href={props.calendarHref}>Ajouter à l’agenda de mon téléphone</a>
      </p>
      <h2>Les ateliers passés</h2>
      {props.past.length === 0 ? <p>Aucun atelier n’a encore eu lieu.</p> : <SessionList rows={props.past} withLinks={false} />}
      {props.after}
    </>
  );
}
