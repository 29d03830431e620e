/**
 * Signed in without the login form, for tests where logging in is not what is tested: a session
 * made by the session module itself (src/platform/auth/session.ts) in the server's database,
 * and its cookie given to the browser context (or to an HTTP client). What the form does besides
 * (rate limits, the new-device mail, the redirect) is tested in accounts.test.ts,
 * account-hardening.test.ts and security.test.ts, which keep logging in through the form.
 */
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Database } from '#db/client.ts';
import { organisations, users } from '#db/schema.ts';
import { sessionCookieName } from '#platform/auth/cookie.ts';
import { newId } from '#platform/auth/crypto.ts';
import { hashPassword } from '#platform/auth/password.ts';
import { createSession } from '#platform/auth/session.ts';
import { goodPassword, identity, serverDatabase } from './accounts-support.ts';
import { openPage, type PageOptions } from './browser.ts';

/** The e2e servers run outside production: the cookie without the __Host- prefix. */
export const sessionCookie = sessionCookieName(false);

/** A new session for the account with this e-mail address; returns the cookie's value. */
export async function sessionToken(db: Database, email: string): Promise<string> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!user) throw new Error(`Geen account ${email}`);
  return (await createSession(db, user.id)).token;
}

/**
 * Signs the page's context in as this person and opens Mijn account (where the login form would
 * have brought them). `db`: the database of the page's server; the shared e2e server's by default.
 */
export async function signIn(page: Page, email: string, db?: Database): Promise<void> {
  const token = await sessionToken(db ?? (await serverDatabase()).db, email);
  // Every test server listens on 127.0.0.1, and cookies do not look at the port.
  await page.context().addCookies([{ name: sessionCookie, value: token, domain: '127.0.0.1', path: '/', httpOnly: true, sameSite: 'Lax' }]);
  await page.goto('/account/');
}

let passwordHash: Promise<string> | undefined;

/**
 * A confirmed account (e-mail and membership confirmed) of the organisation with this name,
 * written into the server's database as registration and curation would leave it, for tests
 * where registering is not what is tested (accounts.test.ts and others register through the
 * site). The password is `goodPassword`, hashed once per test file.
 */
export async function confirmedAccount(who: { name: string; email: string; organisation: string; role?: 'member' | 'curator' }): Promise<{ id: string; organisationId: string }> {
  const { db } = await serverDatabase();
  const [organisation] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, who.organisation));
  if (!organisation) throw new Error(`Geen organisatie ${who.organisation}`);
  passwordHash ??= hashPassword(goodPassword);
  const now = Date.now();
  const id = newId();
  await db.insert(users).values({
    id,
    email: who.email,
    name: who.name,
    passwordHash: await passwordHash,
    organisationId: organisation.id,
    role: who.role ?? 'member',
    emailVerifiedAt: now,
    membershipVerifiedAt: now,
    membershipVerifiedBy: 'curator',
    createdAt: now,
  });
  return { id, organisationId: organisation.id };
}

/**
 * A confirmed person of an organisation (PostNL unless named), signed in on a page of their own
 * from their own client address, for tests about what signed-in people do. `role: 'curator'`
 * makes them a curator. Scripts off unless asked, as on a slow phone.
 */
export async function signedInPage(
  browser: Browser,
  prefix: string,
  who: { name: string; organisation?: string; role?: 'member' | 'curator' } & Pick<PageOptions, 'javaScript' | 'viewport'>,
): Promise<{ page: Page; context: BrowserContext; email: string; ip: string }> {
  const { email, ip } = identity(prefix);
  await confirmedAccount({ name: who.name, email, organisation: who.organisation ?? 'PostNL', role: who.role });
  const { context, page } = await openPage(browser, { javaScript: who.javaScript ?? false, ip, viewport: who.viewport });
  await signIn(page, email);
  return { page, context, email, ip };
}
