// The door of the workshop days (roster, feedback, debrief, co-construction, results, funder report): the parts of
// the workshops module written in day/, feedback/ and reporting/.
import './day.policy.ts';
import '../feedback/feedback.policy.ts';
import '../reporting/reporting.policy.ts';
import '../reporting/reporting.sections.tsx';
import './day.sections.tsx';

export { dayRoutes } from './day.routes.tsx';
export { feedbackRoutes } from '../feedback/feedback.routes.tsx';
export { reportingRoutes } from '../reporting/reporting.routes.tsx';
export { closeRoster, markAttendance, addWalkIn, reopenRoster, saveDebrief, purgeWalkIns } from './day.commands.ts';
export { submitFeedback, feedbackWindow } from '../feedback/feedback.commands.ts';
export { recordAdjustment } from '../reporting/reporting.commands.ts';
export { seedWorkshopDayDemo } from './day.demo.ts';
