import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { newId } from '../../platform/ids.ts';
import { localDay } from '../../platform/format.ts';
import { communes } from '../../territory/index.ts';
import { createAccount, demoPassword, newTotpSecret, userByEmail } from '../accounts/index.ts';
import { memberships, organisations } from '../organisations/organisations.schema.ts';
import { places } from '../places/places.schema.ts';
import { beneficiaries, type AgeBand, type Gender, type PersonStatus } from '../beneficiaries/beneficiaries.schema.ts';
import {
  activities,
  activityTags,
  procedures,
  type AdministrativeSubTheme,
  type AutonomyLevel,
  type Channel,
  type Material,
  type OrientationDestination,
  type ProcedureOutcome,
  type Theme,
  type WorkshopLevel,
} from './activities.schema.ts';
import { addDays } from './activities.dates.ts';
import { rebuildStatistics, withStatisticsDeferred } from './statistics/statistics.queries.ts';

/** One helper the generator records for: their structure, the commune people come from, the places they work at. */
export type DemoHelper = { userId: string; organisationId: string; communeCode: string; placeIds: string[]; weight?: number };

type Weighted<T> = readonly (readonly [T, number])[];

/** A small deterministic generator (mulberry32): the same seed gives the same records. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, choices: Weighted<T>): T {
  const total = choices.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [value, w] of choices) {
    r -= w;
    if (r < 0) return value;
  }
  const last = choices[choices.length - 1];
  if (!last) throw new Error('pick: no choices');
  return last[0];
}

function pickOne<T>(rand: () => number, list: readonly T[]): T | undefined {
  return list[Math.floor(rand() * list.length)];
}

// Weights from what OPT agencies and mediators report: administrative help first, then e-mail and the phone.
const themeWeights: Weighted<Theme> = [
  ['administrative_procedures', 30],
  ['email', 12],
  ['equipment_handling', 10],
  ['web_browsing', 8],
  ['office_software', 5],
  ['social_media', 5],
  ['banking_shopping', 5],
  ['health', 5],
  ['security', 4],
  ['digital_content', 3],
  ['diagnostic', 3],
  ['employment', 3],
  ['equipment_maintenance', 2],
  ['schooling', 2],
  ['parenting', 1],
  ['professional_support', 1],
  ['creating', 1],
  ['digital_culture', 1],
  ['artificial_intelligence', 1],
];
const subThemeWeights: Weighted<AdministrativeSubTheme> = [
  ['social_health', 30],
  ['money_taxes', 20],
  ['housing', 15],
  ['papers_elections_citizenship', 12],
  ['work_training_business', 10],
  ['family_schooling', 8],
  ['transport_mobility', 3],
  ['justice', 1],
  ['foreigners_europe', 1],
];
const durationWeights: Weighted<number> = [
  [15, 15],
  [30, 40],
  [45, 15],
  [60, 15],
  [90, 8],
  [120, 5],
  [0, 2],
];
const channelWeights: Weighted<Channel> = [
  ['at_place', 80],
  ['remote', 10],
  ['at_home', 5],
  ['elsewhere', 5],
];
const materialWeights: Weighted<Material | null> = [
  ['computer', 45],
  ['phone', 35],
  ['tablet', 5],
  ['none', 10],
  [null, 5],
];
const ageWeights: Weighted<AgeBand> = [
  ['not_communicated', 25],
  ['from_18_to_24', 6],
  ['from_25_to_39', 14],
  ['from_40_to_59', 22],
  ['from_60_to_69', 18],
  ['from_70', 13],
  ['from_12_to_17', 2],
];
const genderWeights: Weighted<Gender> = [
  ['female', 50],
  ['male', 38],
  ['not_communicated', 12],
];
const statusWeights: Weighted<PersonStatus> = [
  ['not_communicated', 35],
  ['retired', 25],
  ['employed', 18],
  ['unemployed', 18],
  ['in_school', 4],
];
const autonomyWeights: Weighted<AutonomyLevel | null> = [
  [null, 40],
  ['fully_assisted', 30],
  ['partly_autonomous', 20],
  ['autonomous', 10],
];
const outcomeWeights: Weighted<ProcedureOutcome> = [
  ['completed', 55],
  ['partly_done', 15],
  ['to_continue', 20],
  ['redirected_to_partner', 10],
];
const destinationWeights: Weighted<OrientationDestination> = [
  ['procedure_operator', 35],
  ['administration', 25],
  ['social_aid', 15],
  ['other_mediation', 10],
  ['employment_support', 8],
  ['administrative_help_point', 5],
  ['other', 2],
];
const workshops: readonly (readonly [string, Theme, WorkshopLevel])[] = [
  ['Premiers pas sur ordinateur', 'equipment_handling', 'beginner'],
  ['Créer son adresse e-mail', 'email', 'beginner'],
  ['Bien utiliser son smartphone', 'equipment_handling', 'beginner'],
  ['Faire ses démarches CAFAT en ligne', 'administrative_procedures', 'intermediate'],
  ['Se protéger des arnaques en ligne', 'security', 'intermediate'],
  ['Traitement de texte : écrire une lettre', 'office_software', 'intermediate'],
  ['Réseaux sociaux en famille', 'parenting', 'beginner'],
  ['Découvrir l’intelligence artificielle', 'artificial_intelligence', 'advanced'],
];

/** Partners whose procedures come first: most of the demand at OPT counters. */
const favouredPartners = /cafat|enercal/i;

