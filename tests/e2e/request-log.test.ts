/**
 * The request log: after a whole account flow (register, confirm the address
 * from the mail, log in, log out, reset the password from its mail, log in again, log out) every
 * line the server wrote to stdout is JSON, each request has its line with id, method, path,
 * status and duration, and nowhere in stdout or stderr is the password, a token from a mail, a
 * session cookie or the e-mail address. The server is a test's own, sending its mail through
 * real SMTP to a local server (as in production): the console transport, which prints links,
 * does not run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedMail } from 'mailparser';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../integration/mail/smtp-sink.ts';
import { goodPassword, loginVia, registerVia } from './accounts-support.ts';
import { hasText, connectBrowser } from './browser.ts';
import { startServer, type OwnServer } from './own-server.ts';

let dir: string;
let sink: SmtpSink;
let server: OwnServer;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'praktijkplein-log-'));
  sink = await startSmtpSink();
  server = await startServer(`file:${join(dir, 'app.db')}`, { SMTP_URL: sink.url });
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
  server?.kill();
  await sink?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The link in a mail, as a path on the test's server (links point at SITE_URL). */
function linkIn(mail: ParsedMail): { path: string; token: string } {
  const link = new URL(mail.text!.match(/https?:\/\/\S+/)![0]);
  return { path: `${link.pathname}${link.search}`, token: link.searchParams.get('token')! };
}

async function sessionCookie(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.httpOnly && c.value.length > 20);
  expect(cookie, 'ingelogd: er is een sessiecookie').toBeTruthy();
  return cookie!.value;
}

describe('het verzoekenlog', () => {
  test('een volledige accountstroom: elke regel JSON met id, methode, pad, status en duur; geen wachtwoord, token, cookie of e-mailadres', async () => {
    const email = `lotte.logboek-${Date.now().toString(36)}@voorbeeld.nl`;
    const newPassword = 'een ander lang wachtwoord voor het log';
    const context = await browser.newContext({ baseURL: server.baseURL, locale: 'nl-NL', javaScriptEnabled: false });
    const page = await context.newPage();

    await registerVia(page, { name: 'Lotte Logboek', email, kind: 'werkgever', organisation: 'PostNL' });
    const confirm = linkIn(await sink.waitFor(/Bevestig uw e-mailadres/, email));
    await page.goto(confirm.path);
    await page.getByRole('button', { name: 'Bevestig mijn e-mailadres' }).click();
    await hasText(page.getByRole('status'), 'Uw e-mailadres is bevestigd.');

    await loginVia(page, email);
    await page.waitForURL(/\/account\/$/);
    const firstSession = await sessionCookie(context);
    await page.getByRole('button', { name: 'Uitloggen', exact: true }).click();
    await hasText(page.getByRole('status'), 'U bent uitgelogd.');

    await page.goto('/account/wachtwoord-vergeten/');
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByRole('button', { name: 'Stuur mij een link' }).click();
    const reset = linkIn(await sink.waitFor(/Nieuw wachtwoord/, email));
    await page.goto(reset.path);
    await page.getByLabel('Nieuw wachtwoord').fill(newPassword);
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await hasText(page.getByRole('status'), /nieuwe wachtwoord is ingesteld/);

    await loginVia(page, email, newPassword);
    await page.waitForURL(/\/account\/$/);
    const secondSession = await sessionCookie(context);
    await page.getByRole('button', { name: 'Uitloggen', exact: true }).click();
    await hasText(page.getByRole('status'), 'U bent uitgelogd.');
    await context.close();

    // A request id from a proxy is repeated when it is a plain token, replaced otherwise.
    const kept = await fetch(`${server.baseURL}/over/`, { headers: { 'x-request-id': 'proxy-7f3a.42' } });
    expect(kept.headers.get('x-request-id')).toBe('proxy-7f3a.42');
    const replaced = await fetch(`${server.baseURL}/over/`, { headers: { 'x-request-id': `${email} <script>` } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    // An address typed into a path or a query is not logged either.
    await fetch(`${server.baseURL}/zoeken/?q=${encodeURIComponent(email)}&sector=zorg`);
    await fetch(`${server.baseURL}/organisaties/${encodeURIComponent(email)}/`);

    // Stop the server so that everything it wrote is in.
    server.process.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const stdout = server.stdout();
    const everything = `${stdout}\n${server.stderr()}`;

    const lines = stdout.trim().split('\n');
    const parsed = lines.map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`Geen JSON in het log: ${line}`);
      }
    });
    const requests = parsed.filter((line) => line.type === 'request');
    expect(requests.length).toBeGreaterThan(15);
    for (const line of requests) {
      expect(line).toEqual(
        expect.objectContaining({ time: expect.any(String), id: expect.any(String), method: expect.any(String), path: expect.stringMatching(/^\//), status: expect.any(Number), ms: expect.any(Number) }),
      );
    }
    const paths = requests.map((line) => line.path);
    expect(paths).toContain('/account/wachtwoord-herstellen/?token=');
    expect(paths).toContain('/zoeken/?q=&sector=');
    expect(paths).toContain('/organisaties/[e-mail]/');
    expect(requests.some((line) => line.id === 'proxy-7f3a.42' && line.path === '/over/')).toBe(true);

    const secrets = {
      'het e-mailadres': email,
      'het e-mailadres (gecodeerd)': encodeURIComponent(email),
      'het wachtwoord': goodPassword,
      'het nieuwe wachtwoord': newPassword,
      'het token uit de bevestigingsmail': confirm.token,
      'het token uit de herstelmail': reset.token,
      'de eerste sessiecookie': firstSession,
      'de tweede sessiecookie': secondSession,
    };
    for (const [what, secret] of Object.entries(secrets)) {
      expect(secret.length, what).toBeGreaterThan(10);
      expect(everything.includes(secret), `${what} staat in het log`).toBe(false);
    }
    // The session secret alone (after the id and the dot) is not there either.
    for (const session of [firstSession, secondSession]) expect(everything.includes(session.split('.').pop()!)).toBe(false);
  });
});
