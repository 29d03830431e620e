/**
 * Retention (AVG): what is no longer needed is removed. Stated in the privacy statement:
 * expired sessions; used or expired one-time links; rate-limit counters after a day; sent
 * e-mail after a day; accounts whose address was never confirmed after UNVERIFIED_ACCOUNT_DAYS.
 */
import { and, isNull, lt, notExists, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { organisations, users } from '../../db/schema.ts';
import { deleteSpentTokens } from '../auth/one-time-token.ts';
import { deleteStaleRateLimits } from '../auth/rate-limit.ts';
import { deleteExpiredSessions } from '../auth/session.ts';
import { deleteSentMail } from '../mail/outbox.ts';

export const UNVERIFIED_ACCOUNT_DAYS = 7;

export async function runRetention(db: Database, now = Date.now()): Promise<void> {
  const cutoff = now - UNVERIFIED_ACCOUNT_DAYS * 24 * 60 * 60 * 1000;
  await db.batch([
    deleteExpiredSessions(db, now),
    deleteSpentTokens(db, now),
    deleteStaleRateLimits(db, now),
    deleteSentMail(db, now),
    db.delete(users).where(and(isNull(users.emailVerifiedAt), lt(users.createdAt, cutoff))),
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
  ]);
}
