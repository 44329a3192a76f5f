import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  DAYS,
  formFromOsm,
  hoursFormSchema,
  hoursFormValues,
  hoursFromFreeText,
  hoursStatus,
  nextOpening,
  normaliseTime,
  openAtWeekend,
  openingHoursField,
  openNow,
  osmFromForm,
  publicHolidayOn,
  publicHolidays,
  territoryDay,
  validateOpeningHours,
  type Day,
} from './places.hours.ts';
import { hoursEngine } from './hours/status.ts';
import { simpleHours } from './hours/fast.ts';

const at = (iso: string): Date => new Date(iso);

describe('free-text hours from the 2023–2024 collection', () => {
  const oneDay: [string, string | null][] = [
    ['07:30-11:30, 12:15-16:00', 'Mo 07:30-11:30,12:15-16:00'],
    ['07:30-11:30,12:15-16:00', 'Mo 07:30-11:30,12:15-16:00'],
    ['7:30 - 11:30 ; 12:15 - 16:', 'Mo 07:30-11:30,12:15-16:00'],
    ['7 : 30 - 11 : 30 / 12 : 30 - 15 :30', 'Mo 07:30-11:30,12:30-15:30'],
    ['10:00-12:00 / 14:30-16:30', 'Mo 10:00-12:00,14:30-16:30'],
    ['8:30 11:30; 13:00 17:00', 'Mo 08:30-11:30,13:00-17:00'],
    ['7:00-11:30 et 12:00-15:30', 'Mo 07:00-11:30,12:00-15:30'],
    ['08:00 - 17:00', 'Mo 08:00-17:00'],
    ['07:45 -15:00', 'Mo 07:45-15:00'],
    ['7:45-18:00', 'Mo 07:45-18:00'],
    ['09:00 - 12:00 , 13:00 - 18:00', 'Mo 09:00-12:00,13:00-18:00'],
    ['10h à 17h', 'Mo 10:00-17:00'],
    ['8h30 à 12h', 'Mo 08:30-12:00'],
    ['13:30 à 17:', 'Mo 13:30-17:00'],
    ['9: à 18:', 'Mo 09:00-18:00'],
    ['8:-11:', 'Mo 08:00-11:00'],
    ['13:-17:', 'Mo 13:00-17:00'],
    ['8:-11:/13:-17:', 'Mo 08:00-11:00,13:00-17:00'],
    ['8: - 12: / 13:-15:', 'Mo 08:00-12:00,13:00-15:00'],
    ['10: à 18: (en continu)', 'Mo 10:00-18:00'],
    ["7:00-11:30 et pas d'accueil en apres midi", 'Mo 07:00-11:30'],
    ['10:00-11-00, 12:00-17:00', 'Mo 10:00-11:00,12:00-17:00'],
    ['17:00 - 22:00', 'Mo 17:00-22:00'],
    ['Fermé', 'off'],
    ['réservé aux scolaires', 'Mo off "réservé aux scolaires"'],
    ['13:16:59.999998', null],
    ['12:00-11:00', null],
    ['08:00-12:00, 11:00-16:00', null],
    ['25:00-26:00', null],
    ['sur rendez-vous', null],
  ];
  for (const [text, expected] of oneDay) {
    it(`reads « ${text} » as ${expected === null ? 'unreadable' : `« ${expected} »`}`, () => {
      const result = hoursFromFreeText({ lundi: text });
      assert.equal(result.openingHours, expected);
      assert.deepEqual(result.unparsed, expected === null ? [`lundi : ${text}`] : []);
    });
  }

  it('turns "the first Saturday of each month" into Sa[1]', () => {
    const result = hoursFromFreeText({ mercredi: '11:30 - 15:30', samedi: '08:00-11:30 (les premiers samedis de chaque mois)' });
    assert.deepEqual(result, { openingHours: 'We 11:30-15:30; Sa[1] 08:00-11:30', unparsed: [] });
  });

  const weeks: [string, Partial<Record<Day, string | null>>, string | null][] = [
    ['groups a working week', { lundi: '08:00-16:00', mardi: '08:00-16:00', mercredi: '08:00-16:00', jeudi: '08:00-16:00', vendredi: '08:00-16:00' }, 'Mo-Fr 08:00-16:00'],
    ['writes two days in a row with a comma', { lundi: '7:30-11:30', mardi: '07:30-11:30' }, 'Mo,Tu 07:30-11:30'],
    ['keeps separate groups apart', { lundi: '08:00-16:00', mardi: '13:00 - 16:00', mercredi: '08:00-16:00', jeudi: '08:00-16:00', vendredi: '08:00-16:00' }, 'Mo,We-Fr 08:00-16:00; Tu 13:00-16:00'],
    ['leaves a closed day out', { lundi: 'Fermé', mardi: '10h à 17h', samedi: '8h30 à 12h' }, 'Tu 10:00-17:00; Sa 08:30-12:00'],
    ['gives nothing when no day is filled', { lundi: null, mardi: '  ' }, null],
  ];
  for (const [name, perDay, expected] of weeks) {
    it(`${name}`, () => {
      assert.deepEqual(hoursFromFreeText(perDay), { openingHours: expected, unparsed: [] });
    });
  }

  it('gives no string when one day cannot be read, so that day is not shown as closed', () => {
    const result = hoursFromFreeText({ lundi: '13:16:59.999998', mardi: '8:30 11:30; 13:00 17:00' });
    assert.deepEqual(result, { openingHours: null, unparsed: ['lundi : 13:16:59.999998'] });
  });

  it('adds PH off when asked', () => {
    assert.equal(hoursFromFreeText({ lundi: '08:00-12:00' }, { closedOnPublicHolidays: true }).openingHours, 'Mo 08:00-12:00; PH off');
  });

  it('reads every place of the real file into a valid OSM string, except the one with a broken Monday', () => {
    const places: Record<string, unknown>[] = JSON.parse(readFileSync('/work/shared/data/nc/lieux-nouvelle-caledonie-2024.json', 'utf8'));
    let parsed = 0;
    const failures: string[] = [];
    for (const place of places) {
      const perDay: Partial<Record<Day, string | null>> = {};
      for (const day of DAYS) {
        const value = place[`horaires_${day}`];
        perDay[day] = typeof value === 'string' ? value : null;
      }
      const result = hoursFromFreeText(perDay);
      failures.push(...result.unparsed);
      if (result.openingHours === null) continue;
      parsed += 1;
      const checked = validateOpeningHours(result.openingHours);
      assert.ok(checked.ok, `${String(place.nom)} : ${result.openingHours}`);
      assert.deepEqual(checked.warnings, [], result.openingHours);
      assert.equal(checked.value, result.openingHours);
    }
    assert.deepEqual(failures, ['lundi : 13:16:59.999998']);
    assert.equal(parsed, 71);
  });
});

