/**
 * Retention (AVG): what is no longer needed is removed. Stated in the privacy statement on
 * /over/: expired sessions; used or expired one-time links; rate-limit counters after a day;
 * sent e-mail after a day; unsent e-mail once its link has expired (failed mail a day later);
 * security events after SECURITY_EVENT_RETENTION_DAYS; accounts whose address was never confirmed after
 * UNVERIFIED_ACCOUNT_DAYS; messages sent through /aandragen/ SUGGESTION_RETENTION_MONTHS after a
 * curator handled them; curators' decisions once they are history (DECISION_RETENTION_MS); a refused
 * form's typed values after FORM_REPLAY_MS (ten minutes); an invitation's note, decline reason and
 * links INVITATION_TEXT_RETENTION_DAYS after it was sent; the record of an at-once mail about a
 * new pitch (with its unsubscribe link) after a year.
 * Run by ./housekeeping.ts.
 */
import { and, isNull, lt, notExists, eq, sql } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { offers } from '#db/marketplace-schema.ts';
import { organisations, users } from '#db/schema.ts';
import { deleteOldSecurityEvents } from '#platform/audit/security-events.ts';
import { deleteSpentTokens } from '#platform/auth/one-time-token.ts';
import { deleteStaleRateLimits } from '#platform/auth/rate-limit.ts';
import { deleteExpiredSessions } from '#platform/auth/session.ts';
import { deleteDeadMail, deleteSentMail } from '#platform/mail/outbox.ts';
import { deleteExpiredFormReplays } from '#platform/form-replay-store.ts';
import { deleteOldDecisions } from '#features/accounts/curation-records.ts';
import { deleteHandledSuggestions } from '#features/suggestions/suggestions.ts';
import { deleteOldInvitationTexts } from '#features/matchmaking/invitation-records.ts';
import { deleteOldPitchAlerts } from '#features/follows/pitch-alerts.ts';

/** An account whose address is not confirmed within this many days is removed. */
export const UNVERIFIED_ACCOUNT_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Removes everything past its retention period, in one batch. */
export async function runRetention(db: Database, now = Date.now()): Promise<void> {
  const cutoff = now - UNVERIFIED_ACCOUNT_DAYS * DAY_MS;
  await db.batch([
    deleteExpiredSessions(db, now),
    deleteSpentTokens(db, now),
    deleteStaleRateLimits(db, now),
    deleteSentMail(db, now),
    deleteDeadMail(db, now),
    deleteOldSecurityEvents(db, now),
    deleteHandledSuggestions(db, now),
    deleteExpiredFormReplays(db, now),
    // Invitation notes, decline reasons and the links in invitation mails, a year on.
    ...deleteOldInvitationTexts(db, now),
    // Records of at-once mails about new pitches (and their unsubscribe links), a year on.
    deleteOldPitchAlerts(db, now),
    db.delete(users).where(and(isNull(users.emailVerifiedAt), lt(users.createdAt, cutoff))),
    // Offers that waited for an account that never came to be (its author is gone) never
    // reached anyone: they go too, so they no longer block the employer's real offer.
    db.delete(offers).where(and(eq(offers.status, 'waiting-for-verification'), isNull(offers.authorId))),
    // Employers proposed by accounts that never came to be.
    db
      .delete(organisations)
      .where(
        and(
          eq(organisations.kind, 'employer'),
          isNull(organisations.verifiedAt),
          lt(organisations.createdAt, cutoff),
          notExists(db.select({ one: sql`1` }).from(users).where(eq(users.organisationId, organisations.id))),
        ),
      ),
    // Last: rejections whose person or employer the statements above removed go with them.
    deleteOldDecisions(db, now),
  ]);
}
