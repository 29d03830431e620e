/**
 * Rate limits as token buckets in the database, so every app instance sees the same counts.
 * One UPSERT statement refills and takes a token atomically; no transaction is held open.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { sha256Hex } from './crypto.ts';

export interface BucketRule {
  /** Tokens when full: the burst allowed. */
  capacity: number;
  /** One token comes back every this many milliseconds. */
  refillMs: number;
}

const minute = 60_000;
/** Rules per kind of action; "per account" keys use a hash of the e-mail, existing or not. */
export const limits = {
  loginAccount: { capacity: 5, refillMs: minute },
  loginIp: { capacity: 30, refillMs: 6_000 },
  registerIp: { capacity: 5, refillMs: 10 * minute },
  mailAddress: { capacity: 3, refillMs: 10 * minute },
  mailIp: { capacity: 10, refillMs: minute },
  passwordCheckAccount: { capacity: 5, refillMs: minute },
} satisfies Record<string, BucketRule>;

export type LimitName = keyof typeof limits;

export interface LimitResult {
  allowed: boolean;
  /** When a token is back, if not allowed. */
  retryAfterMs: number;
}

/** Builds the key: the subject (e-mail or IP) is hashed, so the table holds no personal data. */
export function limitKey(name: LimitName, subject: string): string {
  return `${name}:${sha256Hex(subject.toLowerCase())}`;
}

export async function consume(db: Database, name: LimitName, subject: string, now = Date.now()): Promise<LimitResult> {
  const { capacity, refillMs } = limits[name];
  const key = limitKey(name, subject);
  const refilled = sql`min(${capacity}, rate_limits.tokens + (${now} - rate_limits.updated_at) * 1.0 / ${refillMs})`;
  const rows = await db.all<{ tokens: number }>(sql`
    insert into rate_limits (key, tokens, updated_at) values (${key}, ${capacity - 1}, ${now})
    on conflict (key) do update set tokens = ${refilled} - 1, updated_at = ${now}
    where ${refilled} >= 1
    returning tokens`);
  if (rows.length > 0) return { allowed: true, retryAfterMs: 0 };
  const [row] = await db.all<{ tokens: number; updated_at: number }>(sql`select tokens, updated_at from rate_limits where key = ${key}`);
  const current = row ? Math.min(capacity, row.tokens + (now - row.updated_at) / refillMs) : 0;
  return { allowed: false, retryAfterMs: Math.max(1000, Math.ceil((1 - current) * refillMs)) };
}

/**
 * Gives a token back (capped at capacity): a successful login should not count against the
 * person, so someone signing in on a few devices is never locked out; failures still do.
 */
export async function refund(db: Database, name: LimitName, subject: string): Promise<void> {
  const { capacity } = limits[name];
  await db.run(sql`update rate_limits set tokens = min(${capacity}, tokens + 1) where key = ${limitKey(name, subject)}`);
}

/** Takes from every bucket named; refused when any is empty. */
export async function consumeAll(db: Database, checks: [LimitName, string][], now = Date.now()): Promise<LimitResult> {
  let result: LimitResult = { allowed: true, retryAfterMs: 0 };
  for (const [name, subject] of checks) {
    const one = await consume(db, name, subject, now);
    if (!one.allowed) result = { allowed: false, retryAfterMs: Math.max(result.retryAfterMs, one.retryAfterMs) };
  }
  return result;
}

/** Dutch: "over 3 minuten" / "over 40 seconden". */
export function retryAfterText(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 90) return `over ${seconds} seconden`;
  return `over ${Math.ceil(seconds / 60)} minuten`;
}

/** Full buckets untouched for a day carry no information; retention removes them. */
export function deleteStaleRateLimits(db: Database, now = Date.now()) {
  return db.run(sql`delete from rate_limits where updated_at < ${now - 24 * 60 * minute}`);
}
