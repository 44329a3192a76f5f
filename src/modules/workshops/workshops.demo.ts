import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { hashSecret, newId, newSecret } from '../../platform/ids.ts';
import { communeByName } from '../../territory/index.ts';
import { places } from '../places/places.schema.ts';
import type { Theme, WorkshopLevel } from '../activities/activities.schema.ts';
import { addTarget, createProgramme, createSeries } from './workshops.commands.ts';
import { disabilityPurpose } from './workshops.labels.ts';
import {
  workshopRegistrations,
  workshopRegistrationSensitive,
  workshopSessions,
  workshopSessionTrainers,
  type AccessibilityOption,
  type DisabilityAnswer,
  type Pictogram,
  type TargetKind,
} from './workshops.schema.ts';
import { localInstant } from './workshops.time.ts';

/** The nine communes of Numé-Raï, with a named spot where the directory may have no place (tribe halls…). */
export const numeraiCommunes = [
  { name: 'Lifou', spot: 'Salle de la tribu de Hnathalo' },
  { name: 'Maré', spot: 'Salle paroissiale de Tadine' },
  { name: 'Ouvéa', spot: 'Maison commune de Fayaoué' },
  { name: 'Hienghène', spot: 'Centre culturel Goa Ma Bwarhat' },
  { name: 'Koné', spot: 'Salle de la tribu de Néami' },
  { name: 'Bourail', spot: 'Salle des fêtes de Bourail' },
  { name: 'La Foa', spot: 'Salle polyvalente de La Foa' },
  { name: 'Thio', spot: 'Salle de la mission de Thio' },
  { name: 'Nouméa', spot: 'Maison des associations de Nouméa' },
] as const;

type DemoSeries = { title: string; themes: Theme[]; level: WorkshopLevel; pix: string[]; pictograms: Pictogram[]; falc: string };

const demoSeries: DemoSeries[] = [
  {
    title: 'Mon téléphone, premiers pas',
    themes: ['equipment_handling'],
    level: 'beginner',
    pix: ['5.1'],
    pictograms: ['phone', 'help', 'people'],
    falc: 'Vous avez un téléphone portable.\nVous voulez apprendre à vous en servir.\nDans cet atelier, vous apprenez à appeler, à écrire un message et à prendre une photo.\nUn formateur vous aide. Vous allez à votre rythme.',
  },
  {
    title: 'Mes démarches en ligne',
    themes: ['administrative_procedures', 'web_browsing'],
    level: 'beginner',
    pix: ['1.1', '2.4'],
    pictograms: ['papers', 'internet', 'computer'],
    falc: 'Beaucoup de papiers se font sur internet.\nDans cet atelier, vous apprenez à trouver le bon site.\nVous apprenez à remplir un formulaire en ligne, par exemple pour la CAFAT.\nVenez avec votre téléphone si vous en avez un.',
  },
  {
    title: 'Envoyer un e-mail et une photo',
    themes: ['email', 'digital_content'],
    level: 'beginner',
    pix: ['2.1', '2.2'],
    pictograms: ['email', 'photo', 'tablet'],
    falc: 'Vous voulez écrire à votre famille ou à un service.\nDans cet atelier, vous créez une adresse e-mail.\nVous apprenez à envoyer un message et une photo.',
  },
  {
    title: 'Se protéger sur internet',
    themes: ['security'],
    level: 'intermediate',
    pix: ['4.1', '4.2'],
    pictograms: ['security', 'internet', 'phone'],
    falc: 'Sur internet, il y a des pièges.\nDans cet atelier, vous apprenez à reconnaître un faux message.\nVous apprenez à choisir un bon mot de passe.\nVous protégez vos informations.',
  },
  {
    title: 'Ma santé et mon argent en ligne',
    themes: ['health', 'banking_shopping'],
    level: 'intermediate',
    pix: ['1.1', '4.2'],
    pictograms: ['health', 'money', 'computer'],
    falc: 'Vous pouvez voir vos remboursements et vos comptes sur internet.\nDans cet atelier, vous apprenez à ouvrir votre espace santé et votre banque en ligne.\nVous apprenez à le faire sans danger.',
  },
];

const targets: { kind: TargetKind; value: number }[] = [
  { kind: 'workshops_held', value: 30 },
  { kind: 'communes_covered', value: 9 },
  { kind: 'people_reached', value: 500 },
  { kind: 'people_with_disability_reached', value: 250 },
  { kind: 'satisfaction_percent', value: 80 },
];