/** Splits `total` people among values, at most `total` in all (some left unsaid, as in real records). */
function split<K extends string>(rand: () => number, total: number, weights: Weighted<K>): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  const told = Math.floor(total * (0.6 + rand() * 0.4));
  for (let i = 0; i < told; i++) {
    const k = pick(rand, weights);
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

/** Every active helper with their structure's commune and places, when the caller names none. */
async function helpersInDatabase(db: Executor): Promise<DemoHelper[]> {
  const rows = await db
    .select({ userId: memberships.userId, organisationId: memberships.organisationId, communeCode: organisations.communeCode })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.role, 'helper'), isNull(memberships.endedAt)));
  return withPlaces(db, rows);
}

async function withPlaces(db: Executor, rows: { userId: string; organisationId: string; communeCode: string; weight?: number }[]): Promise<DemoHelper[]> {
  const codes = [...new Set(rows.map((r) => r.communeCode))];
  const found = codes.length > 0 ? await db.select({ id: places.id, communeCode: places.communeCode, managedBy: places.managedBy }).from(places).where(and(inArray(places.communeCode, codes), isNull(places.mergedInto))) : [];
  return rows.map((r) => {
    const managed = found.filter((p) => p.managedBy === r.organisationId).map((p) => p.id);
    const near = found.filter((p) => p.communeCode === r.communeCode).map((p) => p.id);
    return { ...r, placeIds: (managed.length > 0 ? managed : near).slice(0, 3) };
  });
}

/**
 * Realistic activity records, fast: themes weighted as in the field, CAFAT and Enercal procedures first when the
 * catalogue has them, the last `months` months (weekdays busier), several helpers and structures, some followed
 * people, some workshops. Inserted 1 000 rows per statement, straight into the table (no per-record checks: the
 * rules hold by construction, and the database's checks still apply). Deterministic for a given `seed`.
 * @example await generateDemoActivities(db, { count: 100_000 }) // the bench's data set
 */
export async function generateDemoActivities(
  db: Executor,
  options: { count: number; helpers?: DemoHelper[]; months?: number; seed?: number; today?: string; workshopShare?: number },
): Promise<{ inserted: number }> {
  if (options.count < 200) return generate(db, options);
  return db.transaction(async (tx) => {
    // Triggers (the statistics aggregates, the foreign-key checks) run once per row; a bulk load of rows valid by
    // construction skips them where the database allows it (PGlite, a superuser), and the aggregates are rebuilt once.
    let result: { inserted: number };
    if (await replicaMode(tx, true)) {
      result = await generate(tx, options);
      await replicaMode(tx, false);
      await rebuildStatistics(tx);
    } else {
      result = await withStatisticsDeferred(tx, () => generate(tx, options));
    }
    // Fresh row counts for the planner: without them it guesses a few hundred rows and picks slow plans.
    await tx.execute(sql`analyze activities`);
    return result;
  });
}

