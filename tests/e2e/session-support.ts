/**
 * Signed in without the login form, for tests where logging in is not what is tested: a session
 * made by the session module itself (src/platform/auth/session.ts) in the server's database,
 * and its cookie given to the browser context (or to an HTTP client). What the form does besides
 * (rate limits, the new-device mail, the redirect) is tested in accounts.test.ts,
 * account-hardening.test.ts and security.test.ts, which keep logging in through the form.
 */
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import type { Database } from '#db/client.ts';
import { users } from '#db/schema.ts';
import { sessionCookieName } from '#platform/auth/cookie.ts';
import { createSession } from '#platform/auth/session.ts';
import { serverDatabase } from './accounts-support.ts';

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
