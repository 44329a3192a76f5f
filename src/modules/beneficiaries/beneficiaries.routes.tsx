import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../../platform/http/env.ts';
import { access, UnauthenticatedError } from '../../platform/http/access.ts';
import { redirectWithFlash } from '../../platform/http/flash.ts';
import { inputValue, readForm, type FieldErrors, type FormInput } from '../../platform/http/forms.ts';
import { registerNav } from '../../platform/http/navigation.ts';
import { errorPage, page } from '../../platform/http/render.tsx';
import { can, type Actor } from '../../platform/authz/index.ts';
import { formatDateLong, formatDateTime, localDay, nextDay, startOfLocalDay } from '../../platform/format.ts';
import { formatPhone } from '../../platform/phone.ts';
import { checkUpload, deleteStoredFile, maxFileBytes, readStoredFile, storeFile, uploadErrorMessages, type CheckedUpload } from '../../platform/files.ts';
import { communeByCode } from '../../territory/index.ts';
import { activitiesOfBeneficiary, activityKindLabels, formatDuration, themeLabels } from '../activities/index.ts';
import { createBeneficiary, dismissDuplicate, eraseBeneficiary, mergeBeneficiaries, recordFileRead, updateBeneficiary } from './beneficiaries.commands.ts';
import { currentFollowConsentVersion, followConsentTexts, mandateConsentPreview } from './beneficiaries.consent.ts';
import { beneficiaryExport } from './beneficiaries.export.ts';
import { beneficiaryFields, consentAnswerFields, dismissFields, mandateFields, mandateUseFields, mergeableFields, mergeFields, newBeneficiaryFields, revokeFields, type MergeableField } from './beneficiaries.forms.ts';
import { genderLabels, mandateCategoryLabels, mandateDurationLabels, consentMethodLabels, mandateStateColours, mandateStateLabels, personStatusLabels } from './beneficiaries.labels.ts';
import type { FileSubject } from './beneficiaries.policy.ts';
import {
  activityCountOf,
  duplicatePairs,
  fileSubject,
  findBeneficiary,
  findMandate,
  followingOrganisations,
  listBeneficiaries,
  mandatesOf,
  possibleDuplicates,
  usesOfMandates,
  type Beneficiary,
  type DuplicateCandidate,
  type Mandate,
} from './beneficiaries.queries.ts';
import { mandateCategories, mandateDurations, type MandateCategory } from './beneficiaries.schema.ts';
import { answerMandateConsent, createMandate, recordMandateUse, revokeMandate } from './mandates.commands.ts';
import { activeCategories, mandateState } from './mandates.states.ts';
import { ListPage } from './views/list.tsx';
import { BeneficiaryFormPage, type BeneficiaryFormValues, type DuplicateItem } from './views/form.tsx';
import { ErasePage, FilePage } from './views/file.tsx';
import { ExportPage } from './views/export.tsx';
import { DuplicatesPage, MergePage, type MergeSide } from './views/duplicates.tsx';
import { MandateFormPage, MandatePage, MandateUsePage, RevokePage, type MandateFormValues } from './views/mandates.tsx';

registerNav({ href: '/beneficiaires', label: 'Personnes suivies', shownTo: 'beneficiary.list', order: 31 });

export const beneficiaryRoutes = new Hono<AppEnv>();

const listCrumb = { href: '/beneficiaires', label: 'Personnes suivies' };

function currentActor(c: Context<AppEnv>): Actor & { kind: 'person' } {
  const actor = c.get('actor');
  if (!actor) throw new UnauthenticatedError();
  if (actor.kind !== 'person') throw new UnauthenticatedError();
  return actor;
}

function pageNumber(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 100_000) : 1;
}

const context = (c: Context<AppEnv>) => ({ requestId: c.get('requestId') });
const fullName = (b: { firstName: string; lastName: string }) => `${b.firstName} ${b.lastName}`;
const communeName = (code: string | null) => (code ? (communeByCode(code)?.name ?? code) : 'Non communiquée');
const phoneText = (b: Beneficiary) => (b.phone ? formatPhone(b.phone) : b.noPhone ? 'Pas de téléphone' : 'Non communiqué');
const dayText = (day: string) => formatDateLong(startOfLocalDay(day));

/** A page to go back to after choosing a person (the activity form): a path on Relais only. */
function safeReturn(value: string | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\') || value.length > 500) return null;
  return value;
}
const withParam = (path: string, name: string, value: string) => `${path}${path.includes('?') ? '&' : '?'}${name}=${encodeURIComponent(value)}`;

type LoadedFile = { file: Beneficiary; subject: FileSubject; organisationName: string };

/**
 * Loads a file the actor may read, or null: a file of another structure answers 404, as if it did not exist.
 * Then checks `action` on it (403 when the actor may read but not do that).
 */
async function loadFile(c: Context<AppEnv>, actor: Actor, action: string): Promise<LoadedFile | 403 | null> {
  const { db } = c.get('services').database;
  const file = await findBeneficiary(db, c.req.param('id') ?? '');
  if (!file) return null;
  const found = await fileSubject(db, actor, file.organisationId);
  if (!found || !can(actor, 'beneficiary.read', found.subject)) return null;
  if (!can(actor, action, found.subject)) return 403;
  return { file, subject: found.subject, organisationName: found.organisationName };
}

// ——— List and picker ———

