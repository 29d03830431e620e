/**
 * Request-driven jobs: retention and mail delivery run at most every few minutes, started by
 * whichever request comes in, so the process needs no timer and no second database client.
 * Both are safe with several instances: retention only deletes, delivery claims before it sends.
 */
import type { Database } from '../../db/client.ts';
import { deliverPendingMail } from './outbox-delivery.ts';
import { runRetention } from './retention.ts';

const HOUSEKEEPING_INTERVAL_MS = 5 * 60 * 1000;
let lastHousekeeping = 0;

/** Runs retention, then delivers due mail (retries included); fire and forget: never delays or fails the request that triggers it. */
export function housekeeping(db: Database, now = Date.now()): void {
  if (now - lastHousekeeping < HOUSEKEEPING_INTERVAL_MS) return;
  lastHousekeeping = now;
  runRetention(db, now)
    .then(() => deliverPendingMail(db))
    .catch((error) => console.error('Onderhoud mislukt:', error));
}

/** Sends mail that a request just queued, without making the person wait for it. */
export function sendQueuedMail(db: Database): void {
  deliverPendingMail(db).catch((error) => console.error('E-mail versturen mislukt:', error));
}
