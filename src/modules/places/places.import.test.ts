import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { ForbiddenError, type Actor } from '../../platform/authz/index.ts';
import { testDatabase } from '../../../tests/support/test-app.ts';
import type { Database } from '../../db/client.ts';
import { auditEvents } from '../audit/audit.schema.ts';
import { applyImport, demoPlacesFile, planImport, planReport } from './places.import.ts';
import { places } from './places.schema.ts';
import { exportPlaces, standardColumns } from './places.export.ts';
import { toCsv } from './places.csv.ts';

const ncFile = readFileSync(demoPlacesFile, 'utf8');
const header = [...standardColumns];

/** One row of a standard CSV, from the columns given (others empty). */
function standardCsv(rows: Partial<Record<(typeof standardColumns)[number], string>>[]): string {
  return toCsv([header, ...rows.map((r) => header.map((c) => r[c] ?? ''))]);
}

const valid = {
  id: 'mediatheque-bourail',
  pivot: '1234567001',
  nom: 'Médiathèque de Bourail',
  commune: 'Bourail',
  code_postal: '98870',
  adresse: 'Rue Simone Dremon',
  date_maj: '2024-04-02',
  services: 'Aide aux démarches administratives|Loisirs et créations numériques',
  horaires: 'Mo-Fr 08:00-12:00,13:00-16:00',
  telephone: '+687441234',
};

async function placeCount(database: Database): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(places);
  return row?.n ?? 0;
}