beneficiaryRoutes.get('/beneficiaires', access.to('beneficiary.list'), async (c) => {
  const actor = currentActor(c);
  const { db } = c.get('services').database;
  const q = (c.req.query('q') ?? '').trim().slice(0, 100);
  const returnTo = safeReturn(c.req.query('retour'));
  const current = pageNumber(c.req.query('page'));
  const organisations = await followingOrganisations(db, actor);
  const result = await listBeneficiaries(db, actor, { q, page: current });
  const hrefFor = (n: number) => {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    if (returnTo) params.set('retour', returnTo);
    if (n > 1) params.set('page', String(n));
    const query = params.toString();
    return query ? `/beneficiaires?${query}` : '/beneficiaires';
  };
  const title = `${returnTo ? 'Choisir une personne suivie' : 'Personnes suivies'}${q ? ` : « ${q} »` : ''}${current > 1 ? `, page ${current}` : ''}`;
  return page(
    c,
    { title },
    <ListPage
      q={q}
      rows={result.rows.map((b) => ({
        id: b.id,
        name: fullName(b),
        birthYear: b.birthYear ? String(b.birthYear) : '—',
        communeName: communeName(b.communeCode),
        phone: phoneText(b),
        href: `/beneficiaires/${b.id}`,
        chooseHref: returnTo ? withParam(returnTo, 'beneficiaire', b.id) : null,
      }))}
      total={result.total}
      page={current}
      pageCount={result.pageCount}
      hrefFor={hrefFor}
      returnTo={returnTo}
      canCreate={organisations.some((o) => can(actor, 'beneficiary.create', { organisationId: o.id, province: o.province }))}
      followsForSomeone={organisations.length > 0}
    />,
  );
});

// ——— Creation, with consent ———

const emptyValues: BeneficiaryFormValues = { organisationId: '', firstName: '', lastName: '', phone: '', noPhone: '', birthYear: '', communeCode: '', gender: 'not_communicated', status: 'not_communicated', consent: '', notDuplicate: '' };

function formValues(input: FormInput): BeneficiaryFormValues {
  const v = (k: keyof BeneficiaryFormValues) => inputValue(input, k);
  return { organisationId: v('organisationId'), firstName: v('firstName'), lastName: v('lastName'), phone: v('phone'), noPhone: v('noPhone'), birthYear: v('birthYear'), communeCode: v('communeCode'), gender: v('gender'), status: v('status'), consent: v('consent'), notDuplicate: v('notDuplicate') };
}

async function creatableOrganisations(c: Context<AppEnv>, actor: Actor) {
  return (await followingOrganisations(c.get('services').database.db, actor)).filter((o) => can(actor, 'beneficiary.create', { organisationId: o.id, province: o.province }));
}

function duplicateItems(rows: DuplicateCandidate[]): DuplicateItem[] {
  return rows.map(({ file: d }) => ({ name: fullName(d), details: [d.birthYear ? `née ou né en ${d.birthYear}` : null, communeName(d.communeCode), phoneText(d)].filter(Boolean).join(', '), href: `/beneficiaires/${d.id}` }));
}

function newForm(c: Context<AppEnv>, organisations: { id: string; name: string }[], values: BeneficiaryFormValues, errors: FieldErrors, duplicates: DuplicateItem[], returnTo: string | null) {
  const action = returnTo ? withParam('/beneficiaires/nouvelle', 'retour', returnTo) : '/beneficiaires/nouvelle';
  return page(
    c,
    { title: 'Nouvelle personne suivie', hasErrors: Object.keys(errors).length > 0, breadcrumbs: [listCrumb] },
    <BeneficiaryFormPage
      heading="Nouvelle personne suivie"
      action={action}
      submitLabel="Créer la fiche"
      cancelHref={returnTo ?? '/beneficiaires'}
      values={values}
      errors={errors}
      organisations={organisations}
      consent={{ version: currentFollowConsentVersion, text: followConsentTexts[currentFollowConsentVersion] }}
      duplicates={duplicates}
    />,
  );
}

beneficiaryRoutes.get('/beneficiaires/nouvelle', access.to('beneficiary.create'), async (c) => {
  const organisations = await creatableOrganisations(c, currentActor(c));
  if (organisations.length === 0) return errorPage(c, 403);
  return newForm(c, organisations, { ...emptyValues, organisationId: organisations.length === 1 ? (organisations[0]?.id ?? '') : '' }, {}, [], safeReturn(c.req.query('retour')));
});

