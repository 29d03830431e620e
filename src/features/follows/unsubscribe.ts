/**
 * Unsubscribing from the weekly digest without signing in. Each digest
 * carries its own link `/afmelden/?t=<id>.<secret>`: the id is the digest's row, the secret
 * 256 random bits of which only the SHA-256 is stored (like sessions and one-time tokens).
 * Why not an HMAC-signed link: that needs a server secret that every instance shares and that
 * can never change without breaking old links; a stored hash needs nothing new, and ends with
 * the row. The link is specific to one person, works for a year (the row's retention, longer
 * than any mail sits unread) and may be used again: unsubscribing twice is still unsubscribed.
 * Opening the link (GET) only shows a button; the POST (the button, or a mail provider's
 * RFC 8058 one-click POST) switches the digest off. Follows stay, so switching it on again on
 * /account/volgen/ brings the same news back.
 *
 * The at-once mail about a new pitch ("meteen", pitch-alerts.ts) carries a link of the same
 * kind, `/afmelden/meteen/?t=<id>.<secret>`, whose id is its pitch_alerts row: its POST sets
 * every follow of that person that was "meteen" back to the weekly digest (the default), so no
 * more at-once mail comes and the follows stay.
 */
import { and, count, eq } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { digestSends, digestSettings, follows, pitchAlerts } from '#db/follows-schema.ts';
import { users } from '#db/schema.ts';
import { audit } from '#platform/audit/audit-log.ts';
import { constantTimeEqualHex, parseSplitToken, sha256Hex } from '#platform/auth/crypto.ts';

export type UnsubscribeCheck = { ok: true; userId: string; email: string; enabled: boolean } | { ok: false; reason: 'invalid' };

/** Checks a link's token without using it: whose digest it is and whether it is still on. */
export async function checkUnsubscribeToken(db: Database, token: string | null | undefined): Promise<UnsubscribeCheck> {
  const parsed = parseSplitToken(token);
  if (!parsed) return { ok: false, reason: 'invalid' };
  const [row] = await db
    .select({ hash: digestSends.unsubscribeHash, userId: digestSends.userId, email: users.email, enabled: digestSettings.enabled })
    .from(digestSends)
    .innerJoin(users, eq(users.id, digestSends.userId))
    .leftJoin(digestSettings, eq(digestSettings.userId, digestSends.userId))
    .where(eq(digestSends.id, parsed.id))
    .limit(1);
  if (!row?.hash || !constantTimeEqualHex(sha256Hex(parsed.secret), row.hash)) return { ok: false, reason: 'invalid' };
  return { ok: true, userId: row.userId, email: row.email, enabled: row.enabled ?? true };
}

export type UnsubscribeResult = { ok: true; email: string } | { ok: false; reason: 'invalid' };

/** Switches the digest off for the link's owner (again: no change). */
export async function unsubscribeDigest(db: Database, token: string | null | undefined, now = Date.now()): Promise<UnsubscribeResult> {
  const check = await checkUnsubscribeToken(db, token);
  if (!check.ok) return check;
  if (check.enabled) {
    await db.batch([
      db
        .insert(digestSettings)
        .values({ userId: check.userId, enabled: false, changedAt: now })
        .onConflictDoUpdate({ target: digestSettings.userId, set: { enabled: false, changedAt: now } }),
      audit(db, { actorUserId: check.userId, action: 'digest.unsubscribed', subjectType: 'user', subjectId: check.userId }, now),
    ]);
  }
  return { ok: true, email: check.email };
}

export type PitchAlertLinkCheck = { ok: true; userId: string; email: string; immediate: number } | { ok: false; reason: 'invalid' };

/** Checks an at-once mail's link without using it: whose it is, and how many follows are still "meteen". */
export async function checkPitchAlertToken(db: Database, token: string | null | undefined): Promise<PitchAlertLinkCheck> {
  const parsed = parseSplitToken(token);
  if (!parsed) return { ok: false, reason: 'invalid' };
  const [row] = await db
    .select({ hash: pitchAlerts.unsubscribeHash, userId: pitchAlerts.userId, email: users.email })
    .from(pitchAlerts)
    .innerJoin(users, eq(users.id, pitchAlerts.userId))
    .where(eq(pitchAlerts.id, parsed.id))
    .limit(1);
  if (!row || !constantTimeEqualHex(sha256Hex(parsed.secret), row.hash)) return { ok: false, reason: 'invalid' };
  const [immediate] = await db
    .select({ n: count() })
    .from(follows)
    .where(and(eq(follows.userId, row.userId), eq(follows.delivery, 'immediate')));
  return { ok: true, userId: row.userId, email: row.email, immediate: immediate?.n ?? 0 };
}

/** Stops the at-once mails of the link's owner: their "meteen" follows go back to the weekly digest (again: no change). */
export async function stopPitchAlerts(db: Database, token: string | null | undefined, now = Date.now()): Promise<UnsubscribeResult> {
  const check = await checkPitchAlertToken(db, token);
  if (!check.ok) return check;
  if (check.immediate > 0) {
    await db.batch([
      db
        .update(follows)
        .set({ delivery: 'weekly' })
        .where(and(eq(follows.userId, check.userId), eq(follows.delivery, 'immediate'))),
      audit(db, { actorUserId: check.userId, action: 'follows.immediate-stopped', subjectType: 'user', subjectId: check.userId, detail: { follows: check.immediate } }, now),
    ]);
  }
  return { ok: true, email: check.email };
}
