/**
 * Follow and be told, in a browser against the built server: a
 * visitor follows a municipality from its page (logging in on the way), the settings page lists
 * it, a pitch is followed with its button, and a visitor who follows a pitch comes back to it
 * after logging in and confirming; the unsubscribe link works in a new browser context
 * without a session (GET changes nothing, the button unsubscribes); a mail provider's RFC 8058
 * one-click POST (no cookies, no or a foreign Origin) unsubscribes; axe finds nothing on
 * /account/volgen/ and /afmelden/. The digest itself is made by the real job against the
 * server's database, with the server's own code.
 */
import { request as httpRequest } from 'node:http';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { digestSettings, follows } from '#db/follows-schema.ts';
import { pitches } from '#db/marketplace-schema.ts';
import { outbox, users } from '#db/schema.ts';
import { pitchNewsSource } from '#features/follows/news-sources.ts';
import { sendWeeklyDigests } from '#features/jobs/digest.ts';
import { axeViolations, baseURL, connectBrowser, openPage } from './browser.ts';
import { goodPassword, identity, serverDatabase } from './accounts-support.ts';
import { publishedPitch } from './offers-support.ts';
import { confirmedAccount } from './session-support.ts';

let browser: Browser;
const reader = { ...identity('volger'), name: 'Vera Volger' };
const owner = identity('volg-eigenaar');
let pitchId: string;
let userId: string;

beforeAll(async () => {
  browser = await connectBrowser();
  await confirmedAccount({ name: 'Olga Eigenaar', email: owner.email, organisation: 'Zaanstad' });
  pitchId = await publishedPitch(owner.email, 'Werk in de Poelenbrug voor wie wil volgen');
  await confirmedAccount({ name: reader.name, email: reader.email, organisation: 'PostNL' });
  const { db } = await serverDatabase();
  userId = (await db.select().from(users).where(eq(users.email, reader.email)))[0]!.id;
});
afterAll(async () => {
  await browser?.close();
});

async function pageFor(ip: string, javaScript = true): Promise<Page> {
  return (await openPage(browser, { ip, javaScript })).page;
}

