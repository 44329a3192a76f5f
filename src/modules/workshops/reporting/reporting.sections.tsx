import { registerProgrammeSection } from '../workshops.sections.ts';
import { monthLabel, whenText } from '../workshops.time.ts';
import { communeName } from '../day/day.presenters.ts';
import { feedbackWindow } from '../feedback/feedback.commands.ts';
import { dayAssetHref } from '../day/day.assets.ts';
import { communeRows, countingNote, monthRows, targetRows } from './reporting.presenters.ts';
import { programmeSessionFacts, publicAdjustmentsOf } from './reporting.queries.ts';
import { computeResults } from './reporting.results.ts';
import { ResultsSection, YouSaidWeDidSection } from './views/results.tsx';

// The public programme page (/programmes/:slug) shows targets against results, by commune and by month, then
// "Vous avez dit, nous avons fait". Aggregates only: no name, small counts of people with a disability hidden.

registerProgrammeSection({
  key: 'results',
  order: 50,
  showsTargets: true,
  render: async ({ db, programme, targets, sessions }) => {
    const results = computeResults(await programmeSessionFacts(db, programme.id, sessions));
    return (
      <>
        <link rel="stylesheet" href={dayAssetHref('styles')} />
        <ResultsSection idPrefix="resultats" headingLevel={2} targets={targetRows(targets, results.totals)} byCommune={communeRows(results)} byMonth={monthRows(results)} note={countingNote} />
      </>
    );
  },
});

registerProgrammeSection({
  key: 'you-said-we-did',
  order: 60,
  render: async ({ db, programme, sessions, now }) => {
    const items = await publicAdjustmentsOf(db, programme.id);
    const askFor = sessions
      .filter((s) => s.endsAt <= now && feedbackWindow(s, now) === 'open')
      .slice(-5)
      .reverse()
      .map((s) => ({ href: `/ateliers/${s.id}/avis`, text: `Votre avis sur « ${s.series.title} », ${whenText(s.startsAt, s.endsAt)}, ${communeName(s.communeCode)}` }));
    return <YouSaidWeDidSection items={items.map((i) => ({ youSaid: i.youSaid, weDid: i.weDid, when: i.doneOn ? `Fait en ${monthLabel(i.doneOn.slice(0, 7))}` : '' }))} askFor={askFor} />;
  },
});
