// The workshops module: programmes, series, sessions, registrations. Other modules and helpers import from here.
export { workshopPublicRoutes } from './workshops.public.routes.tsx';
export { workshopManageRoutes } from './workshops.manage.routes.tsx';
export { workshopsPolicy, type ProgrammeSubject, type SessionSubject } from './workshops.policy.ts';
export * from './workshops.schema.ts';
export * from './workshops.labels.ts';
export {
  createProgramme,
  updateProgramme,
  addTarget,
  removeTarget,
  createSeries,
  updateSeries,
  createSession,
  updateSession,
  cancelSession,
  register,
  offerFreeSeats,
  cancelRegistrationByToken,
  cancelRegistrationForPerson,
  acceptOffer,
  expireOffers,
  sendWorkshopReminders,
  registrationLink,
  offerHours,
  slugify,
} from './workshops.commands.ts';
export {
  findProgramme,
  programmeBySlug,
  listProgrammes,
  programmesManagedBy,
  programmeSubject,
  targetsOf,
  seriesOf,
  findSeries,
  findSession,
  sessionsOfSeries,
  sessionsOfProgramme,
  sessionSubject,
  sessionsForWorkspace,
  registrationsOf,
  seatCounts,
  seatsLeft,
  searchAgenda,
  viewSessions,
  type Programme,
  type ProgrammeTarget,
  type ProgrammeWithConsortium,
  type Series,
  type Session,
  type SessionView,
  type Registration,
} from './workshops.queries.ts';
export { readSensitiveAnswers, purgeSensitiveAnswers, reachAggregates, hideSmall, smallCountThreshold, type ReachRow, type SensitiveAnswer } from './workshops.sensitive.ts';
export { registerProgrammeSection, registerSessionSection, type ProgrammeSection, type ProgrammeSectionContext, type SessionSection, type SessionSectionContext } from './workshops.sections.ts';
export { sessionsCalendar } from './workshops.ics.ts';
export { whenText, localTime, localInstant, monthLabel } from './workshops.time.ts';
export { Pictograms, PictogramIcon } from './views/pictograms.tsx';
export { seedWorkshopsDemo } from './workshops.demo.ts';
