/**
 * Single-use tokens for e-mail links (verification, password reset, e-mail change): stored
 * as SHA-256 of the secret, bound to one user and one address, short-lived, used once.
 */
import { and, eq, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { oneTimeTokens, type TokenPurpose } from '#db/schema.ts';
import { constantTimeEqualHex, createSplitToken, parseSplitToken, sha256Hex } from './crypto.ts';

/** What a one-time token is for (e-mail verification, password reset, …). */
export type { TokenPurpose };

export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  'email-verification': 48 * 60 * 60 * 1000,
  'password-reset': 30 * 60 * 1000,
  'email-change': 24 * 60 * 60 * 1000,
};

/** A new token and the insert statement for it (to run in the same batch as the mail). */
export function newOneTimeToken(db: Database, input: { userId: string; purpose: TokenPurpose; email: string }, now = Date.now()) {
  const { id, secret, token } = createSplitToken();
  const expiresAt = now + TOKEN_LIFETIME_MS[input.purpose];
  const insert = db.insert(oneTimeTokens).values({
    id,
    secretHash: sha256Hex(secret),
    userId: input.userId,
    purpose: input.purpose,
    email: input.email,
    expiresAt,
    createdAt: now,
  });
  // The mail carrying the link expires with it (the outbox does not send a dead link).
  return { token, insert, expiresAt };
}

export type TokenCheck =
  | { ok: true; id: string; userId: string; email: string }
  | { ok: false; reason: 'invalid' | 'expired' | 'used' };

/** Checks a token without using it (to show the confirmation form). */
export async function checkOneTimeToken(db: Database, token: string | null | undefined, purpose: TokenPurpose, now = Date.now()): Promise<TokenCheck> {
  const parsed = parseSplitToken(token);
  if (!parsed) return { ok: false, reason: 'invalid' };
  const [row] = await db.select().from(oneTimeTokens).where(and(eq(oneTimeTokens.id, parsed.id), eq(oneTimeTokens.purpose, purpose))).limit(1);
  if (!row || !constantTimeEqualHex(sha256Hex(parsed.secret), row.secretHash)) return { ok: false, reason: 'invalid' };
  if (row.usedAt !== null) return { ok: false, reason: 'used' };
  if (row.expiresAt <= now) return { ok: false, reason: 'expired' };
  return { ok: true, id: row.id, userId: row.userId, email: row.email };
}

/**
 * SQL condition "this token is still unused". Statements guarded by it, followed by
 * claimToken in the same batch, apply once: a second use of the link finds the token spent.
 */
export function tokenStillOpen(id: string): SQL {
  return sql`exists (select 1 from ${oneTimeTokens} where ${oneTimeTokens.id} = ${id} and ${oneTimeTokens.usedAt} is null)`;
}

/** Marks the token used; returns the row only for the one caller that won. */
export function claimToken(db: Database, id: string, now = Date.now()) {
  return db
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(and(eq(oneTimeTokens.id, id), isNull(oneTimeTokens.usedAt)))
    .returning({ id: oneTimeTokens.id });
}

/** Earlier unused tokens of the same purpose stop working when a new one is sent. */
export function retireTokens(db: Database, userId: string, purpose: TokenPurpose, now = Date.now()) {
  return db
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(and(eq(oneTimeTokens.userId, userId), eq(oneTimeTokens.purpose, purpose), isNull(oneTimeTokens.usedAt)));
}

export function deleteSpentTokens(db: Database, now = Date.now()) {
  return db.delete(oneTimeTokens).where(or(isNotNull(oneTimeTokens.usedAt), lt(oneTimeTokens.expiresAt, now)));
}
