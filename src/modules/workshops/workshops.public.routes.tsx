import { Hono, type Context } from 'hono';
import type { Child } from 'hono/jsx';
import { access } from '../../platform/http/access.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { readForm, type FieldErrors, type FormInput } from '../../platform/http/forms.ts';
import { registerNav } from '../../platform/http/navigation.ts';
import { errorPage, page } from '../../platform/http/render.tsx';
import type { Actor } from '../../platform/authz/index.ts';
import { formatDateLong, formatNumber } from '../../platform/format.ts';
import { countEvent, limitReached } from '../../platform/rate-limit/index.ts';
import { communeByCode, communes } from '../../territory/index.ts';
import { themes } from '../activities/activities.schema.ts';
import { themeLabels, workshopLevelLabels } from '../activities/activities.labels.ts';
import { clientOf } from '../accounts/accounts.sessions.ts';
import { acceptOffer, cancelRegistrationByToken, register } from './workshops.commands.ts';
import { agendaFilters, honeypotField, registrationFields, type AgendaFilters } from './workshops.forms.ts';
import { hashSecret } from '../../platform/ids.ts';
import { accessibilityLabels, accessNeedLabels, disabilityAnswerLabels, disabilityPurpose, targetKindLabels } from './workshops.labels.ts';
import { agendaChoices, findSession, programmeBySlug, registrationByTokenHash, searchAgenda, seatsLeft, sessionsForFeed, sessionsOfProgramme, targetsOf, type SessionView } from './workshops.queries.ts';
import { sessionsCalendar } from './workshops.ics.ts';
import { programmeSections } from './workshops.sections.ts';
import { accessibilityOptions, disabilityAnswers } from './workshops.schema.ts';
import { monthLabel, whenText, spokenTime } from './workshops.time.ts';
import { AgendaPage, type AgendaCard } from './views/agenda.tsx';
import { SessionPage } from './views/session.tsx';
import { emptyRegistration, MyRegistrationPage, RegistrationDonePage, RegistrationFormPage, type RegistrationValues } from './views/register.tsx';
import { ProgrammePage } from './views/programme.tsx';

registerNav({ href: '/ateliers', label: 'Trouver un atelier', shownTo: 'public', order: 11 });

/** Public pages of workshops: the agenda, one session, registration without an account, feeds, programmes. */
export const workshopPublicRoutes = new Hono<AppEnv>();

const perPage = 10;
/** Registrations from one network address: a helper registering a family is fine, a robot is not. */
const registrationLimit = { max: 15, windowMinutes: 60 };

const communeName = (code: string) => communeByCode(code)?.name ?? code;

function pageNumber(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 10_000) : 1;
}

export function whereText(s: SessionView): string {
  const name = s.place?.name ?? s.spotName ?? '';
  return `${name}, ${communeName(s.communeCode)}`;
}

function seatsText(s: SessionView): string {
  if (s.status === 'cancelled') return 'Atelier annulé';
  const left = seatsLeft(s);
  return left === 0 ? 'Complet : liste d’attente possible' : left === 1 ? 'Il reste 1 place' : `Il reste ${left} places`;
}

function offeredText(s: SessionView): string[] {
  return s.accessibility.map((a) => (a === 'other' && s.accessibilityOther ? s.accessibilityOther : accessibilityLabels[a]));
}

function readAgendaFilters(params: URLSearchParams): AgendaFilters {
  const parsed = agendaFilters.safeParse({
    commune: params.get('commune') ?? undefined,
    mois: params.get('mois') ?? undefined,
    theme: params.get('theme') ?? undefined,
    accessibilite: params.getAll('accessibilite'),
    programme: params.get('programme') ?? undefined,
  });
  return parsed.success ? parsed.data : { commune: null, mois: null, theme: null, accessibilite: [], programme: null };
}

/** The filters as a query string (shareable), with the page when above 1. */
export function agendaQuery(filters: AgendaFilters, pageNo = 1): string {
  const params = new URLSearchParams();
  if (filters.programme) params.set('programme', filters.programme);
  if (filters.commune) params.set('commune', filters.commune);
  if (filters.mois) params.set('mois', filters.mois);
  if (filters.theme) params.set('theme', filters.theme);
  for (const a of filters.accessibilite) params.append('accessibilite', a);
  if (pageNo > 1) params.set('page', String(pageNo));
  return params.toString();
}

