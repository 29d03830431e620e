/**
 * Dates as Dutch people type them, and a refused post that stays at the page's own address:
 * the offer form ("Vanaf wanneer") and the pitch form ("Sluitingsdatum"), with and without
 * JavaScript. A browser without a date picker shows a text field; the test makes the date
 * field one (as such a browser would) and types 31-2 (refused, kept as typed), then "1 maart"
 * while another field is wrong (the date is read, the field keeps it), then 1-3 (accepted).
 * Also: the number field opens the number keypad, the replaced words are gone, axe finds nothing.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { offers } from '#db/marketplace-schema.ts';
import { axeViolations, connectBrowser, hasText, pageFrom, visible } from './browser.ts';
import { identity, serverDatabase } from './accounts-support.ts';
import { confirmedAccount, signIn } from './session-support.ts';
import { publishedPitch } from './offers-support.ts';
import { dayFromNow, fillPitch } from './pitch-support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
/** 2027-03-01 as people type it: "1-3-2027" and "1 maart 2027". */
const typed = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return { numeric: `${d}-${m}-${y}`, named: `${d} ${months[m - 1]} ${y}`, impossible: `31-2-${y}` };
};

/** Turns the date field into a text field, as a browser without a date picker shows it. */
async function asTextField(page: Page, id: string) {
  await page.locator(`#${id}`).evaluate((input) => ((input as HTMLInputElement).type = 'text'));
}

/** Submits and waits for the page load that follows (no `_action` in the address). */
async function submit(page: Page, button: string, path: RegExp) {
  await page.getByRole('button', { name: button }).click();
  await page.waitForURL(path);
  expect(page.url()).not.toContain('_action');
}

