import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { communes } from './communes.ts';
import { communesTable } from './territory.schema.ts';

/** Brings the communes table in line with communes.csv; run at every start, cheap (33 rows). */
export async function syncCommunes(db: Executor): Promise<void> {
  await db
    .insert(communesTable)
    .values(communes.map(({ code, name, province, latitude, longitude }) => ({ code, name, province, latitude, longitude })))
    .onConflictDoUpdate({
      target: communesTable.code,
      set: { name: sql`excluded.name`, province: sql`excluded.province`, latitude: sql`excluded.latitude`, longitude: sql`excluded.longitude` },
    });
}