beneficiaryRoutes.post('/beneficiaires/nouvelle', access.to('beneficiary.create'), async (c) => {
  const actor = currentActor(c);
  const { db } = c.get('services').database;
  const returnTo = safeReturn(c.req.query('retour'));
  const organisations = await creatableOrganisations(c, actor);
  if (organisations.length === 0) return errorPage(c, 403);
  const form = await readForm(c, newBeneficiaryFields);
  const values = formValues(form.input);
  const chosen = organisations.length === 1 ? organisations[0] : organisations.find((o) => o.id === values.organisationId);
  if (!form.ok || !chosen) {
    const errors = form.ok ? {} : { ...form.errors };
    if (!chosen) errors.organisationId = 'Choisissez la structure qui suit la personne';
    return newForm(c, organisations, values, errors, [], returnTo);
  }
  const data = form.data;
  const duplicates = await possibleDuplicates(db, chosen.id, data);
  if (duplicates.length > 0 && !data.notDuplicate) {
    return newForm(c, organisations, values, { doublon: 'Une fiche semblable existe déjà. Ouvrez-la si c’est la même personne, sinon cochez « c’est une autre personne ».' }, duplicateItems(duplicates), returnTo);
  }
  const created = await db.transaction((tx) =>
    createBeneficiary(tx, actor, { organisationId: chosen.id, province: chosen.province }, { firstName: data.firstName, lastName: data.lastName, phone: data.phone, noPhone: data.noPhone, birthYear: data.birthYear, communeCode: data.communeCode, gender: data.gender, status: data.status, consentVersion: data.consentVersion, notDuplicate: data.notDuplicate }, context(c)),
  );
  const flash = { kind: 'success' as const, text: `Fiche de ${data.firstName} ${data.lastName} créée, avec son accord.` };
  return redirectWithFlash(c, returnTo ? withParam(returnTo, 'beneficiaire', created.id) : `/beneficiaires/${created.id}`, flash);
});

// ——— Duplicates and merge ———

beneficiaryRoutes.get('/beneficiaires/doublons', access.to('beneficiary.merge'), async (c) => {
  const actor = currentActor(c);
  const current = pageNumber(c.req.query('page'));
  const result = await duplicatePairs(c.get('services').database.db, actor, current);
  return page(
    c,
    { title: current > 1 ? `Doublons possibles, page ${current}` : 'Doublons possibles', breadcrumbs: [listCrumb] },
    <DuplicatesPage
      rows={result.pairs.map((p) => ({
        aName: `${fullName(p.a)}${p.a.birthYear ? ` (${p.a.birthYear})` : ''}`,
        bName: `${fullName(p.b)}${p.b.birthYear ? ` (${p.b.birthYear})` : ''}`,
        aId: p.a.id,
        bId: p.b.id,
        aHref: `/beneficiaires/${p.a.id}`,
        bHref: `/beneficiaires/${p.b.id}`,
        reason: [p.samePhone ? 'même téléphone' : null, p.similarity >= 0.99 ? 'même nom' : p.similarity >= 0.45 ? 'noms proches' : null].filter(Boolean).join(', '),
        mergeHref: `/beneficiaires/fusion?garder=${p.a.id}&retirer=${p.b.id}`,
      }))}
      total={result.total}
      page={current}
      pageCount={result.pageCount}
      hrefFor={(n) => (n > 1 ? `/beneficiaires/doublons?page=${n}` : '/beneficiaires/doublons')}
    />,
  );
});

beneficiaryRoutes.post('/beneficiaires/doublons/ignorer', access.to('beneficiary.merge'), async (c) => {
  const actor = currentActor(c);
  const form = await readForm(c, dismissFields);
  if (!form.ok) return errorPage(c, 404);
  const pair = await loadPair(c, actor, form.data.first, form.data.second);
  if (!pair) return errorPage(c, 404);
  await c.get('services').database.db.transaction((tx) => dismissDuplicate(tx, actor, pair.subject, pair.keep.id, pair.remove.id, context(c)));
  return redirectWithFlash(c, '/beneficiaires/doublons', { kind: 'success', text: `${fullName(pair.keep)} et ${fullName(pair.remove)} sont deux personnes : la paire quitte la liste.` });
});

/** Both files of a merge, readable and mergeable by the actor, of the same structure; otherwise null (404). */
async function loadPair(c: Context<AppEnv>, actor: Actor, keepId: string, removeId: string) {
  const { db } = c.get('services').database;
  const keep = await findBeneficiary(db, keepId);
  const remove = await findBeneficiary(db, removeId);
  if (!keep || !remove || keep.id === remove.id || keep.organisationId !== remove.organisationId) return null;
  const found = await fileSubject(db, actor, keep.organisationId);
  if (!found || !can(actor, 'beneficiary.merge', found.subject)) return null;
  return { keep, remove, subject: found.subject };
}

async function mergeSide(c: Context<AppEnv>, actor: Actor, b: Beneficiary): Promise<MergeSide> {
  const { db } = c.get('services').database;
  const values: Record<MergeableField, string> = {
    firstName: b.firstName,
    lastName: b.lastName,
    phone: phoneText(b),
    birthYear: b.birthYear ? String(b.birthYear) : 'Non communiquée',
    communeCode: communeName(b.communeCode),
    gender: genderLabels[b.gender],
    status: personStatusLabels[b.status],
  };
  return { id: b.id, name: fullName(b), values, activities: await activityCountOf(db, actor, b.id), mandates: (await mandatesOf(db, b.id)).length };
}

async function mergeScreen(c: Context<AppEnv>, actor: Actor, keep: Beneficiary, remove: Beneficiary, choices: Record<MergeableField, string>, errors: FieldErrors) {
  await c.get('services').database.db.transaction(async (tx) => {
    await recordFileRead(tx, actor, keep, 'fusion', context(c));
    await recordFileRead(tx, actor, remove, 'fusion', context(c));
  });
  return page(
    c,
    { title: 'Fusionner deux fiches', hasErrors: Object.keys(errors).length > 0, breadcrumbs: [listCrumb, { href: '/beneficiaires/doublons', label: 'Doublons possibles' }] },
    <MergePage keep={await mergeSide(c, actor, keep)} remove={await mergeSide(c, actor, remove)} choices={choices} errors={errors} />,
  );
}

