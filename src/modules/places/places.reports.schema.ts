import { index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { places } from './places.schema.ts';

/** What a visitor says is wrong about a place. */
export const reportTopics = ['adresse', 'horaires', 'contact', 'services', 'accessibilite', 'ferme', 'autre'] as const;
export type ReportTopic = (typeof reportTopics)[number];

/** A report is open until a manager answers it; it is closed when nothing more is to be done. */
export const reportStatuses = ['open', 'answered', 'closed'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export const reportTopicEnum = pgEnum('place_report_topic', reportTopics);
export const reportStatusEnum = pgEnum('place_report_status', reportStatuses);

/**
 * An error reported by anyone on a place's public page ("Signaler une erreur"), for the place's managers to answer.
 * The reporter's e-mail is optional and erased when the report is closed: it only serves to send the answer.
 */
export const placeReports = pgTable(
  'place_reports',
  {
    id: uuid('id').primaryKey(),
    placeId: uuid('place_id')
      .notNull()
      .references(() => places.id),
    topics: reportTopicEnum('topics').array().notNull(),
    message: text('message').notNull(),
    reporterEmail: text('reporter_email'),
    status: reportStatusEnum('status').notNull().default('open'),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** Who answered, as it should read even after the account is erased. */
    answeredBy: text('answered_by'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('place_reports_place_idx').on(t.placeId, t.status, t.createdAt), index('place_reports_status_idx').on(t.status, t.createdAt)],
);
