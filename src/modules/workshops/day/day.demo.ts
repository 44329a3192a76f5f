import type { Executor } from '../../../db/client.ts';
import type { Actor } from '../../../platform/authz/index.ts';
import { membershipsOf } from '../../accounts/index.ts';
import { userById } from '../../accounts/accounts.queries.ts';
import { findSession, sessionsOfProgramme, seriesOf } from '../workshops.queries.ts';
import { localDay } from '../../../platform/format.ts';
import { submitFeedback } from '../feedback/feedback.commands.ts';
import { feedbackQuestions, type FeedbackAnswer, type FeedbackAnswers, type FeedbackMode } from '../feedback/feedback.schema.ts';
import { recordAdjustment } from '../reporting/reporting.commands.ts';
import { adjustmentsOf } from '../reporting/reporting.queries.ts';
import { feedbackComments } from '../feedback/feedback.queries.ts';
import { addWalkIn, closeRoster, markAttendance, saveDebrief } from './day.commands.ts';
import { rosterLines, debriefsOf } from './day.queries.ts';
import type { AttendanceStatus } from './day.schema.ts';

function randomFrom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const comments = [
  'Le formateur parle doucement, j’ai bien compris.',
  'C’était un peu long, j’étais fatigué à la fin.',
  'J’ai envoyé ma première photo à ma petite-fille !',
  'Il faudrait plus de temps pour essayer sur mon téléphone.',
  'L’interprète en langue des signes, c’était très bien.',
  'Les documents en gros caractères m’ont aidé.',
  'Je n’ai pas pu entrer avec mon fauteuil par la grande porte.',
  'Merci, je reviendrai avec ma voisine.',
] as const;

const debriefs = [
  { whatWorked: 'Les exercices sur le téléphone de chacun. Le binôme avec un accompagnant.', difficulties: 'Trois heures, c’est long : l’attention baisse après 1 h 30.', adaptations: 'Prévoir une pause de 15 minutes au milieu.', needs: ['companion_welcome'] as const },
  { whatWorked: 'Les fiches faciles à lire ont été utilisées par tous.', difficulties: 'Le réseau mobile était faible dans la salle.', adaptations: 'Apporter un routeur 4G et imprimer les fiches en gros caractères.', needs: ['falc_materials', 'large_print'] as const },
  { whatWorked: 'L’interprète LSF a permis à deux personnes sourdes de suivre.', difficulties: 'Les vidéos n’avaient pas de sous-titres.', adaptations: 'Choisir des vidéos sous-titrées et prévoir l’interprète dès l’inscription.', needs: ['lsf_interpreter'] as const },
  { whatWorked: 'Le groupe s’est entraidé.', difficulties: 'L’entrée de la salle a une marche : une personne en fauteuil a dû passer par l’arrière.', adaptations: 'Vérifier l’accès sans marche avant de choisir la salle.', needs: ['step_free_access'] as const },
] as const;

function answerFrom(r: number): FeedbackAnswer {
  return r < 0.74 ? 'good' : r < 0.93 ? 'medium' : 'bad';
}

/**
 * Numé-Raï's realistic progress on the sessions already held (seeded by seedWorkshopsDemo): the trainer marks
 * attendance (a few absent, a few late, one or two walk-ins), closes each roster — one workshop activity record
 * per session —, participants answer the feedback (alone, with a helper, or on paper), the trainer writes a
 * debrief, and the coordinators record four adjustments (two shown publicly under "Vous avez dit, nous avons fait").
 * Goes through the module's commands, so the demo follows the same rules as the screens.
 */
