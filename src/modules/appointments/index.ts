import './appointments.policy.ts';

export { appointmentPublicRoutes } from './appointments.public.routes.tsx';
export { appointmentAgencyRoutes } from './appointments.agency.routes.tsx';
export { purgePastAppointments, sendAppointmentReminders } from './appointments.commands.ts';
export { seedAppointmentsDemo } from './appointments.demo.ts';