const firstNames = ['Marie', 'Jean', 'Paulette', 'Éloïse', 'Kevin', 'Wassissi', 'Yannick', 'Sylvie', 'Hélène', 'Joseph', 'Trécy', 'Alphonse', 'Malia', 'Sione', 'Lucienne', 'Gérard', 'Nadège', 'Thierry', 'Chanel', 'Kiara', 'Raymond', 'Léontine', 'Petelo', 'Mireille', 'Hmaé', 'Cyril', 'Odette', 'Tévita', 'Annie', 'Félix'] as const;
const lastNames = ['Wamytan', 'Gope', 'Kaloi', 'Tuifua', 'Boéné', 'Dupont', 'Martin', 'Nguyen', 'Waia', 'Ounou', 'Pouyé', 'Haocas', 'Takasi', 'Folituu', 'Hnepeune', 'Gorodey', 'Lebrun', 'Tein', 'Kasarhérou', 'Wakolo', 'Siwene', 'Trolue', 'Moréo', 'Hmana', 'Ihage', 'Pidjot', 'Nemia', 'Tauhiro', 'Sako', 'Wéma'] as const;

/** A small deterministic generator: the demo is the same on every machine. */
function randomFrom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * The Numé-Raï demonstration: the programme (OPEN NC and the Collectif Handicaps), its targets, five workshops and
 * thirty sessions from February 2026 to May 2027 in the nine communes, the demo trainer on the past ones and two
 * future ones in three, and
 * registrations (with access needs and consented disability answers) on the sessions already held — enough for the
 * programme's progress. Future sessions have a few registrations; one is full with a waiting list; one past session
 * was cancelled (a cyclone alert). Registrations are written directly: no message is queued.
 */