describe('New Caledonia public holidays', () => {
  const table: [number, Record<string, string>][] = [
    [2025, { '2025-04-21': 'Lundi de Pâques', '2025-05-29': 'Ascension', '2025-06-09': 'Lundi de Pentecôte' }],
    [2026, { '2026-04-06': 'Lundi de Pâques', '2026-05-14': 'Ascension', '2026-05-25': 'Lundi de Pentecôte' }],
    [2027, { '2027-03-29': 'Lundi de Pâques', '2027-05-06': 'Ascension', '2027-05-17': 'Lundi de Pentecôte' }],
  ];
  for (const [year, movable] of table) {
    it(`lists the 12 holidays of ${year} with the movable ones on the right days`, () => {
      const list = publicHolidays(year);
      assert.equal(list.length, 12);
      for (const [date, name] of Object.entries(movable)) assert.equal(publicHolidayOn(date), name);
      for (const fixed of ['01-01', '05-01', '05-08', '07-14', '08-15', '09-24', '11-01', '11-11', '12-25']) {
        assert.ok(list.some((h) => h.date === `${year}-${fixed}`), `${year}-${fixed}`);
      }
    });
  }

  it('names 24 septembre the Fête de la citoyenneté and knows ordinary days are not holidays', () => {
    assert.equal(publicHolidayOn('2026-09-24'), 'Fête de la citoyenneté');
    assert.equal(publicHolidayOn('2026-09-23'), null);
    assert.equal(publicHolidayOn('2026-12-26'), null, 'no Saint-Étienne in New Caledonia');
  });

  it('takes the calendar day in Nouméa, not in UTC', () => {
    assert.equal(territoryDay(at('2026-09-23T13:00:00Z')), '2026-09-24');
    assert.equal(territoryDay(at('2026-09-23T12:59:59Z')), '2026-09-23');
  });
});

