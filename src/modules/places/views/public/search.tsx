import type { JSX } from 'hono/jsx/jsx-runtime';
import { Button, Checkboxes, Details, ErrorSummary, Pagination, Select, TextInput } from '../../../../ui/index.ts';
import { plural } from '../../../../platform/format.ts';
import { communes, provinceLabels, provinces } from '../../../../territory/index.ts';
import { accessibilityFeatures, publics, services } from '../../places.enums.ts';
import { accessibilityFeatureLabels, publicLabels, serviceLabels } from '../../places.labels.ts';
import type { PlaceCard } from '../../places.public.ts';
import type { DistanceChoice, FilterErrors, PlaceFilters } from '../../places.search.ts';
import { memoHtml } from './memo.ts';
import { PlaceCardView } from './parts.tsx';

export const distanceLabels = {
  commune: 'Dans la commune seulement',
  '10': 'À 10 km au plus',
  '30': 'À 30 km au plus',
  '60': 'À 60 km au plus',
  '100': 'À 100 km au plus',
} as const satisfies Record<DistanceChoice, string>;

/** Field ids of the search form, in its order, for the error summary. */
export const searchFieldOrder = ['communeCode', 'distance', 'province', 'services', 'publics', 'accessibility', 'page'] as const;
const fieldIds: Record<keyof FilterErrors, string> = {
  words: 'q',
  communeCode: 'commune',
  distance: 'distance',
  province: 'province',
  services: 'service',
  publics: 'public',
  accessibility: 'accessibilite',
  free: 'quand',
  openNow: 'quand',
  openAtWeekend: 'quand',
  page: 'resultats',
};

export type SearchPageProps = {
  filters: PlaceFilters;
  errors: FilterErrors;
  cards: PlaceCard[];
  total: number;
  page: number;
  pages: number;
  originName: string | null;
  hrefFor: (page: number) => string;
  /** The API address of the same search, for the map. */
  mapData: string;
  mapAssets: { script: string; css: string };
  tiles: { url: string; attribution: string };
};

/** Rendered forms and cards, by their props (memo.ts): at most this many of each. */
const renderedForms = new Map<string, JSX.Element>();
const renderedCards = new Map<string, JSX.Element>();
const maxRendered = 2000;

/** /lieux: the search form (a GET form: the address holds the search), then the list of places, then the map button. */
export function SearchPage(props: SearchPageProps): JSX.Element {
  const { filters, errors } = props;
  return (
    <>
      {memoHtml(renderedForms, JSON.stringify([filters, errors]), () => SearchForm({ filters, errors }), maxRendered)}
      <SearchResults {...props} />
    </>
  );
}