function card(s: SessionView): AgendaCard {
  return { id: s.id, title: s.series.title, when: whenText(s.startsAt, s.endsAt), where: whereText(s), seats: seatsText(s), accessibility: offeredText(s) };
}

workshopPublicRoutes.get('/ateliers', access.public(), async (c) => {
  const params = new URL(c.req.url).searchParams;
  const filters = readAgendaFilters(params);
  const { db } = c.get('services').database;
  const [result, choices] = await Promise.all([searchAgenda(db, filters, { page: pageNumber(params.get('page') ?? undefined), perPage }), agendaChoices(db)]);
  const filtered = Boolean(filters.commune || filters.mois || filters.theme || filters.accessibilite.length || filters.programme);
  const title = `Les ateliers numériques${result.pageCount > 1 ? `, page ${result.page}` : ''}`;
  const communeCodes = [...new Set([...choices.communes, ...(filters.commune ? [filters.commune] : [])])];
  const months = [...new Set([...choices.months, ...(filters.mois ? [filters.mois] : [])])].sort();
  return page(
    c,
    { title },
    <AgendaPage
      heading="Les ateliers numériques"
      action="/ateliers"
      values={{ commune: filters.commune ?? '', mois: filters.mois ?? '', theme: filters.theme ?? '', accessibilite: filters.accessibilite, programme: filters.programme ?? '' }}
      choices={{
        communes: communeCodes.map((code) => ({ value: code, label: communeName(code) })).sort((a, b) => a.label.localeCompare(b.label, 'fr')),
        months: months.map((m) => ({ value: m, label: monthLabel(m) })),
        themes: themes.map((t) => ({ value: t, label: themeLabels[t] })),
        accessibility: accessibilityOptions.filter((a) => a !== 'other').map((a) => ({ value: a, label: accessibilityLabels[a] })),
      }}
      cards={result.rows.map(card)}
      total={result.total}
      page={result.page}
      pageCount={result.pageCount}
      hrefFor={(n) => {
        const q = agendaQuery(filters, n);
        return q ? `/ateliers?${q}#resultats` : '/ateliers#resultats';
      }}
      calendarHref="/ateliers.ics"
      filtered={filtered}
    />,
  );
});

function calendarResponse(c: Context<AppEnv>, body: string, filename: string) {
  return c.body(body, 200, { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `inline; filename="${filename}"`, 'cache-control': 'public, max-age=900' });
}

workshopPublicRoutes.get('/ateliers.ics', access.public(), async (c) => {
  const { database, config } = c.get('services');
  const rows = await sessionsForFeed(database.db, {});
  return calendarResponse(c, sessionsCalendar(rows, { name: 'Ateliers numériques (Relais)', baseUrl: config.baseUrl }), 'ateliers.ics');
});

workshopPublicRoutes.get('/programmes/:slug/ateliers.ics', access.public(), async (c) => {
  const { database, config } = c.get('services');
  const programme = await programmeBySlug(database.db, c.req.param('slug'));
  if (!programme) return errorPage(c, 404);
  const rows = await sessionsForFeed(database.db, { programmeId: programme.id });
  return calendarResponse(c, sessionsCalendar(rows, { name: `Ateliers ${programme.name}`, baseUrl: config.baseUrl }), `ateliers-${programme.slug}.ics`);
});

workshopPublicRoutes.get('/ateliers/:id', access.public(), async (c) => {
  const s = await findSession(c.get('services').database.db, c.req.param('id'));
  if (!s) return errorPage(c, 404);
  return page(
    c,
    { title: `Atelier : ${s.series.title}, ${formatDateLong(s.startsAt)}` },
    <SessionPage
      id={s.id}
      title={s.series.title}
      programme={{ name: s.programme.name, href: `/programmes/${s.programme.slug}` }}
      description={s.series.descriptionFalc}
      pictograms={s.series.pictograms}
      when={whenText(s.startsAt, s.endsAt)}
      place={{
        name: s.place?.name ?? s.spotName ?? '',
        href: s.place ? `/lieux/${s.place.id}` : null,
        address: s.place ? [s.place.address, s.place.locality].filter(Boolean).join(', ') : (s.spotAddress ?? ''),
        commune: communeName(s.communeCode),
      }}
      accessibility={offeredText(s)}
      level={workshopLevelLabels[s.series.level]}
      themes={s.series.themes.map((t) => themeLabels[t])}
      seatsLeft={seatsLeft(s)}
      waiting={s.waiting}
      cancelled={s.status === 'cancelled' ? { reason: s.cancellationReason ?? '' } : null}
      past={s.startsAt <= new Date()}
    />,
  );
});

