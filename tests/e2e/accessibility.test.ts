/** axe (WCAG 2.0–2.2 A and AA) on every page type, and a keyboard check of the skip link. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, connectBrowser, newPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const pages = [
  ['home', '/'],
  ['lijst praktijkvoorbeelden', '/praktijkvoorbeelden/'],
  ['lijst gefilterd zonder resultaat', '/praktijkvoorbeelden/?sector=ict&doelgroep=ouderen&sector=onbekend'],
  ['praktijkvoorbeeld', '/praktijkvoorbeelden/postnl-pakketsorteercentra/'],
  ['instrumenten', '/instrumenten/'],
  ['instrument', '/instrumenten/basisbaan/'],
  ['organisaties', '/organisaties/'],
  ['organisatie (werkgever)', '/organisaties/postnl/'],
  ['organisatie (gemeente)', '/organisaties/zaanstad/'],
  ['kaart', '/kaart/'],
  ['zoeken met resultaten', '/zoeken/?q=basisbaan'],
  ['over', '/over/'],
  ['open data', '/open-data/'],
  ['api', '/api/'],
  ['404', '/bestaat-niet/'],
] as const;

describe('toegankelijkheid', () => {
  test.each(pages)('%s (%s) heeft geen axe-overtredingen', async (_name, path) => {
    const { context, page, errors } = await newPage(browser);
    await page.goto(path);
    if (path.startsWith('/zoeken')) {
      await expect.poll(() => page.locator('[data-search-results] li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    }
    expect(await axeViolations(page)).toEqual([]);
    // The 404 page's own status shows as a console error in Chromium; nothing else may.
    expect(errors.filter((e) => !(path === '/bestaat-niet/' && e.includes('status of 404')))).toEqual([]);
    await context.close();
  });

  test('de eerste Tab geeft de link naar de inhoud, zichtbaar', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/praktijkvoorbeelden/postnl-pakketsorteercentra/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Naar de inhoud' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect((await skip.boundingBox())?.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    await page.waitForURL(/#inhoud$/);
    await context.close();
  });
});