const keepAll: Record<MergeableField, string> = { firstName: 'keep', lastName: 'keep', phone: 'keep', birthYear: 'keep', communeCode: 'keep', gender: 'keep', status: 'keep' };

beneficiaryRoutes.get('/beneficiaires/fusion', access.to('beneficiary.merge'), async (c) => {
  const actor = currentActor(c);
  const pair = await loadPair(c, actor, c.req.query('garder') ?? '', c.req.query('retirer') ?? '');
  if (!pair) return errorPage(c, 404);
  return mergeScreen(c, actor, pair.keep, pair.remove, keepAll, {});
});

beneficiaryRoutes.post('/beneficiaires/fusion', access.to('beneficiary.merge'), async (c) => {
  const actor = currentActor(c);
  const form = await readForm(c, mergeFields);
  const pair = await loadPair(c, actor, inputValue(form.input, 'keep'), inputValue(form.input, 'remove'));
  if (!pair) return errorPage(c, 404);
  if (!form.ok) {
    const choices = { ...keepAll };
    for (const f of mergeableFields) choices[f] = inputValue(form.input, f);
    return mergeScreen(c, actor, pair.keep, pair.remove, choices, form.errors);
  }
  const result = await c.get('services').database.db.transaction((tx) => mergeBeneficiaries(tx, actor, pair.subject, form.data, context(c)));
  if (!result.ok) return errorPage(c, 404);
  return redirectWithFlash(c, `/beneficiaires/${result.value.keptId}`, { kind: 'success', text: 'Les deux fiches sont fusionnées. L’aide reçue et les mandats sont sur cette fiche.' });
});

// ——— The file ———

function notFound(c: Context<AppEnv>, loaded: LoadedFile | 403 | null): Response | Promise<Response> {
  return errorPage(c, loaded === 403 ? 403 : 404);
}

beneficiaryRoutes.get('/beneficiaires/:id', access.to('beneficiary.read'), async (c) => {
  const actor = currentActor(c);
  const loaded = await loadFile(c, actor, 'beneficiary.read');
  if (!loaded || loaded === 403) return notFound(c, loaded);
  const { file, subject } = loaded;
  const { db } = c.get('services').database;
  await db.transaction((tx) => recordFileRead(tx, actor, file, 'fiche', context(c)));
  const history = await activitiesOfBeneficiary(db, actor, file.id);
  const held = await mandatesOf(db, file.id);
  const now = new Date();
  const takenBy = file.consentTakenByUserId === actor.userId ? 'vous' : 'un aidant de la structure';
  return page(
    c,
    { title: fullName(file), breadcrumbs: [listCrumb] },
    <FilePage
      id={file.id}
      name={fullName(file)}
      facts={[
        { key: 'Prénom', value: file.firstName },
        { key: 'Nom', value: file.lastName },
        { key: 'Téléphone', value: phoneText(file) },
        { key: 'Année de naissance', value: file.birthYear ? String(file.birthYear) : 'Non communiquée' },
        { key: 'Commune', value: communeName(file.communeCode) },
        { key: 'Genre', value: genderLabels[file.gender] },
        { key: 'Situation', value: personStatusLabels[file.status] },
      ]}
      consent={{ version: file.consentVersion || 'non précisée', text: file.consentText, given: formatDateTime(file.consentGivenAt), takenBy }}
      history={history.map((a) => ({
        date: dayText(a.date),
        kind: a.title ? `${activityKindLabels[a.kind]} : ${a.title}` : activityKindLabels[a.kind],
        themes: [...a.themes.map((t) => themeLabels[t]), ...(a.procedureName ? [a.procedureName] : [])].join(', ') || '—',
        helper: a.helperName,
        duration: formatDuration(a.durationMinutes),
      }))}
      historyNote={null}
      mandates={held.map((m) => {
        const state = mandateState(m, now);
        return {
          id: m.id,
          href: `/beneficiaires/${file.id}/mandats/${m.id}`,
          categories: m.categories.map((x) => mandateCategoryLabels[x]).join(', '),
          duration: mandateDurationLabels[m.duration],
          stateLabel: mandateStateLabels[state],
          stateColour: mandateStateColours[state],
          until: m.expiresAt ? formatDateTime(m.expiresAt) : '—',
        };
      })}
      can={{ update: can(actor, 'beneficiary.update', subject), export: can(actor, 'beneficiary.export', subject), erase: can(actor, 'beneficiary.erase', subject), mandate: can(actor, 'mandate.manage', subject) }}
    />,
  );
});

function fileValues(b: Beneficiary): BeneficiaryFormValues {
  return { ...emptyValues, organisationId: b.organisationId, firstName: b.firstName, lastName: b.lastName, phone: b.phone ? formatPhone(b.phone) : '', noPhone: b.noPhone ? 'oui' : '', birthYear: b.birthYear ? String(b.birthYear) : '', communeCode: b.communeCode ?? '', gender: b.gender, status: b.status };
}

