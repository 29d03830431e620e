/**
 * Request-driven jobs: retention, follow-up reminders and mail delivery run at most every few minutes, started by
 * whichever request comes in, so they need no timer and no second database client. (Mail also
 * goes right after each action, sendQueuedMail below, and when due by ./mail-loop.ts.)
 * All are safe with several instances: retention only deletes, reminders and delivery claim before they act.
 * They run as background work of the process (src/platform/lifecycle.ts): a graceful shutdown
 * waits for them, and none starts once it has begun (the queue keeps what is left).
 */
import type { Database } from '#db/client.ts';
import { deliverPendingMail } from '#platform/mail/outbox-delivery.ts';
import { runRetention } from './retention.ts';
import { sendFollowUpReminders } from './follow-up-reminders.ts';
import { runSiteDigest } from './site-digest.ts';
import { runInBackground } from '#platform/lifecycle.ts';
import { resumePublishing } from '#features/publishing/publish.ts';

const HOUSEKEEPING_INTERVAL_MS = 5 * 60 * 1000;
let lastHousekeeping = 0;

/**
 * Runs retention, queues due follow-up reminders and the weekly digest
 * (src/features/jobs/digest.ts), then delivers due mail (retries included); fire and forget: never
 * delays or fails the request that triggers it.
 */
export function housekeeping(db: Database, now = Date.now()): void {
  if (now - lastHousekeeping < HOUSEKEEPING_INTERVAL_MS) return;
  lastHousekeeping = now;
  runInBackground(() =>
    runRetention(db, now)
      // A failing reminder run must not hold back the mail that is already queued.
      .then(() => sendFollowUpReminders(db, now).catch((error) => console.error('Vervolgvragen versturen mislukt:', error)))
      .then(() => runSiteDigest(db, now))
      .then(() => deliverPendingMail(db))
      // A publication left by a crashed or stopped instance is built again.
      .then(() => resumePublishing(db))
      .catch((error) => console.error('Onderhoud mislukt:', error)),
  );
}

/** Sends mail that a request just queued, without making the person wait for it. */
export function sendQueuedMail(db: Database): void {
  runInBackground(() => deliverPendingMail(db).catch((error) => console.error('E-mail versturen mislukt:', error)));
}
