/**
 * Praktijkplein's database schema (drizzle-orm 0.45, SQLite dialect; docs/architecture.md).
 * Change it, then `npm run db:generate` writes the migration into db/migrations.
 * Times are Unix milliseconds (integer) so comparisons stay plain arithmetic in SQL.
 */
import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { membershipVerifiers, organisationKinds, roles } from '../src/domain/accounts.ts';
import { curationDecisionKinds, curationSubjectTypes } from '../src/domain/curation-decision.ts';

export { organisationKinds, roles, type OrganisationKind, type Role } from '../src/domain/accounts.ts';

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

/** Municipalities (from the CBS list), employers and partners. */
export const organisations = sqliteTable(
  'organisations',
  {
    /** Same id as the content's organisation id (slug), so pages and data line up. */
    id: text('id').primaryKey(),
    kind: text('kind', { enum: organisationKinds }).notNull(),
    name: text('name').notNull(),
    /** CBS code (GM0479) for municipalities. */
    municipalityCode: text('municipality_code'),
    /** The organisation's own e-mail domain; members with an address there are verified automatically. */
    emailDomain: text('email_domain'),
    /** Employers proposed at registration stay unverified until a curator looks (the organisation exists). */
    verifiedAt: integer('verified_at'),
    createdAt: integer('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('organisations_municipality_code').on(t.municipalityCode), index('organisations_kind_name').on(t.kind, t.name)],
);

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    /** Stored lower-cased; unique. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: roles }).notNull().default('member'),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    emailVerifiedAt: integer('email_verified_at'),
    /** A membership (municipality or employer) counts only once verified: by domain or by a curator. */
    membershipVerifiedAt: integer('membership_verified_at'),
    membershipVerifiedBy: text('membership_verified_by', { enum: membershipVerifiers }),
    createdAt: integer('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('users_email').on(t.email), index('users_organisation').on(t.organisationId)],
);

/** Lucia-style sessions: the cookie holds `<id>.<secret>`, the database only SHA-256(secret). */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    secretHash: text('secret_hash').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lastVerifiedAt: integer('last_verified_at').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

export const tokenPurposes = ['email-verification', 'password-reset', 'email-change'] as const;
export type TokenPurpose = (typeof tokenPurposes)[number];

/** Single-use, short-lived tokens sent by e-mail; bound to one user and one address. */
export const oneTimeTokens = sqliteTable(
  'one_time_tokens',
  {
    id: text('id').primaryKey(),
    secretHash: text('secret_hash').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: tokenPurposes }).notNull(),
    email: text('email').notNull(),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('one_time_tokens_user').on(t.userId, t.purpose)],
);

