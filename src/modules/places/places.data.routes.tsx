import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../../platform/http/env.ts';
import { access, UnauthenticatedError } from '../../platform/http/access.ts';
import { redirectWithFlash } from '../../platform/http/flash.ts';
import { localDay } from '../../platform/format.ts';
import { registerNav } from '../../platform/http/navigation.ts';
import { page } from '../../platform/http/render.tsx';
import type { Actor } from '../../platform/authz/index.ts';
import { labelledPlaceIds } from '../case-label/index.ts';
import { exportPlaces } from './places.export.ts';
import { applyImport, importFormatLabels, planImport, unmappedFieldLabels, type ImportPlan, type ImportRow, type RowOutcome } from './places.import.ts';
import { countVisiblePlaces } from './places.queries.ts';
import { versionedMemory } from './places.version.ts';
import { ImportReportPage, ImportUploadPage, OpenDataPage } from './views/import/import.tsx';
import './places.policy.ts';

registerNav(
  { href: '/gestion/lieux/import', label: 'Importer des lieux', shownTo: 'place.import', order: 21 },
  { href: '/opendata', label: 'Données ouvertes', shownTo: 'public', order: 80 },
);

/** Compressed in the thread pool: a file of some megabytes must not hold the event loop. */
const gzipped = promisify(gzip);

/** The import page (dry run, then confirmation) and the open-data files of places. */
export const placeDataRoutes = new Hono<AppEnv>();

const maxImportBytes = 5 * 1024 * 1024;
const importCrumbs = [{ href: '/gestion/lieux', label: 'Gérer les lieux' }];

