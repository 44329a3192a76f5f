import type { Database } from '../../src/db/client.ts';
import { createPlace, placeFields } from '../../src/modules/places/index.ts';

/**
 * A place written through the real command (search text kept by it), with sensible defaults: Nouméa, no hours.
 * @example const id = await givenPlace(t.database, { name: 'Médiathèque de Koné', communeCode: '98811', postcode: '98860' })
 */
export async function givenPlace(database: Database, fields: Record<string, unknown> = {}): Promise<string> {
  const parsed = placeFields.parse({ name: 'Cyberbase de Nouméa', communeCode: '98818', postcode: '98800', ...fields });
  const result = await database.db.transaction((tx) => createPlace(tx, null, parsed));
  if (!result.ok) throw new Error('place not created');
  return result.value.id;
}