/** The error summary, the title and the search form. */
export function SearchForm(props: { filters: PlaceFilters; errors: FilterErrors }): JSX.Element {
  const { filters, errors } = props;
  const errorLinks = searchFieldOrder.flatMap((key) => {
    const text = errors[key];
    return text ? [{ href: `#${fieldIds[key]}`, text }] : [];
  });
  const whenValues = [filters.openNow ? 'maintenant' : '', filters.openAtWeekend ? 'weekend' : '', filters.free ? 'gratuit' : ''].filter(Boolean);
  const moreOpen = filters.services.length + filters.publics.length + filters.accessibility.length + whenValues.length > 0 || filters.province !== null;
  return (
    <>
      {errorLinks.length > 0 ? <ErrorSummary errors={errorLinks} /> : null}
      <h1>Trouver un lieu pour être aidé</h1>
      <p class="r-lead">Vous cherchez de l’aide avec le numérique ? Trouvez un lieu près de chez vous.</p>
      <p>
        Vous ne savez pas quoi choisir ? <a href="/orientation">Répondez à 4 questions</a> et nous vous proposons des lieux.
      </p>
      <form method="get" action="/lieux" class="p-filters" role="search" aria-label="Chercher un lieu">
        <TextInput
          id="q"
          name="q"
          type="search"
          label="Que cherchez-vous ?"
          hint="Par exemple : médiathèque, Koné, démarches. Les accents et les fautes de frappe ne gênent pas."
          value={filters.words}
          spellcheck={false}
        />
        <Select
          id="commune"
          name="commune"
          label="Près de quelle commune ?"
          hint="Les lieux les plus proches s’affichent en premier."
          placeholder="Toutes les communes"
          items={communes.map((c) => ({ value: c.code, label: c.name }))}
          value={filters.communeCode ?? ''}
          error={errors.communeCode}
        />
        <Select
          id="distance"
          name="distance"
          label="Jusqu’à quelle distance ?"
          placeholder="Toute la Nouvelle-Calédonie"
          items={Object.entries(distanceLabels).map(([value, label]) => ({ value, label }))}
          value={filters.distance ?? ''}
          error={errors.distance}
        />
        <Details summary="Plus de critères" open={moreOpen || Object.keys(errors).length > 0}>
          <Select
            id="province"
            name="province"
            label="Dans quelle province ?"
            placeholder="Toutes les provinces"
            items={provinces.map((p) => ({ value: p, label: provinceLabels[p] }))}
            value={filters.province ?? ''}
            error={errors.province}
          />
          <Checkboxes
            id="quand"
            name="quand"
            label="Quand et combien ?"
            legendSize="s"
            items={[
              { value: 'maintenant', label: 'Ouvert maintenant' },
              { value: 'weekend', label: 'Ouvert le samedi ou le dimanche' },
              { value: 'gratuit', label: 'Gratuit' },
            ]}
            values={whenValues}
          />
          <Checkboxes
            id="service"
            name="service"
            label="Pour quelle aide ?"
            hint="Le lieu propose toutes les aides cochées."
            legendSize="s"
            items={services.map((s) => ({ value: s, label: serviceLabels[s] }))}
            values={filters.services}
            error={errors.services}
          />
          <Checkboxes
            id="public"
            name="public"
            label="Pour qui ?"
            legendSize="s"
            items={publics.map((p) => ({ value: p, label: publicLabels[p] }))}
            values={filters.publics}
            error={errors.publics}
          />
          <Checkboxes
            id="accessibilite"
            name="accessibilite"
            label="Avez-vous besoin d’un lieu accessible ?"
            hint="Le lieu a tout ce qui est coché."
            legendSize="s"
            items={accessibilityFeatures.map((a) => ({ value: a, label: accessibilityFeatureLabels[a] }))}
            values={filters.accessibility}
            error={errors.accessibility}
          />
        </Details>
        <Button>Rechercher</Button>
      </form>
    </>
  );
}

/** How many places were found, one page of them, the pages, and the map's placeholder. */
function SearchResults(props: SearchPageProps): JSX.Element {
  return (
    <>
      <h2 id="resultats" tabindex={-1}>
        {props.total === 0 ? 'Aucun lieu trouvé' : `${plural(props.total, 'lieu trouvé', 'lieux trouvés')}`}
        {props.originName ? `, du plus proche au plus loin de ${props.originName}` : ''}
      </h2>
      {props.total === 0 ? (
        <>
          <p>Essayez avec moins de critères, ou avec une autre commune.</p>
          <p>
            <a href="/lieux">Voir tous les lieux</a>
          </p>
        </>
      ) : (
        <>
          {props.pages > 1 ? <p>Page {props.page} sur {props.pages}.</p> : null}
          <ol class="p-results" aria-labelledby="resultats">
            {props.cards.map((card) => memoHtml(renderedCards, JSON.stringify(card), () => PlaceCardView({ card, headingLevel: 3 }), maxRendered))}
          </ol>
          <Pagination page={props.page} pageCount={props.pages} hrefFor={props.hrefFor} label="Pages de résultats" />
          <div
            class="p-map"
            data-module="app-places-map"
            data-source={props.mapData}
            data-script={props.mapAssets.script}
            data-css={props.mapAssets.css}
            data-tiles={props.tiles.url}
            data-attribution={props.tiles.attribution}
          ></div>
        </>
      )}
    </>
  );
}
