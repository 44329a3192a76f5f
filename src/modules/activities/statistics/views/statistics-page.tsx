import { BarChart, Button, DateInput, Details, LinkButton, NotificationBanner, Select, SummaryList, Table } from '../../../../ui/index.ts';
import type { PresentedReport } from '../statistics.presenters.ts';

type Option = { value: string; label: string };

export type StatisticsPageProps = {
  heading: string;
  /** Who the figures are about, in a sentence: "Les accompagnements de l’équipe « … »". */
  scopeText: string;
  views: { href: string; label: string; current: boolean }[];
  view: string;
  subject: { name: 'equipe' | 'partenaire'; label: string; value: string; options: Option[] } | null;
  filters: {
    from: string;
    to: string;
    kind: string;
    theme: string;
    partnerId: string | null;
    communeCode: string;
    place: { id: string; name: string } | null;
    kindOptions: Option[];
    themeOptions: Option[];
    partnerOptions: Option[];
    communeOptions: Option[];
  };
  filtersText: string[];
  problems: string[];
  exportHref: string;
  clearHref: string;
  report: PresentedReport;
  sourceText: string;
  empty: { text: string; action: { href: string; label: string } | null } | null;
};

/** /statistiques: filters, key figures with their counting rules, the months chart, one table per breakdown. */
export function StatisticsPage(props: StatisticsPageProps) {
  const r = props.report;
  return (
    <>
      <h1>{props.heading}</h1>
      <p class="r-lead">{props.scopeText}</p>
      {props.problems.length > 0 ? (
        <NotificationBanner kind="warning" title="Une partie de l’adresse a été ignorée">
          <ul>
            {props.problems.map((p) => (
              <li>{p}</li>
            ))}
          </ul>
        </NotificationBanner>
      ) : null}
      {props.views.length > 1 ? (
        <nav aria-label="Statistiques à afficher">
          <ul class="r-list--plain">
            {props.views.map((v) => (
              <li>
                <a href={v.href} aria-current={v.current ? 'page' : undefined}>
                  {v.current ? <strong>{v.label}</strong> : v.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {props.empty ? (
        <>
          <p>{props.empty.text}</p>
          {props.empty.action ? <LinkButton href={props.empty.action.href}>{props.empty.action.label}</LinkButton> : null}
        </>
      ) : (
        <>
          <Details summary="Choisir la période et les filtres" open={props.filtersText.length > 1}>
            <form method="get" action="/statistiques" novalidate>
              <input type="hidden" name="vue" value={props.view} />
              {props.subject ? <Select id={props.subject.name} name={props.subject.name} label={props.subject.label} items={props.subject.options} value={props.subject.value} /> : null}
              <DateInput id="du" name="du" label="Du" hint="Par exemple : 01/01/2026" value={props.filters.from} />
              <DateInput id="au" name="au" label="Au" hint="Par exemple : 31/12/2026" value={props.filters.to} />
              <Select id="type" name="type" label="Type de fiche" placeholder="Tous les types" items={props.filters.kindOptions} value={props.filters.kind} />
              <Select id="theme" name="theme" label="Thème" placeholder="Tous les thèmes" items={props.filters.themeOptions} value={props.filters.theme} />
              {props.filters.partnerId !== null ? <Select id="partenaire" name="partenaire" label="Partenaire de la démarche" placeholder="Tous les partenaires" items={props.filters.partnerOptions} value={props.filters.partnerId} /> : null}
              <Select id="commune" name="commune" label="Commune de la personne" placeholder="Toutes les communes" items={props.filters.communeOptions} value={props.filters.communeCode} />
              {props.filters.place ? (
                <p>
                  <input type="hidden" name="lieu" value={props.filters.place.id} />
                  Lieu : {props.filters.place.name}.
                </p>
              ) : null}
              <Button variant="secondary">Afficher les statistiques</Button>
            </form>
            <p>
              <a href={props.clearHref}>Effacer les filtres</a>
            </p>
          </Details>
          <h2>Ce qui est compté</h2>
          <ul>
            {props.filtersText.map((t) => (
              <li>{t}</li>
            ))}
          </ul>
          <p>
            <LinkButton href={props.exportHref} variant="secondary">
              Télécharger ces statistiques (tableur XLSX)
            </LinkButton>
          </p>
          {r.masking.active ? (
            <NotificationBanner kind="info" title="Petits nombres cachés" role="region" id="petits-nombres">
              <p>
                {r.masking.everything
                  ? 'Les statistiques portent sur une commune ou un lieu : tout nombre entre 1 et 4 est écrit « < 5 », pour qu’on ne puisse reconnaître personne.'
                  : 'Dans les répartitions par commune, âge, genre et situation, et pour les personnes, un nombre entre 1 et 4 est écrit « < 5 », pour qu’on ne puisse reconnaître personne.'}{' '}
                Quand un seul nombre est caché dans une répartition, un deuxième est écrit « masqué » : sinon on le retrouverait en faisant la différence avec le total.
              </p>
            </NotificationBanner>
          ) : null}
          <h2>Chiffres clés</h2>
          <SummaryList
            rows={r.keyFigures.map((k) => ({
              key: k.label,
              value: (
                <>
                  <strong>{k.figure.text}</strong>
                  <p class="r-hint">{k.rule}</p>
                </>
              ),
            }))}
          />
          <h2>Par mois</h2>
          <p class="r-hint">Les accompagnements de chaque mois, comptés comme plus haut. Le tableur donne aussi le nombre de fiches par mois.</p>
          <BarChart
            id="stat-mois"
            title="Accompagnements par mois"
            categoryLabel="Mois"
            valueLabel="Accompagnements"
            points={r.months.map((m) => ({ label: m.label, shortLabel: m.shortLabel, value: m.accompaniments.value, ...(m.accompaniments.hidden ? { display: m.accompaniments.text } : {}) }))}
          />
          {r.sections.map((s) => (
            <section aria-labelledby={`section-${s.id}`}>
              <h2 id={`section-${s.id}`}>Par {s.title.charAt(0).toLowerCase() + s.title.slice(1)}</h2>
              <p class="r-hint">{s.rule}</p>
              {s.rows.length === 0 ? (
                <p>{s.empty}</p>
              ) : (
                <Table
                  id={`stat-${s.id}`}
                  caption={s.title}
                  captionHidden
                  firstCellIsHeader
                  head={s.columns.map((c, i) => (i === 0 ? c : { text: c, numeric: true }))}
                  rows={s.rows.map((row) => [row.label, ...row.figures.map((f) => f.text)])}
                />
              )}
            </section>
          ))}
          <Details summary="Comment ces chiffres sont calculés">
            <p>{props.sourceText}</p>
            <p>
              Chaque fiche est comptée à sa date, dans la structure et pour l’aidant qui l’a enregistrée. Une fiche modifiée ou supprimée change les
              statistiques aussitôt.
            </p>
          </Details>
        </>
      )}
    </>
  );
}