function editForm(c: Context<AppEnv>, file: Beneficiary, values: BeneficiaryFormValues, errors: FieldErrors) {
  return page(
    c,
    { title: `Corriger la fiche de ${fullName(file)}`, hasErrors: Object.keys(errors).length > 0, breadcrumbs: [listCrumb, { href: `/beneficiaires/${file.id}`, label: fullName(file) }] },
    <BeneficiaryFormPage heading={`Corriger la fiche de ${fullName(file)}`} action={`/beneficiaires/${file.id}/modifier`} submitLabel="Enregistrer la fiche" cancelHref={`/beneficiaires/${file.id}`} values={values} errors={errors} organisations={[]} consent={null} duplicates={[]} />,
  );
}

beneficiaryRoutes.get('/beneficiaires/:id/modifier', access.to('beneficiary.update'), async (c) => {
  const actor = currentActor(c);
  const loaded = await loadFile(c, actor, 'beneficiary.update');
  if (!loaded || loaded === 403) return notFound(c, loaded);
  await c.get('services').database.db.transaction((tx) => recordFileRead(tx, actor, loaded.file, 'modification', context(c)));
  return editForm(c, loaded.file, fileValues(loaded.file), {});
});

beneficiaryRoutes.post('/beneficiaires/:id/modifier', access.to('beneficiary.update'), async (c) => {
  const actor = currentActor(c);
  const loaded = await loadFile(c, actor, 'beneficiary.update');
  if (!loaded || loaded === 403) return notFound(c, loaded);
  const form = await readForm(c, beneficiaryFields);
  if (!form.ok) return editForm(c, loaded.file, formValues(form.input), form.errors);
  await c.get('services').database.db.transaction((tx) => updateBeneficiary(tx, actor, loaded.subject, loaded.file, form.data, context(c)));
  return redirectWithFlash(c, `/beneficiaires/${loaded.file.id}`, { kind: 'success', text: 'Fiche corrigée.' });
});

// ——— Rights: access (export), erasure ———

beneficiaryRoutes.get('/beneficiaires/:id/export.json', access.to('beneficiary.export'), async (c) => {
  const actor = currentActor(c);
  const loaded = await loadFile(c, actor, 'beneficiary.export');
  if (!loaded || loaded === 403) return notFound(c, loaded);
  const { db } = c.get('services').database;
  await db.transaction((tx) => recordFileRead(tx, actor, loaded.file, 'export-json', context(c)));
  const data = await beneficiaryExport(db, actor, loaded.file, loaded.organisationName);
  c.header('Content-Disposition', `attachment; filename="donnees-personne-${loaded.file.id}.json"`);
  c.header('Cache-Control', 'no-store');
  return c.json(data);
});

beneficiaryRoutes.get('/beneficiaires/:id/export', access.to('beneficiary.export'), async (c) => {
  const actor = currentActor(c);
  const loaded = await loadFile(c, actor, 'beneficiary.export');
  if (!loaded || loaded === 403) return notFound(c, loaded);
  const { db } = c.get('services').database;
  await db.transaction((tx) => recordFileRead(tx, actor, loaded.file, 'export-imprimable', context(c)));
  const now = new Date();
  const data = await beneficiaryExport(db, actor, loaded.file, loaded.organisationName, now);
  c.header('Cache-Control', 'no-store');
  return page(
    c,
    { title: `Données gardées sur ${fullName(loaded.file)}`, breadcrumbs: [listCrumb, { href: `/beneficiaires/${loaded.file.id}`, label: fullName(loaded.file) }] },
    <ExportPage id={loaded.file.id} name={fullName(loaded.file)} data={data} dates={{ exported: formatDateTime(now), consent: formatDateTime(loaded.file.consentGivenAt) }} />,
  );
});

beneficiaryRoutes.get('/beneficiaires/:id/effacer', access.to('beneficiary.erase'), async (c) => {
  const actor = currentActor(c);
  const loaded = await loadFile(c, actor, 'beneficiary.erase');
  if (!loaded || loaded === 403) return notFound(c, loaded);
  const { db } = c.get('services').database;
  await db.transaction((tx) => recordFileRead(tx, actor, loaded.file, 'effacement', context(c)));
  return page(
    c,
    { title: `Effacer la fiche de ${fullName(loaded.file)}`, breadcrumbs: [listCrumb, { href: `/beneficiaires/${loaded.file.id}`, label: fullName(loaded.file) }] },
    <ErasePage id={loaded.file.id} name={fullName(loaded.file)} activities={await activityCountOf(db, actor, loaded.file.id)} mandates={(await mandatesOf(db, loaded.file.id)).length} />,
  );
});

beneficiaryRoutes.post('/beneficiaires/:id/effacer', access.to('beneficiary.erase'), async (c) => {
  const actor = currentActor(c);
  const loaded = await loadFile(c, actor, 'beneficiary.erase');
  if (!loaded || loaded === 403) return notFound(c, loaded);
  const { database, config } = c.get('services');
  const erased = await database.db.transaction((tx) => eraseBeneficiary(tx, { actor, subject: loaded.subject }, loaded.file, 'request', context(c)));
  for (const key of erased.fileKeys) await deleteStoredFile(config.dataDir, key);
  return redirectWithFlash(c, '/beneficiaires', { kind: 'success', text: `La fiche est effacée. ${erased.activities + erased.participations === 1 ? 'Son accompagnement reste compté' : 'Ses accompagnements restent comptés'} dans les statistiques, sans son nom.` });
});

// ——— Mandates ———

const fileCrumbs = (file: Beneficiary) => [listCrumb, { href: `/beneficiaires/${file.id}`, label: fullName(file) }];

