/**
 * Matchmaking's tables (docs/decisions/matchmaking.md): an employer's own profile with its
 * consent to be invited, the invitations a pitch's owners send, and each recipient's own link
 * in the invitation mail. "Doet mee" is not stored: it is read from the offers.
 * Personal text (a note, a reason) is removed with its writer's account and a year after the
 * invitation (src/features/matchmaking/invitation-records.ts, src/features/jobs/retention.ts).
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { invitationStatuses } from '../src/domain/matchmaking/invitations.ts';
import { pitches } from './marketplace-schema.ts';
import { organisations, users } from './schema.ts';

/** What an employer says of itself, and whether it wants to be invited; one row per employer. */
export const employerProfiles = sqliteTable('employer_profiles', {
  organisationId: text('organisation_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  /** Sector ids (domain/facets.ts), as a JSON array. */
  sectors: text('sectors', { mode: 'json' }).$type<string[]>().notNull(),
  /** Labour-market region ids it works in (content/geo), as a JSON array. */
  regions: text('regions', { mode: 'json' }).$type<string[]>().notNull(),
  /** Province ids it works in, as a JSON array. */
  provinces: text('provinces', { mode: 'json' }).$type<string[]>().notNull(),
  /** Kinds of help it can give (domain/help-kinds.ts), as a JSON array. */
  helpKinds: text('help_kinds', { mode: 'json' }).$type<string[]>().notNull(),
  /** "Wij willen uitgenodigd worden voor pitches die bij ons passen": off until a verified member turns it on. */
  allowsInvitations: integer('allows_invitations', { mode: 'boolean' }).notNull().default(false),
  /** Who saved it last; null once that account is deleted. */
  updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: integer('updated_at').notNull(),
});

/** A pitch owner's invitation to a suggested employer: one per employer per pitch. */
export const pitchInvitations = sqliteTable(
  'pitch_invitations',
  {
    id: text('id').primaryKey(),
    pitchId: text('pitch_id')
      .notNull()
      .references(() => pitches.id, { onDelete: 'cascade' }),
    employerId: text('employer_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** The member of the municipality who invited; null once that account is deleted. */
    invitedBy: text('invited_by').references(() => users.id, { onDelete: 'set null' }),
    /** The personal note in the mail; null when none was written, or once removed. */
    note: text('note'),
    status: text('status', { enum: invitationStatuses }).notNull().default('invited'),
    /** Why the employer declined, if it said so; only the municipality sees it. */
    declineReason: text('decline_reason'),
    /** The member of the employer whose link declined; null once that account is deleted. */
    answeredBy: text('answered_by').references(() => users.id, { onDelete: 'set null' }),
    answeredAt: integer('answered_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('pitch_invitations_one_per_employer').on(t.pitchId, t.employerId),
    index('pitch_invitations_invited_by').on(t.invitedBy),
    index('pitch_invitations_answered_by').on(t.answeredBy),
    index('pitch_invitations_employer').on(t.employerId),
    index('pitch_invitations_created').on(t.createdAt),
  ],
);

/**
 * One recipient's link in an invitation mail: `<id>.<secret>`, of which only the SHA-256 of the
 * secret is stored (as sessions and one-time links are). Personal, so a decline is known to come
 * from that member; it works as long as the row is kept.
 */
export const invitationLinks = sqliteTable(
  'invitation_links',
  {
    id: text('id').primaryKey(),
    secretHash: text('secret_hash').notNull(),
    invitationId: text('invitation_id')
      .notNull()
      .references(() => pitchInvitations.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('invitation_links_invitation').on(t.invitationId), index('invitation_links_user').on(t.userId)],
);

export type EmployerProfileRow = typeof employerProfiles.$inferSelect;
export type PitchInvitationRow = typeof pitchInvitations.$inferSelect;