describe('open now and next opening, in Nouméa', () => {
  const office = 'Mo-Fr 07:30-11:30,12:15-16:00; PH off';
  // 2026-09-21 is a Monday; Thursday 2026-09-24 is the Fête de la citoyenneté. Nouméa is UTC+11.
  const table: [string, string, string, boolean, string | null, string][] = [
    ['before opening on Monday', office, '2026-09-20T20:29:00Z', false, '2026-09-20T20:30:00.000Z', 'Fermé — ouvre à 7 h 30'],
    ['at opening on Monday', office, '2026-09-20T20:30:00Z', true, '2026-09-20T20:30:00.000Z', 'Ouvert jusqu’à 11 h 30'],
    ['during the lunch break', office, '2026-09-21T00:30:00Z', false, '2026-09-21T01:15:00.000Z', 'Fermé — ouvre à 12 h 15'],
    ['a minute before closing', office, '2026-09-21T04:59:00Z', true, '2026-09-21T04:59:00.000Z', 'Ouvert jusqu’à 16 h'],
    ['at midnight UTC, 11 h in Nouméa', office, '2026-09-23T00:00:00Z', true, '2026-09-23T00:00:00.000Z', 'Ouvert jusqu’à 11 h 30'],
    ['on Wednesday 23:59 in Nouméa, before the holiday', office, '2026-09-23T12:59:00Z', false, '2026-09-24T20:30:00.000Z', 'Fermé — ouvre vendredi à 7 h 30'],
    ['at midnight in Nouméa on 24 septembre (still Wednesday 13 h in UTC)', office, '2026-09-23T13:00:00Z', false, '2026-09-24T20:30:00.000Z', 'Fermé (jour férié) — ouvre demain à 7 h 30'],
    ['on 24 septembre at 9 h', office, '2026-09-23T22:00:00Z', false, '2026-09-24T20:30:00.000Z', 'Fermé (jour férié) — ouvre demain à 7 h 30'],
    ['on 24 septembre at 9 h without PH off', 'Mo-Fr 07:30-16:00', '2026-09-23T22:00:00Z', true, '2026-09-23T22:00:00.000Z', 'Ouvert jusqu’à 16 h'],
    ['on Friday after closing', office, '2026-09-25T05:00:00Z', false, '2026-09-27T20:30:00.000Z', 'Fermé — ouvre lundi à 7 h 30'],
    ['on Sunday 23:30 in Nouméa', office, '2026-09-27T12:30:00Z', false, '2026-09-27T20:30:00.000Z', 'Fermé — ouvre demain à 7 h 30'],
    ['more than a week ahead', 'Mo 08:00-12:00; 2026 Sep 28 off', '2026-09-23T01:00:00Z', false, '2026-10-04T21:00:00.000Z', 'Fermé — ouvre le lundi 5 octobre à 8 h'],
    ['on the first of a month', 'Th 08:00-12:00; PH off', '2026-09-23T22:00:00Z', false, '2026-09-30T21:00:00.000Z', 'Fermé (jour férié) — ouvre le jeudi 1er octobre à 8 h'],
    ['after midnight on a late opening', 'Fr 20:00-02:00', '2026-09-25T12:00:00Z', true, '2026-09-25T12:00:00.000Z', 'Ouvert jusqu’à demain 2 h'],
    ['until midnight', 'Mo-Su 08:00-24:00', '2026-09-23T10:00:00Z', true, '2026-09-23T10:00:00.000Z', 'Ouvert jusqu’à minuit'],
    ['always open', '24/7', '2026-09-23T10:00:00Z', true, '2026-09-23T10:00:00.000Z', 'Ouvert'],
    ['during an exceptional closing over the new year', 'Mo-Fr 08:00-16:00; 2026 Dec 20-2027 Jan 05 off', '2026-12-27T22:00:00Z', false, '2027-01-05T21:00:00.000Z', 'Fermé — ouvre le mercredi 6 janvier à 8 h'],
    ['never open', 'off', '2026-09-23T10:00:00Z', false, null, 'Fermé'],
  ];
  for (const [name, hours, iso, open, next, sentence] of table) {
    it(`says « ${sentence} » ${name}`, () => {
      assert.equal(openNow(hours, at(iso)), open);
      assert.equal(nextOpening(hours, at(iso))?.toISOString() ?? null, next);
      const status = hoursStatus(hours, at(iso));
      assert.equal(status.sentence, sentence);
      assert.equal(status.state, open ? 'open' : 'closed');
    });
  }

  it('gives the closing time and the holiday in the status', () => {
    const open = hoursStatus(office, at('2026-09-20T20:30:00Z'));
    assert.equal(open.closesAt?.toISOString(), '2026-09-21T00:30:00.000Z');
    const holiday = hoursStatus(office, at('2026-09-23T22:00:00Z'));
    assert.equal(holiday.holiday, 'Fête de la citoyenneté');
    assert.equal(holiday.opensAt?.toISOString(), '2026-09-24T20:30:00.000Z');
  });

  it('keeps the comment of a closed day', () => {
    const status = hoursStatus('Tu-Fr 10:00-17:00; Th off "réservé aux scolaires"', at('2026-09-30T23:00:00Z'));
    assert.equal(status.state, 'closed');
    assert.equal(status.comment, 'réservé aux scolaires');
  });

  const unknown: [string | null, string][] = [
    [null, 'Horaires non renseignés'],
    ['', 'Horaires non renseignés'],
    ['n’importe quoi', 'Horaires à vérifier'],
    ['Mo-Fr,PH 08:00-12:00', 'Horaires à vérifier'],
  ];
  for (const [hours, sentence] of unknown) {
    it(`says « ${sentence} » for ${JSON.stringify(hours)} and never says open`, () => {
      const status = hoursStatus(hours, at('2026-09-23T00:00:00Z'));
      assert.equal(status.state, 'unknown');
      assert.equal(status.sentence, sentence);
      assert.equal(openNow(hours, at('2026-09-23T00:00:00Z')), false);
      assert.equal(nextOpening(hours, at('2026-09-23T00:00:00Z')), null);
    });
  }

  it('gives the same answers whatever the server’s own time zone', () => {
    const script = [
      "import { hoursStatus } from './src/modules/places/places.hours.ts';",
      "const cases = [['2026-09-23T13:00:00Z'], ['2026-09-23T00:00:00Z'], ['2026-09-20T20:29:00Z'], ['2026-09-25T05:00:00Z']];",
      "console.log(JSON.stringify(cases.map(([iso]) => { const s = hoursStatus('Mo-Fr 07:30-11:30,12:15-16:00; PH off', new Date(iso)); return [s.sentence, s.opensAt?.toISOString() ?? null, s.closesAt?.toISOString() ?? null]; })));",
    ].join('\n');
    const outputs = ['UTC', 'Pacific/Noumea', 'America/New_York', 'Asia/Kolkata'].map((tz) => {
      const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
      assert.equal(run.status, 0, run.stderr);
      return run.stdout.trim();
    });
    for (const output of outputs) assert.equal(output, outputs[0]);
    assert.match(outputs[0] ?? '', /Fermé \(jour férié\) — ouvre demain à 7 h 30/);
  });
});

