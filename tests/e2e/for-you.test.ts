/**
 * Matchmaking from the employer's and the network's side, and the choice per follow: an
 * employer finds "Pitches voor u" on Mijn account with the reasons and goes to "Ik doe mee"
 * without JavaScript; an employer without a profile is told what would help; a municipality gets
 * a sentence; the curator's list of pitches without offers names the employer that allows
 * invitations; a follower chooses "meteen" with the keyboard and without JavaScript, gets the
 * mail when a curator publishes a fitting pitch, and stops those mails with the link in it (its
 * button, and a mail provider's one-click POST from another site). axe
 * (with JavaScript, where it works) finds nothing on each new page and state.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { employerProfiles } from '#db/matchmaking-schema.ts';
import { pitchFacets, pitches } from '#db/marketplace-schema.ts';
import { organisations, outbox } from '#db/schema.ts';
import { baseURL, connectBrowser, hasText, noJsPageFrom, noViolationsAtBothSizes, openPage, visible } from './browser.ts';
import { identity, serverDatabase } from './accounts-support.ts';
import { publishedPitch } from './offers-support.ts';
import { confirmedAccount, signIn } from './session-support.ts';

let browser: Browser;
const stamp = Date.now().toString(36);
const fits = { id: `havenbedrijf-${stamp}`, name: `Havenbedrijf Kade ${stamp}` };
const blank = { id: `kapsalon-${stamp}`, name: `Kapsalon Schaar ${stamp}` };
const anna = identity('voor-u-haven');
const bert = identity('voor-u-kapsalon');
const owner = identity('voor-u-gemeente');
const curator = identity('voor-u-curator');
const reader = identity('voor-u-volger');
const waiting = `Magazijnwerk zonder aanbod ${stamp}`;
let waitingId: string;

beforeAll(async () => {
  browser = await connectBrowser();
  const { db } = await serverDatabase();
  const now = Date.now();
  await db.insert(organisations).values([fits, blank].map((e) => ({ ...e, kind: 'employer' as const, verifiedAt: now, createdAt: now })));
  await confirmedAccount({ name: 'Anna Kade', email: anna.email, organisation: fits.name });
  await confirmedAccount({ name: 'Bert Schaar', email: bert.email, organisation: blank.name });
  await confirmedAccount({ name: 'Olga Gemeente', email: owner.email, organisation: 'Zaanstad' });
  await confirmedAccount({ name: 'Cor Curator', email: curator.email, organisation: 'Utrecht', role: 'curator' });
  await confirmedAccount({ name: 'Vera Volger', email: reader.email, organisation: 'PostNL' });
  await db.insert(employerProfiles).values({ organisationId: fits.id, sectors: ['logistiek'], regions: ['zaanstreek-waterland'], provinces: [], helpKinds: ['werkervaringsplaatsen'], allowsInvitations: true, updatedAt: now });
  // Published three weeks ago, and nobody offered: on the curator's list, and it fits the harbour company.
  waitingId = await publishedPitch(owner.email, waiting);
  await db.update(pitches).set({ publishedAt: now - 21 * 864e5 }).where(eq(pitches.id, waitingId));
  await db.insert(pitchFacets).values([
    { pitchId: waitingId, facet: 'sector', value: 'logistiek' },
    { pitchId: waitingId, facet: 'help-kind', value: 'werkervaringsplaatsen' },
  ]);
});
afterAll(async () => {
  await browser?.close();
});

/** A signed-in page with JavaScript on (axe needs it). */
async function axePage(who: { email: string; ip: string }): Promise<Page> {
  const { page } = await openPage(browser, { ip: who.ip });
  await signIn(page, who.email);
  return page;
}

