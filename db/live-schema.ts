/**
 * The live pitch session's tables: a session a curator runs in a room, and
 * the published pitches it shows, in order. The tally on the screen is not stored: it is read
 * from the offers table each time (src/features/live/live-tally.ts), so every instance shows the same.
 * Times are Unix milliseconds.
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { liveSessionStatuses } from '../src/domain/live-session-lifecycle.ts';
import { pitches } from './marketplace-schema.ts';
import { users } from './schema.ts';

/** A live session on a big screen; open until a curator ends it (ended is final). */
export const liveSessions = sqliteTable(
  'live_sessions',
  {
    /** Random, unguessable: the screen's address is public but not listed anywhere. */
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    /** The curator who opened it; null once that account is deleted. */
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: liveSessionStatuses }).notNull().default('open'),
    /** The pitch the screen shows now (one of the session's pitches). */
    currentPitchId: text('current_pitch_id').references(() => pitches.id, { onDelete: 'set null' }),
    /** Bumped on every change (switch, end), so a screen sees it in the same cheap read as the status. */
    version: integer('version').notNull().default(1),
    createdAt: integer('created_at').notNull(),
    endedAt: integer('ended_at'),
  },
  (t) => [index('live_sessions_status_created').on(t.status, t.createdAt)],
);

/** The pitches of a session, in the order the curator chose. */
export const liveSessionPitches = sqliteTable(
  'live_session_pitches',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => liveSessions.id, { onDelete: 'cascade' }),
    pitchId: text('pitch_id')
      .notNull()
      .references(() => pitches.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.pitchId] }), index('live_session_pitches_pitch').on(t.pitchId)],
);

export type LiveSessionRow = typeof liveSessions.$inferSelect;