describe('open at the weekend', () => {
  const table: [string | null, boolean][] = [
    ['Mo-Fr 07:30-11:30,12:15-16:00; PH off', false],
    ['Mo-Fr 08:00-16:00; Sa 08:00-12:00', true],
    ['Su 09:00-12:00', true],
    ['We 11:30-15:30; Sa[1] 08:00-11:30', true],
    [null, false],
    ['pas un horaire', false],
  ];
  for (const [hours, expected] of table) {
    it(`says ${expected ? 'yes' : 'no'} for ${JSON.stringify(hours)}`, () => {
      assert.equal(openAtWeekend(hours, at('2026-09-23T00:00:00Z')), expected);
    });
  }
});

describe('validation of an OSM string', () => {
  const table: [string, { ok: true; value: string } | { ok: false; includes: string }][] = [
    ['Mo-Fr 08:00-12:00', { ok: true, value: 'Mo-Fr 08:00-12:00' }],
    ['Mo-Fr 8:00-12:00 ; PH off', { ok: true, value: 'Mo-Fr 08:00-12:00; PH off' }],
    ['Mo-Fr 08:00-16:00; 2026 Dec 24 off', { ok: true, value: 'Mo-Fr 08:00-16:00; 2026 Dec 24 off' }],
    ['', { ok: false, includes: 'Entrez les horaires' }],
    ['Lundi 8h', { ok: false, includes: 'Les horaires « Lundi 8h » ne sont pas au format OpenStreetMap' }],
    ['Mo-Fr 25:00-26:00', { ok: false, includes: 'ne sont pas au format OpenStreetMap' }],
    ['Mo-Fr,PH 08:00-12:00', { ok: false, includes: 'jours fériés dans une règle à part' }],
    ['Mo-Fr 08:00-12:00; SH off', { ok: false, includes: 'vacances scolaires' }],
  ];
  for (const [value, expected] of table) {
    it(`${expected.ok ? 'accepts' : 'refuses'} ${JSON.stringify(value)}`, () => {
      const checked = validateOpeningHours(value);
      assert.equal(checked.ok, expected.ok);
      if (checked.ok && expected.ok) assert.equal(checked.value, expected.value);
      if (!checked.ok && !expected.ok) assert.ok(checked.message.includes(expected.includes), checked.message);
    });
  }

  it('gives a zod field that turns an empty value into null and refuses a bad one in French', () => {
    assert.equal(openingHoursField.parse(''), null);
    assert.equal(openingHoursField.parse(' Mo 8:00-12:00 '), 'Mo 08:00-12:00');
    const bad = openingHoursField.safeParse('Lundi 8h');
    assert.equal(bad.success, false);
    assert.match(bad.error?.issues[0]?.message ?? '', /format OpenStreetMap/);
  });
});