function mandateFormValues(input: FormInput): MandateFormValues {
  const categories = input.categories;
  return { categories: Array.isArray(categories) ? categories : categories ? [categories] : [], duration: inputValue(input, 'duration'), consentMethod: inputValue(input, 'consentMethod'), agreed: inputValue(input, 'agreed') };
}

function mandateForm(c: Context<AppEnv>, loaded: LoadedFile, values: MandateFormValues, errors: FieldErrors) {
  const categories = values.categories.filter((x): x is MandateCategory => mandateCategories.some((k) => k === x));
  const duration = mandateDurations.find((d) => d === values.duration) ?? null;
  return page(
    c,
    { title: `Nouveau mandat pour ${fullName(loaded.file)}`, hasErrors: Object.keys(errors).length > 0, breadcrumbs: fileCrumbs(loaded.file) },
    <MandateFormPage fileId={loaded.file.id} personName={fullName(loaded.file)} organisationName={loaded.organisationName} hasPhone={loaded.file.phone !== null} values={values} errors={errors} textPreview={mandateConsentPreview(loaded.organisationName, categories, duration)} />,
  );
}

beneficiaryRoutes.get('/beneficiaires/:id/mandats/nouveau', access.to('mandate.manage'), async (c) => {
  const loaded = await loadFile(c, currentActor(c), 'mandate.manage');
  if (!loaded || loaded === 403) return notFound(c, loaded);
  return mandateForm(c, loaded, { categories: [], duration: '', consentMethod: '', agreed: '' }, {});
});

const uploadLimit = bodyLimit({
  maxSize: maxFileBytes + 64 * 1024,
  onError: (c) =>
    page(
      c,
      { title: 'Fichier trop lourd', hasErrors: true, status: 422 },
      <>
        <h1>Fichier trop lourd</h1>
        <p>{uploadErrorMessages.too_large}</p>
        <p>
          <a href={c.req.path}>Revenir au formulaire</a>
        </p>
      </>,
    ),
});

beneficiaryRoutes.post('/beneficiaires/:id/mandats/nouveau', access.to('mandate.manage'), uploadLimit, async (c) => {
  const actor = currentActor(c);
  const loaded = await loadFile(c, actor, 'mandate.manage');
  if (!loaded || loaded === 403) return notFound(c, loaded);
  const form = await readForm(c, mandateFields);
  const values = mandateFormValues(form.input);
  const errors: FieldErrors = form.ok ? {} : { ...form.errors };
  const body = await c.req.parseBody({ all: true });
  const sent = body['fichier'];
  const upload = sent instanceof File && sent.size > 0 ? sent : null;
  let checked: CheckedUpload | null = null;
  if (upload) {
    const result = checkUpload(upload.name, new Uint8Array(await upload.arrayBuffer()));
    if (result.ok) checked = result.value;
    else errors.fichier = uploadErrorMessages[result.error];
  }
  if (form.ok) {
    if (form.data.consentMethod === 'sms_reply' && !loaded.file.phone) errors.consentMethod = 'La fiche n’a pas de téléphone : choisissez « en personne » ou « papier signé », ou ajoutez son numéro à la fiche';
    if (form.data.consentMethod === 'signed_paper' && !checked && !errors.fichier) errors.fichier = 'Joignez le papier signé par la personne (PDF, JPEG ou PNG)';
    if (form.data.consentMethod === 'in_person' && !form.data.agreed) errors.agreed = 'Cochez la case si la personne a entendu le texte et qu’elle est d’accord';
  }
  if (!form.ok || Object.keys(errors).length > 0) return mandateForm(c, loaded, values, errors);
  const { database, config } = c.get('services');
  const paperFile = form.data.consentMethod === 'signed_paper' ? checked : null;
  const storageKey = paperFile ? await storeFile(config.dataDir, 'mandats', paperFile) : null;
  try {
    const created = await database.db.transaction((tx) =>
      createMandate(tx, actor, loaded.subject, loaded.file, loaded.organisationName, form.data, paperFile && storageKey ? { storageKey, originalName: paperFile.originalName, mimeType: paperFile.mimeType } : null, context(c)),
    );
    if (!created.ok) {
      if (storageKey) await deleteStoredFile(config.dataDir, storageKey);
      return mandateForm(c, loaded, values, { consentMethod: 'Le consentement n’est pas complet : vérifiez la manière choisie' });
    }
    const text = form.data.consentMethod === 'sms_reply' ? 'Mandat enregistré. Le SMS part vers la personne : notez sa réponse sur cette page.' : 'Mandat enregistré, avec l’accord de la personne.';
    return redirectWithFlash(c, `/beneficiaires/${loaded.file.id}/mandats/${created.value.id}`, { kind: 'success', text });
  } catch (error) {
    if (storageKey) await deleteStoredFile(config.dataDir, storageKey);
    throw error;
  }
});

async function loadMandate(c: Context<AppEnv>, actor: Actor, action: string): Promise<(LoadedFile & { mandate: Mandate }) | 403 | null> {
  const loaded = await loadFile(c, actor, action);
  if (!loaded || loaded === 403) return loaded;
  const mandate = await findMandate(c.get('services').database.db, loaded.file.id, c.req.param('mandateId') ?? '');
  return mandate ? { ...loaded, mandate } : null;
}

