/**
 * E-mail goes through the outbox table: a message is written in the same batch as the change
 * that causes it, and delivered afterwards. Nothing is lost when delivery fails; it is retried.
 */
import { and, asc, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { outbox } from '../../db/schema.ts';
import { newId } from '../auth/crypto.ts';
import { transportFromConfig, type Transport } from './transport.ts';

export interface MailMessage {
  to: string;
  subject: string;
  body: string;
  /** The account the mail is about, so export and deletion find mail to earlier addresses too. */
  userId?: string;
  /** Not sent after this time (a link in it has expired). */
  expiresAt?: number;
}

/** The insert statement for a message (run it in the batch of the change it belongs to). */
export function enqueueMail(db: Database, message: MailMessage, now = Date.now()) {
  return db.insert(outbox).values({
    id: newId(),
    userId: message.userId ?? null,
    toAddress: message.to,
    subject: message.subject,
    body: message.body,
    createdAt: now,
    expiresAt: message.expiresAt ?? null,
  });
}

const MAX_ATTEMPTS = 8;

let running: Promise<number> | undefined;

/** Sends what is waiting; one run at a time per process. Returns how many were sent. */
export function deliverPendingMail(db: Database, transport: Transport = transportFromConfig()): Promise<number> {
  running ??= (async () => {
    let sent = 0;
    try {
      const pending = await db
        .select()
        .from(outbox)
        .where(and(isNull(outbox.sentAt), lt(outbox.attempts, MAX_ATTEMPTS)))
        .orderBy(asc(outbox.createdAt))
        .limit(50);
      for (const message of pending) {
        try {
          await transport.send({ to: message.toAddress, subject: message.subject, body: message.body });
          await db.update(outbox).set({ sentAt: Date.now(), attempts: message.attempts + 1, lastError: null }).where(eq(outbox.id, message.id));
          sent++;
        } catch (error) {
          await db
            .update(outbox)
            .set({ attempts: message.attempts + 1, lastError: String((error as Error).message ?? error).slice(0, 500) })
            .where(eq(outbox.id, message.id));
        }
      }
    } finally {
      running = undefined;
    }
    return sent;
  })();
  return running;
}

/** Sent mail holds links; it is kept one day for troubleshooting, then removed. */
export function deleteSentMail(db: Database, now = Date.now()) {
  return db.delete(outbox).where(and(isNotNull(outbox.sentAt), lt(outbox.sentAt, now - 24 * 60 * 60 * 1000)));
}

export function deleteMailTo(db: Database, address: string) {
  return db.delete(outbox).where(sql`lower(${outbox.toAddress}) = ${address.toLowerCase()}`);
}