describe('the per-day form and the OSM string', () => {
  const roundTrips = [
    'Mo-Fr 07:30-11:30,12:15-16:00; Sa 08:00-12:00; PH off',
    'Mo,We-Fr 08:00-16:00; Tu 13:00-16:00',
    'Mo-Th 07:45-15:00; Fr 07:45-11:15; PH off; 2026 Dec 24 off; 2026 Dec 28-2027 Jan 02 off',
    'Su 09:00-12:00',
  ];
  for (const hours of roundTrips) {
    it(`reads « ${hours} » into the form and writes it back unchanged`, () => {
      const form = formFromOsm(hours);
      assert.ok(form);
      assert.equal(osmFromForm(form), hours);
      const parsed = hoursFormSchema.parse(hoursFormValues(hours));
      assert.equal(parsed.openingHours, hours);
    });
  }

  const notForTheForm = [
    'We 11:30-15:30; Sa[1] 08:00-11:30',
    'Fr 20:00-02:00',
    'Jan-Mar Mo 08:00-12:00',
    'Mo 08:00-09:00,10:00-11:00,12:00-13:00',
    'Tu-Fr 10:00-17:00; Th off "réservé aux scolaires"',
    'PH off; Mo 08:00-12:00',
    'pas un horaire',
  ];
  for (const hours of notForTheForm) {
    it(`leaves « ${hours} » to the expert field`, () => {
      assert.equal(formFromOsm(hours), null);
      assert.deepEqual(hoursFormValues(hours), { 'horaires-osm': hours });
    });
  }

  it('gives an empty week for no hours, and no string back', () => {
    const form = formFromOsm(null);
    assert.ok(form);
    assert.ok(DAYS.every((day) => form.days[day].closed));
    assert.equal(osmFromForm(form), null);
    assert.equal(hoursFormSchema.parse({}).openingHours, null);
  });

  it('writes the days, the public holidays and the closings from the fields', () => {
    const parsed = hoursFormSchema.parse({
      'horaires-lundi-debut-1': '7h30',
      'horaires-lundi-fin-1': '11:30',
      'horaires-lundi-debut-2': '12:15',
      'horaires-lundi-fin-2': '16:00',
      'horaires-mardi-debut-1': '07:30',
      'horaires-mardi-fin-1': '11:30',
      'horaires-mardi-debut-2': '1215',
      'horaires-mardi-fin-2': '16 h',
      'horaires-samedi-debut-1': '8:00',
      'horaires-samedi-fin-1': '12:00',
      'horaires-feries': 'oui',
      'horaires-fermetures': '24/09/2027\r\n20/12/2026 au 05/01/2027\n',
    });
    assert.equal(parsed.openingHours, 'Mo,Tu 07:30-11:30,12:15-16:00; Sa 08:00-12:00; PH off; 2026 Dec 20-2027 Jan 05 off; 2027 Sep 24 off');
    assert.ok(validateOpeningHours(parsed.openingHours ?? '').ok);
  });

  it('lets the expert field win over the days, normalised', () => {
    const parsed = hoursFormSchema.parse({ 'horaires-lundi-debut-1': '08:00', 'horaires-lundi-fin-1': '12:00', 'horaires-osm': 'Sa[1] 8:00-11:30' });
    assert.equal(parsed.openingHours, 'Sa[1] 08:00-11:30');
  });

  const errors: [string, Record<string, string>, string, RegExp][] = [
    ['an end before the start', { 'horaires-lundi-debut-1': '12:00', 'horaires-lundi-fin-1': '11:30' }, 'horaires-lundi-fin-1', /doit être après l’heure d’ouverture \(12:00\)/],
    ['an end equal to the start', { 'horaires-lundi-debut-1': '12:00', 'horaires-lundi-fin-1': '12:00' }, 'horaires-lundi-fin-1', /doit être après/],
    ['a time that is not HH:MM', { 'horaires-mardi-debut-1': '25:00', 'horaires-mardi-fin-1': '26:00' }, 'horaires-mardi-debut-1', /sous la forme HH:MM/],
    ['minutes past 59', { 'horaires-mardi-debut-1': '08:00', 'horaires-mardi-fin-1': '11:75' }, 'horaires-mardi-fin-1', /sous la forme HH:MM/],
    ['a start without an end', { 'horaires-mercredi-debut-1': '08:00' }, 'horaires-mercredi-fin-1', /Entrez l’heure de fermeture/],
    ['an afternoon without a morning', { 'horaires-jeudi-debut-2': '13:00', 'horaires-jeudi-fin-2': '16:00' }, 'horaires-jeudi-debut-1', /Entrez l’heure d’ouverture du matin du jeudi/],
    ['overlapping ranges', { 'horaires-vendredi-debut-1': '08:00', 'horaires-vendredi-fin-1': '12:00', 'horaires-vendredi-debut-2': '11:00', 'horaires-vendredi-fin-2': '16:00' }, 'horaires-vendredi-debut-2', /deuxième plage doit commencer après la fin de la première \(12:00\)/],
    ['a second range without its end', { 'horaires-samedi-debut-1': '08:00', 'horaires-samedi-fin-1': '12:00', 'horaires-samedi-debut-2': '13:00' }, 'horaires-samedi-fin-2', /Entrez l’heure de fermeture de l’après-midi du samedi/],
    ['a date that does not exist', { 'horaires-fermetures': '31/02/2026' }, 'horaires-fermetures', /« 31\/02\/2026 » n’est pas une date/],
    ['a period that ends before it starts', { 'horaires-fermetures': '05/01/2027 au 20/12/2026' }, 'horaires-fermetures', /finit avant de commencer/],
    ['a bad expert string', { 'horaires-osm': 'Lundi 8h' }, 'horaires-osm', /format OpenStreetMap/],
  ];
  for (const [name, input, field, message] of errors) {
    it(`refuses ${name} with a French message on ${field}`, () => {
      const result = hoursFormSchema.safeParse(input);
      assert.equal(result.success, false);
      const issue = result.error?.issues.find((i) => i.path.join('.') === field);
      assert.ok(issue, JSON.stringify(result.error?.issues));
      assert.match(issue.message, message);
    });
  }

  const times: [string, string | null][] = [
    ['7:30', '07:30'],
    ['07h30', '07:30'],
    ['7 h 30', '07:30'],
    ['0730', '07:30'],
    ['16h', '16:00'],
    ['9', '09:00'],
    ['24:00', '24:00'],
    ['24:30', null],
    ['7:3', null],
    ['midi', null],
  ];
  for (const [text, expected] of times) {
    it(`normalises the time « ${text} » to ${String(expected)}`, () => {
      assert.equal(normaliseTime(text), expected);
    });
  }
});