beneficiaryRoutes.get('/beneficiaires/:id/mandats/:mandateId', access.to('beneficiary.read'), async (c) => {
  const actor = currentActor(c);
  const loaded = await loadMandate(c, actor, 'beneficiary.read');
  if (!loaded || loaded === 403) return errorPage(c, loaded === 403 ? 403 : 404);
  const { file, mandate, subject } = loaded;
  const { db } = c.get('services').database;
  await db.transaction((tx) => recordFileRead(tx, actor, file, 'mandat', context(c)));
  const now = new Date();
  const state = mandateState(mandate, now);
  const inForce = activeCategories(mandate, now);
  const uses = await usesOfMandates(db, [mandate.id]);
  const revoked = Object.entries(mandate.categoryRevocations).flatMap(([k, at]) => {
    const category = mandateCategories.find((x) => x === k);
    return category && at ? [`${mandateCategoryLabels[category]} (le ${formatDateTime(new Date(at))})`] : [];
  });
  return page(
    c,
    { title: `Mandat de ${fullName(file)}`, breadcrumbs: fileCrumbs(file) },
    <MandatePage
      fileId={file.id}
      mandateId={mandate.id}
      personName={fullName(file)}
      stateLabel={mandateStateLabels[state]}
      stateColour={mandateStateColours[state]}
      facts={[
        { key: 'Démarches permises', value: mandate.categories.map((x) => mandateCategoryLabels[x]).join(', ') },
        ...(revoked.length ? [{ key: 'Démarches retirées', value: revoked.join(', ') }] : []),
        { key: 'Durée', value: mandateDurationLabels[mandate.duration] },
        { key: 'Accord', value: `${consentMethodLabels[mandate.consentMethod]}${mandate.consentGivenAt ? `, donné le ${formatDateTime(mandate.consentGivenAt)}` : mandate.refusedAt ? `, refusé le ${formatDateTime(mandate.refusedAt)}` : ', pas encore de réponse'}` },
        { key: 'Fin', value: mandate.revokedAt ? `Retiré le ${formatDateTime(mandate.revokedAt)}` : mandate.expiresAt ? formatDateTime(mandate.expiresAt) : '—' },
        { key: 'Version du texte', value: mandate.consentVersion },
      ]}
      text={mandate.consentText}
      paperHref={mandate.consentFileKey ? `/beneficiaires/${file.id}/mandats/${mandate.id}/papier` : null}
      uses={uses.map((u) => ({ usedOn: dayText(u.usedOn), category: mandateCategoryLabels[u.category], procedure: u.procedure, by: u.userLabel.replace(/ <[^>]*>$/, '') }))}
      can={{ answer: state === 'pending_consent' && can(actor, 'mandate.manage', subject), revoke: inForce.length > 0 && can(actor, 'mandate.manage', subject), use: inForce.length > 0 && can(actor, 'mandate.use', subject) }}
    />,
  );
});

