import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Events that count against a limit (failed sign-ins, anonymous form posts), kept a short while. In the
 * database rather than in memory: limits hold across restarts and across several processes.
 */
export const rateLimitEvents = pgTable(
  'rate_limit_events',
  {
    id: uuid('id').primaryKey(),
    /** What is limited and for whom, e.g. `signin:email:a@b.nc`, `report:ip:1.2.3.4`. */
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rate_limit_events_key_at_idx').on(t.key, t.at)],
);