/** Token buckets for rate limits, shared by every app instance. */
export const rateLimits = sqliteTable('rate_limits', {
  key: text('key').primaryKey(),
  tokens: real('tokens').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const mailStatuses = ['queued', 'sending', 'sent', 'failed'] as const;
export type MailStatus = (typeof mailStatuses)[number];

/**
 * E-mail waiting to be sent (and, briefly, sent mail). A sender claims a row (status
 * 'sending' until claimedUntil) before it sends, so two instances never send the same row.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    /** The account the mail is about, so export and deletion find mail to earlier addresses too. */
    userId: text('user_id'),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: integer('created_at').notNull(),
    status: text('status', { enum: mailStatuses }).notNull().default('queued'),
    /** Not before this time (backoff after a failure). */
    nextAttemptAt: integer('next_attempt_at').notNull().default(0),
    /** A claim by a sender lapses at this time (a sender that died lets another one retry). */
    claimedUntil: integer('claimed_until'),
    /** Mail whose link has expired is pointless: it is not sent after this and is removed. */
    expiresAt: integer('expires_at'),
    sentAt: integer('sent_at'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** Extra mail headers as a JSON object (List-Unsubscribe and List-Unsubscribe-Post on the digest); null: none. */
    headers: text('headers', { mode: 'json' }).$type<Record<string, string>>(),
    /**
     * At most one queued message per key: a later message with the same key joins or replaces
     * the queued one instead of adding a mail (src/platform/mail/outbox.ts). Null: no key.
     */
    groupKey: text('group_key'),
  },
  (t) => [
    index('outbox_due').on(t.status, t.nextAttemptAt),
    index('outbox_user').on(t.userId),
    uniqueIndex('outbox_queued_group').on(t.groupKey).where(sql`status = 'queued'`),
  ],
);

/**
 * Security events (logins, failures, lock-outs, refused actions), so abuse can be seen.
 * Never a password, token or full e-mail address: the address is masked, the IP hashed.
 */
export const securityEvents = sqliteTable(
  'security_events',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** "an***@zaanstad.nl": enough to see a pattern, not enough to identify a stranger. */
    emailHint: text('email_hint'),
    /** Truncated SHA-256 of the client's IP address: repeated sources show, addresses do not. */
    ipHash: text('ip_hash'),
    detail: text('detail'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('security_events_created').on(t.createdAt), index('security_events_user').on(t.userId)],
);

/** Who did what to which record, for moderation and disputes. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    /** Null once the actor's account is deleted. */
    actorUserId: text('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    detail: text('detail'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('audit_log_subject').on(t.subjectType, t.subjectId), index('audit_log_actor').on(t.actorUserId)],
);

/**
 * A curator's confirmation or rejection of someone waiting. It holds the
 * reason the person is told, the e-mails it queued (held back for the undo window, so an undo
 * in time cancels them) and what an undo must restore. A rejection's row is also what keeps
 * the person out of the waiting list; it goes with their account.
 */
export const curationDecisions = sqliteTable(
  'curation_decisions',
  {
    id: text('id').primaryKey(),
    subjectType: text('subject_type', { enum: curationSubjectTypes }).notNull(),
    /** A user id, or an organisation id (a proposed employer). */
    subjectId: text('subject_id').notNull(),
    decision: text('decision', { enum: curationDecisionKinds }).notNull(),
    /** Told to the person in the e-mail; required for a rejection. */
    reason: text('reason'),
    /** Null once the curator's account is deleted. */
    decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: integer('decided_at').notNull(),
    /** The people the decision was about (for an organisation: its proposers), as a JSON array of user ids. */
    userIds: text('user_ids', { mode: 'json' }).$type<string[]>().notNull(),
    /** Outbox ids of the e-mails it queued, as a JSON array: an undo cancels those still queued. */
    mailIds: text('mail_ids', { mode: 'json' }).$type<string[]>().notNull(),
    /** Waiting offers the confirmation passed on to pitch owners: those cannot be called back, so no undo. */
    releasedOffers: integer('released_offers').notNull().default(0),
    undoneAt: integer('undone_at'),
  },
  (t) => [index('curation_decisions_subject').on(t.subjectType, t.subjectId), index('curation_decisions_decided').on(t.decidedAt)],
);

export type OrganisationRow = typeof organisations.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type OutboxRow = typeof outbox.$inferSelect;
export type SecurityEventRow = typeof securityEvents.$inferSelect;
export type CurationDecisionRow = typeof curationDecisions.$inferSelect;

/**
 * A refused form post, kept for the one page load after its redirect (POST/Redirect/GET), so
 * the page shows what was typed and the messages at its own address. Keyed by the SHA-256 of a
 * short-lived cookie's secret; taken (deleted) when shown, expired rows go in retention.
 * See docs/decisions/refused-post-redirect.md.
 */
export const formReplays = sqliteTable('form_replays', {
  id: text('id').primaryKey(),
  /** SHA-256 of the page's path and query (without `_action`) the replay belongs to (a query may hold a one-time token). */
  path: text('path').notNull(),
  actionName: text('action_name').notNull(),
  /** Astro's serialized action result, as JSON. */
  result: text('result').notNull(),
  /** The typed values as JSON pairs [name, value], passwords and tokens left out. */
  formValues: text('form_values').notNull(),
  expiresAt: integer('expires_at').notNull(),
});
