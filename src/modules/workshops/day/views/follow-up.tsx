import { Pagination, Table, Tag, type TagColour } from '../../../../ui/index.ts';

export type FollowUpRow = { id: string; title: string; when: string; where: string; roster: { label: string; colour: TagColour }; responses: number; debrief: string; links: { href: string; text: string }[] };

/** The trainers' and coordinators' entry to the day pages: sessions of today and the past, programmes to steer. */
export function FollowUpPage(props: {
  current: FollowUpRow[];
  past: FollowUpRow[];
  page: number;
  pageCount: number;
  hrefFor: (n: number) => string;
  programmes: { name: string; links: { href: string; text: string }[] }[];
}) {
  const table = (caption: string, rows: FollowUpRow[]) => (
    <Table
      caption={caption}
      head={['Séance', 'Lieu', 'Émargement', { text: 'Avis', numeric: true }, 'Bilan', 'Ouvrir']}
      firstCellIsHeader
      rows={rows.map((r) => [
        <>
          {r.title}
          <br />
          <span class="r-secondary-text">{r.when}</span>
        </>,
        r.where,
        <Tag colour={r.roster.colour}>{r.roster.label}</Tag>,
        r.responses,
        r.debrief,
        <ul class="r-list--plain">
          {r.links.map((l) => (
            <li>
              <a href={l.href}>
                {l.text}
                <span class="r-visually-hidden">
                  {' '}
                  : {r.title}, {r.when}
                </span>
              </a>
            </li>
          ))}
        </ul>,
      ])}
    />
  );
  return (
    <>
      <h1>Suivi des ateliers</h1>
      <p>Le jour de l’atelier : faites l’émargement, recueillez les avis des participants, puis écrivez le bilan.</p>
      {props.programmes.length ? (
        <>
          <h2>Programmes</h2>
          <ul>
            {props.programmes.map((p) => (
              <li>
                {p.name} :{' '}
                {p.links.map((l, i) => (
                  <>
                    {i > 0 ? ' · ' : ''}
                    <a href={l.href}>{l.text}</a>
                  </>
                ))}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>Aujourd’hui et bientôt</h2>
      {props.current.length ? table('Séances d’aujourd’hui et à venir', props.current) : <p>Aucune séance à venir pour vous.</p>}
      <h2>Séances passées</h2>
      {props.past.length ? table('Séances passées', props.past) : <p>Aucune séance passée pour vous. Les séances que vous animez ou coordonnez apparaîtront ici.</p>}
      <Pagination page={props.page} pageCount={props.pageCount} hrefFor={props.hrefFor} />
    </>
  );
}
