import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { authorize, type Actor } from '../../platform/authz/index.ts';
import { newId } from '../../platform/ids.ts';
import { fail, ok, type Result } from '../../platform/result.ts';
import { communeByCode, foldName } from '../../territory/index.ts';
import { recordAudit, recordAudits } from '../audit/index.ts';
import { serviceLabels, typologyLabels } from './places.labels.ts';
import { placeFieldOrder, type PlaceFieldName, type PlaceFields } from './places.forms.ts';
import { findPlaces, placesByImportKeys, type Place } from './places.queries.ts';
import { places, type Unmapped } from './places.schema.ts';

type Context = { requestId?: string };

function communeOf(code: string) {
  const commune = communeByCode(code);
  if (!commune) throw new Error(`unknown commune ${code}: forms must have checked it`);
  return commune;
}

/**
 * What word search looks in: name, commune, tribu or lieu-dit, address, services and structure types, without
 * accents and in lower case (kept on every write).
 * @example searchTextOf({ name: 'Médiathèque', communeCode: '98811', … }) // 'mediatheque bourail …'
 */
export function searchTextOf(fields: Pick<PlaceFields, 'name' | 'communeCode' | 'locality' | 'address' | 'services' | 'typologies' | 'parentStructure'>): string {
  const commune = communeByCode(fields.communeCode);
  return foldName(
    [
      fields.name,
      commune?.name ?? '',
      ...(commune?.variants ?? []),
      fields.locality ?? '',
      fields.address,
      fields.parentStructure ?? '',
      ...fields.services.map((s) => serviceLabels[s]),
      ...fields.typologies.map((t) => typologyLabels[t]),
    ].join(' '),
  );
}

/** Fields whose value differs, as `{ field: { avant, après } }` for the audit log and the history page. */
export function diffPlace(before: Pick<Place, PlaceFieldName>, after: PlaceFields): Record<string, { avant: unknown; après: unknown }> {
  const changes: Record<string, { avant: unknown; après: unknown }> = {};
  for (const key of placeFieldOrder) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { avant: before[key], après: after[key] };
  }
  return changes;
}

/** Whether two `unmapped` records say the same (jsonb does not keep key order, so no string comparison). */
export function sameUnmapped(a: Unmapped, b: Unmapped): boolean {
  const keys = ['typologie', 'services', 'publics', 'horaires', 'autres'] as const;
  return keys.every((k) => JSON.stringify(a[k] ?? []) === JSON.stringify(b[k] ?? []));
}

export type CreatePlaceOptions = Context & {
  /** The organisation whose place managers keep it right. */
  managedBy?: string | null;
  unmapped?: Unmapped;
  importKey?: string | null;
};

/**
 * Creates a place; its province is its commune's. `actor` null is the system (seed, CLI import).
 * @example const created = await createPlace(tx, actor, form.data, { requestId })
 */
export async function createPlace(tx: Executor, actor: Actor | null, fields: PlaceFields, options: CreatePlaceOptions = {}): Promise<{ ok: true; value: { id: string } }> {
  const commune = communeOf(fields.communeCode);
  const id = newId();
  const managedBy = options.managedBy ?? null;
  if (actor) authorize(actor, 'place.create', { id, province: commune.province, managedBy });
  const now = new Date();
  await tx.insert(places).values({
    ...fields,
    id,
    province: commune.province,
    managedBy,
    unmapped: options.unmapped ?? {},
    importKey: options.importKey ?? null,
    searchText: searchTextOf(fields),
    createdAt: now,
    updatedAt: now,
  });
  await recordAudit(tx, actor, {
    action: 'place.create',
    subjectType: 'place',
    subjectId: id,
    summary: `Lieu « ${fields.name} » créé à ${commune.name}`,
    details: { ...fields, managedBy, ...(options.importKey ? { importKey: options.importKey } : {}) },
    requestId: options.requestId,
  });
  return ok({ id });
}

/**
 * Changes a place's fields; writes the diff to the audit log and keeps `updatedAt` (the export's `date_maj`) and the
 * search text right. Nothing changes (and nothing is logged) when the fields are the same.
 * @example const updated = await updatePlace(tx, actor, place.id, form.data, { requestId })
 */
export async function updatePlace(tx: Executor, actor: Actor | null, id: string, fields: PlaceFields, context: Context = {}): Promise<Result<{ changed: string[] }, 'not_found'>> {
  const [before] = await tx.select().from(places).where(eq(places.id, id));
  if (!before || before.mergedInto) return fail('not_found');
  if (actor) authorize(actor, 'place.manage', { id, province: before.province, managedBy: before.managedBy });
  // Moving a place out of one's territory would be a way around the scope.
  if (actor) authorize(actor, 'place.manage', { id, province: communeOf(fields.communeCode).province, managedBy: before.managedBy });
  return ok(await writeUpdate(tx, actor, before, fields, { ...context, action: 'place.update' }));
}