export async function seedWorkshopsDemo(
  tx: Executor,
  options: { openNcId: string; collectifId: string; trainerUserId: string | null; now?: Date },
): Promise<{ programmeId: string; sessionIds: string[] }> {
  const now = options.now ?? new Date();
  const random = randomFrom(2026);
  const pick = <T,>(list: readonly [T, ...T[]]): T => list[Math.floor(random() * list.length)] ?? list[0];
  let fullDone = false;
  const created = await createProgramme(tx, null, {
    name: 'Numé-Raï',
    slug: 'nume-rai',
    description:
      'Numé-Raï rend le numérique accessible à tous, et d’abord aux personnes en situation de handicap. OPEN NC et le Collectif Handicaps animent une trentaine d’ateliers dans neuf communes, des îles Loyauté au Grand Nouméa.\nLes ateliers sont construits avec les participants : ce qu’ils disent et ce que les formateurs observent fait évoluer les ateliers suivants.',
    funders: ['Gouvernement de la Nouvelle-Calédonie', 'Fondation OPT-NC (démonstration)'],
    startsOn: '2026-02-01',
    endsOn: '2027-05-31',
    consortium: [options.openNcId, options.collectifId],
  });
  if (!created.ok) throw new Error(`seed: Numé-Raï: ${created.error}`);
  const programmeId = created.value.id;
  for (const t of targets) await addTarget(tx, null, programmeId, { kind: t.kind, label: null, targetValue: t.value });
  const seriesIds: string[] = [];
  for (const s of demoSeries) {
    const made = await createSeries(tx, null, programmeId, { title: s.title, themes: s.themes, level: s.level, pixCompetences: s.pix, descriptionFalc: s.falc, pictograms: s.pictograms });
    if (!made.ok) throw new Error('seed: series');
    seriesIds.push(made.value.id);
  }
  // One place of the directory per commune when there is one (the first by name), otherwise the named spot.
  const spots = await Promise.all(
    numeraiCommunes.map(async (c) => {
      const commune = communeByName(c.name);
      if (!commune) throw new Error(`seed: unknown commune ${c.name}`);
      const [place] = await tx.select({ id: places.id }).from(places).where(and(eq(places.communeCode, commune.code), isNull(places.mergedInto))).orderBy(asc(places.name)).limit(1);
      return { communeCode: commune.code, placeId: place?.id ?? null, spotName: c.spot };
    }),
  );
  const start = Date.UTC(2026, 1, 9);
  const end = Date.UTC(2027, 4, 24);
  const step = (end - start) / 29;
  const sessionIds: string[] = [];
  const accessibilitySets: AccessibilityOption[][] = [
    ['lsf_interpreter', 'falc_materials', 'step_free_access', 'companion_welcome'],
    ['falc_materials', 'large_print', 'companion_welcome'],
    ['hearing_loop', 'falc_materials', 'step_free_access'],
    ['audio_description', 'large_print', 'companion_welcome', 'step_free_access'],
  ];
  for (let i = 0; i < 30; i += 1) {
    const day = new Date(start + step * i).toISOString().slice(0, 10);
    const where = spots[i % spots.length];
    if (!where) continue;
    // Lifou, Maré and Ouvéa: a tribe or community hall, even when the directory has a place there.
    const useSpot = i % spots.length < 3 || where.placeId === null;
    const morning = i % 2 === 0;
    const startsAt = localInstant(day, morning ? 8 * 60 + 30 : 13 * 60 + 30);
    const endsAt = localInstant(day, morning ? 11 * 60 + 30 : 16 * 60);
    const past = endsAt < now;
    const id = newId();
    const cancelled = i === 6;
    await tx.insert(workshopSessions).values({
      id,
      seriesId: seriesIds[i % seriesIds.length] ?? seriesIds[0] ?? '',
      startsAt,
      endsAt,
      placeId: useSpot ? null : where.placeId,
      spotName: useSpot ? where.spotName : null,
      communeCode: where.communeCode,
      capacity: past ? 20 : 14,
      accessibility: accessibilitySets[i % accessibilitySets.length] ?? [],
      status: cancelled ? 'cancelled' : 'scheduled',
      cancelledAt: cancelled ? startsAt : null,
      cancellationReason: cancelled ? 'Alerte cyclonique de niveau 1 : l’atelier est reporté.' : null,
    });
    // The demo trainer animated every session held so far (their roster and debrief), and two future ones in three.
    if (options.trainerUserId && (past || i % 3 !== 2)) await tx.insert(workshopSessionTrainers).values({ sessionId: id, userId: options.trainerUserId });
    sessionIds.push(id);
    if (cancelled) continue;
    // Past sessions: 14 to 20 people; the next ones: a few; the first future one of Nouméa: full, with a waiting list.
    const makeFull = !past && !fullDone;
    if (makeFull) fullDone = true;
    const count = past ? 14 + Math.floor(random() * 7) : makeFull ? 16 : Math.floor(random() * 6);
    for (let n = 0; n < count; n += 1) {
      const registrationId = newId();
      const status = !past && n >= 14 ? 'waiting' : 'confirmed';
      const phone = random() < 0.8 ? `+6877${String(Math.floor(random() * 100000)).padStart(5, '0')}` : null;
      const name = `${pick(firstNames)} ${pick(lastNames)}`;
      const createdAt = new Date(startsAt.getTime() - (10 + n) * 24 * 3600_000);
      await tx.insert(workshopRegistrations).values({
        id: registrationId,
        sessionId: id,
        name,
        phone,
        email: phone ? null : `${name.toLowerCase().normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/[^a-z]+/g, '.')}@exemple.nc`,
        communeCode: where.communeCode,
        companion: random() < 0.25,
        status,
        tokenHash: hashSecret(newSecret()),
        confirmedAt: status === 'confirmed' ? createdAt : null,
        remindedAt: past ? new Date(startsAt.getTime() - 2 * 24 * 3600_000) : null,
        createdAt,
      });
      // About half the people live with a disability and said so, with consent (the programme's reach).
      const r = random();
      const disability: DisabilityAnswer | null = r < 0.52 ? 'yes' : r < 0.8 ? 'no' : r < 0.88 ? 'prefer_not_to_say' : null;
      const needs: AccessibilityOption[] = disability === 'yes' ? [pick<AccessibilityOption>(['lsf_interpreter', 'falc_materials', 'step_free_access', 'large_print', 'hearing_loop', 'companion_welcome'])] : [];
      if (disability || needs.length) {
        await tx.insert(workshopRegistrationSensitive).values({
          registrationId,
          accessNeeds: needs,
          accessNeedsText: needs.includes('companion_welcome') ? 'Je viens avec ma fille, elle m’aide à lire.' : null,
          disability,
          disabilityConsentAt: disability ? createdAt : null,
          disabilityPurpose: disability ? disabilityPurpose : null,
          createdAt,
        });
      }
    }
  }
  return { programmeId, sessionIds };
}
