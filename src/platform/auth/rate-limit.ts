/**
 * Rate limits as token buckets in the database, so every app instance sees the same counts.
 * One UPSERT statement refills and takes a token atomically; no transaction is held open.
 *
 * No stranger can lock an account out, yet guessing stays bounded:
 * - per account AND source network together (5 tries, then 1 a minute): a guesser elsewhere
 *   never empties the owner's bucket;
 * - per source network over all accounts (30, then 10 a minute);
 * - per account over all sources (30, then 1 every 2 minutes), against guessing from many
 *   networks. A browser where the owner logged in before (a known-device cookie, see
 *   auth/known-device.ts) passes this one, so a distributed attack cannot lock out the owner's
 *   own devices; on a new device a successful e-mail link (password reset, address
 *   confirmation) clears the account's buckets (clearAccountLimits).
 * A source network is an IPv4 address or an IPv6 /64 (one household or server gets a whole /64,
 * so counting single IPv6 addresses would give an attacker billions of buckets).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { sha256Hex } from './crypto.ts';

export interface BucketRule {
  /** Tokens when full: the burst allowed. */
  capacity: number;
  /** One token comes back every this many milliseconds. */
  refillMs: number;
}

const minute = 60_000;
/**
 * Rules per kind of action. "Account" subjects are the e-mail address typed (existing or not);
 * `…AccountIp` buckets take [address, ip] and count per account per source.
 */
export const limits = {
  /** Password guesses at one account from one source network: 5, then 1 a minute. */
  loginAccountIp: { capacity: 5, refillMs: minute },
  /** Password guesses at one account from anywhere, unless from a known device: 30, then 1 every 2 minutes. */
  loginAccount: { capacity: 30, refillMs: 2 * minute },
  /** Every login and password check from one IP, whatever the account: 30, then 10 a minute. */
  loginIp: { capacity: 30, refillMs: 6_000 },
  /** New accounts from one source network: 5, then 1 every 10 minutes. */
  registerIp: { capacity: 5, refillMs: 10 * minute },
  /**
   * New accounts from one source network through a running live session's pass, per session
   * ([session, ip]): a whole room behind the venue's Wi-Fi registers in minutes (300, then 2 a
   * minute), and only while a curator runs the session (docs/decisions/live-session-codes.md).
   */
  registerLiveSessionIp: { capacity: 300, refillMs: 30_000 },
  /** Short live codes that match no open session, per source network: 30, then 1 every 10 s, so codes cannot be tried in bulk. */
  liveCodeMissIp: { capacity: 30, refillMs: 10_000 },
  /**
   * Notices to an address that nobody there asked for ("someone tried to register with your
   * address", "there is no account with this address"), from any source: 3, then 1 every 8
   * hours. Beyond it the notice is skipped silently, so the site cannot flood a mailbox; no
   * owner is locked out by that, since no link depends on a notice.
   */
  noticeAddress: { capacity: 3, refillMs: 8 * 60 * minute },
  /** Mail to one address asked from one IP: 3, then 1 every 10 minutes (about 6 an hour). */
  mailAddressIp: { capacity: 3, refillMs: 10 * minute },
  /** Mail asked from one IP, whatever the address: 10, then 1 a minute. */
  mailIp: { capacity: 10, refillMs: minute },
  /** Current-password checks on profile actions, per account per IP (the loginIp limit applies too). */
  passwordCheckAccountIp: { capacity: 5, refillMs: minute },
  /** New pitches (drafts) per account: 10, then 1 every 10 minutes; edits are not counted. */
  pitchCreateAccount: { capacity: 10, refillMs: 10 * minute },
  /** New offers ("Ik doe mee") by one account: 10, then 1 every 6 minutes (no one answers ten pitches a minute). */
  offerCreateAccount: { capacity: 10, refillMs: 6 * minute },
  /** Messages through /aandragen/ from one source network: 5, then 1 every 12 minutes (each mails the network's mailbox). */
  suggestionIp: { capacity: 5, refillMs: 12 * minute },
  /** Publications (reverts included) by one curator: 10, then 1 every 6 minutes (about 10 an hour); each is a full rebuild. */
  publishAccount: { capacity: 10, refillMs: 6 * minute },
  /** New activities for the calendar by one account: 10, then 1 every 10 minutes. */
  activityCreateAccount: { capacity: 10, refillMs: 10 * minute },
  /**
   * Requests to the open-data API from one source network: 120 at once, then 2 a second. A
   * harvester walking every dataset in pages of 200 stays under it; a loop that asks the same
   * page again and again does not (docs/decisions/open-data-api.md).
   */
  openDataIp: { capacity: 120, refillMs: 500 },
  /**
   * Whole-list downloads (/open-data/<name>.csv and .json) from one source network: 30 at once,
   * then 1 every 10 seconds. Every file is made from all matching rows, so a loop of downloads
   * costs far more than a loop of API pages; a researcher taking every list in both formats
   * (fourteen files) stays well under it.
   */
  openDataDownloadIp: { capacity: 30, refillMs: 10_000 },
  /**
   * Invitations to employers sent by one account (each mails up to five people who did not ask
   * for this one): 15, then 1 every 5 minutes. Enough to invite a pitch's suggestions in one sitting.
   */
  invitationAccount: { capacity: 15, refillMs: 5 * minute },
} satisfies Record<string, BucketRule>;

