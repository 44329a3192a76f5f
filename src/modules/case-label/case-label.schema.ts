import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { places } from '../places/places.schema.ts';

/** The life of an application: brouillon → déposée → (à compléter → déposée …) → accordée or refusée. */
export const applicationStatuses = ['draft', 'submitted', 'changes_requested', 'granted', 'refused'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];
export const applicationStatusEnum = pgEnum('label_application_status', applicationStatuses);

/** What a comment is: a reviewer's remark, a request for changes, or the text that goes with a decision. */
export const commentKinds = ['comment', 'changes_requested', 'granted', 'refused'] as const;
export type CommentKind = (typeof commentKinds)[number];
export const commentKindEnum = pgEnum('label_comment_kind', commentKinds);

/** The checklist kept by the government's digital unit. A criterion is retired, never deleted: old evidence keeps its question. */
export const labelCriteria = pgTable('label_criteria', {
  id: uuid('id').primaryKey(),
  title: text('title').notNull(),
  /** What evidence the unit expects, in plain words. */
  description: text('description').notNull().default(''),
  position: integer('position').notNull().default(0),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One application of one place for the Case numérique label. The applicant's name and e-mail are copied so that
 * notifications and reminders reach them without reading another module's tables.
 */
export const labelApplications = pgTable(
  'label_applications',
  {
    id: uuid('id').primaryKey(),
    placeId: uuid('place_id').notNull().references(() => places.id),
    status: applicationStatusEnum('status').notNull().default('draft'),
    applicantUserId: uuid('applicant_user_id'),
    applicantName: text('applicant_name').notNull(),
    applicantEmail: text('applicant_email').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The local day the label starts, and the day it ends (inclusive), in the territory's calendar. */
    grantedOn: date('granted_on', { mode: 'string' }),
    expiresOn: date('expires_on', { mode: 'string' }),
    refusalReasons: text('refusal_reasons'),
    /** When each reminder before expiry was queued: the daily job sends each one once. */
    reminded90At: timestamp('reminded_90_at', { withTimezone: true }),
    reminded30At: timestamp('reminded_30_at', { withTimezone: true }),
  },
  (t) => [
    index('label_applications_place_idx').on(t.placeId, t.createdAt),
    index('label_applications_status_idx').on(t.status, t.updatedAt),
    // One open application per place at a time: a second one would split the evidence and the review.
    uniqueIndex('label_applications_one_open_per_place').on(t.placeId).where(sql`status in ('draft', 'submitted', 'changes_requested')`),
  ],
);

/** The applicant's text for one criterion of one application. */
export const labelEvidence = pgTable(
  'label_evidence',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id').notNull().references(() => labelApplications.id),
    criterionId: uuid('criterion_id').notNull().references(() => labelCriteria.id),
    text: text('text').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('label_evidence_unique').on(t.applicationId, t.criterionId)],
);

/** A file given as evidence for one criterion; the bytes live under DATA_DIR/fichiers (platform/files.ts). */
export const labelFiles = pgTable(
  'label_files',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id').notNull().references(() => labelApplications.id),
    criterionId: uuid('criterion_id').notNull().references(() => labelCriteria.id),
    originalName: text('original_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('label_files_application_idx').on(t.applicationId, t.criterionId)],
);

/** Reviewers' comments, requests for changes and decisions, in order. */
export const labelComments = pgTable(
  'label_comments',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id').notNull().references(() => labelApplications.id),
    kind: commentKindEnum('kind').notNull(),
    authorUserId: uuid('author_user_id'),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('label_comments_application_idx').on(t.applicationId, t.createdAt)],
);
