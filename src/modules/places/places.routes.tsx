import { Hono, type Context } from 'hono';
import { raw } from 'hono/html';
import { access } from '../../platform/http/access.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { registerNav } from '../../platform/http/navigation.ts';
import { page } from '../../platform/http/render.tsx';
import { formatDateLong } from '../../platform/format.ts';
import { communeByCode } from '../../territory/index.ts';
import { stylesheetHref } from '../../ui/index.ts';
import { accessibilityFeatures, services } from './places.enums.ts';
import { placeAssetByName, placeAssetHref } from './places.assets.ts';
import { hoursStatus } from './places.hours.ts';
import { anonymousPage } from './places.pages.ts';
import { mergedPlaceTarget } from './places.queries.ts';
import { hoursAt, hoursInWords, labelledToday, loadCards, presentCard, visiblePlaces } from './places.public.ts';
import { distanceChoices, noFilters, readFilters, searchPlaces, searchQuery, type PlaceFilters } from './places.search.ts';
import { IntegrationPage } from './views/public/integration.tsx';
import {
  OrientationResult,
  OrientationSheet,
  OrientationStep,
  stepTitle,
  whenChoices,
  type OrientationAnswers,
  type OrientationErrors,
} from './views/public/orientation.tsx';
import { PlacePage } from './views/public/place.tsx';
import { SearchPage } from './views/public/search.tsx';

registerNav({ href: '/lieux', label: 'Trouver un lieu', shownTo: 'public', order: 10 });

/** Public pages of places: search, one place, the orientation questionnaire, the embeddable list, map files. */
export const placesPublicRoutes = new Hono<AppEnv>();

const perPage = 20;

/** The pages' own small stylesheet, linked from the body (the layout knows only the design system's). */
function Styles() {
  return <link rel="stylesheet" href={placeAssetHref('styles')} />;
}

// Anonymous visitors without cookies get these pages from memory (places.pages.ts), rendered once per address,
// per change of the places and per minute.
placesPublicRoutes.get('/lieux', access.public(), (c) => anonymousPage(c, () => searchPage(c)));

async function searchPage(c: Context<AppEnv>): Promise<Response> {
  const { filters, page: pageNumber, errors } = readFilters(new URL(c.req.url).searchParams);
  const { db } = c.get('services').database;
  const now = new Date();
  const result = await searchPlaces(db, filters, { page: pageNumber, perPage, hours: hoursAt(now) });
  const cards = await loadCards(db, result.hits, now);
  const query = searchQuery(filters);
  const hasErrors = Object.keys(errors).length > 0;
  const title = filters.words ? `Lieux pour « ${filters.words.slice(0, 60)} »${result.pages > 1 ? `, page ${result.page}` : ''}` : `Trouver un lieu${result.pages > 1 ? `, page ${result.page}` : ''}`;
  return page(
    c,
    { title, hasErrors },
    <>
      <Styles />
      <SearchPage
        filters={filters}
        errors={errors}
        cards={cards}
        total={result.total}
        page={result.page}
        pages={result.pages}
        originName={result.origin?.name ?? null}
        hrefFor={(n) => `/lieux?${searchQuery(filters, n)}#resultats`}
        mapData={`/api/v1/lieux?${query}${query ? '&' : ''}par_page=100`}
        mapAssets={{ script: placeAssetHref('map'), css: placeAssetHref('mapStyles') }}
        tiles={c.get('services').config.mapTiles}
      />
      <script src={placeAssetHref('loader')} nonce={c.get('secureHeadersNonce')} defer></script>
    </>,
  );
}

placesPublicRoutes.get('/lieux/:id', access.public(), (c) => anonymousPage(c, () => placePage(c)));

async function placePage(c: Context<AppEnv>): Promise<Response> {
  const { db } = c.get('services').database;
  const id = c.req.param('id') ?? '';
  const now = new Date();
  // The place and the labelled places come from memory until the places or the labels change (places.version.ts).
  const [place, labelled] = await Promise.all([visiblePlaces(db, [id]).then((found) => found.get(id)), labelledToday(db, now)]);
  if (!place) {
    const target = await mergedPlaceTarget(db, id);
    return target ? c.redirect(`/lieux/${target}`, 301) : c.notFound();
  }
  const card = presentCard(place, { distanceKm: null, open: hoursStatus(place.openingHours, now), labelled: labelled.has(place.id) });
  return page(
    c,
    { title: place.name, breadcrumbs: [{ href: '/lieux', label: 'Trouver un lieu' }] },
    <>
      <Styles />
      <PlacePage place={place} card={card} hoursLines={hoursInWords(place.openingHours)} />
    </>,
  );
}

// ---- Orientation: four questions, one page each, no JavaScript; the answers travel in the address. ----

function readAnswers(params: URLSearchParams): OrientationAnswers {
  const one = (name: string) => (params.get(name) ?? '').trim();
  return {
    service: one('besoin'),
    commune: one('commune'),
    distance: one('distance'),
    when: one('quand'),
    needs: params.getAll('accessibilite').filter((n) => accessibilityFeatures.some((a) => a === n)),
  };
}

