/**
 * "Follow and be told": what people follow and how they hear of it, their digest setting, one
 * row per person per digest period, and one per at-once mail about a new pitch. Everything here
 * belongs to one account and goes with it (ON DELETE CASCADE): the account deletion needs no
 * extra statement.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { DEFAULT_FOLLOW_DELIVERY, followDeliveries, followKinds } from '../src/domain/follows.ts';
import { pitches } from './marketplace-schema.ts';
import { users } from './schema.ts';

/** One thing a person follows: a pitch, a municipality, a region, a sector or a target group. */
export const follows = sqliteTable(
  'follows',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: followKinds }).notNull(),
    /** The pitch id, municipality id, region id, sector id or target-group id. */
    value: text('value').notNull(),
    /** How the person hears of it: at once when a fitting pitch is published, weekly, or not by e-mail. */
    delivery: text('delivery', { enum: followDeliveries }).notNull().default(DEFAULT_FOLLOW_DELIVERY),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind, t.value] }), index('follows_kind_value').on(t.kind, t.value)],
);

/** The weekly digest's setting per person; no row means: on (whoever follows something wants to hear of it). */
export const digestSettings = sqliteTable('digest_settings', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  enabled: integer('enabled', { mode: 'boolean' }).notNull(),
  /** When it was last switched (on: the next digest covers news from here, not from before the pause). */
  changedAt: integer('changed_at').notNull(),
});

/**
 * One row per person per digest period ("2026-W07"), written before the mail is queued and in
 * the same batch (the unique index is the claim: a second run, or a second instance, finds the
 * row and sends nothing). A period with nothing new gets a row too (no mail, no token), so
 * each person is looked at once a week. `coveredUntil` is where the next digest starts.
 * A sent digest's row holds the hash of its unsubscribe link's secret: the link is
 * `<id>.<secret>`, specific to the person, and works as long as the row is kept (a year).
 */
export const digestSends = sqliteTable(
  'digest_sends',
  {
    /** Random (22 characters, URL-safe): the public half of the unsubscribe token. */
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    /** News up to this moment was looked at for this period. */
    coveredUntil: integer('covered_until').notNull(),
    /** How many items the digest listed; 0: nothing new, nothing sent. */
    items: integer('items').notNull(),
    /** SHA-256 of the unsubscribe secret; null when no mail was sent. */
    unsubscribeHash: text('unsubscribe_hash'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('digest_sends_user_period').on(t.userId, t.period), index('digest_sends_created').on(t.createdAt)],
);

/**
 * One at-once mail about a newly published pitch to one person ("meteen"), written in the same
 * batch as the publication and its mail. The unique index is the claim: one mail per person per
 * pitch, however many of their follows fit it. It also tells the weekly digest that the person
 * had this pitch already. Like a digest row it holds the hash of the mail's unsubscribe link's
 * secret (`<id>.<secret>`), so the link works as long as the row is kept (a year).
 */
export const pitchAlerts = sqliteTable(
  'pitch_alerts',
  {
    /** Random (22 characters, URL-safe): the public half of the unsubscribe token. */
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    pitchId: text('pitch_id')
      .notNull()
      .references(() => pitches.id, { onDelete: 'cascade' }),
    /** SHA-256 of the unsubscribe secret. */
    unsubscribeHash: text('unsubscribe_hash').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('pitch_alerts_user_pitch').on(t.userId, t.pitchId), index('pitch_alerts_pitch').on(t.pitchId), index('pitch_alerts_created').on(t.createdAt)],
);

export type FollowRow = typeof follows.$inferSelect;
export type DigestSendRow = typeof digestSends.$inferSelect;
