/**
 * The content editor's table: drafts of cases, instruments, organisations and
 * sources. A draft keeps the form as the curator typed it (so a refused save or a reopened
 * draft shows their input), the file text it would publish once valid, and the hash of the
 * file it started from, so a second curator's publish is detected instead of overwritten.
 * Nothing here is ever written to content/: publishing goes through src/features/publishing/publish.ts.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { contentKinds, draftActions, draftStatuses } from '../src/domain/content-editing.ts';
import { users } from './schema.ts';

export const contentDrafts = sqliteTable(
  'content_drafts',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: contentKinds }).notNull(),
    /** The content id (file name without extension, or the record id in a YAML list). */
    contentId: text('content_id').notNull(),
    /** 'write' (new or changed) or 'retire' (take it off the site, with a reason). */
    action: text('action', { enum: draftActions }).notNull().default('write'),
    /** Title shown in lists (from the form). */
    title: text('title').notNull(),
    /** SHA-256 of the file as it was when the draft started; null for new content. */
    baseHash: text('base_hash'),
    /** The form's values as JSON (what the curator typed, also when not yet valid). */
    formData: text('form_data').notNull(),
    /** The complete new file text once the draft is valid; null while it has problems. */
    fileText: text('file_text'),
    /** Why a page is retired (action 'retire'). */
    reason: text('reason'),
    status: text('status', { enum: draftStatuses }).notNull().default('draft'),
    /** Bumped on every save: a save based on an older version is refused (two tabs, two people). */
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /** The colleague asked to review it ("Vraag review aan"). */
    reviewerId: text('reviewer_id').references(() => users.id, { onDelete: 'set null' }),
    /** The reviewer's comment, and whether they approved. */
    reviewNote: text('review_note'),
    reviewApprovedAt: integer('review_approved_at'),
    /** The publication that took it live (from requestPublish). */
    publicationId: text('publication_id'),
  },
  (t) => [index('content_drafts_content').on(t.kind, t.contentId, t.status), index('content_drafts_status_updated').on(t.status, t.updatedAt)],
);

export type ContentDraftRow = typeof contentDrafts.$inferSelect;
