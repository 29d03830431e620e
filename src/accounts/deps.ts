/** What the account flows need from the outside world, so tests can pass their own. */
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { organisations, users } from '../../db/schema.ts';

export interface Deps {
  db: Database;
  /** The site's origin, for links in e-mail (e.g. https://praktijkplein.nl). */
  origin: string;
  /** The client's IP address, for per-IP rate limits. */
  ip: string;
  now?: number;
  /** Hashes a new password (argon2id by default); tests pass a counting one to show both paths do the same work. */
  hashPassword?: (password: string) => Promise<string>;
}

export const clock = (deps: Deps) => deps.now ?? Date.now();

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}

/** Words of the person that must not be the password (name parts, e-mail local part). */
export function personalWords(name: string, email: string): string[] {
  return [...name.split(/\s+/), email.split('@')[0] ?? ''];
}

/** A unique-constraint failure from SQLite/libSQL (e.g. the e-mail was taken meanwhile). */
export function isUniqueViolation(error: unknown): boolean {
  const text = String((error as { message?: string })?.message ?? error) + String((error as { cause?: unknown })?.cause ?? '');
  return /UNIQUE constraint failed/i.test(text);
}

/** A user with their organisation, or undefined. */
export async function findUserWithOrganisation(db: Database, userId: string) {
  const [row] = await db
    .select({ user: users, organisation: organisations })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, userId))
    .limit(1);
  return row;
}
