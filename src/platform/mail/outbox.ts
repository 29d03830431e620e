/**
 * E-mail goes through the outbox table: a message is written in the same batch as the change
 * that causes it, and delivered afterwards by ./outbox-delivery.ts (after the action, and when
 * due by src/features/jobs/mail-loop.ts). This module owns
 * what goes in and the queries about mail (export, deletion, retention); the delivery job
 * owns the states a message moves through (queued → sending → sent, or failed when expired).
 */
import { and, asc, eq, inArray, isNotNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { outbox } from '#db/schema.ts';
import { newId } from '#platform/auth/crypto.ts';

export interface MailMessage {
  to: string;
  subject: string;
  body: string;
  /** The account the mail is about, so export and deletion also find mail to earlier addresses. */
  userId?: string | null;
  /** When the link in it stops working: after this the mail is not sent and retention removes it. */
  expiresAt?: number;
  /** Not sent before this time: mail about a decision that can still be undone waits until then. */
  notBefore?: number;
  /** A chosen id, so the change that queued it can cancel it later (an undo). */
  id?: string;
  /** Extra headers the transport adds (List-Unsubscribe on the weekly digest). */
  headers?: Record<string, string>;
  /**
   * One event, one mail: while a message with this key is still queued (not yet claimed for
   * sending), this one replaces it — subject, body and when it goes — instead of adding a second
   * mail. An owner's answers to one offer share a key, so "shortlisted" followed by "accepted"
   * within the wait is one mail saying "accepted".
   */
  replaces?: string;
}

const row = (message: MailMessage, now: number) => ({
  id: message.id ?? newId(),
  userId: message.userId ?? null,
  toAddress: message.to,
  subject: message.subject,
  body: message.body,
  createdAt: now,
  status: 'queued' as const,
  nextAttemptAt: message.notBefore ?? now,
  expiresAt: message.expiresAt ?? null,
  headers: message.headers ?? null,
  groupKey: message.replaces ?? null,
});

/** The one queued message per key (the partial unique index outbox_queued_group). */
const queuedGroup = { target: outbox.groupKey, targetWhere: sql`status = 'queued'` };

/** The insert statement for a message (run it in the batch of the change it belongs to). */
export function enqueueMail(db: Database, message: MailMessage, now = Date.now()) {
  const insert = db.insert(outbox).values(row(message, now));
  if (!message.replaces) return insert;
  return insert.onConflictDoUpdate({
    ...queuedGroup,
    set: {
      userId: sql`excluded.user_id`,
      subject: sql`excluded.subject`,
      body: sql`excluded.body`,
      nextAttemptAt: sql`excluded.next_attempt_at`,
      expiresAt: sql`excluded.expires_at`,
      headers: sql`excluded.headers`,
    },
  });
}

/**
 * A message that collects lines while it waits (the curators' "waiting for you" mail): the
 * first one is queued as given (`message.body` ends with `tail`); while it is still queued,
 * a later one with the same key adds its `line` just before `tail` and keeps the time the
 * first one set, so many events in that time make one mail. A line already in the body is not
 * added twice. One statement: two requests at the same moment both land in the one mail.
 */
export function enqueueJoinedMail(db: Database, message: MailMessage & { replaces: string }, join: { line: string; tail: string }, now = Date.now()) {
  if (!message.body.endsWith(join.tail)) throw new Error('enqueueJoinedMail: de tekst eindigt niet op de vaste slottekst');
  return db
    .insert(outbox)
    .values(row(message, now))
    .onConflictDoUpdate({
      ...queuedGroup,
      set: {
        body: sql`case when instr(${outbox.body}, ${join.line}) > 0 then ${outbox.body}
          else substr(${outbox.body}, 1, length(${outbox.body}) - length(${join.tail})) || ${join.line} || ${join.tail} end`,
      },
    });
}

/**
 * The same insert, run only when `condition` (an SQL boolean) holds when the statement runs: a
 * claim won earlier in the same batch (the weekly digest), so the claim and the mail happen
 * together or not at all, and a run that lost the claim queues nothing.
 */
export function enqueueMailIf(db: Database, message: MailMessage, condition: SQL, now = Date.now()) {
  return db.run(sql`insert into ${outbox} (id, user_id, to_address, subject, body, created_at, status, next_attempt_at, expires_at, headers)
    select ${message.id ?? newId()}, ${message.userId ?? null}, ${message.to}, ${message.subject}, ${message.body}, ${now}, 'queued',
      ${message.notBefore ?? now}, ${message.expiresAt ?? null}, ${message.headers ? JSON.stringify(message.headers) : null}
    where ${condition}`);
}

/** Whose mail: an account id and/or addresses (matched without regard to case). */
export interface MailOwner {
  userId?: string | null;
  addresses?: readonly string[];
}

function ownedBy({ userId, addresses = [] }: MailOwner): SQL {
  const lowered = [...new Set(addresses.map((address) => address.toLowerCase()))];
  const conditions: SQL[] = [];
  if (userId) conditions.push(eq(outbox.userId, userId));
  if (lowered.length > 0) conditions.push(inArray(sql`lower(${outbox.toAddress})`, lowered));
  // No owner given matches nothing, never everything.
  return conditions.length > 0 ? or(...conditions)! : sql`0`;
}

/** Statement that removes every message about the account or to any of the addresses (for deletion, in its batch). */
export function deleteMailFor(db: Database, owner: MailOwner) {
  return db.delete(outbox).where(ownedBy(owner));
}

/** Every stored message about the account or to any of the addresses, oldest first (for the data export). */
export function mailFor(db: Database, owner: MailOwner) {
  return db.select().from(outbox).where(ownedBy(owner)).orderBy(asc(outbox.createdAt));
}

/** Statement that removes mail to one address (kept for older callers; prefer deleteMailFor). */
export function deleteMailTo(db: Database, address: string) {
  return deleteMailFor(db, { addresses: [address] });
}

/** Sent mail and failed mail are kept this long for troubleshooting, then removed. */
export const KEEP_FINISHED_MAIL_MS = 24 * 60 * 60 * 1000;

/** Statement that removes mail sent more than a day ago (it holds links and personal data). */
export function deleteSentMail(db: Database, now = Date.now()) {
  return db.delete(outbox).where(and(eq(outbox.status, 'sent'), isNotNull(outbox.sentAt), lt(outbox.sentAt, now - KEEP_FINISHED_MAIL_MS)));
}

/**
 * Statement that removes mail that will never go out: failed mail a day after its link expired
 * (mail only fails by expiring), and unsent mail whose link has expired, at once — a dead link
 * is of no use to anyone, and the message still holds a name and an address.
 */
export function deleteDeadMail(db: Database, now = Date.now()) {
  return db.delete(outbox).where(
    or(
      and(eq(outbox.status, 'failed'), lt(sql`coalesce(${outbox.expiresAt}, ${outbox.createdAt})`, now - KEEP_FINISHED_MAIL_MS)),
      and(eq(outbox.status, 'queued'), isNotNull(outbox.expiresAt), lte(outbox.expiresAt, now)),
      // A message in 'sending' is only touched once its sender's lease has lapsed.
      and(eq(outbox.status, 'sending'), isNotNull(outbox.expiresAt), lte(outbox.expiresAt, now), lt(sql`coalesce(${outbox.claimedUntil}, 0)`, now)),
    ),
  );
}
