import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { localDay } from '../../platform/format.ts';
import { hashSecret, newId, newSecret } from '../../platform/ids.ts';
import { defaultTimeZone } from '../../territory/index.ts';
import { organisations } from '../organisations/organisations.schema.ts';
import { placesOfOrganisation } from '../places/index.ts';
import { appointmentAgencies, appointmentMotifs, appointmentOpenings, appointments, type MotifMode } from './appointments.schema.ts';
import { instantOf } from './appointments.slots.ts';

/** How many counters receive people at the same time: two at Koné, the busiest of the pilot. */
const countersOf = (agencyName: string) => (agencyName === 'Agence OPT de Koné' ? 2 : 1);

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
 * Demonstration data: each OPT agency gets four reasons and opening hours from Monday to Friday, and is open to the
 * public; OPT Koné (the demo helper's agency) has four appointments today.
 * @example await seedAppointmentsDemo(tx)
 */
export async function seedAppointmentsDemo(tx: Executor, options: { now?: Date; zone?: string } = {}): Promise<void> {
  const zone = options.zone ?? defaultTimeZone;
  const today = localDay(options.now ?? new Date());
  const agencies = await tx.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.kind, 'opt_agency'));
  for (const agency of agencies) {
    // The agency's Point Conseil Numérique, when the directory has it; the demo invents no public place (the
    // directory holds the 92 places of the real collection): people then see the agency's name and commune.
    const place = (await placesOfOrganisation(tx, agency.id)).find((p) => p.isAdviceCounter);
    await tx.insert(appointmentAgencies).values({ organisationId: agency.id, placeId: place?.id ?? null, published: true }).onConflictDoNothing();
    const motifIds = demoMotifs.map(() => newId());
    await tx.insert(appointmentMotifs).values(demoMotifs.map((m, i) => ({ id: motifIds[i] ?? newId(), organisationId: agency.id, ...m, position: (i + 1) * 10 })));
    await tx.insert(appointmentOpenings).values(demoOpenings.map((o) => ({ id: newId(), organisationId: agency.id, ...o, counters: countersOf(agency.name) })));
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
