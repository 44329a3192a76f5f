import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { authorize, type Actor } from '../../platform/authz/index.ts';
import { fail, ok, type Result } from '../../platform/result.ts';
import { recordAudit } from '../audit/index.ts';
import { updatePlace } from './places.commands.ts';
import { placeFieldOrder, placeFields, type PlaceFieldName, type PlaceFields } from './places.forms.ts';
import { isEmptyValue } from './places.manage.presenters.ts';
import type { Place } from './places.queries.ts';
import { transferLabelApplications } from '../case-label/index.ts';
import { placeReports } from './places.reports.schema.ts';
import { places } from './places.schema.ts';

/** For each field, which of the two places gives its value; a field not named comes from the first. */
export type FieldChoices = Partial<Record<PlaceFieldName, 'a' | 'b'>>;

/**
 * The default choice: the first place's value, unless it is empty and the second's is not.
 * @example defaultChoices(a, b).phone // 'b' when only b has a phone number
 */
export function defaultChoices(a: Place, b: Place): FieldChoices {
  const choices: FieldChoices = {};
  for (const k of placeFieldOrder) choices[k] = isEmptyValue(a[k]) && !isEmptyValue(b[k]) ? 'b' : 'a';
  return choices;
}

/**
 * The merged place's fields, taken field by field from one place or the other, and checked again by the form's
 * schema (imported data may not meet it: the merge screen then says which field).
 */
export function mergedFields(a: Place, b: Place, choices: FieldChoices) {
  const picked = Object.fromEntries(placeFieldOrder.map((k) => [k, choices[k] === 'b' ? b[k] : a[k]]));
  return placeFields.safeParse(picked);
}

export type MergeError = 'not_found' | 'same_place';

/**
 * Merges two duplicate places: `keep` takes the chosen fields (audited as a change) and the other's error reports;
 * the other is marked `merged_into` and disappears everywhere (its import key stays, so a re-import does not bring
 * it back). A place without managers takes the other's.
 * @example await mergePlaces(tx, actor, { keepId, dropId, fields })
 */
export async function mergePlaces(
  tx: Executor,
  actor: Actor,
  input: { keepId: string; dropId: string; fields: PlaceFields; fromDropped: PlaceFieldName[] },
  context: { requestId?: string } = {},
): Promise<Result<{ id: string }, MergeError>> {
  if (input.keepId === input.dropId) return fail('same_place');
  const [keep] = await tx.select().from(places).where(and(eq(places.id, input.keepId), isNull(places.mergedInto)));
  const [drop] = await tx.select().from(places).where(and(eq(places.id, input.dropId), isNull(places.mergedInto)));
  if (!keep || !drop) return fail('not_found');
  authorize(actor, 'place.merge', keep);
  authorize(actor, 'place.merge', drop);
  const updated = await updatePlace(tx, actor, keep.id, input.fields, context);
  if (!updated.ok) return fail('not_found');
  const now = new Date();
  if (keep.managedBy === null && drop.managedBy !== null) await tx.update(places).set({ managedBy: drop.managedBy }).where(eq(places.id, keep.id));
  await tx.update(places).set({ mergedInto: keep.id, updatedAt: now }).where(eq(places.id, drop.id));
  await tx.update(placeReports).set({ placeId: keep.id }).where(eq(placeReports.placeId, drop.id));
  await transferLabelApplications(tx, actor, drop.id, keep.id);
  await recordAudit(tx, actor, {
    action: 'place.merge',
    subjectType: 'place',
    subjectId: keep.id,
    summary: `Lieu « ${input.fields.name} » fusionné avec son doublon « ${drop.name} »`,
    details: { doublon: drop.id, champsDuDoublon: input.fromDropped, ...(keep.managedBy === null && drop.managedBy !== null ? { managedBy: drop.managedBy } : {}) },
    requestId: context.requestId,
  });
  await recordAudit(tx, actor, {
    action: 'place.merge',
    subjectType: 'place',
    subjectId: drop.id,
    summary: `Lieu « ${drop.name} » fusionné dans « ${input.fields.name} »`,
    details: { fusionneDans: keep.id },
    requestId: context.requestId,
  });
  return ok({ id: keep.id });
}