describe('import of places', () => {
  let database: Database;
  let drop: () => Promise<void>;
  before(async () => {
    ({ database, drop } = await testDatabase());
  });
  after(async () => drop());

  test('the dry run of the 92-place collection reports 92 places to create and writes nothing', async () => {
    const plan = await planImport(database.db, ncFile, 'lieux.json');
    assert.equal(plan.format, 'nc-2024');
    assert.equal(plan.rows.length, 92);
    assert.equal(plan.counts.create, 92);
    assert.equal(plan.counts.error, 0);
    assert.equal(await placeCount(database), 0);
  });

  test('imports the 92 places with COG codes, corrected postcodes, E.164 phones, OSM hours and unmapped values kept', async () => {
    const plan = await planImport(database.db, ncFile, 'lieux.json');
    const applied = await database.db.transaction((tx) => applyImport(tx, null, plan));
    assert.ok(applied.ok);
    assert.equal(applied.value.created, 92);
    const all = await database.db.select().from(places);
    assert.equal(all.length, 92);
    assert.ok(all.every((p) => /^988\d\d$/.test(p.communeCode)));
    assert.equal(new Set(all.map((p) => p.communeCode)).size, 30);
    // "Mont-Dore", "Boulouparis", "Île-des-Pins" resolve to the official communes.
    assert.ok(all.some((p) => p.communeCode === '98817'));
    assert.ok(all.some((p) => p.communeCode === '98802'));
    assert.ok(all.some((p) => p.communeCode === '98809'));
    // 98800 is Nouméa's postcode only.
    assert.ok(all.filter((p) => p.communeCode !== '98818').every((p) => p.postcode !== '98800'));
    assert.ok(plan.postcodeFlags.length > 50);
    assert.ok(all.every((p) => p.phone === null || /^\+687\d{6}$/.test(p.phone)));
    assert.ok(all.filter((p) => p.openingHours !== null).length >= 70);
    // La Foa's médiathèque has an unreadable Monday: the text is kept and listed.
    const laFoa = all.find((p) => p.name === 'Médiathèque de La Foa');
    assert.equal(laFoa?.openingHours, null);
    assert.match(laFoa?.openingHoursText ?? '', /lundi/);
    assert.ok(laFoa?.unmapped.horaires?.length);
    const rivièreSalée = all.find((p) => p.name === 'Espace municipal de Rivière Salée');
    assert.deepEqual(rivièreSalée?.typologies, ['MQ']);
    assert.ok(rivièreSalée?.services.includes('aide_demarches'));
    assert.ok(rivièreSalée?.services.includes('acces_internet_materiel'));
    assert.ok(rivièreSalée?.supportModes.includes('atelier_collectif'));
    assert.ok(plan.unmapped.some((u) => u.field === 'publics' && u.value === 'Personnes en difficultés sociales'));
    assert.ok(all.some((p) => (p.unmapped.publics ?? []).includes('Personnes en difficultés sociales')));
    assert.ok(all.every((p) => p.searchText.length > 0));
    const [audits] = await database.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, 'place.import'));
    assert.equal(audits?.n, 92);
  });

  test('importing the same file again creates no duplicate and changes nothing', async () => {
    const before = await database.db.select({ id: places.id, updatedAt: places.updatedAt }).from(places);
    const plan = await planImport(database.db, ncFile, 'lieux.json');
    assert.equal(plan.counts.unchanged, 92);
    const applied = await database.db.transaction((tx) => applyImport(tx, null, plan));
    assert.ok(applied.ok);
    assert.equal(applied.value.created, 0);
    assert.equal(applied.value.unchanged, 92);
    const afterwards = await database.db.select({ id: places.id, updatedAt: places.updatedAt }).from(places);
    assert.equal(afterwards.length, 92);
    assert.deepEqual(new Map(afterwards.map((p) => [p.id, p.updatedAt.getTime()])), new Map(before.map((p) => [p.id, p.updatedAt.getTime()])));
  });

  test('a changed record in the file updates its place and its date of last change', async () => {
    const data: unknown = JSON.parse(ncFile);
    assert.ok(Array.isArray(data));
    const edited = JSON.stringify(data.map((r, i) => (i === 0 ? { ...r, telephone: '+687445729' } : r)));
    const plan = await planImport(database.db, edited, 'lieux.json');
    assert.equal(plan.counts.update, 1);
    assert.deepEqual(plan.rows[0]?.changed, ['phone']);
    const applied = await database.db.transaction((tx) => applyImport(tx, null, plan));
    assert.ok(applied.ok);
    const [place] = await database.db.select().from(places).where(eq(places.name, 'Espace municipal de Rivière Salée'));
    assert.equal(place?.phone, '+687445729');
    assert.ok((place?.updatedAt.getTime() ?? 0) > Date.now() - 60_000);
  });

  test('a standard CSV with a broken row is refused whole with a message naming the row and the field', async () => {
    const before = await placeCount(database);
    const csv = standardCsv([valid, { ...valid, id: 'autre', nom: 'Lieu à Paris', commune: 'Paris', code_postal: '75001' }, { ...valid, id: 'ridet', nom: 'Mauvais RIDET', pivot: '12AB' }]);
    const plan = await planImport(database.db, csv, 'lieux.csv');
    assert.equal(plan.format, 'standard-csv');
    assert.equal(plan.counts.create, 1);
    assert.equal(plan.counts.error, 2);
    const report = planReport(plan);
    assert.match(report, /Ligne 3 \(« Lieu à Paris »\) : Commune : « Paris » n’est pas une commune de Nouvelle-Calédonie/);
    assert.match(report, /Ligne 4 \(« Mauvais RIDET »\) : RIDET : Entrez un RIDET de 7 chiffres/);
    const applied = await database.db.transaction((tx) => applyImport(tx, null, plan));
    assert.deepEqual(applied, { ok: false, error: 'row_errors' });
    assert.equal(await placeCount(database), before);
  });

  test('a standard CSV is read with its labels, `|` or `;` between values, and the schema’s misspelled label', async () => {
    const csv = standardCsv([
      { ...valid, publics_specifiquement_adresses: 'Jeunes;Seniors', formations_labels: 'Étapes numériques(La Poste)', frais_a_charge: 'Gratuit|Inconnu' },
      { ...valid, id: 'second', nom: 'Second lieu', formations_labels: 'Étapes numériques (La Poste)', horaires: 'le lundi matin' },
    ]);
    const plan = await planImport(database.db, csv, 'lieux.csv');
    assert.equal(plan.counts.error, 0, planReport(plan));
    const first = plan.rows[0]?.record?.fields;
    assert.deepEqual(first?.publics, ['jeunes', 'seniors']);
    assert.deepEqual(first?.trainingLabels, ['etapes_numeriques']);
    assert.deepEqual(first?.fees, ['gratuit']);
    assert.equal(first?.ridet, '1234567.001');
    assert.equal(first?.communeCode, '98803');
    assert.equal(first?.openingHours, 'Mo-Fr 08:00-12:00,13:00-16:00');
    assert.deepEqual(plan.rows[1]?.record?.fields.trainingLabels, ['etapes_numeriques']);
    // Hours the OSM syntax refuses are kept as text and listed, never lost.
    assert.equal(plan.rows[1]?.record?.fields.openingHours, null);
    assert.equal(plan.rows[1]?.record?.fields.openingHoursText, 'le lundi matin');
    assert.ok(plan.unmapped.some((u) => u.value === 'frais_a_charge : Inconnu'));
  });

  test('a standard JSON file is recognised, and importing a Relais export back changes no place', async () => {
    const exported = await exportPlaces(database.db, { format: 'json' });
    const plan = await planImport(database.db, exported, 'lieux.json');
    assert.equal(plan.format, 'standard-json');
    assert.equal(plan.counts.error, 0, planReport(plan));
    assert.equal(plan.rows.length, 92);
    assert.equal(plan.counts.create, 0, 'the places are recognised by their ids');
    const applied = await database.db.transaction((tx) => applyImport(tx, null, plan));
    assert.ok(applied.ok);
    assert.equal(applied.value.created, 0);
    assert.equal(await placeCount(database), 92);
    assert.equal(applied.value.updated, 0, 'nothing the standard cannot say is lost');
  });

  test('a duplicated record in one file is imported once', async () => {
    const csv = standardCsv([{ ...valid, id: 'double' }, { ...valid, id: 'double' }]);
    const plan = await planImport(database.db, csv, 'lieux.csv');
    assert.equal(plan.counts.create, 1);
    assert.equal(plan.counts.duplicate, 1);
    assert.match(planReport(plan), /Même lieu que la ligne 2/);
  });

  test('unreadable files are refused with a French message', async () => {
    assert.match((await planImport(database.db, '', 'x.csv')).fileError ?? '', /vide/);
    assert.match((await planImport(database.db, '[{"nom": ', 'x.json')).fileError ?? '', /JSON est illisible/);
    assert.match((await planImport(database.db, 'a,b\n1,2', 'x.csv')).fileError ?? '', /il manque : nom, commune/);
    assert.match((await planImport(database.db, 'nom,commune\n"Lieu,Bourail', 'x.csv')).fileError ?? '', /guillemet ouvert à la ligne 2/);
    const wrongCells = await planImport(database.db, 'id,nom,commune,code_postal,adresse\nx,Lieu,Bourail,98870', 'x.csv');
    assert.match(planReport(wrongCells), /Ligne 2 .*4 cellules alors que l’en-tête a 5 colonnes/);
  });

  test('only coordinators and administrators may import', async () => {
    const helper: Actor = { kind: 'person', userId: '0190a0a0-0000-7000-8000-000000000001', name: 'Aidant', email: 'a@b.nc', memberships: [{ id: 'm', organisationId: 'o', organisationName: 'O', role: 'helper', scopeProvince: null }] };
    const plan = await planImport(database.db, standardCsv([{ ...valid, id: 'interdit' }]), 'x.csv');
    await assert.rejects(database.db.transaction((tx) => applyImport(tx, helper, plan)), ForbiddenError);
  });
});
