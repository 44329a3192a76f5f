import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import type { JobDefinition } from './platform/jobs/index.ts';
import { deliverQueued, transportsFrom } from './modules/outbox/index.ts';
import { purgeExpiredAccountData } from './modules/accounts/index.ts';
import { sendExpiryReminders } from './modules/case-label/index.ts';

/** Every background job of Relais, in one list. */
export function jobDefinitions(config: Config, database: Database, logger: Logger): JobDefinition[] {
  const transports = transportsFrom(config);
  return [
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
  ];
}