export type LimitName = keyof typeof limits;

/** An address or IP, or [address, ip] for the per-account-and-source buckets. */
export type LimitSubject = string | readonly [string, string];

/** Buckets that guard one account (cleared when the owner proves their mailbox). */
const accountBuckets = ['loginAccount', 'loginAccountIp', 'passwordCheckAccountIp'] as const satisfies readonly LimitName[];

export interface LimitResult {
  allowed: boolean;
  /** When a token is back, if not allowed. */
  retryAfterMs: number;
}

/**
 * Builds the key: each part of the subject is hashed, so the table holds no address in the
 * clear. A pair keeps the account's hash first, so all of one account's buckets share a prefix.
 */
export function limitKey(name: LimitName, subject: LimitSubject): string {
  const parts = typeof subject === 'string' ? [subject] : [...subject];
  // Buckets named …Ip take the client address last: it counts as its network.
  if (name.endsWith('Ip')) parts[parts.length - 1] = sourceNetwork(parts[parts.length - 1]!);
  return `${name}:${parts.map((part) => sha256Hex(part.toLowerCase())).join(':')}`;
}

/**
 * The network a client address counts as: an IPv4 address itself (also when written as
 * IPv4-mapped IPv6), an IPv6 address's /64 prefix. Anything else (a test name, "cli") as is.
 */
export function sourceNetwork(ip: string): string {
  const address = ip.trim().toLowerCase().replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const mapped = address.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.split('::');
  const headParts = head ? head.split(':') : [];
  const tailParts = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...headParts, ...Array(Math.max(0, 8 - headParts.length - tailParts.length)).fill('0'), ...tailParts] : headParts;
  return `${groups.slice(0, 4).map((group) => (parseInt(group, 16) || 0).toString(16)).join(':')}::/64`;
}

export async function consume(db: Database, name: LimitName, subject: LimitSubject, now = Date.now()): Promise<LimitResult> {
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
export async function refund(db: Database, name: LimitName, subject: LimitSubject): Promise<void> {
  const { capacity } = limits[name];
  await db.run(sql`update rate_limits set tokens = min(${capacity}, tokens + 1) where key = ${limitKey(name, subject)}`);
}

/** Takes from every bucket named; refused when any is empty. */
export async function consumeAll(db: Database, checks: [LimitName, LimitSubject][], now = Date.now()): Promise<LimitResult> {
  let result: LimitResult = { allowed: true, retryAfterMs: 0 };
  for (const [name, subject] of checks) {
    const one = await consume(db, name, subject, now);
    if (!one.allowed) result = { allowed: false, retryAfterMs: Math.max(result.retryAfterMs, one.retryAfterMs) };
  }
  return result;
}

/**
 * Forgets every per-account bucket of an address, from every source: a successful e-mail link
 * proves the mailbox, so whoever was locked out (the owner behind a busy NAT) gets in again.
 */
export function clearAccountLimits(db: Database, email: string) {
  const account = sha256Hex(email.toLowerCase());
  // Per-account buckets are `name:account`; per account and network `name:account:network`.
  const conditions = accountBuckets.flatMap((name) => [sql`key = ${`${name}:${account}`}`, sql`key like ${`${name}:${account}:%`}`]);
  return db.run(sql`delete from rate_limits where ${sql.join(conditions, sql` or `)}`);
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
