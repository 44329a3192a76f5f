import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../platform/authz/index.ts';
import { newId } from '../../platform/ids.ts';
import type { Role } from '../../platform/authz/index.ts';
import type { Province } from '../../territory/index.ts';
import { communeByName } from '../../territory/index.ts';
import { createAccount, demoPassword, membershipsOf, userByEmail } from '../accounts/index.ts';
import { createOrganisation, organisationByName, type OrganisationKind } from '../organisations/index.ts';
import { beneficiaries } from '../beneficiaries/beneficiaries.schema.ts';
import { procedures } from './activities.schema.ts';

// Shared by this module's tests only: actors from accounts, a structure with a helper, a followed person, a procedure.

/** The actor of an existing account, as a session would load it. */
export async function actorOf(db: Executor, email: string): Promise<Actor & { kind: 'person' }> {
  const user = await userByEmail(db, email);
  if (!user) throw new Error(`no account ${email}`);
  return { kind: 'person', userId: user.id, name: user.name, email: user.email, memberships: await membershipsOf(db, user.id) };
}

/** A new structure (in a commune) with one account holding a role there. */
export async function structureWith(db: Executor, options: { name: string; commune: string; email: string; role: Role; kind?: OrganisationKind; scopeProvince?: Province | null }): Promise<{ organisationId: string; actor: Actor & { kind: 'person' } }> {
  const commune = communeByName(options.commune);
  if (!commune) throw new Error(`unknown commune ${options.commune}`);
  let organisationId = (await organisationByName(db, options.name))?.id;
  if (!organisationId) {
    const org = await createOrganisation(db, null, { name: options.name, kind: options.kind ?? 'association', communeCode: commune.code, ridet: null });
    if (!org.ok) throw new Error(org.error);
    organisationId = org.value.id;
  }
  const account = await createAccount(db, null, { email: options.email, name: options.email.split('@')[0] ?? 'Test', password: demoPassword, memberships: [{ organisationId, role: options.role, scopeProvince: options.scopeProvince ?? null }] });
  if (!account.ok) throw new Error(account.error);
  return { organisationId, actor: await actorOf(db, options.email) };
}

/** A followed person of a structure (with consent), as the beneficiaries module would create them. */
export async function followedPersonOf(db: Executor, organisationId: string, name: { firstName: string; lastName: string; birthYear?: number }): Promise<string> {
  const id = newId();
  const values = {
    id,
    organisationId,
    firstName: name.firstName,
    lastName: name.lastName,
    birthYear: name.birthYear ?? null,
    consentText: 'Consentement de test',
    consentGivenAt: new Date(),
  };
  await db.insert(beneficiaries).values(values);
  return id;
}

/** A procedure of a partner's catalogue. */
export async function procedureOf(db: Executor, partnerName: string, name: string, active = true): Promise<string> {
  const partner = await organisationByName(db, partnerName);
  if (!partner) throw new Error(`no partner ${partnerName}`);
  // The demo catalogue may hold it already: reuse it, with the state asked for.
  const [existing] = await db.select({ id: procedures.id }).from(procedures).where(and(eq(procedures.partnerOrganisationId, partner.id), eq(procedures.name, name)));
  if (existing) {
    await db.update(procedures).set({ active }).where(eq(procedures.id, existing.id));
    return existing.id;
  }
  const id = newId();
  await db.insert(procedures).values({ id, partnerOrganisationId: partner.id, name, active });
  return id;
}
