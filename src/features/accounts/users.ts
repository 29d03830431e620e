/**
 * Home of reading users: every lookup of a person by address, id or role goes through here, so
 * normalising the address and choosing what to load (never the password hash unless a
 * password is being checked) happens once. Writes stay in the use cases, inside their batches.
 */
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { organisations, users, type UserRow } from '#db/schema.ts';
import { userViewColumns, type UserView } from '#platform/auth/session.ts';

/** Addresses are stored trimmed and lower-cased; every comparison uses the same form. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The part after the @: an organisation's own domain is compared against it. */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}

/** Words of the person that must not be the password (name parts, e-mail local part). */
export function personalWords(name: string, email: string): string[] {
  return [...name.split(/\s+/), email.split('@')[0] ?? ''];
}

/** The account with this address (any capitalisation), without its password hash. */
export async function findUserByEmail(db: Database, email: string): Promise<UserView | undefined> {
  const [row] = await db.select(userViewColumns).from(users).where(eq(users.email, normaliseEmail(email))).limit(1);
  return row;
}

/** The account with this id, without its password hash. */
export async function findUserById(db: Database, userId: string): Promise<UserView | undefined> {
  const [row] = await db.select(userViewColumns).from(users).where(eq(users.id, userId)).limit(1);
  return row;
}

/** For logging in by address: the account with its password hash, and nothing else needs it. */
export async function findUserForLogin(db: Database, email: string): Promise<Pick<UserRow, 'id' | 'email' | 'passwordHash'> | undefined> {
  const [row] = await db
    .select({ id: users.id, email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .limit(1);
  return row;
}

/** The stored password hash, read at the moment a password is checked. */
export async function passwordHashOf(db: Database, userId: string): Promise<string | undefined> {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.passwordHash;
}

/** A user (without the hash) with their organisation, or undefined. */
export async function findUserWithOrganisation(db: Database, userId: string) {
  const [row] = await db
    .select({ user: userViewColumns, organisation: organisations })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, userId))
    .limit(1);
  return row;
}

/** A curator or admin with a confirmed address: who moderates, reviews and hears of new submissions. */
export interface Curator {
  id: string;
  name: string;
  email: string;
}

/**
 * The curators and admins whose address is confirmed (mail never goes to an address nobody
 * confirmed), oldest account first. The one query by role: tests/unit/architecture.test.ts
 * fails on a second one.
 */
export async function moderatorAddresses(db: Database): Promise<Curator[]> {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(inArray(users.role, ['curator', 'admin']), isNotNull(users.emailVerifiedAt)))
    .orderBy(asc(users.createdAt));
}