export async function seedWorkshopDayDemo(tx: Executor, options: { programmeId: string; trainerUserId: string; coordinatorUserId: string | null; now?: Date }): Promise<{ closed: number; feedback: number }> {
  const now = options.now ?? new Date();
  const random = randomFrom(1977);
  const person = async (userId: string): Promise<(Actor & { kind: 'person' }) | null> => {
    const user = await userById(tx, userId);
    return user ? { kind: 'person', userId: user.id, name: user.name, email: user.email, memberships: await membershipsOf(tx, user.id) } : null;
  };
  const trainer = await person(options.trainerUserId);
  if (!trainer) return { closed: 0, feedback: 0 };
  const coordinator = options.coordinatorUserId ? await person(options.coordinatorUserId) : null;
  const sessions = (await sessionsOfProgramme(tx, options.programmeId)).filter((s) => s.status === 'scheduled' && s.endsAt < now);
  let closed = 0;
  let feedback = 0;
  for (const [index, listed] of sessions.entries()) {
    const lines = await rosterLines(tx, listed.id, { sensitive: false });
    const marks = new Map<string, AttendanceStatus>();
    for (const l of lines) {
      const r = random();
      marks.set(l.key, r < 0.82 ? 'present' : r < 0.9 ? 'late' : 'absent');
    }
    await markAttendance(tx, trainer, listed, marks, { now });
    const walkIns = Math.floor(random() * 3);
    for (let w = 0; w < walkIns; w += 1) {
      await addWalkIn(tx, trainer, listed, { name: `Personne venue sans inscription ${w + 1}`, communeCode: listed.communeCode, status: 'present', accessNeeds: w === 0 && random() < 0.5 ? ['companion_welcome'] : [], accessNeedsText: null }, { now });
    }
    const session = (await findSession(tx, listed.id)) ?? listed;
    const result = await closeRoster(tx, trainer, session, { gender: {}, ageBand: {}, status: {} }, { now });
    if (!result.ok) continue;
    closed += 1;
    // About two thirds of the people answer: alone on their phone, with the trainer, or on paper typed later.
    const answering = Math.round(result.value.tally.attended * (0.55 + random() * 0.2));
    for (let n = 0; n < answering; n += 1) {
      const r = random();
      const mode: FeedbackMode = r < 0.5 ? 'self' : r < 0.8 ? 'assisted' : 'paper';
      const answers: FeedbackAnswers = {};
      for (const q of feedbackQuestions) if (random() > 0.05) answers[q] = answerFrom(random());
      const comment = random() < 0.25 ? (comments[Math.floor(random() * comments.length)] ?? '') : '';
      const saved = await submitFeedback(tx, mode === 'self' ? null : trainer, session, mode, { answers, comment }, { now: new Date(Math.min(now.getTime(), session.endsAt.getTime() + (n + 1) * 60_000)) });
      if (saved.ok) feedback += 1;
    }
    const d = debriefs[index % debriefs.length];
    if (d && session.trainers.some((t) => t.id === trainer.userId)) await saveDebrief(tx, trainer, session, { whatWorked: d.whatWorked, difficulties: d.difficulties, adaptations: d.adaptations, adaptationNeeds: [...d.needs] }, { now });
  }
  // The coordinators' adjustments, linked to what prompted them.
  const steward = coordinator ?? trainer;
  const programme = sessions[0]?.programme;
  if (programme && closed > 0 && (await adjustmentsOf(tx, programme.id)).length === 0) {
    const ids = sessions.map((s) => s.id);
    const [messages, written, series] = await Promise.all([feedbackComments(tx, ids, 500), debriefsOf(tx, ids), seriesOf(tx, programme.id)]);
    const find = (text: string) => messages.filter((m) => m.comment.includes(text)).slice(0, 3).map((m) => m.id);
    const debriefWith = (text: string) => [...written.values()].filter((d) => d.difficulties.includes(text) || d.adaptations.includes(text)).slice(0, 2).map((d) => d.id);
    const today = localDay(now);
    const base = { seriesId: null, doneOn: null, isPublic: false, youSaid: '', weDid: '', feedbackIds: [], debriefIds: [] };
    await recordAdjustment(tx, steward, programme, { ...base, change: 'Les séances durent 2 h 30 avec une pause de 15 minutes au milieu.', reason: 'Des participants étaient fatigués ; les formateurs voient l’attention baisser après 1 h 30.', status: 'done', doneOn: sessions[Math.min(3, sessions.length - 1)]?.startsAt ? localDay(sessions[Math.min(3, sessions.length - 1)]?.startsAt ?? now) : today, isPublic: true, youSaid: 'L’atelier était trop long. Vous étiez fatigués à la fin.', weDid: 'Les ateliers sont plus courts. Il y a une pause au milieu.', feedbackIds: find('long'), debriefIds: debriefWith('pause') });
    await recordAdjustment(tx, steward, programme, { ...base, change: 'Visite de chaque salle avant de la choisir : accès sans marche vérifié.', reason: 'Une personne en fauteuil a dû entrer par l’arrière.', status: 'done', doneOn: sessions[Math.min(5, sessions.length - 1)]?.startsAt ? localDay(sessions[Math.min(5, sessions.length - 1)]?.startsAt ?? now) : today, isPublic: true, youSaid: 'Vous ne pouviez pas entrer dans la salle avec un fauteuil roulant.', weDid: 'Nous vérifions chaque salle avant l’atelier. L’entrée se fait sans marche.', feedbackIds: find('fauteuil'), debriefIds: debriefWith('marche') });
    await recordAdjustment(tx, steward, programme, { ...base, change: 'Un routeur 4G dans le matériel de chaque séance.', reason: 'Le réseau mobile est faible dans plusieurs salles des îles.', status: 'done', doneOn: today, debriefIds: debriefWith('routeur') });
    await recordAdjustment(tx, steward, programme, { ...base, seriesId: series.find((s) => s.title.includes('téléphone'))?.id ?? null, change: 'Vidéos sous-titrées et interprète LSF réservé dès la première inscription d’une personne sourde.', reason: 'Les vidéos n’avaient pas de sous-titres.', status: 'planned', debriefIds: debriefWith('sous-titres') });
  }
  return { closed, feedback };
}