/** A mail provider's RFC 8058 one-click POST: no cookies, another site's Origin. */
function oneClickPost(url: string): Promise<{ status: number; body: string }> {
  const body = 'List-Unsubscribe=One-Click';
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), origin: 'https://mail.example', 'x-forwarded-for': identity('voor-u-post').ip };
    const sent = httpRequest(url, { method: 'POST', headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

describe('pitches voor u', () => {
  test('met redenen en "Ik doe mee" zonder JavaScript; zonder profiel een tip; een gemeente een zin', { timeout: 90_000 }, async () => {
    const check = await axePage(anna);
    await check.goto('/account/pitches-voor-u/');
    const card = check.locator(`[data-pitch="${waitingId}"]`);
    await hasText(card.getByRole('listitem').first(), /^Uw organisatie werkt in de logistiek/);
    expect(await card.getByText('Uw organisatie werkt in de regio Zaanstreek/Waterland').count()).toBe(1);
    await noViolationsAtBothSizes(check, 'voor-u-lijst');

    const empty = await axePage(bert);
    await empty.goto('/account/pitches-voor-u/');
    await visible(empty.getByRole('link', { name: 'Vul het werkgeversprofiel in' }));
    await noViolationsAtBothSizes(empty, 'voor-u-leeg-profiel');

    const { page } = await noJsPageFrom(browser, anna.ip);
    await signIn(page, anna.email);
    await page.getByRole('link', { name: 'Pitches voor u' }).click();
    // The title is visually hidden in the link's name, for a screen reader's list of links.
    await page.getByRole('link', { name: new RegExp(`^Ik doe mee\\W+${waiting}$`) }).click();
    expect(new URL(page.url()).pathname).toBe(`/pitches/${waitingId}/meedoen/`);

    const municipality = await axePage(owner);
    const answer = await municipality.goto('/account/pitches-voor-u/');
    expect(answer!.status()).toBe(403);
    await visible(municipality.getByText(/Deze pagina is voor werkgevers/));
    await noViolationsAtBothSizes(municipality, 'voor-u-gemeente');
  });

  test('pitches zonder aanbod: de curator ziet de pitch met de werkgever die past; de gemeente niet', { timeout: 60_000 }, async () => {
    const check = await axePage(curator);
    await check.goto('/beheer/');
    await check.getByRole('link', { name: 'Pitches zonder aanbod' }).click();
    const card = check.locator(`[data-pitch="${waitingId}"]`);
    await hasText(card.locator('[data-invitations]'), 'Nog niemand uitgenodigd');
    await visible(card.locator(`[data-employer="${fits.id}"]`));
    await noViolationsAtBothSizes(check, 'voor-u-zonder-aanbod');

    const municipality = await axePage(owner);
    expect((await municipality.goto('/beheer/pitches-zonder-aanbod/'))!.status()).toBe(403);
  });
});

describe('meteen een e-mail', () => {
  test('kiezen met het toetsenbord zonder JavaScript, de mail bij publicatie, afmelden met de link', { timeout: 120_000 }, async () => {
    const { page } = await noJsPageFrom(browser, reader.ip);
    await signIn(page, reader.email);
    await page.goto('/account/volgen/?sector=logistiek');
    await page.getByRole('button', { name: 'Volgen' }).click();
    await page.goto('/account/volgen/');
    const item = page.locator('#volg-sector-logistiek');
    expect(await item.getByLabel('In het wekelijkse overzicht').isChecked()).toBe(true);
    await item.getByLabel('Meteen een e-mail als er een passende pitch wordt gepubliceerd').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Keuze opslaan: Sector logistiek');
    await page.keyboard.press('Enter');
    await hasText(page.getByRole('status'), /meteen een e-mail/);
    expect(await page.locator('#volg-sector-logistiek').getByLabel('Meteen een e-mail als er een passende pitch wordt gepubliceerd').isChecked()).toBe(true);
    const check = await axePage(reader);
    await check.goto('/account/volgen/');
    await noViolationsAtBothSizes(check, 'voor-u-volgen-keuze');

    // A curator publishes a logistics pitch of Zaanstad: the reader gets one mail.
    const { db } = await serverDatabase();
    const title = `Heftruckrijders gezocht ${stamp}`;
    const submitted = await publishedPitch(owner.email, title);
    await db.update(pitches).set({ status: 'submitted', publishedAt: null }).where(eq(pitches.id, submitted));
    await db.insert(pitchFacets).values({ pitchId: submitted, facet: 'sector', value: 'logistiek' });
    const { page: desk } = await noJsPageFrom(browser, curator.ip);
    await signIn(desk, curator.email);
    await desk.goto('/beheer/pitches/');
    await desk.getByRole('button', { name: `Publiceer “${title}”` }).click();
    await desk.waitForURL(/melding=/);
    const mails = await db.select().from(outbox).where(and(eq(outbox.toAddress, reader.email), like(outbox.subject, `Nieuwe pitch: ${title}`)));
    expect(mails).toHaveLength(1);
    const link = new URL(mails[0]!.body.match(/https?:\/\/\S+\/afmelden\/meteen\/\?t=\S+/)![0]);

    const confirm = await axePage(reader);
    await confirm.goto(link.pathname + link.search);
    await noViolationsAtBothSizes(confirm, 'voor-u-meteen-afmelden');
    const { page: plain } = await noJsPageFrom(browser, reader.ip);
    await plain.goto(link.pathname + link.search);
    await plain.getByRole('button', { name: 'Afmelden' }).click();
    await visible(plain.getByRole('heading', { name: 'U bent afgemeld' }));
    // The same link from a mail provider's one-click button: let past the origin check, answered without a redirect.
    const oneClick = await oneClickPost(`${baseURL()}${link.pathname}${link.search}`);
    expect(oneClick.status).toBe(200);
    expect(oneClick.body).toContain('U bent afgemeld');
    await confirm.reload();
    await noViolationsAtBothSizes(confirm, 'voor-u-meteen-al-afgemeld');
    await page.goto('/account/volgen/');
    expect(await page.locator('#volg-sector-logistiek').getByLabel('In het wekelijkse overzicht').isChecked()).toBe(true);
  });
});