beneficiaryRoutes.get('/beneficiaires/:id/mandats/:mandateId/papier', access.to('beneficiary.read'), async (c) => {
  const actor = currentActor(c);
  const loaded = await loadMandate(c, actor, 'beneficiary.read');
  if (!loaded || loaded === 403 || !loaded.mandate.consentFileKey) return errorPage(c, loaded === 403 ? 403 : 404);
  const { database, config } = c.get('services');
  const bytes = await readStoredFile(config.dataDir, loaded.mandate.consentFileKey);
  if (!bytes) return errorPage(c, 404);
  await database.db.transaction((tx) => recordFileRead(tx, actor, loaded.file, 'mandat', context(c)));
  const name = (loaded.mandate.consentFileName ?? 'mandat').replace(/[^\p{L}\p{N}._ -]/gu, '_');
  return c.body(new Uint8Array(bytes), 200, {
    'Content-Type': loaded.mandate.consentFileType ?? 'application/octet-stream',
    'Content-Disposition': `attachment; filename="${name}"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
});

beneficiaryRoutes.post('/beneficiaires/:id/mandats/:mandateId/reponse', access.to('mandate.manage'), async (c) => {
  const actor = currentActor(c);
  const loaded = await loadMandate(c, actor, 'mandate.manage');
  if (!loaded || loaded === 403) return errorPage(c, loaded === 403 ? 403 : 404);
  const back = `/beneficiaires/${loaded.file.id}/mandats/${loaded.mandate.id}`;
  const form = await readForm(c, consentAnswerFields);
  if (!form.ok) return redirectWithFlash(c, back, { kind: 'warning', text: 'Choisissez la réponse de la personne : oui ou non.' });
  const result = await c.get('services').database.db.transaction((tx) => answerMandateConsent(tx, actor, loaded.subject, loaded.mandate, form.data.answer, context(c)));
  if (!result.ok) return redirectWithFlash(c, back, { kind: 'warning', text: 'Ce mandat n’attend plus de réponse.' });
  return redirectWithFlash(c, back, { kind: 'success', text: form.data.answer === 'oui' ? 'Accord enregistré : le mandat est actif.' : 'Refus enregistré : le mandat ne peut pas être utilisé.' });
});

function revokeForm(c: Context<AppEnv>, loaded: LoadedFile & { mandate: Mandate }, values: { scope: string; categories: string[] }, errors: FieldErrors) {
  return page(
    c,
    { title: `Retirer le mandat de ${fullName(loaded.file)}`, hasErrors: Object.keys(errors).length > 0, breadcrumbs: fileCrumbs(loaded.file) },
    <RevokePage fileId={loaded.file.id} mandateId={loaded.mandate.id} personName={fullName(loaded.file)} categories={activeCategories(loaded.mandate, new Date())} values={values} errors={errors} />,
  );
}

beneficiaryRoutes.get('/beneficiaires/:id/mandats/:mandateId/revoquer', access.to('mandate.manage'), async (c) => {
  const loaded = await loadMandate(c, currentActor(c), 'mandate.manage');
  if (!loaded || loaded === 403) return errorPage(c, loaded === 403 ? 403 : 404);
  if (activeCategories(loaded.mandate, new Date()).length === 0) return redirectWithFlash(c, `/beneficiaires/${loaded.file.id}/mandats/${loaded.mandate.id}`, { kind: 'warning', text: 'Ce mandat n’est plus en cours : il n’y a rien à retirer.' });
  return revokeForm(c, loaded, { scope: '', categories: [] }, {});
});

beneficiaryRoutes.post('/beneficiaires/:id/mandats/:mandateId/revoquer', access.to('mandate.manage'), async (c) => {
  const actor = currentActor(c);
  const loaded = await loadMandate(c, actor, 'mandate.manage');
  if (!loaded || loaded === 403) return errorPage(c, loaded === 403 ? 403 : 404);
  const form = await readForm(c, revokeFields);
  const chosen = form.input.categories;
  const values = { scope: inputValue(form.input, 'scope'), categories: Array.isArray(chosen) ? chosen : chosen ? [chosen] : [] };
  if (!form.ok) return revokeForm(c, loaded, values, form.errors);
  const result = await c.get('services').database.db.transaction((tx) => revokeMandate(tx, actor, loaded.subject, loaded.mandate, form.data, context(c)));
  if (!result.ok) return revokeForm(c, loaded, values, result.error === 'unknown_category' ? { categories: 'Cochez seulement des démarches encore permises par le mandat' } : { scope: 'Ce mandat n’est plus en cours : il n’y a rien à retirer' });
  return redirectWithFlash(c, `/beneficiaires/${loaded.file.id}/mandats/${loaded.mandate.id}`, { kind: 'success', text: 'Mandat retiré.' });
});

function useForm(c: Context<AppEnv>, loaded: LoadedFile & { mandate: Mandate }, values: { category: string; procedure: string; usedOn: string }, errors: FieldErrors) {
  const categories = activeCategories(loaded.mandate, new Date());
  return page(
    c,
    { title: `J’ai utilisé le mandat de ${fullName(loaded.file)}`, hasErrors: Object.keys(errors).length > 0, breadcrumbs: fileCrumbs(loaded.file) },
    <MandateUsePage fileId={loaded.file.id} mandateId={loaded.mandate.id} personName={fullName(loaded.file)} categories={categories.length > 0 ? categories : loaded.mandate.categories} values={values} today={localDay(new Date())} errors={errors} />,
  );
}

beneficiaryRoutes.get('/beneficiaires/:id/mandats/:mandateId/utilisation', access.to('mandate.use'), async (c) => {
  const loaded = await loadMandate(c, currentActor(c), 'mandate.use');
  if (!loaded || loaded === 403) return errorPage(c, loaded === 403 ? 403 : 404);
  if (activeCategories(loaded.mandate, new Date()).length === 0) {
    return redirectWithFlash(c, `/beneficiaires/${loaded.file.id}/mandats/${loaded.mandate.id}`, { kind: 'warning', text: `Ce mandat n’est pas actif (${mandateStateLabels[mandateState(loaded.mandate, new Date())].toLowerCase()}) : il ne peut pas être utilisé.` });
  }
  return useForm(c, loaded, { category: '', procedure: '', usedOn: localDay(new Date()) }, {});
});

beneficiaryRoutes.post('/beneficiaires/:id/mandats/:mandateId/utilisation', access.to('mandate.use'), async (c) => {
  const actor = currentActor(c);
  const loaded = await loadMandate(c, actor, 'mandate.use');
  if (!loaded || loaded === 403) return errorPage(c, loaded === 403 ? 403 : 404);
  const form = await readForm(c, mandateUseFields);
  const values = { category: inputValue(form.input, 'category'), procedure: inputValue(form.input, 'procedure'), usedOn: inputValue(form.input, 'usedOn') };
  if (!form.ok) return useForm(c, loaded, values, form.errors);
  const today = localDay(new Date());
  // The day of the use: now for today, the end of that day otherwise (the mandate must have been in force then).
  const usedAt = form.data.usedOn === today ? new Date() : new Date(startOfLocalDay(nextDay(form.data.usedOn)).getTime() - 1);
  const result = await c.get('services').database.db.transaction((tx) => recordMandateUse(tx, actor, loaded.subject, loaded.mandate, form.data, usedAt, context(c)));
  if (!result.ok) {
    const state = mandateStateLabels[mandateState(loaded.mandate, new Date())].toLowerCase();
    return useForm(c, loaded, values, { category: `Le mandat ne permet pas les démarches « ${mandateCategoryLabels[form.data.category]} » à cette date (mandat ${state}). Rien n’a été noté.` });
  }
  return redirectWithFlash(c, `/beneficiaires/${loaded.file.id}/mandats/${loaded.mandate.id}`, { kind: 'success', text: 'Démarche notée dans le journal du mandat.' });
});