// ——— Registration ———

const registrationChoices = {
  communes: [...communes].sort((a, b) => a.name.localeCompare(b.name, 'fr')).map((k) => ({ value: k.code, label: k.name })),
  needs: accessibilityOptions.map((a) => ({ value: a, label: accessNeedLabels[a] })),
  disabilityAnswers: disabilityAnswers.map((d) => ({ value: d, label: disabilityAnswerLabels[d] })),
};

function registrationValues(input: FormInput): RegistrationValues {
  const text = (k: string) => {
    const v = input[k];
    return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
  };
  const list = (k: string) => {
    const v = input[k];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };
  return {
    name: text('name'),
    phone: text('phone'),
    email: text('email'),
    communeCode: text('communeCode'),
    companion: text('companion'),
    accessNeeds: list('accessNeeds'),
    accessNeedsText: text('accessNeedsText'),
    disability: text('disability'),
    disabilityConsent: text('disabilityConsent'),
  };
}

/** Why a session takes no registration, in plain words; null when it does. */
function closedReason(s: SessionView, now = new Date()): string | null {
  if (s.status === 'cancelled') return 'Cet atelier est annulé. Vous ne pouvez pas vous inscrire. Choisissez un autre atelier.';
  if (s.startsAt <= now) return 'Cet atelier a déjà eu lieu. Vous ne pouvez plus vous inscrire. Choisissez un autre atelier.';
  return null;
}

export function registrationForm(c: Context<AppEnv>, s: SessionView, options: { action: string; backHref: string; onBehalf: boolean; values: RegistrationValues; errors: FieldErrors; status?: 409 | 429 }) {
  return page(
    c,
    { title: `${options.onBehalf ? 'Inscrire une personne à' : 'Inscription à'} l’atelier « ${s.series.title} » du ${formatDateLong(s.startsAt)}`, hasErrors: Object.keys(options.errors).length > 0, ...(options.status ? { status: options.status } : {}) },
    <RegistrationFormPage
      action={options.action}
      title={s.series.title}
      when={whenText(s.startsAt, s.endsAt)}
      where={whereText(s)}
      full={seatsLeft(s) === 0 || s.waiting > 0}
      onBehalf={options.onBehalf}
      values={options.values}
      errors={options.errors}
      communes={registrationChoices.communes}
      needs={registrationChoices.needs}
      disabilityAnswers={registrationChoices.disabilityAnswers}
      purpose={disabilityPurpose}
      backHref={options.backHref}
    />,
  );
}

function closedPage(c: Context<AppEnv>, s: SessionView, reason: string) {
  return page(
    c,
    { title: `Inscription fermée : ${s.series.title}, ${formatDateLong(s.startsAt)}`, status: 409 },
    <>
      <h1>Les inscriptions sont fermées</h1>
      <p>{reason}</p>
      <p>
        <a href="/ateliers">Voir les autres ateliers</a>
      </p>
    </>,
  );
}

/**
 * Reads, checks and saves a registration, by the person (actor null) or for them (a helper or trainer). Bad input
 * re-renders the form (422) with everything kept; a session that closed meanwhile says so; nothing is half-saved:
 * the registration, its sensitive answers and its messages go in one transaction.
 */
