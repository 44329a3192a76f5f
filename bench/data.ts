import { eq, sql } from 'drizzle-orm';
import { prepareDatabase } from '../src/server.ts';
import { isEmptyDatabase, seedDemo } from '../src/cli/seed.ts';
import { membershipsOf } from '../src/modules/accounts/index.ts';
import { users } from '../src/modules/accounts/accounts.schema.ts';
import { createApiToken } from '../src/modules/api-tokens/index.ts';
import { generateDemoActivities } from '../src/modules/activities/index.ts';
import { organisations } from '../src/modules/organisations/organisations.schema.ts';
import type { Actor } from '../src/platform/authz/index.ts';
import { generatePlaces } from './places.ts';

export const adminEmail = 'administrateur@demo.relais.nc';
/** The demo helper (OPT Koné) records activities. */
export const helperEmail = 'aidant@demo.relais.nc';

export type Generated = {
  adminId: string;
  /** The demo helper, and the organisation they record for. */
  helper: { id: string; organisationId: string };
  /** A demo organisation with members, for its detail page. */
  organisationId: string;
  /** Bearer token with organisations:read, organisations:write and activites:ecrire. */
  apiToken: string;
  /** A generated place, for its page. */
  placeId: string;
  counts: { organisations: number; accounts: number; auditEvents: number; places: number; activities: number };
  seconds: number;
  /** Of which generating the activities. */
  activitySeconds: number;
};

/**
 * Prepares the database (migrations, communes), adds the demo data, then `size` organisations, `size` accounts
 * (one membership each) and 10 × `size` audit events, in bulk with generate_series, and `places` places (places.ts). Closes the database so that
 * the server, a separate process, can open it.
 */