/** A digest for the reader made by the real job, as if a week had passed; returns the unsubscribe URL from its List-Unsubscribe header. */
async function digestLink(): Promise<string> {
  const { db } = await serverDatabase();
  // Each call is a later week, so the job looks at the reader again (the server's own runs are in this week).
  weeks++;
  const now = Date.now() + weeks * 7 * 24 * 60 * 60 * 1000;
  // The reader's follows are older than the news; a new Zaanstad pitch appears just before the run.
  await db.update(follows).set({ createdAt: Date.now() - 60 * 60 * 1000 }).where(eq(follows.userId, userId));
  const fresh = await publishedPitch(owner.email, `Nieuwe Zaanse pitch ${now}`);
  await db.update(pitches).set({ publishedAt: now - 1000 }).where(eq(pitches.id, fresh));
  const digestsToReader = async () => (await db.select().from(outbox).where(eq(outbox.toAddress, reader.email))).filter((m) => m.subject.startsWith('Nieuw bij wat u volgt'));
  const before = (await digestsToReader()).length;
  // One digest for the reader (other files on this server may have followers of their own).
  const result = await sendWeeklyDigests(db, now, { sources: [pitchNewsSource], origin: baseURL() });
  expect(result.sent).toBeGreaterThanOrEqual(1);
  expect((await digestsToReader()).length).toBe(before + 1);
  const mails = await db.select().from(outbox).where(eq(outbox.toAddress, reader.email));
  const digest = mails.filter((m) => m.subject.startsWith('Nieuw bij wat u volgt')).sort((a, b) => b.createdAt - a.createdAt)[0]!;
  expect(digest.body).toContain('Nieuwe Zaanse pitch');
  const header = digest.headers!['List-Unsubscribe']!;
  expect(digest.headers!['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  expect(digest.body).toContain(header.slice(1, -1));
  return header.slice(1, -1);
}
let weeks = 0;

async function digestOn(): Promise<boolean> {
  const { db } = await serverDatabase();
  const [row] = await db.select().from(digestSettings).where(eq(digestSettings.userId, userId));
  return row?.enabled ?? true;
}

/** A POST as a mail provider's server sends it: no cookie, the form body of RFC 8058, and the Origin given (or none). */
function oneClickPost(url: string, origin?: string): Promise<{ status: number; body: string }> {
  const body = 'List-Unsubscribe=One-Click';
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), ...(origin ? { origin } : {}), 'x-forwarded-for': identity('post').ip },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

describe('volgen', () => {
  test('een bezoeker volgt Zaanstad vanaf de gemeentepagina: inloggen, bevestigen, en de instellingen tonen het', async () => {
    const page = await pageFor(reader.ip);
    await page.goto('/organisaties/zaanstad/');
    await page.getByRole('link', { name: 'Volg gemeente Zaanstad' }).click();
    // Not signed in: the login page, which brings the person back to the confirm page.
    await page.waitForURL(/\/account\/inloggen\//);
    await page.getByLabel('E-mailadres').fill(reader.email);
    await page.getByLabel('Wachtwoord').fill(goodPassword);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(/\/account\/volgen\/\?gemeente=zaanstad/);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Gemeente Zaanstad volgen');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Volgen' }).click();
    await page.waitForURL(/\/account\/volgen\/\?melding=gevolgd/);
    await expect.poll(() => page.getByRole('status').innerText()).toContain('U volgt dit nu');
    const list = page.locator('.pp-follow-list');
    expect(await list.innerText()).toContain('Gemeente Zaanstad');
    expect(await axeViolations(page)).toEqual([]);

    // A pitch, with the button on its page.
    await page.goto(`/pitches/${pitchId}/`);
    await page.getByRole('button', { name: 'Volg deze pitch' }).click();
    await page.waitForURL(new RegExp(`/pitches/${pitchId}/\\?melding=gevolgd`));
    expect(await page.locator('#volgen').innerText()).toContain('U volgt deze pitch.');
    await page.goto('/account/volgen/');
    expect(await page.locator('.pp-follow-list').innerText()).toContain('Werk in de Poelenbrug voor wie wil volgen');
    await page.context().close();
  });

  test.each([true, false])('een bezoeker volgt een pitch vanaf de pitch (JavaScript %s): na inloggen en bevestigen terug op de pitch, met de bevestiging', async (javaScriptEnabled) => {
    const title = `Pitch om te volgen na inloggen (${javaScriptEnabled ? 'met' : 'zonder'} JavaScript)`;
    const id = await publishedPitch(owner.email, title);
    const page = await pageFor(reader.ip, javaScriptEnabled);
    await page.goto(`/pitches/${id}/`);
    await page.getByRole('link', { name: 'Volg deze pitch' }).click();
    await page.waitForURL(/\/account\/inloggen\//);
    await page.getByLabel('E-mailadres').fill(reader.email);
    await page.getByLabel('Wachtwoord').fill(goodPassword);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(new RegExp(`/account/volgen/\\?pitch=${id}`));
    await page.getByRole('button', { name: 'Volgen', exact: true }).click();
    await page.waitForURL(new RegExp(`/pitches/${id}/\\?melding=gevolgd#volgen$`));
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(title);
    const box = page.locator('#volgen');
    expect(await box.getByRole('status').innerText()).toContain('U volgt dit nu');
    expect(await box.innerText()).toContain('U volgt deze pitch.');
    if (javaScriptEnabled) expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  test('afmelden via de link zonder sessie: openen verandert niets, de knop meldt af', async () => {
    const link = await digestLink();
    expect(await digestOn()).toBe(true);
    // A new browser context: no session cookie at all.
    const context = await browser.newContext({ locale: 'nl-NL', extraHTTPHeaders: { 'x-forwarded-for': identity('afmelder').ip } });
    expect(await context.cookies()).toEqual([]);
    const page = await context.newPage();
    const opened = await page.goto(link);
    expect(opened!.status()).toBe(200);
    expect(opened!.headers()['referrer-policy']).toBe('strict-origin');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Afmelden voor het weekoverzicht');
    expect(await axeViolations(page)).toEqual([]);
    // Opening (as a mail scanner does) changed nothing.
    expect(await digestOn()).toBe(true);
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.getByRole('heading', { name: 'U bent afgemeld' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await digestOn()).toBe(false);
    // A broken link says so, with a way out.
    const broken = await page.goto(`${baseURL()}/afmelden/?t=kapot`);
    expect(broken!.status()).toBe(400);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Deze afmeldlink werkt niet');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  test('de one-click POST van een mailprovider meldt af: zonder cookies, zonder of met een vreemde Origin', async () => {
    const { db } = await serverDatabase();
    for (const origin of [undefined, 'https://mail.example']) {
      await db.update(digestSettings).set({ enabled: true }).where(eq(digestSettings.userId, userId));
      const link = await digestLink();
      expect(await digestOn()).toBe(true);
      const answer = await oneClickPost(link, origin);
      // RFC 8058: answered, not redirected.
      expect(answer.status).toBe(200);
      expect(answer.body).toContain('U bent afgemeld');
      expect(await digestOn()).toBe(false);
    }
    // Without a valid token the same POST changes nothing.
    await db.update(digestSettings).set({ enabled: true }).where(eq(digestSettings.userId, userId));
    const refused = await oneClickPost(`${baseURL()}/afmelden/?t=AAAAAAAAAAAAAAAAAAAAAA.${'A'.repeat(43)}`);
    expect(refused.status).toBe(400);
    expect(await digestOn()).toBe(true);
    // Every other form POST from another site is still refused (Astro's origin check stays on).
    const elsewhere = await oneClickPost(`${baseURL()}/account/volgen/?_action=follows.digest`, 'https://mail.example');
    expect(elsewhere.status).toBe(403);
  });
});