export async function handleRegistration(c: Context<AppEnv>, s: SessionView, options: { onBehalfOf: Actor | null; action: string; backHref: string; doneHref: (status: 'confirmed' | 'waiting') => string }) {
  const { database, config, notifyOutbox } = c.get('services');
  const form = await readForm(c, registrationFields);
  const trap = form.input[honeypotField];
  const onBehalf = options.onBehalfOf !== null;
  // A robot filled the hidden field: it is told "done", and nothing is stored or sent.
  if (trap !== undefined && trap !== '' && !(Array.isArray(trap) && trap.every((v) => v === ''))) return c.redirect(options.doneHref('confirmed'), 303);
  const closed = closedReason(s);
  if (closed) return closedPage(c, s, closed);
  if (!form.ok) return registrationForm(c, s, { ...options, onBehalf, values: registrationValues(form.input), errors: form.errors });
  const key = `workshop-registration:ip:${clientOf(c).ip ?? 'inconnue'}`;
  const outcome = await database.db.transaction(async (tx) => {
    if (!onBehalf && (await limitReached(tx, key, registrationLimit))) return 'limited' as const;
    const result = await register(tx, options.onBehalfOf, s.id, form.data, { baseUrl: config.baseUrl, requestId: c.get('requestId') });
    if (result.ok && !onBehalf) await countEvent(tx, key);
    return result;
  });
  if (outcome === 'limited') {
    return registrationForm(c, s, { ...options, onBehalf, values: registrationValues(form.input), errors: { name: 'Beaucoup d’inscriptions viennent d’être faites depuis cette connexion. Attendez une heure, ou demandez à un aidant de vous inscrire.' }, status: 429 });
  }
  if (!outcome.ok) {
    if (outcome.error === 'not_found') return errorPage(c, 404);
    return closedPage(c, s, outcome.error === 'cancelled' ? 'Cet atelier est annulé. Vous ne pouvez pas vous inscrire. Choisissez un autre atelier.' : 'Cet atelier a déjà eu lieu. Vous ne pouvez plus vous inscrire. Choisissez un autre atelier.');
  }
  notifyOutbox();
  return c.redirect(options.doneHref(outcome.value.status === 'confirmed' ? 'confirmed' : 'waiting'), 303);
}

workshopPublicRoutes.get('/ateliers/:id/inscription', access.public(), async (c) => {
  const s = await findSession(c.get('services').database.db, c.req.param('id'));
  if (!s) return errorPage(c, 404);
  const closed = closedReason(s);
  if (closed) return closedPage(c, s, closed);
  return registrationForm(c, s, { action: `/ateliers/${s.id}/inscription`, backHref: `/ateliers/${s.id}`, onBehalf: false, values: emptyRegistration, errors: {} });
});

workshopPublicRoutes.post('/ateliers/:id/inscription', access.public(), async (c) => {
  const s = await findSession(c.get('services').database.db, c.req.param('id'));
  if (!s) return errorPage(c, 404);
  return handleRegistration(c, s, {
    onBehalfOf: null,
    action: `/ateliers/${s.id}/inscription`,
    backHref: `/ateliers/${s.id}`,
    doneHref: (status) => `/ateliers/${s.id}/inscription/faite?etat=${status === 'confirmed' ? 'inscrit' : 'attente'}`,
  });
});

workshopPublicRoutes.get('/ateliers/:id/inscription/faite', access.public(), async (c) => {
  const s = await findSession(c.get('services').database.db, c.req.param('id'));
  if (!s) return errorPage(c, 404);
  const status = c.req.query('etat') === 'attente' ? 'waiting' : 'confirmed';
  return page(
    c,
    { title: status === 'confirmed' ? 'Inscription enregistrée' : 'Inscription sur la liste d’attente' },
    <RegistrationDonePage status={status} title={s.series.title} when={whenText(s.startsAt, s.endsAt)} onBehalf={c.req.query('pour') === '1'} backHref={`/ateliers/${s.id}`} />,
  );
});

// ——— The link in the messages ———

async function myRegistration(c: Context<AppEnv>, token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const { db } = c.get('services').database;
  const r = await registrationByTokenHash(db, hashSecret(token));
  if (!r) return null;
  const s = await findSession(db, r.sessionId);
  return s ? { r, s } : null;
}

workshopPublicRoutes.get('/ateliers/mon-inscription/:token', access.public(), async (c) => {
  const token = c.req.param('token');
  const found = await myRegistration(c, token);
  if (!found) return errorPage(c, 404);
  const { r, s } = found;
  return page(
    c,
    { title: 'Votre inscription à un atelier' },
    <MyRegistrationPage
      token={token}
      status={r.status}
      title={s.series.title}
      when={whenText(s.startsAt, s.endsAt)}
      where={whereText(s)}
      offerUntil={r.offerExpiresAt ? `${formatDateLong(r.offerExpiresAt)} à ${spokenTime(r.offerExpiresAt)}` : null}
      sessionHref={`/ateliers/${s.id}`}
      sessionCancelled={s.status === 'cancelled'}
    />,
  );
});