/** The first step whose answer is missing or wrong, with its messages; null when steps 1 to `upTo` are answered. */
function firstInvalidStep(answers: OrientationAnswers, upTo: number): { step: 1 | 2 | 3; errors: OrientationErrors } | null {
  if (upTo >= 1 && !services.some((s) => s === answers.service)) return { step: 1, errors: { besoin: 'Choisissez ce dont vous avez besoin' } };
  if (upTo >= 2) {
    const errors: OrientationErrors = {};
    if (!communeByCode(answers.commune)) errors.commune = 'Choisissez votre commune';
    if (!(answers.distance === 'partout' || distanceChoices.some((d) => d === answers.distance))) errors.distance = 'Choisissez jusqu’à quelle distance vous pouvez aller';
    if (Object.keys(errors).length > 0) return { step: 2, errors };
  }
  if (upTo >= 3 && !whenChoices.some((w) => w === answers.when)) return { step: 3, errors: { quand: 'Choisissez quand vous voulez y aller' } };
  return null;
}

function filtersOf(answers: OrientationAnswers): PlaceFilters {
  return {
    ...noFilters,
    communeCode: answers.commune,
    distance: distanceChoices.find((d) => d === answers.distance) ?? null,
    services: services.filter((s) => s === answers.service),
    accessibility: accessibilityFeatures.filter((a) => answers.needs.includes(a)),
    openNow: answers.when === 'maintenant',
    openAtWeekend: answers.when === 'weekend',
  };
}

/** The short list: the five nearest places that fit every answer. */
async function shortList(c: Context<AppEnv>, answers: OrientationAnswers) {
  const { db } = c.get('services').database;
  const now = new Date();
  const result = await searchPlaces(db, filtersOf(answers), { page: 1, perPage: 5, hours: hoursAt(now) });
  return loadCards(db, result.hits, now);
}

placesPublicRoutes.get('/orientation', access.public(), async (c) => {
  const params = new URL(c.req.url).searchParams;
  const answers = readAnswers(params);
  const asked = Number(params.get('etape') ?? '1');
  const step = Number.isInteger(asked) && asked >= 1 && asked <= 5 ? asked : 1;
  const invalid = firstInvalidStep(answers, step - 1);
  if (invalid) {
    return page(c, { title: `${stepTitle(invalid.step)} — Orientation`, hasErrors: true }, <OrientationStep step={invalid.step} answers={answers} errors={invalid.errors} />);
  }
  if (step === 5) {
    const cards = await shortList(c, answers);
    return page(
      c,
      { title: 'Les lieux qui peuvent vous aider — Orientation' },
      <>
        <Styles />
        <OrientationResult answers={answers} cards={cards} />
      </>,
    );
  }
  const current = step === 1 || step === 2 || step === 3 || step === 4 ? step : 1;
  return page(c, { title: `${stepTitle(current)} — Orientation` }, <OrientationStep step={current} answers={answers} errors={{}} />);
});

placesPublicRoutes.get('/orientation/fiche', access.public(), (c) => anonymousPage(c, () => orientationSheet(c)));

async function orientationSheet(c: Context<AppEnv>): Promise<Response> {
  const answers = readAnswers(new URL(c.req.url).searchParams);
  const invalid = firstInvalidStep(answers, 3);
  if (invalid) return c.redirect(`/orientation?etape=${invalid.step}`, 303);
  const cards = await shortList(c, answers);
  return page(
    c,
    { title: 'Fiche d’orientation' },
    <>
      <Styles />
      <OrientationSheet answers={answers} cards={cards} date={formatDateLong(new Date())} />
    </>,
  );
}

// ---- The embeddable list: the one route other sites may frame (app.ts lifts frame-ancestors for it). ----

placesPublicRoutes.get('/integration', access.public(), async (c) => {
  const code = c.req.query('commune') ?? '';
  const commune = communeByCode(code) ?? null;
  const { db } = c.get('services').database;
  const now = new Date();
  const filters: PlaceFilters = { ...noFilters, communeCode: commune?.code ?? null };
  const result = await searchPlaces(db, filters, { page: 1, perPage: 10, hours: hoursAt(now) });
  const cards = await loadCards(db, result.hits, now);
  return c.html(
    <>
      {raw('<!doctype html>')}
      <IntegrationPage
        commune={commune?.name ?? null}
        unknownCommune={code !== '' && commune === null}
        cards={cards}
        moreHref={`${c.get('services').config.baseUrl}/lieux${commune ? `?commune=${commune.code}` : ''}`}
        baseUrl={c.get('services').config.baseUrl}
        stylesheets={[stylesheetHref(), placeAssetHref('styles')]}
      />
    </>,
  );
});

placesPublicRoutes.get('/static/lieux/:file', access.public(), (c) => {
  const asset = placeAssetByName(c.req.param('file'));
  if (!asset) return c.text('Fichier introuvable', 404);
  return c.body(asset.body, 200, { 'Content-Type': asset.contentType, 'Cache-Control': 'public, max-age=31536000, immutable' });
});