export async function generateData(options: { dataDir: string; databaseUrl: string | undefined; size: number; places: number; activities?: number }): Promise<Generated> {
  const started = performance.now();
  const database = await prepareDatabase({ dataDir: options.dataDir, databaseUrl: options.databaseUrl });
  try {
    const { db } = database;
    if (!(await isEmptyDatabase(db))) {
      throw new Error('the database already holds organisations: the benchmark needs an empty database (it adds demo and generated data)');
    }
    await seedDemo(db);

    const [admin] = await db.select().from(users).where(eq(users.email, adminEmail));
    if (!admin) throw new Error(`demo seed did not create ${adminEmail}`);
    const [dinum] = await db.select({ id: organisations.id }).from(organisations).where(sql`${organisations.name} like 'Direction du numérique%'`);
    if (!dinum) throw new Error('demo seed did not create the DINUM organisation');

    const size = options.size;
    await database.rawTransaction(async (execute) => {
      // Organisations: names that a search for "agence" finds one time in 8, spread over the 33 communes.
      await execute(
        `insert into organisations (id, name, kind, province, commune_code, created_at, updated_at)
         select gen_random_uuid(),
                (array['Agence numérique','Association','Atelier','Maison de quartier','Collectif','Espace public numérique','Médiathèque','Point relais'])[1 + i % 8]
                  || ' de ' || c.name || ' n° ' || i,
                (array['opt_agency','association','refurbisher','place_operator','association','place_operator','government_unit','partner'])[1 + i % 8]::organisation_kind,
                c.province, c.code, now() - i * interval '7 minutes', now() - i * interval '5 minutes'
         from generate_series(1, $1::int) as i
         join (select code, name, province, (row_number() over (order by code)) - 1 as rn, count(*) over () as n from communes) c on c.rn = i % c.n`,
        [size],
      );
      // Accounts (without password: nobody signs in with them), one membership each in a generated organisation.
      await execute(
        `insert into users (id, email, name, phone, created_at, updated_at)
         select gen_random_uuid(), 'personne-' || i || '@banc.relais.nc',
                (array['Marie','Jean','Léa','Paul','Nadia','Henri','Alice','Thomas'])[1 + i % 8] || ' ' ||
                (array['Wahéo','Dupont','Gowé','Martin','Hnawia','Tui','Poadja','Néa','Leroy','Kaloi'])[1 + i % 10] || ' ' || i,
                '+6872' || lpad((i % 100000)::text, 5, '0'), now() - i * interval '11 minutes', now()
         from generate_series(1, $1::int) as i`,
        [size],
      );
      await execute(
        `insert into memberships (id, user_id, organisation_id, role, created_at)
         select gen_random_uuid(), u.id, o.id, (array['helper','place_manager','association_contact','helper','refurbisher_operator'])[1 + u.rn % 5]::role, now()
         from (select id, row_number() over (order by email) as rn from users where email like '%@banc.relais.nc') u
         join (select id, row_number() over (order by name) as rn from organisations where name like '% n° %') o on o.rn = u.rn`,
      );
      // Audit events over the last months, a third by the demo administrator.
      await execute(
        `insert into audit_events (id, at, actor_user_id, actor_label, action, subject_type, subject_id, summary, details, request_id)
         select gen_random_uuid(), now() - i * interval '3 minutes',
                case when i % 3 = 0 then $2::uuid else null end,
                case when i % 3 = 0 then $3 else 'Jeton d’API « Tableau de bord CAFAT »' end,
                (array['organisation.create','organisation.update','person.invite','membership.end','apiToken.create','session.start'])[1 + i % 6],
                (array['organisation','organisation','invitation','membership','api_token','session'])[1 + i % 6],
                gen_random_uuid()::text,
                (array['Organisation créée','Organisation modifiée','Invitation envoyée','Adhésion terminée','Jeton d’API créé','Session ouverte'])[1 + i % 6] || ' (banc d’essai n° ' || i || ')',
                jsonb_build_object('n', i, 'source', 'banc d’essai'),
                null
         from generate_series(1, $1::int) as i`,
        [size * 10, admin.id, `${admin.name} <${admin.email}>`],
      );
    });

    // Places (the demo seed imported the 92 real ones): realistic generated places, search text as the command writes it.
    const { firstId } = await generatePlaces(db, options.places);
    const [anyPlace] = await database.executeSql('select id from places where merged_into is null order by search_text limit 1').then((r) => r.rows);
    const placeId = firstId ?? String(anyPlace?.id ?? '');

    // Activity records (helper A's generator, as the demo seed uses it): the budgets speak of 100 000.
    const activitiesStarted = performance.now();
    if ((options.activities ?? 0) > 0) await generateDemoActivities(db, { count: options.activities ?? 0 });
    const activitySeconds = (performance.now() - activitiesStarted) / 1000;
    const [helper] = await db.select().from(users).where(eq(users.email, helperEmail));
    const helperOrganisation = helper ? (await membershipsOf(db, helper.id)).find((m) => m.role === 'helper') : undefined;
    if (!helper || !helperOrganisation) throw new Error(`demo seed did not create ${helperEmail} with a helper membership`);

    const actor: Actor = { kind: 'person', userId: admin.id, name: admin.name, email: admin.email, memberships: await membershipsOf(db, admin.id) };
    const token = await db.transaction((tx) =>
      createApiToken(tx, actor, { name: 'Banc d’essai', scopes: ['organisations:read', 'organisations:write', 'activites:ecrire'], expiresAt: null }),
    );
    if (!token.ok) throw new Error('could not create the API token');

    const counted = await database.executeSql(
      `select (select count(*) from organisations)::int as organisations, (select count(*) from users)::int as accounts, (select count(*) from audit_events)::int as audit_events, (select count(*) from places)::int as places, (select count(*) from activities)::int as activities`,
    );
    const row = counted.rows[0] ?? {};
    await database.executeSql('analyze');
    return {
      adminId: admin.id,
      helper: { id: helper.id, organisationId: helperOrganisation.organisationId },
      organisationId: dinum.id,
      apiToken: token.value.token,
      placeId,
      counts: { organisations: Number(row.organisations), accounts: Number(row.accounts), auditEvents: Number(row.audit_events), places: Number(row.places), activities: Number(row.activities) },
      seconds: (performance.now() - started) / 1000,
      activitySeconds,
    };
  } finally {
    await database.close();
  }
}
