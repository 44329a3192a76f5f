import './case-label.policy.ts';

export { caseLabelRoutes } from './case-label.routes.tsx';
export { caseLabelOf, labelledPlaceIds, type CaseLabel } from './case-label.queries.ts';
export { sendExpiryReminders } from './case-label.reminders.ts';
export { seedCaseLabelDemo } from './case-label.demo.ts';
export { transferLabelApplications } from './case-label.commands.ts';
