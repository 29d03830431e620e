/**
 * Home of the one timer in the process: queued mail goes out when it is due, even when no
 * request comes in. Actions deliver right after they queue mail (src/actions/form-action.ts);
 * this loop catches what waits for a later time — a curator's decision after its undo window,
 * the curators' batched "waiting for you" mail, a shortlist mail that an answer did not replace,
 * a retry after a failure — and what another instance left. See
 * docs/decisions/request-driven-jobs.md.
 *
 * Safe with several instances (delivery claims each message with one UPDATE … RETURNING) and
 * with a graceful stop: each run is background work of the process (src/platform/lifecycle.ts),
 * none starts once the stop has begun, and the timer is unref'd and cleared on shutdown.
 */
import type { Database } from '#db/client.ts';
import { deliverPendingMail } from '#platform/mail/outbox-delivery.ts';
import type { Transport } from '#platform/mail/transport.ts';
import { closeOnShutdown, isStopping, runInBackground } from '#platform/lifecycle.ts';

/** How often the loop looks for due mail: a message waits at most this long after it is due. */
export const MAIL_LOOP_INTERVAL_MS = 20 * 1000;

export interface MailLoopOptions {
  intervalMs?: number;
  /** For tests: a transport and a clock of their own (the defaults are the configured SMTP and Date.now). */
  transport?: Transport;
  clock?: () => number;
}

/**
 * One turn of the loop: sends what is due at `clock()` and returns how many went out. Never
 * throws (a failure is logged; the next turn tries again).
 */
export async function mailLoopTurn(db: Database, options: Omit<MailLoopOptions, 'intervalMs'> = {}): Promise<number> {
  try {
    return await deliverPendingMail(db, options.transport, options.clock);
  } catch (error) {
    console.error('E-mail versturen mislukt:', error);
    return 0;
  }
}

const LOOP = Symbol.for('praktijkplein.mail-loop');
type Holder = typeof globalThis & { [LOOP]?: NodeJS.Timeout };

/**
 * Starts the loop for this process (a second call does nothing) and returns a function that
 * stops it. The timer never keeps the process alive, and stops by itself once shutdown begins.
 */
export function startMailLoop(db: Database, options: MailLoopOptions = {}): () => void {
  const holder = globalThis as Holder;
  if (holder[LOOP]) return () => stopMailLoop();
  const timer = setInterval(() => {
    if (isStopping()) return stopMailLoop();
    runInBackground(() => mailLoopTurn(db, options));
  }, options.intervalMs ?? MAIL_LOOP_INTERVAL_MS);
  timer.unref();
  holder[LOOP] = timer;
  closeOnShutdown(stopMailLoop);
  // Mail that waited while no instance ran (a restart, a deploy) goes now, not a turn later.
  runInBackground(() => mailLoopTurn(db, options));
  return () => stopMailLoop();
}

/** Stops the loop (shutdown, tests). */
export function stopMailLoop(): void {
  const holder = globalThis as Holder;
  if (holder[LOOP]) clearInterval(holder[LOOP]);
  holder[LOOP] = undefined;
}
