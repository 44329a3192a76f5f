import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import type { JobDefinition } from './platform/jobs/index.ts';
import { deliverQueued, purgeDeliveredMessages, transportsFrom } from './modules/outbox/index.ts';
import { purgeExpiredAccountData } from './modules/accounts/index.ts';
import { sendExpiryReminders } from './modules/case-label/index.ts';
import { expireOffers, purgeSensitiveAnswers, sendWorkshopReminders } from './modules/workshops/index.ts';
import { purgePastAppointments, sendAppointmentReminders } from './modules/appointments/index.ts';
import { purgeWalkIns } from './modules/workshops/day/index.ts';
import { runBeneficiaryPurge } from './modules/beneficiaries/index.ts';
import { foldStatistics } from './modules/activities/statistics/index.ts';

/** Every background job of Relais, in one list. */
export function jobDefinitions(config: Config, database: Database, logger: Logger): JobDefinition[] {
  const transports = transportsFrom(config);
  return [
    {
      // Workshops: unanswered waiting-list offers (48 h) pass to the next person; every quarter of an hour.
      name: 'workshops.offers',
      cron: '*/15 * * * *',
      handle: async () => {
        const result = await database.db.transaction((tx) => expireOffers(tx, { baseUrl: config.baseUrl }));
        if (result.expired) logger.info(result, 'workshop offers expired');
      },
    },
    {
      // Workshops: reminder two days before (once: guarded mark + outbox dedupe), then the purge of access needs
      // and disability answers WORKSHOP_SENSITIVE_RETENTION_DAYS after the session (counts kept).
      name: 'workshops.daily',
      cron: '10 7 * * *',
      handle: async () => {
        const reminded = await database.db.transaction((tx) => sendWorkshopReminders(tx, { baseUrl: config.baseUrl }));
        const purged = await database.db.transaction((tx) => purgeSensitiveAnswers(tx, { retentionDays: config.workshopSensitiveRetentionDays }));
        if (reminded.queued || purged.sessions) logger.info({ reminded, purged }, 'workshop reminders and purge');
      },
    },
    {
      // Workshop rosters: walk-ins' names and access needs erased once their session's answers are purged (after
      // workshops.daily); the roster's counts stay.
      name: 'workshops.walk-ins-purge',
      cron: '40 7 * * *',
      handle: async () => {
        const result = await database.db.transaction((tx) => purgeWalkIns(tx));
        if (result.erased) logger.info(result, 'walk-ins erased');
      },
    },
    {
      // Followed people's files inactive for BENEFICIARY_RETENTION_MONTHS: erased, records kept anonymised, audited.
      name: 'beneficiaries.purge',
      cron: '23 3 * * *',
      handle: async () => {
        const result = await runBeneficiaryPurge(database.db, { months: config.beneficiaryRetentionMonths, dataDir: config.dataDir });
        if (result.erased) logger.info(result, 'inactive beneficiary files erased');
      },
    },
    {
      // Sent or abandoned messages hold recipients and texts: deleted OUTBOX_RETENTION_DAYS after they were queued.
      name: 'outbox.purge',
      cron: '31 3 * * *',
      handle: async () => {
        const deleted = await database.db.transaction((tx) => purgeDeliveredMessages(tx, { days: config.outboxRetentionDays }));
        if (deleted) logger.info({ deleted }, 'delivered messages purged');
      },
    },
    {
      // What the writes appended since the last minute goes into the month documents that reports read.
      name: 'activities.statistics.fold',
      cron: '* * * * *',
      handle: async () => {
        const folded = await foldStatistics(database.db);
        if (folded) logger.debug({ folded }, 'statistics: written records folded');
      },
    },
    {
      name: 'outbox.deliver',
      cron: '* * * * *',
      handle: async () => {
        const result = await deliverQueued(database.db, transports);
        if (result.sent || result.failed) logger.info(result, 'outbox delivered');
      },
    },
    {
      name: 'accounts.purge',
      cron: '17 3 * * *',
      handle: () => database.db.transaction((tx) => purgeExpiredAccountData(tx)),
    },
    {
      // Reminders 90 and 30 days before a Case numérique label ends; idempotent (marks + outbox dedupe keys).
      name: 'case-label.reminders',
      cron: '5 7 * * *',
      handle: async () => {
        const result = await database.db.transaction((tx) => sendExpiryReminders(tx, { baseUrl: config.baseUrl }));
        if (result.queued) logger.info(result, 'case-label expiry reminders queued');
      },
    },
    {
      // Appointment reminders 48 hours before, each once (guarded mark + outbox dedupe key); hourly.
      name: 'appointments.reminders',
      cron: '20 * * * *',
      handle: async () => {
        const result = await database.db.transaction((tx) => sendAppointmentReminders(tx, { zone: config.timeZone, baseUrl: config.baseUrl }));
        if (result.queued) logger.info(result, 'appointment reminders queued');
      },
    },
    {
      // Past appointments hold a name and a phone: deleted APPOINTMENT_RETENTION_DAYS after they ended, audited.
      name: 'appointments.purge',
      cron: '37 3 * * *',
      handle: async () => {
        const result = await database.db.transaction((tx) => purgePastAppointments(tx, { retentionDays: config.appointmentRetentionDays }));
        if (result.deleted) logger.info(result, 'past appointments purged');
      },
    },
  ];
}
