import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { testDatabase } from '../../../tests/support/test-app.ts';
import { checkCell, loadTableSchema, validateCsv, validateJson, type SchemaField } from '../../../tests/support/table-schema.ts';
import type { Database } from '../../db/client.ts';
import { parseCsv } from './places.csv.ts';
import { exportPlaces, extendedColumns, renderExport, standardColumns, unknownPivot } from './places.export.ts';
import { applyImport, demoPlacesFile, planImport } from './places.import.ts';
import { places } from './places.schema.ts';
import { findPlace } from './places.queries.ts';

const schemaPath = resolve(import.meta.dirname, 'data/standard-mediation-num.schema.json');
const schema = loadTableSchema(schemaPath);
const field = (name: string): SchemaField => {
  const found = schema.fields.find((f) => f.name === name);
  assert.ok(found, name);
  return found;
};

describe('the validator that reads schema.json', () => {
  test('accepts the standard’s own valid example file', () => {
    const example = readFileSync(resolve(import.meta.dirname, 'data/standard-mediation-num.exemple-valide.csv'), 'utf8');
    assert.deepEqual(validateCsv(schema, example), []);
  });

  test('refuses wrong column order, missing required values, bad patterns, types and lengths', () => {
    const names = schema.fields.map((f) => f.name);
    const swapped = [names[1], names[0], ...names.slice(2)].map((n) => `"${n}"`).join(',');
    assert.match(validateCsv(schema, `${swapped}\r\n`)[0]?.message ?? '', /en-tête/);
    assert.match(checkCell(field('code_postal'), '988') ?? '', /motif/);
    assert.match(checkCell(field('latitude'), '-22,27') ?? '', /n’est pas un nombre/);
    assert.match(checkCell(field('date_maj'), '2024-02-30') ?? '', /date/);
    assert.match(checkCell(field('presentation_resume'), 'x'.repeat(281)) ?? '', /280 au plus/);
    assert.match(checkCell(field('telephone'), '+61412345678') ?? '', /motif/);
    const header = names.map((n) => `"${n}"`).join(',');
    const emptyRow = names.map(() => '""').join(',');
    const missing = validateCsv(schema, `${header}\r\n${emptyRow}\r\n`).map((v) => v.column);
    for (const required of ['id', 'pivot', 'nom', 'commune', 'code_postal', 'adresse', 'date_maj']) assert.ok(missing.includes(required), required);
  });

  test('quirk: multi-valued cells are separated by `|`; `;` (the README’s) fails the enumeration patterns', () => {
    assert.equal(checkCell(field('services'), 'Aide aux démarches administratives|Compréhension du monde numérique'), null);
    assert.notEqual(checkCell(field('services'), 'Aide aux démarches administratives;Compréhension du monde numérique'), null);
  });

  test('quirk: the schema misspells « Étapes numériques (La Poste) » so the right spelling fails strict validation', () => {
    assert.notEqual(checkCell(field('formations_labels'), 'Étapes numériques (La Poste)'), null);
    assert.equal(checkCell(field('formations_labels'), 'Étapes numériques(La Poste)'), null);
  });

  test('quirk: a RIDET without its dot fits `pivot`, with its dot it does not; 00000000000000 stands for unknown', () => {
    assert.equal(checkCell(field('pivot'), '1234567001'), null);
    assert.notEqual(checkCell(field('pivot'), '1234567.001'), null);
    assert.equal(checkCell(field('pivot'), unknownPivot), null);
  });

  test('New Caledonian COG codes fit the code_insee pattern', () => {
    for (const code of ['98801', '98818', '98833']) assert.equal(checkCell(field('code_insee'), code), null);
  });
});

