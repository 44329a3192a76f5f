import { can, type Actor } from '../../../platform/authz/index.ts';
import { communeByCode, communes } from '../../../territory/index.ts';
import { sessionSubject, type SessionView } from '../workshops.queries.ts';
import { whenText } from '../workshops.time.ts';
import type { SessionHeading } from './views/roster.tsx';
import './day.policy.ts';

export const communeName = (code: string | null) => (code ? (communeByCode(code)?.name ?? code) : '');

/** The communes as choices, in alphabetical order. */
export function communeChoices(): { value: string; label: string }[] {
  return [...communes].sort((a, b) => a.name.localeCompare(b.name, 'fr')).map((c) => ({ value: c.code, label: c.name }));
}

/** « Médiathèque de Koné, Koné » or « Salle de la tribu de Hnathalo, Lifou ». */
export function whereOf(s: SessionView): string {
  return [s.place?.name ?? s.spotName ?? '', communeName(s.communeCode)].filter(Boolean).join(', ');
}

export function sessionHeading(s: SessionView): SessionHeading {
  return { title: s.series.title, programme: s.programme.name, when: whenText(s.startsAt, s.endsAt), where: whereOf(s), trainers: s.trainers.map((t) => t.name).join(', ') };
}

/** What the actor may do on a session's day pages: the same rules as the routes. */
export function dayPermissions(actor: Actor | null, s: SessionView) {
  const subject = sessionSubject(s);
  return {
    view: can(actor, 'workshop.session.view', subject),
    roster: can(actor, 'workshop.roster', subject),
    sensitive: can(actor, 'workshop.sensitive.read', subject),
    debriefWrite: can(actor, 'workshop.debrief.write', subject),
    debriefRead: can(actor, 'workshop.debrief.read', subject),
    feedbackRead: can(actor, 'workshop.feedback.read', subject),
    feedbackEnter: can(actor, 'workshop.feedback.enter', subject),
    feedbackAssist: can(actor, 'workshop.feedback.assist', subject),
  };
}
