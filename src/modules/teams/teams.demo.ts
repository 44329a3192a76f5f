import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { newId } from '../../platform/ids.ts';
import { users } from '../accounts/accounts.schema.ts';
import { teamMemberships, teams } from './teams.schema.ts';

/**
 * A demo team coordinated by the demo coordinator, with the demo helper in it since the start of last year.
 * @example await seedTeamsDemo(tx, '2026-03-03')
 */
export async function seedTeamsDemo(tx: Executor, today: string): Promise<void> {
  const [coordinator] = await tx.select({ id: users.id }).from(users).where(eq(users.email, 'coordinateur@demo.relais.nc'));
  const [helper] = await tx.select({ id: users.id }).from(users).where(eq(users.email, 'aidant@demo.relais.nc'));
  const id = newId();
  await tx.insert(teams).values({ id, name: 'Aidants des agences OPT du Nord', description: 'Les aidants numériques des agences OPT de la province Nord (pilote des Points conseil numérique).', createdByUserId: coordinator?.id ?? null });
  if (helper) await tx.insert(teamMemberships).values({ id: newId(), teamId: id, userId: helper.id, startsOn: `${Number(today.slice(0, 4)) - 1}-01-01`, addedByUserId: coordinator?.id ?? null });
}
