/**
 * Outbox delivery: sends queued mail so that each message goes out once, however many app
 * instances share the database.
 *
 * A message moves queued → sending → sent. A sender first claims rows in one UPDATE … RETURNING
 * (never a read followed by a send), which sets them to 'sending' with a lease; a second instance
 * running the same statement at the same moment finds them no longer due. A failed send puts the
 * message back to 'queued' with exponential backoff (1 minute, doubling, at most an hour): mail is
 * never abandoned after some number of tries — without SMTP in production it waits until SMTP_URL
 * is set. A sender that dies mid-send leaves its rows in 'sending'; once the lease lapses another
 * sender takes them over. Mail whose link has expired is marked 'failed' ('verlopen') instead of
 * sent; retention (./retention.ts) removes it.
 */
import { and, asc, eq, gt, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { outbox, type OutboxRow } from '#db/schema.ts';
import { SEND_TIMEOUT_MS, transportFromConfig, type Transport } from './transport.ts';

/** How long a claim holds: another sender takes a message over only after this. */
export const LEASE_MS = 2 * 60 * 1000;
/**
 * A claimed message is not sent in the last part of its lease (it is released instead): a send
 * is aborted after SEND_TIMEOUT_MS, so one started before this margin ends inside the lease
 * and no other sender can take the message over while it may still go out.
 */
const LEASE_MARGIN_MS = SEND_TIMEOUT_MS + 10 * 1000;
/** Wait after the first failure; doubles with each further failure, up to MAX_RETRY_MS. */
export const FIRST_RETRY_MS = 60 * 1000;
export const MAX_RETRY_MS = 60 * 60 * 1000;
/** Claimed per statement: small, so a slow transport never sits on many leases at once. */
const CLAIM_BATCH = 10;
/** Upper bound per run, so one run never holds the process for long. */
const MAX_PER_RUN = 200;

/** How long to wait before the next try of a message that has failed `attempts` times. */
export function retryDelay(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

/** Queued and due, or claimed by a sender whose lease has lapsed. */
function due(now: number) {
  return or(
    and(eq(outbox.status, 'queued'), lte(outbox.nextAttemptAt, now)),
    and(eq(outbox.status, 'sending'), lt(sql`coalesce(${outbox.claimedUntil}, 0)`, now)),
  );
}

/** Its link (if any) still works. */
function live(now: number) {
  return or(isNull(outbox.expiresAt), gt(outbox.expiresAt, now));
}

/** Statement that marks unsent mail whose link expired as failed ('verlopen'), keeping the earlier error. */
export function expireMail(db: Database, now: number) {
  return db
    .update(outbox)
    .set({ status: 'failed', claimedUntil: null, lastError: sql`'verlopen' || coalesce(' (laatste fout: ' || ${outbox.lastError} || ')', '')` })
    .where(
      and(
        or(eq(outbox.status, 'queued'), and(eq(outbox.status, 'sending'), lt(sql`coalesce(${outbox.claimedUntil}, 0)`, now))),
        lte(outbox.expiresAt, now),
      ),
    );
}

/**
 * Claims up to `limit` due messages in one statement and returns them. SQLite (and a libSQL
 * server) runs one statement under the write lock, so the inner SELECT and the UPDATE see the
 * same rows: two senders never claim the same message.
 */
export function claimMail(db: Database, now: number, limit = CLAIM_BATCH): Promise<OutboxRow[]> {
  const dueIds = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(due(now), live(now)))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.createdAt))
    .limit(limit);
  return db
    .update(outbox)
    .set({ status: 'sending', claimedUntil: now + LEASE_MS, attempts: sql`${outbox.attempts} + 1` })
    .where(and(inArray(outbox.id, dueIds), due(now), live(now)))
    .returning();
}

/** An error as one short line for `last_error`, with any credentials in a URL masked. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (
    text
      .replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/@]*@/gi, '$1***@')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 300) || 'onbekende fout'
  );
}

/** Still ours: claimed by this sender with this lease, not taken over since. */
function ours(message: OutboxRow) {
  return and(eq(outbox.id, message.id), eq(outbox.status, 'sending'), eq(outbox.claimedUntil, message.claimedUntil!));
}

/*
 * A message put back in the queue loses its key (groupKey): meanwhile a newer message with the
 * same key may have been queued, and there is room for one queued message per key. The two then
 * go out separately, which only happens after a failed send.
 */
async function sendClaimed(db: Database, transport: Transport, message: OutboxRow, clock: () => number): Promise<boolean> {
  if (clock() > message.claimedUntil! - LEASE_MARGIN_MS) {
    // Too late in the lease: another sender may take it over any moment. Give it back untried.
    await db
      .update(outbox)
      .set({ status: 'queued', claimedUntil: null, attempts: sql`${outbox.attempts} - 1`, groupKey: null })
      .where(ours(message));
    return false;
  }
  try {
    await transport.send({ to: message.toAddress, subject: message.subject, body: message.body, headers: message.headers });
  } catch (error) {
    await db
      .update(outbox)
      .set({ status: 'queued', claimedUntil: null, nextAttemptAt: clock() + retryDelay(message.attempts), lastError: describeError(error), groupKey: null })
      .where(ours(message));
    return false;
  }
  // Sent is sent, even if the lease lapsed meanwhile: record it so nobody else sends it again.
  await db.update(outbox).set({ status: 'sent', sentAt: clock(), claimedUntil: null, lastError: null }).where(eq(outbox.id, message.id));
  return true;
}

async function deliverOnce(db: Database, transport: Transport, clock: () => number): Promise<number> {
  await expireMail(db, clock());
  let sent = 0;
  let handled = 0;
  while (handled < MAX_PER_RUN) {
    const claimed = await claimMail(db, clock());
    if (claimed.length === 0) break;
    for (const message of claimed) {
      if (await sendClaimed(db, transport, message, clock)) sent++;
      handled++;
    }
  }
  return sent;
}

interface Run {
  promise: Promise<number>;
  /** Someone asked for delivery during this run: look once more before stopping. */
  again: boolean;
}

/**
 * One run at a time per database client (the app has one client per process). server.mjs runs
 * the delivery loop from source while requests use the app's bundled copy of this module, so
 * the runs live on globalThis, where both copies find them.
 */
const RUNS = Symbol.for('praktijkplein.mail-delivery-runs');
const runs: WeakMap<Database, Run> = ((globalThis as typeof globalThis & { [RUNS]?: WeakMap<Database, Run> })[RUNS] ??= new WeakMap());

/**
 * Sends what is due and returns how many were sent. A call during a run joins it (and makes it
 * look for new mail once more before it ends). `clock` is for tests that move time forward.
 */
export function deliverPendingMail(db: Database, transport: Transport = transportFromConfig(), clock: () => number = Date.now): Promise<number> {
  const current = runs.get(db);
  if (current) {
    current.again = true;
    return current.promise;
  }
  const run: Run = { promise: Promise.resolve(0), again: false };
  run.promise = (async () => {
    let sent = 0;
    try {
      do {
        run.again = false;
        sent += await deliverOnce(db, transport, clock);
      } while (run.again);
    } finally {
      runs.delete(db);
    }
    return sent;
  })();
  runs.set(db, run);
  return run.promise;
}
