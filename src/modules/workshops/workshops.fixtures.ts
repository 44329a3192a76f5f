// Test fixtures: a programme with one series and sessions made through the module's own commands.
import type { Executor } from '../../db/client.ts';
import { localDay } from '../../platform/format.ts';
import { communeByName } from '../../territory/index.ts';
import { organisationByName } from '../organisations/index.ts';
import { createProgramme, createSeries, createSession } from './workshops.commands.ts';
import type { RegistrationFields, SessionFields } from './workshops.forms.ts';

let counter = 0;

/** A programme run by OPEN NC (demo organisation) with one series; returns ids. */
export async function makeProgramme(db: Executor, name = 'Programme de test'): Promise<{ programmeId: string; seriesId: string; slug: string }> {
  counter += 1;
  const openNc = await organisationByName(db, 'OPEN NC');
  if (!openNc) throw new Error('fixtures: OPEN NC missing (seed the demo)');
  const programme = await createProgramme(db, null, { name: `${name} ${counter}`, slug: `test-${counter}-${Date.now() % 100000}`, description: '', funders: ['Financeur de test'], startsOn: '2026-01-01', endsOn: '2027-12-31', consortium: [openNc.id] });
  if (!programme.ok) throw new Error(programme.error);
  const series = await createSeries(db, null, programme.value.id, { title: 'Atelier de test', themes: ['email'], level: 'beginner', pixCompetences: ['2.1'], descriptionFalc: 'Vous apprenez à écrire un e-mail.', pictograms: ['email'] });
  if (!series.ok) throw new Error(series.error);
  return { programmeId: programme.value.id, seriesId: series.value.id, slug: programme.value.slug };
}

/** A session `daysAhead` days from now (negative: in the past), 9:00–11:00 territory time, at a named spot in Lifou. */
export async function makeSession(db: Executor, seriesId: string, options: { daysAhead?: number; capacity?: number; trainers?: string[]; accessibility?: SessionFields['accessibility'] } = {}): Promise<string> {
  const day = localDay(new Date(Date.now() + (options.daysAhead ?? 10) * 24 * 3600_000));
  const fields: SessionFields = {
    day,
    startTime: '9:00',
    endTime: '11:00',
    placeId: null,
    spotName: 'Salle de la tribu de Hnathalo',
    spotAddress: null,
    communeCode: communeByName('Lifou')?.code ?? null,
    capacity: options.capacity ?? 10,
    trainers: options.trainers ?? [],
    accessibility: options.accessibility ?? ['lsf_interpreter', 'step_free_access'],
    accessibilityOther: null,
  };
  const result = await createSession(db, null, seriesId, fields);
  if (!result.ok) throw new Error(result.error);
  return result.value.id;
}

/** Registration answers as the form gives them, with overrides. */
export function answers(overrides: Partial<RegistrationFields> = {}): RegistrationFields {
  counter += 1;
  return {
    name: `Personne ${counter}`,
    phone: `+6877${String(10000 + counter).slice(-5)}`,
    email: null,
    communeCode: communeByName('Lifou')?.code ?? '98814',
    companion: false,
    accessNeeds: [],
    accessNeedsText: null,
    disability: null,
    disabilityConsent: false,
    ...overrides,
  };
}
