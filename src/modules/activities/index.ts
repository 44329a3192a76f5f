import './activities.policy.ts';

export { activityRoutes } from './activities.routes.tsx';

export { recordActivity, updateActivity, deleteActivity, createPersonalTag, ageBandOn, type ActivityResult, type ActivityError } from './activities.commands.ts';
export { activityInput, readActivityForm, maxDurationMinutes, type ActivityInput, type ValidActivity } from './activities.forms.ts';
export { activitiesOfBeneficiary, listActivities, readableBy, activeProcedures, type ActivityRow, type ActivityFilters, type ProcedureChoice } from './activities.queries.ts';
export { activitiesPolicy, recordingOrganisations, activityPermissions, type ActivitySubject } from './activities.policy.ts';
export { generateDemoActivities, seedActivitiesDemo, type DemoHelper } from './activities.demo.ts';
export { formatDuration } from './activities.dates.ts';
export { reassignBeneficiaryActivities, anonymiseBeneficiaryActivities, type PersonTraits } from './activities.beneficiary-links.ts';
export * from './activities.labels.ts';
export {
  activityKinds,
  channels,
  materials,
  themes,
  administrativeSubThemes,
  autonomyLevels,
  orientationDestinations,
  procedureOutcomes,
  workshopLevels,
  tagScopes,
  type ActivityKind,
  type Channel,
  type Material,
  type Theme,
  type AdministrativeSubTheme,
  type AutonomyLevel,
  type OrientationDestination,
  type ProcedureOutcome,
  type WorkshopLevel,
  type TagScope,
  type ParticipantBreakdown,
} from './activities.schema.ts';
