/**
 * Request-driven jobs: retention and mail delivery run at most every few minutes, started by
 * whichever request comes in, so the process needs no timer and no second database client.
 * Both are safe with several instances: retention only deletes, delivery claims before it sends.
 * Both run as background work of the process (src/server/lifecycle.ts): a graceful shutdown
 * waits for them, and none starts once it has begun (the queue keeps what is left).
 */
import type { Database } from '../../db/client.ts';
import { deliverPendingMail } from './outbox-delivery.ts';
import { runRetention } from './retention.ts';
import { runSiteDigest } from './site-digest.ts';
import { runInBackground } from '../server/lifecycle.ts';

const HOUSEKEEPING_INTERVAL_MS = 5 * 60 * 1000;
let lastHousekeeping = 0;

/** Runs retention and the weekly digest (src/jobs/digest.ts), then delivers due mail (retries included); fire and forget: never delays or fails the request that triggers it. */
export function housekeeping(db: Database, now = Date.now()): void {
  if (now - lastHousekeeping < HOUSEKEEPING_INTERVAL_MS) return;
  lastHousekeeping = now;
  runInBackground(() =>
    runRetention(db, now)
      .then(() => runSiteDigest(db, now))
      .then(() => deliverPendingMail(db))
      .catch((error) => console.error('Onderhoud mislukt:', error)),
  );
}

/** Sends mail that a request just queued, without making the person wait for it. */
export function sendQueuedMail(db: Database): void {
  runInBackground(() => deliverPendingMail(db).catch((error) => console.error('E-mail versturen mislukt:', error)));
}