function currentActor(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

const outcomeLabels = {
  create: 'À créer',
  update: 'À mettre à jour',
  unchanged: 'Inchangé',
  merged: 'Ignoré (lieu fusionné)',
  duplicate: 'Ignoré (en double)',
  error: 'Erreur',
} as const satisfies Record<RowOutcome, string>;

function rowLabel(plan: ImportPlan): string {
  return plan.format === 'standard-csv' ? 'ligne' : 'fiche';
}

function summaryOf(plan: ImportPlan): string {
  const c = plan.counts;
  const n = plan.rows.length;
  return `${n === 1 ? '1 lieu lu' : `${n} lieux lus`} : ${c.create} à créer, ${c.update} à mettre à jour, ${c.unchanged} inchangés, ${c.duplicate + c.merged} ignorés, ${c.error} en erreur.`;
}

function messagesOf(row: ImportRow): string[] {
  const changed = row.outcome === 'update' && row.changed.length > 0 ? [`Champs modifiés : ${row.changed.join(', ')}.`] : [];
  return [...row.errors.map((e) => `Erreur : ${e}`), ...changed, ...row.warnings];
}

function uploadPage(c: Context<AppEnv>, error?: string) {
  return page(c, { title: 'Importer des lieux', hasErrors: error !== undefined, breadcrumbs: importCrumbs }, <ImportUploadPage error={error} />);
}

function reportPage(c: Context<AppEnv>, plan: ImportPlan, fileName: string, content: string) {
  const errorRows = plan.rows.filter((r) => r.errors.length > 0);
  const where = rowLabel(plan);
  return page(
    c,
    { title: 'Rapport d’import des lieux', hasErrors: errorRows.length > 0, breadcrumbs: importCrumbs },
    <ImportReportPage
      fileName={fileName}
      formatLabel={plan.format ? importFormatLabels[plan.format] : 'format inconnu'}
      content={content}
      summary={summaryOf(plan)}
      rows={plan.rows.map((r) => ({ row: r.row, name: r.name, commune: r.communeName ?? '', outcome: outcomeLabels[r.outcome], messages: messagesOf(r) }))}
      errorCount={errorRows.length}
      errorList={errorRows.flatMap((r) => r.errors.map((e) => ({ href: `#ligne-${r.row}`, text: `${where === 'ligne' ? 'Ligne' : 'Fiche'} ${r.row} (« ${r.name} ») : ${e}` })))}
      postcodeRows={plan.postcodeFlags.length === 0 ? '' : `les ${where}s ${plan.postcodeFlags.join(', ')}`}
      unmapped={plan.unmapped.map((u) => ({ field: unmappedFieldLabels[u.field], value: u.value, rows: u.rows.join(', ') }))}
      canApply={plan.counts.error === 0 && plan.rows.length > 0}
    />,
  );
}

placeDataRoutes.get('/gestion/lieux/import', access.to('place.import'), (c) => uploadPage(c));

placeDataRoutes.post(
  '/gestion/lieux/import',
  access.to('place.import'),
  bodyLimit({ maxSize: maxImportBytes * 2 + 64 * 1024, onError: (c) => uploadPage(c, 'Le fichier est trop lourd : 5 Mo au plus.') }),
  async (c) => {
    const actor = currentActor(c);
    let body: Awaited<ReturnType<typeof c.req.parseBody>>;
    try {
      body = await c.req.parseBody();
    } catch {
      return uploadPage(c, 'Le formulaire envoyé est illisible. Choisissez le fichier de nouveau.');
    }
    const step = body['etape'];
    let content: string;
    let fileName: string;
    if (step === 'appliquer') {
      const sent = body['contenu'];
      const name = body['nomFichier'];
      if (typeof sent !== 'string' || sent === '') return uploadPage(c, 'Choisissez le fichier des lieux à importer.');
      content = sent;
      fileName = typeof name === 'string' ? name.slice(0, 200) : '';
    } else {
      const file = body['fichier'];
      if (!(file instanceof File) || file.size === 0) return uploadPage(c, 'Choisissez le fichier des lieux à importer.');
      if (file.size > maxImportBytes) return uploadPage(c, 'Le fichier est trop lourd : 5 Mo au plus.');
      content = await file.text();
      fileName = file.name.slice(0, 200);
    }
    const database = c.get('services').database;
    // Planned again at confirmation: the database may have changed since the dry run.
    const plan = await planImport(database.db, content, fileName);
    if (plan.fileError) return uploadPage(c, plan.fileError);
    if (step !== 'appliquer' || plan.counts.error > 0) return reportPage(c, plan, fileName, content);
    const applied = await database.db.transaction((tx) => applyImport(tx, actor, plan, { requestId: c.get('requestId') }));
    if (!applied.ok) return reportPage(c, plan, fileName, content);
    const { created, updated, unchanged, skipped } = applied.value;
    return redirectWithFlash(c, '/gestion/lieux', {
      kind: 'success',
      text: `Import terminé : ${created} lieux créés, ${updated} mis à jour, ${unchanged} inchangés, ${skipped} ignorés.`,
    });
  },
);

// --- Open data ---------------------------------------------------------------------------------------------------

const openDataHeaders = (contentType: string, fileName: string) => ({
  'Content-Type': contentType,
  'Content-Disposition': `inline; filename="${fileName}"`,
  'Cache-Control': 'public, max-age=300',
  // Open data: anyone's page or tool may read it.
  'Access-Control-Allow-Origin': '*',
});

/** A generated open-data file, kept per version of the places (places.version.ts), with its gzip. */
type OpenDataFile = { body: string; gzipped: Buffer; etag: string };
const openDataFiles = versionedMemory(() => new Map<string, Promise<OpenDataFile>>());
const visibleCounts = versionedMemory((): { count: Promise<number> | null } => ({ count: null }));

/**
 * One open-data file. The whole file is generated once per change of the places (and per day for the extended one,
 * whose label column depends on the date), then served from memory: already gzipped when the client accepts it (the
 * compress middleware leaves a response with a Content-Encoding alone), with an ETag for conditional requests.
 * Concurrent requests wait for the same generation.
 */
async function openDataFile(c: Context<AppEnv>, kind: 'csv' | 'json' | 'extended', headers: Record<string, string>): Promise<Response> {
  const db = c.get('services').database.db;
  const day = kind === 'extended' ? localDay(new Date()) : '';
  const generate = async (etag: string): Promise<OpenDataFile> => {
    const body =
      kind === 'extended'
        ? await exportPlaces(db, { format: 'csv', extended: true, labelled: new Set(await labelledPlaceIds(db, day)) })
        : await exportPlaces(db, { format: kind });
    return { body, gzipped: await gzipped(body), etag };
  };
  const held = await openDataFiles.current(db);
  let file: OpenDataFile;
  if (held) {
    const key = `${kind}:${day}`;
    let pending = held.value.get(key);
    if (!pending) {
      const started = generate(`"${held.version}-${kind}${day ? `-${day}` : ''}"`);
      // A failed generation is not remembered.
      started.catch(() => {
        if (held.value.get(key) === started) held.value.delete(key);
      });
      held.value.set(key, started);
      pending = started;
    }
    file = await pending;
  } else {
    file = await generate('');
  }
  const common = { ...headers, Vary: 'Accept-Encoding', ...(file.etag ? { ETag: file.etag } : {}) };
  if (file.etag && c.req.header('if-none-match') === file.etag) return c.body(null, 304, common);
  if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
    return c.body(new Uint8Array(file.gzipped), 200, { ...common, 'Content-Encoding': 'gzip' });
  }
  return c.body(file.body, 200, common);
}

placeDataRoutes.get('/opendata', access.public(), async (c) => {
  const db = c.get('services').database.db;
  const held = await visibleCounts.current(db);
  const counting = held?.value.count ?? countVisiblePlaces(db);
  if (held && !held.value.count) held.value.count = counting;
  const count = await counting;
  return page(
    c,
    { title: 'Données ouvertes des lieux' },
    <OpenDataPage
      count={count}
      files={[
        { href: '/opendata/lieux.csv', title: 'lieux.csv', description: 'les lieux au format CSV du standard national.' },
        { href: '/opendata/lieux.json', title: 'lieux.json', description: 'les mêmes lieux au format JSON.' },
        {
          href: '/opendata/lieux-etendu.csv',
          title: 'lieux-etendu.csv',
          description: 'les colonnes du standard, puis celles de la Nouvelle-Calédonie : RIDET, province, tribu, équipements, langues, accessibilité, label Case numérique.',
        },
      ]}
    />,
  );
});

placeDataRoutes.get('/opendata/lieux.csv', access.public(), (c) => openDataFile(c, 'csv', openDataHeaders('text/csv; charset=utf-8', 'lieux.csv')));

placeDataRoutes.get('/opendata/lieux.json', access.public(), (c) => openDataFile(c, 'json', openDataHeaders('application/json; charset=utf-8', 'lieux.json')));

placeDataRoutes.get('/opendata/lieux-etendu.csv', access.public(), (c) =>
  openDataFile(c, 'extended', openDataHeaders('text/csv; charset=utf-8', 'lieux-etendu.csv')),
);
