/**
 * The publish pipeline's tables: publications (a queued or running rebuild
 * of the site with a curator's content changes) and revisions (what a successful publication
 * changed, with the text of each file before and after, so a revert needs nothing else).
 * Times are Unix milliseconds.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './schema.ts';

/** The states of a publication, in order: waiting for the build lock, building, done. */
export const publicationStates = ['queued', 'building', 'live', 'failed'] as const;

/** One request to publish: its changes wait here until a worker (any instance) builds them. */
export const publications = sqliteTable(
  'publications',
  {
    id: text('id').primaryKey(),
    state: text('state', { enum: publicationStates }).notNull(),
    /** The curator's one-line description of the change. */
    summary: text('summary').notNull(),
    /** Who asked; null once that account is deleted (the name below stays). */
    publisherId: text('publisher_id').references(() => users.id, { onDelete: 'set null' }),
    publisherName: text('publisher_name').notNull(),
    /** The editor's draft this came from, if any. */
    draftId: text('draft_id'),
    /** JSON: [{ path, content }] with content null for a deletion (checked paths only). */
    changes: text('changes').notNull(),
    /** The revision this publication undoes, for a revert. */
    revertOf: text('revert_of'),
    /** Dutch: why the build failed (with the build's own lines), or a note on success. */
    message: text('message'),
    /** Which worker holds the build lock, and until when (renewed while the build runs). */
    claimedBy: text('claimed_by'),
    claimedUntil: integer('claimed_until'),
    /** How many times a worker claimed it (a crashed build is retried, but not for ever). */
    attempts: integer('attempts').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    startedAt: integer('started_at'),
    finishedAt: integer('finished_at'),
    /** The revision written when it went live. */
    revisionId: text('revision_id'),
  },
  (t) => [index('publications_state').on(t.state, t.createdAt)],
);

/** What one live publication changed in content/: the history and the basis of a revert. */
export const revisions = sqliteTable(
  'revisions',
  {
    id: text('id').primaryKey(),
    publicationId: text('publication_id').notNull(),
    publisherId: text('publisher_id').references(() => users.id, { onDelete: 'set null' }),
    publisherName: text('publisher_name').notNull(),
    summary: text('summary').notNull(),
    /** JSON: [{ path, before, after }] with null for "no such file". */
    changes: text('changes').notNull(),
    /** JSON: the changed paths, for the history list and the filter by path. */
    paths: text('paths').notNull(),
    revertOf: text('revert_of'),
    /** The git commit made in the content folder's checkout, if it is one. */
    gitCommit: text('git_commit'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('revisions_created').on(t.createdAt)],
);

export type PublicationRow = typeof publications.$inferSelect;
export type RevisionRow = typeof revisions.$inferSelect;