describe.each([false, true])('datums zoals mensen ze typen (JavaScript: %s)', (javaScript) => {
  test('Ik doe mee: 31-2 geweigerd en bewaard, "1 maart" gelezen, 1-3 aangenomen; plaatsen met cijfertoetsen', async () => {
    const owner = identity(`datum-eigenaar-${javaScript}`);
    const employer = identity(`datum-werkgever-${javaScript}`);
    await confirmedAccount({ name: 'Wil Wethouder', email: owner.email, organisation: 'Zaanstad' });
    await confirmedAccount({ name: 'Piet Post', email: employer.email, organisation: 'PostNL' });
    const pitchId = await publishedPitch(owner.email);
    const { page } = await pageFrom(browser, employer.ip, javaScript);
    await signIn(page, employer.email);
    const here = new RegExp(`/pitches/${pitchId}/meedoen/$`);
    await page.goto(`/pitches/${pitchId}/meedoen/`);

    const places = page.getByLabel('Aantal plaatsen');
    expect(await places.getAttribute('inputmode')).toBe('numeric');
    expect(await places.getAttribute('pattern')).toBe('[0-9]*');
    expect(await page.locator('#veld-startsOn').getAttribute('type')).toBe('date');

    const day = `${new Date().getFullYear() + 1}-03-01`;
    const words = typed(day);
    await page.getByLabel('Banen').check();
    await places.fill('2');
    await asTextField(page, 'veld-startsOn');
    await page.getByLabel('Vanaf wanneer').fill(words.impossible);
    await submit(page, 'Aanbod versturen', here);
    await hasText(page.locator('#veld-startsOn-fout'), /31 februari \d{4} bestaat niet/);
    expect(await page.getByLabel('Vanaf wanneer').inputValue()).toBe(words.impossible);
    expect(await places.inputValue()).toBe('2');
    expect(await page.getByLabel('Banen').isChecked()).toBe(true);

    await page.getByLabel('Banen').uncheck();
    await page.getByLabel('Vanaf wanneer').fill(words.named);
    await submit(page, 'Aanbod versturen', here);
    await hasText(page.locator('#veld-helpKinds-fout'), /Kies minstens één soort hulp/);
    expect(await page.locator('#veld-startsOn-fout').count()).toBe(0);
    expect(await page.getByLabel('Vanaf wanneer').inputValue()).toBe(words.named);
    if (javaScript) expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Banen').check();
    await page.getByLabel('Vanaf wanneer').fill(words.numeric);
    await submit(page, 'Aanbod versturen', /\/account\/mijn-aanbod\/\?melding=aanbod-verstuurd$/);
    const { db } = await serverDatabase();
    const [offer] = await db.select().from(offers).where(eq(offers.pitchId, pitchId));
    expect(offer?.startsOn).toBe(day);
    await page.close();
  });

  test('Sluitingsdatum: 31-2 geweigerd en bewaard, "1 maart" gelezen, 1-3 aangenomen', async () => {
    const author = identity(`datum-pitch-${javaScript}`);
    await confirmedAccount({ name: 'Wendy Wethouder', email: author.email, organisation: 'Zaanstad' });
    const { page } = await pageFrom(browser, author.ip, javaScript);
    await signIn(page, author.email);
    await page.goto('/pitches/nieuw/');
    const here = /\/pitches\/nieuw\/$/;
    const day = dayFromNow(30);
    const words = typed(day);
    const title = `Datums in Zaandam ${Date.now().toString(36)}`;
    await fillPitch(page, title, day);
    expect(await page.locator('#veld-closingDate').getAttribute('type')).toBe('date');
    expect(await page.getByLabel('Aantal mensen of plaatsen').getAttribute('inputmode')).toBe('numeric');
    await asTextField(page, 'veld-closingDate');
    await page.getByLabel('Sluitingsdatum').fill(words.impossible);
    await submit(page, 'Opslaan en voorbeeld bekijken', here);
    await hasText(page.locator('#veld-closingDate-fout'), /31 februari \d{4} bestaat niet/);
    expect(await page.getByLabel('Sluitingsdatum').inputValue()).toBe(words.impossible);
    expect(await page.getByLabel('Titel').inputValue()).toBe(title);
    expect(await page.getByLabel('Logistiek').isChecked()).toBe(true);

    await page.getByLabel('Titel').fill('');
    await page.getByLabel('Sluitingsdatum').fill(words.named);
    await submit(page, 'Opslaan en voorbeeld bekijken', here);
    await hasText(page.locator('#veld-title-fout'), /Vul de titel in/);
    expect(await page.locator('#veld-closingDate-fout').count()).toBe(0);
    expect(await page.getByLabel('Sluitingsdatum').inputValue()).toBe(words.named);
    if (javaScript) expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Titel').fill(title);
    await page.getByLabel('Sluitingsdatum').fill(words.numeric);
    await page.getByRole('button', { name: 'Opslaan en voorbeeld bekijken' }).click();
    await page.waitForURL(/\/pitches\/[a-z0-9-]+\/voorbeeld\/$/);
    await visible(page.getByRole('heading', { level: 1, name: title }));
    await page.close();
  });
});

describe('woorden', () => {
  test('de vervangen Engelse woorden en "beheerder" staan niet meer op de pagina’s', async () => {
    const owner = identity('woorden-eigenaar');
    await confirmedAccount({ name: 'Wil Wethouder', email: owner.email, organisation: 'Zaanstad' });
    const pitchId = await publishedPitch(owner.email);
    const { page } = await pageFrom(browser, identity('woorden-bezoeker').ip, false);
    const checks: [string, RegExp][] = [
      [`/pitches/${pitchId}/meedoen/`, /beheerder|jjjj-mm-dd|RSS-feed|Sitemap/i],
      ['/pitches/', /RSS-feed|shortlist|gematcht/i],
      ['/activiteiten/', /meet & greet|RSS-feed/i],
    ];
    for (const [path, words] of checks) {
      await page.goto(path);
      // The site's own words (forms, labels, badges, links, footer), not titles people typed:
      // another test file on this server may have named its activity "Meet & greet …".
      const ownWords = await page.locator('form, footer, nav, [class*="badge"], .pp-card dl, .pp-card dt').allInnerTexts();
      expect(ownWords.join('\n'), path).not.toMatch(words);
    }
    await page.close();
  });
});
