/**
 * From pitch to story, on the built server: a curator sees "Maak er een
 * praktijkvoorbeeld van" on a closed, matched pitch and downloads the draft MDX (or opens it as an
 * editor draft); the pitch's own
 * municipality, a visitor and a pitch without a match are refused; the pages with the new links
 * have no axe violations.
 */
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { offers, pitches } from '#db/marketplace-schema.ts';
import { newId } from '#platform/auth/crypto.ts';
import { axeViolations, baseURL, connectBrowser } from './browser.ts';
import { serverDatabase } from './accounts-support.ts';
import { publishedPitch } from './offers-support.ts';
import { signedInPage } from './session-support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(() => browser.close());

/** A published pitch of this author, closed with this outcome, and PostNL's accepted, named offer. */
async function closedPitch(authorEmail: string, title: string, outcome: 'matched' | 'not-matched') {
  const id = await publishedPitch(authorEmail, title);
  const { db } = await serverDatabase();
  const now = Date.now();
  await db.update(pitches).set({ status: 'closed', outcome, peoplePlaced: outcome === 'matched' ? 2 : 0, closedAt: now }).where(eq(pitches.id, id));
  if (outcome === 'matched') {
    await db.insert(offers).values({ id: newId(), pitchId: id, employerId: 'postnl', helpKinds: ['banen'], status: 'accepted', showName: true, createdAt: now, updatedAt: now });
  }
  return id;
}

/** A signed-in person (JavaScript on, for axe) of Zaanstad, made a curator when asked. */
async function signedIn(prefix: string, curator: boolean) {
  const { context, page, email, ip } = await signedInPage(browser, prefix, { name: `Sanne ${prefix}`, organisation: 'Zaanstad', role: curator ? 'curator' : 'member', javaScript: true });
  return { who: { email, ip }, context, page };
}

describe('van pitch naar praktijkvoorbeeld', () => {
  test('een curator downloadt het concept van een gesloten pitch met een match; de pagina\'s hebben geen axe-fouten', async () => {
    const author = await signedIn('verhaal-gemeente', false);
    const title = `Poelenbrug verhaal ${Date.now().toString(36)}`;
    const id = await closedPitch(author.who.email, title, 'matched');
    const { context, page } = await signedIn('verhaal-curator', true);

    await page.goto(`/pitches/${id}/`);
    expect(await axeViolations(page)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Maak er een praktijkvoorbeeld van' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^zaanstad-poelenbrug-verhaal-[a-z0-9]+\.mdx$/);
    const mdx = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    expect(mdx).toMatch(/^municipalities: \[zaanstad\]$/m);
    expect(mdx).toMatch(/^employers: \[postnl\]$/m);
    // The link to the pitch comes from SITE_URL (config), like links in e-mail.
    expect(mdx).toMatch(new RegExp(`\\]\\(http://[^)\\s]+/pitches/${id}/\\)`));

    const response = await context.request.get(`/beheer/pitches/${id}/verhaal.mdx`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('text/markdown; charset=utf-8');
    expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="zaanstad-poelenbrug-verhaal-[a-z0-9]+\.mdx"$/);

    await page.goto('/beheer/pitches/');
    await expect.poll(() => page.getByRole('link', { name: `Maak van “${title}” een praktijkvoorbeeld` }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    // Or straight into the editor: a draft made from the same file, its form filled in.
    // (The title is hidden text in the button; the browser may put a space before it.)
    await page.getByRole('button', { name: new RegExp(`^Open als concept in de editor\\s*: ${title}$`) }).click();
    await page.waitForURL(/\/beheer\/inhoud\/concept\/[^/]+\/$/);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain(title);
    expect(await page.getByLabel('Titel', { exact: true }).inputValue()).toContain(title);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();

    // The municipality that wrote it sees no such link and is refused with a Dutch message.
    await author.page.goto(`/pitches/${id}/`);
    expect(await author.page.getByRole('link', { name: 'Maak er een praktijkvoorbeeld van' }).count()).toBe(0);
    const refused = await author.context.request.get(`/beheer/pitches/${id}/verhaal.mdx`);
    expect(refused.status()).toBe(403);
    expect(await refused.text()).toContain('Alleen curatoren en beheerders');
    await author.context.close();

    // A visitor is sent to log in, and gets no file.
    const visitor = await fetch(`${baseURL()}/beheer/pitches/${id}/verhaal.mdx`, { redirect: 'manual' });
    expect(visitor.status).toBe(303);
    expect(visitor.headers.get('location')).toMatch(/^\/account\/inloggen\/\?terug=/);
  });

  test('een pitch zonder match of een onbekende pitch geeft geen concept, met een Nederlandse melding', async () => {
    const author = await signedIn('verhaal-geen-match', false);
    const none = await closedPitch(author.who.email, 'Niemand bood zich aan', 'not-matched');
    await author.context.close();
    const { context, page } = await signedIn('verhaal-curator-2', true);
    await page.goto(`/pitches/${none}/`);
    expect(await page.getByRole('link', { name: 'Maak er een praktijkvoorbeeld van' }).count()).toBe(0);
    const refused = await context.request.get(`/beheer/pitches/${none}/verhaal.mdx`);
    expect(refused.status()).toBe(409);
    expect(await refused.text()).toContain('gesloten met de uitkomst niet gelukt');
    expect((await context.request.get('/beheer/pitches/bestaat-niet/verhaal.mdx')).status()).toBe(404);
    await context.close();
  });
});
