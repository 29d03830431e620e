/**
 * Home of the security log: logins, failures, lock-outs, password resets and
 * refused curator actions, so abuse can be seen. Each event is a row in security_events and one
 * JSON line on stdout for a log collector. Never a password, token or full e-mail address: the
 * address is masked ("an***@zaanstad.nl") and the IP kept only as a truncated SHA-256.
 * Rows linked to an account go with it (foreign key, on delete cascade); the rest after
 * SECURITY_EVENT_RETENTION_DAYS (stated on /over/).
 */
import { lt } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { securityEvents } from '#db/schema.ts';
import { newId, sha256Hex } from '#platform/auth/crypto.ts';

export const securityEventKinds = [
  'login.succeeded',
  'login.failed',
  'login.rate-limited',
  'password-reset.requested',
  'password-reset.rate-limited',
  'password-check.failed',
  'curation.refused',
  'role.assigned',
] as const;
export type SecurityEventKind = (typeof securityEventKinds)[number];

/** Kept this long, then removed by retention (the lead wires deleteOldSecurityEvents into jobs/). */
export const SECURITY_EVENT_RETENTION_DAYS = 90;

export interface SecurityEvent {
  kind: SecurityEventKind;
  /** The account concerned, when there is one (never for an unknown address). */
  userId?: string | null;
  /** The address involved; only its masked form is stored. */
  email?: string | null;
  /** The client's IP address; only a truncated hash is stored. */
  ip?: string | null;
  /** Small, non-secret facts (which action was refused, which limit hit). */
  detail?: Record<string, string | number | boolean | null>;
}

/** "anna@zaanstad.nl" → "an***@zaanstad.nl": enough to see a pattern, not to read the address. */
export function maskEmail(email: string): string {
  const value = email.trim().toLowerCase();
  const at = value.lastIndexOf('@');
  if (at < 1) return '***';
  const local = value.slice(0, at);
  const keep = local.length > 2 ? 2 : 1;
  return `${local.slice(0, keep)}***@${value.slice(at + 1).slice(0, 253)}`;
}

/** The first 16 hex characters of SHA-256(ip): repeated sources show, addresses do not. */
export function hashIp(ip: string): string {
  return sha256Hex(ip).slice(0, 16);
}

function rowFor(event: SecurityEvent, now: number): typeof securityEvents.$inferInsert {
  return {
    id: newId(),
    kind: event.kind,
    userId: event.userId ?? null,
    emailHint: event.email ? maskEmail(event.email) : null,
    ipHash: event.ip ? hashIp(event.ip) : null,
    detail: event.detail ? JSON.stringify(event.detail) : null,
    createdAt: now,
  };
}

function print(row: typeof securityEvents.$inferInsert): void {
  console.info(
    JSON.stringify({
      type: 'security-event',
      kind: row.kind,
      at: new Date(row.createdAt).toISOString(),
      userId: row.userId,
      emailHint: row.emailHint,
      ipHash: row.ipHash,
      detail: row.detail ? JSON.parse(row.detail) : null,
    }),
  );
}

/**
 * An event that belongs to a change: put `insert` in the change's batch, call `announce()`
 * after the batch succeeded (so the log line never claims what did not happen).
 */
export function securityEvent(db: Database, event: SecurityEvent, now = Date.now()) {
  const row = rowFor(event, now);
  return { insert: db.insert(securityEvents).values(row), announce: () => print(row) };
}

/** Writes and prints one event on its own. A failure to log never fails the person's request. */
export async function logSecurityEvent(db: Database, event: SecurityEvent, now = Date.now()): Promise<void> {
  const row = rowFor(event, now);
  print(row);
  try {
    await db.insert(securityEvents).values(row);
  } catch (error) {
    console.error('Beveiligingsgebeurtenis niet opgeslagen:', (error as Error).message);
  }
}

/** Retention statement: events older than SECURITY_EVENT_RETENTION_DAYS (run it in a batch). */
export function deleteOldSecurityEvents(db: Database, now = Date.now()) {
  return db.delete(securityEvents).where(lt(securityEvents.createdAt, now - SECURITY_EVENT_RETENTION_DAYS * 24 * 60 * 60 * 1000));
}
