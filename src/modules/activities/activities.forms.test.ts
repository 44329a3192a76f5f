import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { localDay } from '../../platform/format.ts';
import { readActivityForm } from './activities.forms.ts';
import { addDays } from './activities.dates.ts';

const today = localDay(new Date());
const common = { kind: 'individual', themes: 'email', duration: '30', date: today, channel: 'at_place' };
const workshop = { ...common, kind: 'workshop', title: 'Créer son adresse e-mail', anonymousParticipants: '4' };

function errorsOf(input: Record<string, string | string[]>): Record<string, string> {
  const result = readActivityForm(input);
  return result.ok ? {} : result.errors;
}

describe('The activity form', () => {
  it('reads the common case: individual, 30 minutes, one theme, anonymous person', () => {
    const result = readActivityForm(common);
    assert.ok(result.ok);
    assert.equal(result.value.durationMinutes, 30);
    assert.deepEqual(result.value.themes, ['email']);
    assert.equal(result.value.kind, 'individual');
    assert.equal(result.value.beneficiaryId, null);
    assert.equal(result.value.gender, 'not_communicated');
  });

  it('reads "autre" as hours and minutes', () => {
    const result = readActivityForm({ ...common, duration: 'autre', durationHours: '2', durationMins: '15' });
    assert.ok(result.ok);
    assert.equal(result.value.durationMinutes, 135);
  });

  const bad: [string, Record<string, string | string[]>, string, RegExp][] = [
    ['a date in the future (the territory’s tomorrow)', { ...common, date: addDays(today, 1) }, 'date', /^La date ne peut pas être dans le futur/],
    ['a date that does not exist', { ...common, date: '2026-02-30' }, 'date', /^Entrez la date de l’accompagnement/],
    ['no date', { ...common, date: '' }, 'date', /^Entrez la date/],
    ['a duration of 0', { ...common, duration: 'autre', durationHours: '0', durationMins: '0' }, 'durationHours', /entre 1 minute et 12 heures/],
    ['a duration over 12 hours', { ...common, duration: 'autre', durationHours: '12', durationMins: '1' }, 'durationHours', /entre 1 minute et 12 heures/],
    ['"autre" with nothing typed', { ...common, duration: 'autre' }, 'durationHours', /heures et en minutes/],
    ['hours that are not a number', { ...common, duration: 'autre', durationHours: 'deux' }, 'durationHours', /nombre d’heures entier/],
    ['a duration that is not one of the presets', { ...common, duration: '25' }, 'duration', /^Choisissez une durée/],
    ['no theme', { ...common, themes: [] }, 'themes', /^Choisissez au moins un thème/],
    ['an unknown theme', { ...common, themes: ['email', 'cuisine'] }, 'themes', /^Choisissez un thème de la liste/],
    ['a sub-theme without the administrative theme', { ...common, administrativeSubThemes: 'housing' }, 'administrativeSubThemes', /Aide aux démarches administratives/],
    ['an unknown sub-theme', { ...common, themes: 'administrative_procedures', administrativeSubThemes: 'cuisine' }, 'administrativeSubThemes', /précisions de la démarche/],
    ['a procedure without the administrative theme', { ...common, procedureId: '01900000-0000-7000-8000-000000000000', procedureOutcome: 'completed' }, 'procedureId', /Aide aux démarches administratives/],
    ['a procedure without its outcome', { ...common, themes: 'administrative_procedures', procedureId: '01900000-0000-7000-8000-000000000000' }, 'procedureOutcome', /où en est la démarche/],
    ['oriented, but not where', { ...common, oriented: 'oui' }, 'orientationDestination', /vers qui/],
    ['an unknown commune', { ...common, communeCode: '75056' }, 'communeCode', /commune de la liste/],
    ['an unknown channel', { ...common, channel: 'lune' }, 'channel', /où l’accompagnement a eu lieu/],
    ['a workshop without a title', { ...workshop, title: '' }, 'title', /titre de l’atelier/],
    ['a workshop without anyone', { ...workshop, anonymousParticipants: '0' }, 'anonymousParticipants', /au moins un participant/],
    ['participants that are not a number', { ...workshop, anonymousParticipants: 'dix' }, 'anonymousParticipants', /nombre entier/],
    ['more women and men than anonymous participants', { ...workshop, 'breakdown-gender-female': '3', 'breakdown-gender-male': '2' }, 'breakdown-gender', /par genre dépassent/],
    ['more people by age band than anonymous participants', { ...workshop, 'breakdown-ageBand-from_70': '5' }, 'breakdown-ageBand', /par tranche d’âge dépassent/],
    ['more people by status than anonymous participants', { ...workshop, 'breakdown-status-retired': '3', 'breakdown-status-employed': '2' }, 'breakdown-status', /par situation dépassent/],
    ['a breakdown count that is not a number', { ...workshop, 'breakdown-gender-female': 'x' }, 'breakdown-gender', /nombre entier/],
    ['a tag name too long', { ...common, newTag: 'x'.repeat(61) }, 'newTag', /60 caractères/],
  ];
  for (const [what, input, field, message] of bad) {
    it(`refuses ${what} with a French message on the field`, () => {
      const errors = errorsOf(input);
      assert.match(errors[field] ?? '', message, JSON.stringify(errors));
    });
  }

  it('accepts breakdowns that add up to the anonymous total, or less', () => {
    const result = readActivityForm({ ...workshop, 'breakdown-gender-female': '2', 'breakdown-gender-male': '2', 'breakdown-ageBand-from_70': '1' });
    assert.ok(result.ok);
    assert.equal(result.value.participantBreakdown?.gender?.female, 2);
  });

  it('drops the individual-only fields of a workshop and the workshop fields of an individual record', () => {
    const individual = readActivityForm({ ...common, title: 'Ignoré', anonymousParticipants: '3' });
    assert.ok(individual.ok);
    assert.equal(individual.value.title, null);
    assert.equal(individual.value.anonymousParticipants, 0);
    const group = readActivityForm({ ...workshop, beneficiaryId: '01900000-0000-7000-8000-000000000000', autonomy: 'autonomous' });
    assert.ok(group.ok);
    assert.equal(group.value.beneficiaryId, null);
    assert.equal(group.value.autonomy, null);
  });
});
