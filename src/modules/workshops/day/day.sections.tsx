import { registerSessionSection } from '../workshops.sections.ts';
import { feedbackWindow } from '../feedback/feedback.commands.ts';
import { feedbackSummaries } from '../feedback/feedback.queries.ts';
import { dayPermissions } from './day.presenters.ts';
import { debriefOf, rosterOf } from './day.queries.ts';

// On the management page of a session (/gestion/seances/:id): the day's links — roster, feedback, debrief — as the
// actor's permissions allow, with where each stands.

registerSessionSection({
  key: 'day',
  order: 10,
  render: async ({ db, session, actor }) => {
    const can = dayPermissions(actor, session);
    if (!can.roster && !can.feedbackRead && !can.debriefRead) return null;
    const [roster, summaries, debrief] = await Promise.all([rosterOf(db, session.id), feedbackSummaries(db, [session.id]), debriefOf(db, session.id)]);
    const responses = summaries.get(session.id)?.responses ?? 0;
    return (
      <section aria-labelledby="jour-atelier">
        <h2 id="jour-atelier">Le jour de l’atelier</h2>
        <ul>
          {can.roster ? (
            <li>
              <a href={`/gestion/seances/${session.id}/emargement`}>Liste d’émargement</a> : {roster?.closedAt ? `clôturée, ${roster.tally?.attended ?? 0} participants` : 'ouverte'}
            </li>
          ) : null}
          {can.feedbackRead ? (
            <li>
              <a href={`/gestion/seances/${session.id}/avis`}>Avis des participants</a> : {responses} réponses{feedbackWindow(session) === 'open' ? ' (questionnaire ouvert)' : ''}
            </li>
          ) : null}
          {can.debriefRead ? (
            <li>
              <a href={`/gestion/seances/${session.id}/bilan`}>Bilan des formateurs</a> : {debrief ? 'écrit' : 'à écrire'}
            </li>
          ) : null}
        </ul>
      </section>
    );
  },
});