/** Turns the session's triggers off (or back on) for the rest of the transaction; false when not allowed. */
async function replicaMode(tx: Executor, on: boolean): Promise<boolean> {
  try {
    await tx.transaction(async (savepoint) => {
      await savepoint.execute(on ? sql`set local session_replication_role = replica` : sql`set local session_replication_role = origin`);
    });
    return true;
  } catch {
    return false;
  }
}

async function generate(
  db: Executor,
  options: { count: number; helpers?: DemoHelper[]; months?: number; seed?: number; today?: string; workshopShare?: number },
): Promise<{ inserted: number }> {
  const helpers = options.helpers ?? (await helpersInDatabase(db));
  if (helpers.length === 0 || options.count <= 0) return { inserted: 0 };
  const rand = random(options.seed ?? 20260303);
  const today = options.today ?? localDay(new Date());
  const days = Math.max(1, Math.round((options.months ?? 12) * 30.4));
  const catalogue = await db.select({ id: procedures.id, partner: organisations.name }).from(procedures).innerJoin(organisations, eq(organisations.id, procedures.partnerOrganisationId)).where(eq(procedures.active, true));
  const procedureWeights: Weighted<string> = catalogue.map((p) => [p.id, favouredPartners.test(p.partner) ? 4 : 1] as const);
  const orgIds = [...new Set(helpers.map((h) => h.organisationId))];
  const followed = await db.select({ id: beneficiaries.id, organisationId: beneficiaries.organisationId }).from(beneficiaries).where(inArray(beneficiaries.organisationId, orgIds)).limit(5000);
  const followedBy = new Map<string, string[]>();
  for (const f of followed) followedBy.set(f.organisationId, [...(followedBy.get(f.organisationId) ?? []), f.id]);
  const helperWeights: Weighted<DemoHelper> = helpers.map((h) => [h, h.weight ?? 1] as const);
  const workshopShare = options.workshopShare ?? 0.06;
  const neighbours = communes.map((c) => c.code);

  type Row = typeof activities.$inferInsert;
  let batch: Row[] = [];
  let inserted = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await insertRows(db, batch);
    inserted += batch.length;
    batch = [];
  };

  for (let i = 0; i < options.count; i++) {
    const helper = pick(rand, helperWeights);
    // Weekdays carry most of the work; Sundays almost none.
    let date = addDays(today, -Math.floor(rand() * days));
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if ((weekday === 0 && rand() < 0.9) || (weekday === 6 && rand() < 0.6)) date = addDays(date, weekday === 0 ? -2 : -1);
    let minutes = pick(rand, durationWeights);
    if (minutes === 0) minutes = 5 + Math.floor(rand() * 236);
    const createdAt = new Date(`${date}T${String(8 + Math.floor(rand() * 8)).padStart(2, '0')}:${String(Math.floor(rand() * 60)).padStart(2, '0')}:00+11:00`);
    const material = pick(rand, materialWeights);
    const base = {
      id: newId(),
      organisationId: helper.organisationId,
      helperUserId: helper.userId,
      createdByUserId: helper.userId,
      placeId: pickOne(rand, helper.placeIds) ?? null,
      date,
      durationMinutes: minutes,
      channel: pick(rand, channelWeights),
      materials: material ? [material] : [],
      createdAt,
      updatedAt: createdAt,
    };
    if (rand() < workshopShare) {
      const [title, theme, level] = pickOne(rand, workshops) ?? ['Atelier', 'email', 'beginner'];
      const anonymous = 3 + Math.floor(rand() * 10);
      batch.push({
        ...base,
        kind: 'workshop',
        durationMinutes: pick(rand, [
          [90, 3],
          [120, 5],
          [180, 1],
        ]),
        channel: 'at_place',
        themes: [theme],
        title,
        level,
        anonymousParticipants: anonymous,
        participantBreakdown: { gender: split(rand, anonymous, genderWeights), ageBand: split(rand, anonymous, ageWeights), status: split(rand, anonymous, statusWeights) },
        participantCount: anonymous,
      });
    } else {
      const count = pick(rand, [
        [1, 70],
        [2, 25],
        [3, 5],
      ]);
      const chosen = new Set<Theme>();
      while (chosen.size < count) chosen.add(pick(rand, themeWeights));
      const list = [...chosen];
      const administrative = chosen.has('administrative_procedures');
      const procedureId = administrative && procedureWeights.length > 0 && rand() < 0.7 ? pick(rand, procedureWeights) : null;
      const oriented = rand() < 0.1;
      const linked = followedBy.get(helper.organisationId);
      const beneficiaryId = linked && rand() < 0.08 ? (pickOne(rand, linked) ?? null) : null;
      const anonymous = rand() < 0.3;
      batch.push({
        ...base,
        kind: 'individual',
        themes: list,
        administrativeSubThemes: administrative ? [pick(rand, subThemeWeights)] : [],
        procedureId,
        procedureOutcome: procedureId ? pick(rand, outcomeWeights) : null,
        autonomy: pick(rand, autonomyWeights),
        oriented,
        orientationDestination: oriented ? pick(rand, destinationWeights) : null,
        beneficiaryId,
        communeCode: anonymous ? null : rand() < 0.8 ? helper.communeCode : (pickOne(rand, neighbours) ?? null),
        ageBand: anonymous ? 'not_communicated' : pick(rand, ageWeights),
        gender: anonymous ? 'not_communicated' : pick(rand, genderWeights),
        status: anonymous ? 'not_communicated' : pick(rand, statusWeights),
        participantCount: 1,
      });
    }
    if (batch.length >= 1000) await flush();
  }
  await flush();
  return { inserted };
}