function tokenOutcomePage(c: Context<AppEnv>, title: string, text: string, status: 200 | 409 = 200) {
  return page(
    c,
    { title, status },
    <>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <a href="/ateliers">Voir tous les ateliers</a>
      </p>
    </>,
  );
}

const tokenErrors = {
  not_found: 'Ce lien ne marche pas. Il a peut-être été remplacé par un lien plus récent : regardez votre dernier message.',
  already_cancelled: 'Cette inscription est déjà annulée.',
  expired: 'Le délai pour répondre est passé. La place a été proposée à une autre personne.',
  not_offered: 'Aucune place ne vous est proposée pour le moment.',
  past: 'Cet atelier a déjà eu lieu.',
} as const;

workshopPublicRoutes.post('/ateliers/mon-inscription/:token/annuler', access.public(), async (c) => {
  const { database, config, notifyOutbox } = c.get('services');
  const result = await database.db.transaction((tx) => cancelRegistrationByToken(tx, c.req.param('token'), { baseUrl: config.baseUrl, requestId: c.get('requestId') }));
  if (!result.ok) return result.error === 'not_found' ? errorPage(c, 404) : tokenOutcomePage(c, 'Rien à annuler', tokenErrors[result.error], 409);
  notifyOutbox();
  return tokenOutcomePage(c, 'C’est fait : l’inscription est annulée', 'Merci de nous avoir prévenus. Votre place va être proposée à une autre personne.');
});

workshopPublicRoutes.post('/ateliers/mon-inscription/:token/accepter', access.public(), async (c) => {
  const { database, config, notifyOutbox } = c.get('services');
  const result = await database.db.transaction((tx) => acceptOffer(tx, c.req.param('token'), { baseUrl: config.baseUrl, requestId: c.get('requestId') }));
  if (!result.ok) return result.error === 'not_found' ? errorPage(c, 404) : tokenOutcomePage(c, 'La place n’est plus disponible', tokenErrors[result.error], 409);
  notifyOutbox();
  return tokenOutcomePage(c, 'C’est fait : vous êtes inscrit', 'Vous allez recevoir un message de confirmation. Deux jours avant l’atelier, nous envoyons un rappel.');
});

// ——— Programmes ———

workshopPublicRoutes.get('/programmes/:slug', access.public(), async (c) => {
  const { db } = c.get('services').database;
  const programme = await programmeBySlug(db, c.req.param('slug'));
  if (!programme) return errorPage(c, 404);
  const now = new Date();
  const [targets, sessions] = await Promise.all([targetsOf(db, programme.id), sessionsOfProgramme(db, programme.id)]);
  const row = (s: SessionView) => ({ id: s.id, title: s.series.title, when: whenText(s.startsAt, s.endsAt), commune: communeName(s.communeCode), state: s.status === 'cancelled' ? 'annulé' : '' });
  const context = { db, programme, targets, sessions, now };
  const before: Child[] = [];
  const after: Child[] = [];
  let targetsShown = false;
  for (const section of programmeSections()) {
    const rendered = await section.render(context);
    if (rendered === null) continue;
    (section.order < 100 ? before : after).push(rendered);
    targetsShown ||= section.showsTargets === true;
  }
  return page(
    c,
    { title: `Programme ${programme.name}` },
    <ProgrammePage
      name={programme.name}
      description={programme.description}
      consortium={programme.consortium.map((o) => o.name)}
      funders={programme.funders}
      startsOn={new Date(`${programme.startsOn}T12:00:00Z`)}
      endsOn={new Date(`${programme.endsOn}T12:00:00Z`)}
      targets={targetsShown ? [] : targets.map((t) => ({ label: t.kind === 'custom' ? (t.label ?? '') : (t.label ?? targetKindLabels[t.kind]), value: t.kind === 'satisfaction_percent' ? `${t.targetValue} %` : formatNumber(t.targetValue) }))}
      upcoming={sessions.filter((s) => s.endsAt >= now && s.status === 'scheduled').slice(0, 50).map(row)}
      past={sessions.filter((s) => s.endsAt < now).map(row)}
      agendaHref={`/ateliers?programme=${programme.slug}`}
      calendarHref={`/programmes/${programme.slug}/ateliers.ics`}
      before={before}
      after={after}
    />,
  );
});

