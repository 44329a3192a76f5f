import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { localDay } from '../../platform/format.ts';
import { hashSecret, newId, newSecret } from '../../platform/ids.ts';
import { defaultTimeZone, communeByName } from '../../territory/index.ts';
import { organisations } from '../organisations/organisations.schema.ts';
import { createPlace, mainPostcodes, placeFields, placesOfOrganisation } from '../places/index.ts';
import { appointmentAgencies, appointmentMotifs, appointmentOpenings, appointments, type MotifMode } from './appointments.schema.ts';
import { instantOf } from './appointments.slots.ts';

/** Where each OPT agency's Point Conseil Numérique is, for the demonstration. */
const agencyCommunes: Record<string, { commune: string; counters: number }> = {
  'Agence OPT de Tontouta (Païta)': { commune: 'Païta', counters: 1 },
  'Agence OPT de Koumac': { commune: 'Koumac', counters: 1 },
  'Agence OPT de Bourail': { commune: 'Bourail', counters: 1 },
  'Agence OPT de Yaté': { commune: 'Yaté', counters: 1 },
  'Agence OPT de Koné': { commune: 'Koné', counters: 2 },
  'Agence OPT de Tadine (Maré)': { commune: 'Maré', counters: 1 },
};

const demoMotifs: { label: string; durationMinutes: number; mode: MotifMode }[] = [
  { label: 'Créer ou ouvrir un compte en ligne (CAFAT, impôts, OPT…)', durationMinutes: 30, mode: 'in_person' },
  { label: 'Faire une démarche en ligne avec un aidant', durationMinutes: 45, mode: 'in_person' },
  { label: 'Apprendre à utiliser mon téléphone ou ma tablette', durationMinutes: 30, mode: 'in_person' },
  { label: 'Poser une question à un aidant', durationMinutes: 15, mode: 'phone' },
];

/** Monday to Friday, morning and afternoon. */
const demoOpenings = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, startMinute: 8 * 60, endMinute: 11 * 60 + 30 },
  { weekday, startMinute: 13 * 60, endMinute: 15 * 60 + 30 },
]);

/** A few people booked at Koné today (whatever the weekday: the demo must show a day with appointments). */
const koneToday: { name: string; phone: string | null; email: string | null; minute: number; motif: number }[] = [
  { name: 'Marie Wamytan', phone: '+687751234', email: null, minute: 8 * 60 + 30, motif: 0 },
  { name: 'Jean-Pierre Gowé', phone: '+687792345', email: null, minute: 9 * 60 + 30, motif: 1 },
  { name: 'Sylvie Néaoutyine', phone: null, email: 'sylvie.n@exemple.nc', minute: 10 * 60 + 30, motif: 2 },
  { name: 'Paul Tein', phone: '+687263456', email: null, minute: 13 * 60 + 30, motif: 3 },
];

/**
 * Demonstration data: each OPT agency gets its Point Conseil Numérique place (unless it already has one), four
 * reasons, opening hours from Monday to Friday, and is open to the public; OPT Koné (the demo helper's agency) has
 * four appointments today.
 * @example await seedAppointmentsDemo(tx)
 */
export async function seedAppointmentsDemo(tx: Executor, options: { now?: Date; zone?: string } = {}): Promise<void> {
  const zone = options.zone ?? defaultTimeZone;
  const today = localDay(options.now ?? new Date());
  const agencies = await tx.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.kind, 'opt_agency'));
  for (const agency of agencies) {
    const where = agencyCommunes[agency.name];
    const commune = communeByName(where?.commune ?? '');
    let place = (await placesOfOrganisation(tx, agency.id)).find((p) => p.isAdviceCounter);
    if (!place && where && commune) {
      const fields = placeFields.parse({ name: `Point Conseil Numérique, ${agency.name.replace('Agence', 'agence')}`, communeCode: commune.code, postcode: mainPostcodes[commune.code] ?? '98800', address: '', isAdviceCounter: 'oui', services: ['aide_demarches'] });
      const created = await createPlace(tx, null, fields, { managedBy: agency.id });
      place = (await placesOfOrganisation(tx, agency.id)).find((p) => p.id === created.value.id);
    }
    await tx.insert(appointmentAgencies).values({ organisationId: agency.id, placeId: place?.id ?? null, published: true }).onConflictDoNothing();
    const motifIds = demoMotifs.map(() => newId());
    await tx.insert(appointmentMotifs).values(demoMotifs.map((m, i) => ({ id: motifIds[i] ?? newId(), organisationId: agency.id, ...m, position: (i + 1) * 10 })));
    await tx.insert(appointmentOpenings).values(demoOpenings.map((o) => ({ id: newId(), organisationId: agency.id, ...o, counters: where?.counters ?? 1 })));
    if (agency.name !== 'Agence OPT de Koné') continue;
    for (const person of koneToday) {
      const motif = demoMotifs[person.motif];
      const motifId = motifIds[person.motif];
      if (!motif || !motifId) continue;
      const startsAt = instantOf(today, person.minute, zone);
      await tx.insert(appointments).values({
        id: newId(),
        organisationId: agency.id,
        motifId,
        placeId: place?.id ?? null,
        day: today,
        startsAt,
        endsAt: new Date(startsAt.getTime() + motif.durationMinutes * 60_000),
        durationMinutes: motif.durationMinutes,
        mode: motif.mode,
        personName: person.name,
        phone: person.phone,
        email: person.email,
        notifyBy: person.phone ? 'sms' : 'email',
        cancelTokenHash: hashSecret(newSecret()),
        createdAt: new Date(startsAt.getTime() - 5 * 24 * 3600_000),
        // Already reminded: the demonstration must not send SMS to these invented numbers.
        remindedAt: new Date(startsAt.getTime() - 48 * 3600_000),
      });
    }
  }
}