async function writeUpdate(tx: Executor, actor: Actor | null, before: Place, fields: PlaceFields, context: Context & { action: string; unmapped?: Unmapped }): Promise<{ changed: string[] }> {
  const commune = communeOf(fields.communeCode);
  const changes = diffPlace(before, fields);
  const unmappedChanged = context.unmapped !== undefined && !sameUnmapped(context.unmapped, before.unmapped);
  if (Object.keys(changes).length === 0 && !unmappedChanged) return { changed: [] };
  await tx
    .update(places)
    .set({
      ...fields,
      province: commune.province,
      searchText: searchTextOf(fields),
      ...(context.unmapped !== undefined ? { unmapped: context.unmapped } : {}),
      updatedAt: new Date(),
    })
    .where(eq(places.id, before.id));
  await recordAudit(tx, actor, {
    action: context.action,
    subjectType: 'place',
    subjectId: before.id,
    summary: context.action === 'place.import' ? `Lieu « ${fields.name} » mis à jour par un import` : `Lieu « ${fields.name} » modifié`,
    details: { ...changes, ...(unmappedChanged ? { unmapped: { avant: before.unmapped, après: context.unmapped } } : {}) },
    requestId: context.requestId,
  });
  return { changed: [...Object.keys(changes), ...(unmappedChanged ? ['unmapped'] : [])] };
}

/** Gives a place to an organisation's place managers (or to nobody). */
export async function assignPlaceManager(tx: Executor, actor: Actor | null, id: string, organisationId: string | null, context: Context = {}): Promise<Result<null, 'not_found'>> {
  const [before] = await tx.select().from(places).where(eq(places.id, id));
  if (!before || before.mergedInto) return fail('not_found');
  if (actor) authorize(actor, 'place.create', { id, province: before.province, managedBy: organisationId });
  if (before.managedBy === organisationId) return ok(null);
  await tx.update(places).set({ managedBy: organisationId }).where(eq(places.id, id));
  await recordAudit(tx, actor, {
    action: 'place.assign',
    subjectType: 'place',
    subjectId: id,
    summary: `Gestion du lieu « ${before.name} » confiée`,
    details: { managedBy: { avant: before.managedBy, après: organisationId } },
    requestId: context.requestId,
  });
  return ok(null);
}

export type ImportedPlace = {
  importKey: string;
  fields: PlaceFields;
  unmapped: Unmapped;
  /** When the source says the data last changed (`date_maj`, `date_soumission`): kept as the place's `date_maj`. */
  updatedAt?: Date | null;
  /** Set when the file names a place of this database by its id (a Relais export imported back): updated in place. */
  placeId?: string | null;
};
export type UpsertOutcome = 'created' | 'updated' | 'unchanged' | 'merged';

/**
 * Writes imported records: created the first time, updated when the file changed, untouched when it did not (so
 * importing the same file twice creates no duplicate and leaves `date_maj` as it was). A record whose place was
 * merged into another is skipped. New places are inserted in one statement (the demo seed imports 92 of them).
 * Authorization (`place.import`) is checked once by the caller.
 */
export async function upsertImportedPlaces(
  tx: Executor,
  actor: Actor | null,
  records: readonly ImportedPlace[],
  context: Context & { managedBy?: (record: ImportedPlace) => string | null } = {},
): Promise<{ id: string; outcome: UpsertOutcome }[]> {
  const existing = await placesByImportKeys(tx, records.map((r) => r.importKey));
  const byId = new Map((await findPlaces(tx, records.flatMap((r) => (r.placeId ? [r.placeId] : [])))).map((p) => [p.id, p]));
  const now = new Date();
  const results: { id: string; outcome: UpsertOutcome }[] = [];
  const inserts: (typeof places.$inferInsert)[] = [];
  for (const record of records) {
    const found = existing.get(record.importKey) ?? (record.placeId ? byId.get(record.placeId) : undefined);
    if (found?.mergedInto) {
      results.push({ id: found.id, outcome: 'merged' });
      continue;
    }
    if (found) {
      const { changed } = await writeUpdate(tx, actor, found, record.fields, { requestId: context.requestId, unmapped: record.unmapped, action: 'place.import' });
      results.push({ id: found.id, outcome: changed.length > 0 ? 'updated' : 'unchanged' });
      continue;
    }
    const commune = communeOf(record.fields.communeCode);
    const id = newId();
    inserts.push({
      ...record.fields,
      id,
      province: commune.province,
      managedBy: context.managedBy?.(record) ?? null,
      unmapped: record.unmapped,
      importKey: record.importKey,
      searchText: searchTextOf(record.fields),
      createdAt: now,
      updatedAt: record.updatedAt && record.updatedAt < now ? record.updatedAt : now,
    });
    results.push({ id, outcome: 'created' });
  }
  for (let i = 0; i < inserts.length; i += 200) await tx.insert(places).values(inserts.slice(i, i + 200));
  await recordAudits(
    tx,
    actor,
    inserts.map((row) => ({
      action: 'place.import',
      subjectType: 'place',
      subjectId: row.id,
      summary: `Lieu « ${row.name} » importé (${communeOf(row.communeCode).name})`,
      details: { importKey: row.importKey },
      requestId: context.requestId,
    })),
  );
  return results;
}