describe('the fast reader of simple strings and the library', () => {
  const simple: [string, string][] = [
    ['Mo-Fr 07:30-11:30,12:15-16:00; PH off', '2026-09-19T00:00:00Z'],
    ['Mo,We-Fr 08:00-16:00; Tu 13:00-16:00; Sa 08:00-12:00', '2026-09-19T00:00:00Z'],
    ['Mo-Su 08:00-24:00', '2026-09-19T00:00:00Z'],
    ['Mo-Fr 00:00-24:00; PH off', '2026-09-19T00:00:00Z'],
    ['Mo-Th 07:45-15:00; Fr 07:45-11:15; PH off; 2026 Dec 24 off; 2026 Dec 28-2027 Jan 02 off', '2026-12-18T00:00:00Z'],
    ['Mo-Fr 08:00-12:00; We off', '2026-09-19T00:00:00Z'],
    ['Sa 08:00-12:00,10:00-14:00; Su 09:00-10:00', '2026-09-19T00:00:00Z'],
  ];
  for (const [hours, from] of simple) {
    it(`give the same answers for « ${hours} » at 150 instants`, () => {
      assert.ok(simpleHours(hours), 'the fast reader takes it');
      const fast = hoursEngine(hours);
      const library = hoursEngine(hours, { library: true });
      assert.ok(fast && library);
      for (let step = 0; step < 150; step += 1) {
        const instant = new Date(Date.parse(from) + step * 193 * 60_000);
        const label = `${hours} @ ${instant.toISOString()}`;
        assert.equal(fast.state(instant), library.state(instant), label);
        assert.equal(fast.nextOpening(instant)?.toISOString(), library.nextOpening(instant)?.toISOString(), label);
        assert.equal(fast.closesAt(instant)?.toISOString(), library.closesAt(instant)?.toISOString(), label);
        assert.equal(fast.opensAtWeekend(instant), library.opensAtWeekend(instant), label);
      }
    });
  }

  const libraryOnly = ['PH off; Mo 08:00-12:00', 'Sa[1] 08:00-11:30', 'Fr 20:00-02:00', 'Tu off "réservé aux scolaires"', '24/7', 'Jan-Mar Mo 08:00-12:00'];
  for (const hours of libraryOnly) {
    it(`leave « ${hours} » to the library`, () => {
      assert.equal(simpleHours(hours), null);
    });
  }
});