describe('open-data export of places', () => {
  let database: Database;
  let drop: () => Promise<void>;
  before(async () => {
    ({ database, drop } = await testDatabase());
    const plan = await planImport(database.db, readFileSync(demoPlacesFile, 'utf8'), 'lieux.json');
    const applied = await database.db.transaction((tx) => applyImport(tx, null, plan));
    assert.ok(applied.ok);
    // Give one place every multi-valued field, the misspelled label, a RIDET and a tribe without a street.
    await database.db
      .update(places)
      .set({
        ridet: '1234567.001',
        trainingLabels: ['etapes_numeriques', 'mon_espace_sante'],
        itinerance: ['fixe', 'itinerant'],
        accessModes: ['se_presenter', 'pas_de_public'],
        nationalSchemes: ['point_acces_caf', 'relais_numerique_emmaus'],
        specificSupports: ['langues_anglais'],
        address: '',
        locality: 'Tribu de Gohapin',
        languages: ['drehu', 'francais'],
        phone: '+61412345678',
      })
      .where(eq(places.name, 'Espace connecté de Bourail'));
  });
  after(async () => drop());

  test('the CSV export of the 92 imported places validates against schema.json', async () => {
    const csv = await exportPlaces(database.db, { format: 'csv' });
    assert.deepEqual(validateCsv(schema, csv), []);
    assert.equal(parseCsv(csv).length, 93);
  });

  test('the JSON export validates against schema.json, keys in the standard’s order', async () => {
    const json = await exportPlaces(database.db, { format: 'json' });
    assert.deepEqual(validateJson(schema, json), []);
  });

  test('quirk: code_insee is always set, so no place is hidden from the national map', async () => {
    const [header, ...rows] = parseCsv(await exportPlaces(database.db, { format: 'csv' }));
    const column = header?.indexOf('code_insee') ?? -1;
    assert.ok(rows.every((r) => /^988\d\d$/.test(r[column] ?? '')));
  });

  test('pivot is the RIDET without its dot, or 00000000000000; the misspelled label is written the schema’s way', async () => {
    const [header, ...rows] = parseCsv(await exportPlaces(database.db, { format: 'csv' }));
    const col = (name: string) => header?.indexOf(name) ?? -1;
    const bourail = rows.find((r) => r[col('nom')] === 'Espace connecté de Bourail');
    assert.equal(bourail?.[col('pivot')], '1234567001');
    assert.equal(bourail?.[col('formations_labels')], 'Étapes numériques(La Poste)|Formé à « Mon Espace Santé »');
    assert.equal(bourail?.[col('adresse')], 'Tribu de Gohapin');
    assert.equal(bourail?.[col('telephone')], '', 'a number outside the standard’s prefixes is left out');
    assert.ok(rows.filter((r) => r !== bourail).every((r) => r[col('pivot')] === unknownPivot));
  });

  test('date_maj is the place’s real last change, in Nouméa’s calendar', async () => {
    const [place] = await database.db.select().from(places).where(eq(places.name, 'Espace municipal de Tuban'));
    assert.ok(place);
    // Submitted on 2023-11-05 in the collection; never changed since.
    const json: unknown = JSON.parse(renderExport([place], { format: 'json' }));
    assert.ok(Array.isArray(json));
    assert.equal(json[0]?.date_maj, '2023-11-05');
    const late = { ...place, updatedAt: new Date('2026-03-02T14:00:00Z') };
    const [, row] = parseCsv(renderExport([late], { format: 'csv' }));
    assert.equal(row?.[standardColumns.indexOf('date_maj')], '2026-03-03');
  });

  test('the extended file keeps the standard’s columns first and adds New Caledonia’s after them', async () => {
    const [place] = await database.db.select().from(places).where(eq(places.name, 'Espace connecté de Bourail'));
    assert.ok(place);
    const csv = renderExport([place], { format: 'csv', extended: true, labelled: new Set([place.id]) });
    const [header, row] = parseCsv(csv);
    assert.deepEqual(header, [...standardColumns, ...extendedColumns]);
    const standardPart = `${header?.slice(0, standardColumns.length).map((h) => `"${h}"`).join(',')}\r\n${row?.slice(0, standardColumns.length).map((v) => `"${v.replace(/"/g, '""')}"`).join(',')}\r\n`;
    assert.deepEqual(validateCsv(schema, standardPart), []);
    const extra = (name: (typeof extendedColumns)[number]) => row?.[standardColumns.length + extendedColumns.indexOf(name)];
    assert.equal(extra('ridet'), '1234567.001');
    assert.equal(extra('tribu_lieu_dit'), 'Tribu de Gohapin');
    assert.equal(extra('case_numerique'), 'oui');
    assert.equal(extra('langues'), 'Drehu|Français');
    assert.equal(extra('province'), 'Province Sud');
  });

  test('merged places are left out of the export', async () => {
    const [place] = await database.db.select().from(places).where(eq(places.name, 'Espace municipal de Tuban'));
    assert.ok(place);
    const [other] = await database.db.select().from(places).where(eq(places.name, 'Espace municipal de Rivière Salée'));
    await database.db.update(places).set({ mergedInto: other?.id ?? null }).where(eq(places.id, place.id));
    const csv = await exportPlaces(database.db, { format: 'csv' });
    assert.equal(parseCsv(csv).length, 92);
    assert.equal(await findPlace(database.db, place.id), null);
  });
});