/** One PostgreSQL array literal of texts (NULL for null). */
function arrayLiteral(values: readonly (string | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
}

/** The columns the generator writes, with their SQL types: one text array each, cast back on the way in. */
const bulkColumns = [
  ['id', 'uuid'],
  ['kind', 'activity_kind'],
  ['organisation_id', 'uuid'],
  ['place_id', 'uuid'],
  ['helper_user_id', 'uuid'],
  ['created_by_user_id', 'uuid'],
  ['date', 'date'],
  ['duration_minutes', 'integer'],
  ['channel', 'activity_channel'],
  ['themes', 'activity_theme[]'],
  ['administrative_sub_themes', 'activity_administrative_sub_theme[]'],
  ['materials', 'activity_material[]'],
  ['autonomy', 'activity_autonomy'],
  ['oriented', 'boolean'],
  ['orientation_destination', 'activity_orientation_destination'],
  ['procedure_id', 'uuid'],
  ['procedure_outcome', 'activity_procedure_outcome'],
  ['beneficiary_id', 'uuid'],
  ['commune_code', 'text'],
  ['age_band', 'person_age_band'],
  ['gender', 'person_gender'],
  ['status', 'person_status'],
  ['title', 'text'],
  ['level', 'activity_workshop_level'],
  ['anonymous_participants', 'integer'],
  ['participant_breakdown', 'jsonb'],
  ['participant_count', 'integer'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
] as const;

type BulkColumn = (typeof bulkColumns)[number][0];

function cellsOf(r: typeof activities.$inferInsert): Record<BulkColumn, string | null> {
  const list = (values: readonly string[] | undefined) => arrayLiteral(values ?? []);
  const text = (v: string | null | undefined) => v ?? null;
  return {
    id: r.id,
    kind: r.kind,
    organisation_id: r.organisationId,
    place_id: text(r.placeId),
    helper_user_id: r.helperUserId,
    created_by_user_id: text(r.createdByUserId),
    date: r.date,
    duration_minutes: String(r.durationMinutes),
    channel: r.channel,
    themes: list(r.themes),
    administrative_sub_themes: list(r.administrativeSubThemes),
    materials: list(r.materials),
    autonomy: text(r.autonomy),
    oriented: r.oriented ? 'true' : 'false',
    orientation_destination: text(r.orientationDestination),
    procedure_id: text(r.procedureId),
    procedure_outcome: text(r.procedureOutcome),
    beneficiary_id: text(r.beneficiaryId),
    commune_code: text(r.communeCode),
    age_band: r.ageBand ?? 'not_communicated',
    gender: r.gender ?? 'not_communicated',
    status: r.status ?? 'not_communicated',
    title: text(r.title),
    level: text(r.level),
    anonymous_participants: String(r.anonymousParticipants ?? 0),
    participant_breakdown: r.participantBreakdown ? JSON.stringify(r.participantBreakdown) : null,
    participant_count: String(r.participantCount),
    created_at: (r.createdAt ?? new Date()).toISOString(),
    updated_at: (r.updatedAt ?? new Date()).toISOString(),
  };
}

/**
 * Many rows in one statement with one parameter per column (`unnest` of text arrays): far cheaper than one
 * parameter per cell for the drivers, PGlite above all.
 */
async function insertRows(db: Executor, rows: (typeof activities.$inferInsert)[]): Promise<void> {
  const cells = rows.map(cellsOf);
  const names = sql.raw(bulkColumns.map(([name]) => name).join(', '));
  const casts = sql.raw(bulkColumns.map(([name, type]) => `u.${name}::${type}`).join(', '));
  const arrays = sql.join(
    bulkColumns.map(([name]) => sql`${arrayLiteral(cells.map((c) => c[name]))}::text[]`),
    sql`, `,
  );
  await db.execute(sql`insert into activities (${names}) select ${casts} from unnest(${arrays}) as u(${names})`);
}

/** Demo helpers of other structures, so that lists and statistics show a network, not one person. */
const demoHelpers = [
  { email: 'aidante.kone@demo.relais.nc', name: 'Anne-Marie Gowé', organisation: 'Agence OPT de Koné', weight: 3 },
  { email: 'aidante.koumac@demo.relais.nc', name: 'Mireille Wajoka', organisation: 'Agence OPT de Koumac', weight: 3 },
  { email: 'aidant.bourail@demo.relais.nc', name: 'Jean-Marc Tein', organisation: 'Agence OPT de Bourail', weight: 2 },
  { email: 'aidante.province-sud@demo.relais.nc', name: 'Sandrine Kaloi', organisation: 'Province Sud', weight: 3 },
  { email: 'aidant.lifou@demo.relais.nc', name: 'Eddy Wenehoua', organisation: 'Association Wetr Numérique, Lifou (démonstration)', weight: 2 },
] as const;

/**
 * The demo's records: about 1 500 over the 12 months before today, a third of them by the demo helper (Henri Poadja, OPT
 * Koné), the rest by five demo helpers of other structures; a few tags.
 * @example await seedActivitiesDemo(tx)
 */
export async function seedActivitiesDemo(tx: Executor, options: { count?: number; today?: string } = {}): Promise<{ inserted: number }> {
  const henri = await userByEmail(tx, 'aidant@demo.relais.nc');
  const rows: { userId: string; organisationId: string; communeCode: string; weight: number }[] = [];
  const orgs = await tx.select({ id: organisations.id, name: organisations.name, communeCode: organisations.communeCode }).from(organisations);
  const orgByName = new Map(orgs.map((o) => [o.name, o]));
  if (henri) {
    const [m] = await tx
      .select({ organisationId: memberships.organisationId, communeCode: organisations.communeCode })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(and(eq(memberships.userId, henri.id), eq(memberships.role, 'helper'), isNull(memberships.endedAt)));
    if (m) rows.push({ userId: henri.id, organisationId: m.organisationId, communeCode: m.communeCode, weight: 7 });
  }
  for (const h of demoHelpers) {
    const org = orgByName.get(h.organisation);
    if (!org) continue;
    let user = await userByEmail(tx, h.email);
    if (!user) {
      const made = await createAccount(tx, null, { email: h.email, name: h.name, password: demoPassword, isDemo: true, totpSecret: newTotpSecret(), memberships: [{ organisationId: org.id, role: 'helper' }] });
      if (!made.ok) continue;
      user = await userByEmail(tx, h.email);
    }
    if (user) rows.push({ userId: user.id, organisationId: org.id, communeCode: org.communeCode, weight: h.weight });
  }
  // Until yesterday: today's page stays the helper's own, empty until they record.
  const result = await generateDemoActivities(tx, { count: options.count ?? 1500, helpers: await withPlaces(tx, rows), today: options.today ?? addDays(localDay(new Date()), -1) });
  if (henri) {
    await tx.insert(activityTags).values([
      { id: newId(), scope: 'personal', label: 'Permanence du mardi', ownerUserId: henri.id },
      { id: newId(), scope: 'personal', label: 'Rentrée scolaire', ownerUserId: henri.id },
    ]);
  }
  await tx.insert(activityTags).values({ id: newId(), scope: 'territory', label: 'Semaine du numérique' });
  return result;
}
