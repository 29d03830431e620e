/** What account tests need besides a browser: the server's outbox, roles, the operator's CLI, unique identities. */
import { spawnSync } from 'node:child_process';
import { desc, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { openDatabase, type DatabaseHandle } from '#db/client.ts';
import { outbox } from '#db/schema.ts';
import { assignRole } from '#features/accounts/roles.ts';
import { sharedServer } from './shared-server.ts';

let handle: Promise<DatabaseHandle> | undefined;
/** A second client on the server's database file (WAL lets it read while the server writes). */
export function serverDatabase(): Promise<DatabaseHandle> {
  handle ??= openDatabase({ url: sharedServer().databaseUrl });
  return handle;
}

/** Waits for the newest e-mail to an address and returns the link in it. */
export async function linkFromMail(address: string, subject: RegExp): Promise<string> {
  const { db } = await serverDatabase();
  for (let i = 0; i < 50; i++) {
    const mails = await db.select().from(outbox).where(eq(outbox.toAddress, address)).orderBy(desc(outbox.createdAt));
    const mail = mails.find((m) => subject.test(m.subject));
    const link = mail?.body.match(/https?:\/\/\S+/)?.[0];
    if (link) return link;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Geen e-mail "${subject}" aan ${address}`);
}

export async function mailsTo(address: string) {
  const { db } = await serverDatabase();
  return db.select().from(outbox).where(eq(outbox.toAddress, address));
}

/**
 * Gives an account a role through the same use case as `npm run user:role` (assignRole), on the
 * server's database; the CLI itself is run once, by `setRoleWithCli` in the account tests.
 */
export async function setRole(email: string, role: 'member' | 'curator' | 'admin'): Promise<void> {
  const { db } = await serverDatabase();
  const result = await assignRole({ db, origin: '', ip: 'cli' }, 'cli', email, role);
  if (!result.ok) throw new Error(`Geen rol gegeven aan ${email}: ${result.reason}`);
}

/**
 * `npm run user:role` against the server's database, as an operator would. Awaiting the promise
 * lets the event loop turn once, so a kept-alive connection the server closed while the script
 * ran (it can take over 5 s on a busy machine) is noticed before the next request instead of
 * failing it with "other side closed".
 */
export function setRoleWithCli(email: string, role: 'member' | 'curator' | 'admin'): Promise<void> {
  const result = spawnSync(process.execPath, ['scripts/user-role.ts', email, role], {
    env: { ...process.env, DATABASE_URL: sharedServer().databaseUrl },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return new Promise((resolve) => setImmediate(resolve));
}

let counter = 0;
/** A fresh address and client IP per test, so rate limits of one test never touch another. */
export function identity(prefix: string) {
  counter++;
  const stamp = `${Date.now().toString(36)}${counter}`;
  // Documentation addresses (RFC 3849): only ever a header value, never a destination.
  // Each identity in its own /64: rate limits count an IPv6 client per /64 network.
  return { email: `${prefix}-${stamp}@voorbeeld.nl`, ip: `2001:db8:${counter.toString(16)}:${Math.floor(Math.random() * 0xffff).toString(16)}::1` };
}

export const goodPassword = 'een lange zin als wachtwoord';

/** Browser steps a person takes, shared by the flow and accessibility tests. */
export async function registerVia(page: Page, who: { name: string; email: string; kind: 'gemeente' | 'werkgever'; organisation?: string; newEmployer?: string }) {
  // Step 1: where the person works (a link, so it works without JavaScript); step 2: that form only.
  await page.goto('/account/registreren/');
  await page.getByRole('link', { name: who.kind === 'gemeente' ? /^Bij een gemeente/ : /^Bij een werkgever/ }).click();
  await page.waitForURL(new RegExp(`soort=${who.kind}`));
  await page.getByLabel('Naam', { exact: true }).fill(who.name);
  await page.getByLabel('E-mailadres').fill(who.email);
  await page.getByLabel('Wachtwoord').fill(goodPassword);
  if (who.kind === 'gemeente') {
    // Typed, as a person does: a municipality's name or a place in it.
    await page.getByLabel('Gemeente', { exact: true }).fill(who.organisation ?? 'Zaanstad');
  } else {
    if (who.newEmployer) await page.getByLabel(/Naam van een nieuwe werkgever/).fill(who.newEmployer);
    else await page.getByLabel('Werkgever', { exact: true }).selectOption({ label: who.organisation ?? 'PostNL' });
  }
  await page.getByRole('button', { name: 'Account aanmaken' }).click();
}

export async function verifyVia(page: Page, email: string) {
  const link = await linkFromMail(email, /Bevestig uw e-mailadres/);
  await page.goto(link);
  await page.getByRole('button', { name: 'Bevestig mijn e-mailadres' }).click();
}

export async function loginVia(page: Page, email: string, password = goodPassword) {
  await page.goto('/account/inloggen/');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

