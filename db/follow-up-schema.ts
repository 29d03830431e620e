/**
 * Outcome follow-up's table (docs/architecture.md `follow_ups`): when a pitch closes as
 * matched or partly matched, its municipality is asked 3, 6 and 12 months later how many people
 * started and how many are still at work. One row per pitch per moment, written in the same
 * batch as the close. The answer is an organisational fact and public; who gave it is personal
 * (in the account export, set to null when that account is deleted). Times are Unix
 * milliseconds; a due date is a calendar day (YYYY-MM-DD, Europe/Amsterdam).
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { pitches } from './marketplace-schema.ts';
import { users } from './schema.ts';

/** One question to a pitch's municipality: "how is it going, N months after closing?" */
export const followUps = sqliteTable(
  'follow_ups',
  {
    id: text('id').primaryKey(),
    pitchId: text('pitch_id')
      .notNull()
      .references(() => pitches.id, { onDelete: 'cascade' }),
    /** 3, 6 or 12 (src/domain/follow-up-schedule.ts). */
    monthsAfter: integer('months_after').notNull(),
    /** The day it is asked (YYYY-MM-DD, Europe/Amsterdam): the closing day plus monthsAfter, clamped to the month's end. */
    dueOn: text('due_on').notNull(),
    /** When the reminder mail was queued; set by the claim that queues it, so it goes out once. */
    remindedAt: integer('reminded_at'),
    /** The id of the queued reminder: the claim's token (the outbox insert checks it in the same batch). */
    reminderMailId: text('reminder_mail_id'),
    /** People who started work through the pitch, as of this moment. */
    started: integer('started'),
    /** Of them, people still at work at this moment (≤ started). */
    stillWorking: integer('still_working'),
    /** Who answered: personal data (account export; null once the account is deleted). */
    answeredBy: text('answered_by').references(() => users.id, { onDelete: 'set null' }),
    answeredAt: integer('answered_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('follow_ups_pitch_moment').on(t.pitchId, t.monthsAfter),
    // The reminder job's question: due and not yet reminded.
    index('follow_ups_due').on(t.dueOn).where(sql`reminded_at is null`),
    index('follow_ups_answered_by').on(t.answeredBy),
    check('follow_ups_months', sql`${t.monthsAfter} in (3, 6, 12)`),
    check('follow_ups_answer', sql`(${t.started} is null and ${t.stillWorking} is null) or (${t.started} >= 0 and ${t.stillWorking} >= 0 and ${t.stillWorking} <= ${t.started})`),
  ],
);

export type FollowUpRow = typeof followUps.$inferSelect;
