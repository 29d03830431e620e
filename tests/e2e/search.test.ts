/** Search through the real UI: the header form on any page, Pagefind in the browser. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Types the term into the header search of a content page and returns the result links. */
async function searchFromHeader(page: Page, term: string, startPath = '/instrumenten/') {
  await page.goto(startPath);
  await page.getByLabel('Zoek in Praktijkplein').fill(term);
  await page.getByRole('search').getByRole('button', { name: 'Zoeken' }).first().click();
  await page.waitForURL(/\/zoeken\/\?q=/);
  await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 15_000 }).toMatch(/resultaat|resultaten|Geen resultaten/);
  return page.locator('[data-search-results] a').evaluateAll((links) => links.map((a) => ({ text: a.textContent ?? '', href: a.getAttribute('href') ?? '' })));
}

describe('zoeken', () => {
  test.each([
    ['pakketsorteer', /postnl-pakketsorteercentra/],
    ['regelluw', /zwolle-regelluw-werken/],
    ['Wajong', /postnl-pakketsorteercentra/],
    ['banenafspraak', /instrumenten\/garantiebanen/],
    ['bijstand', /instrumenten\/basisbaan/],
    ['Participatiewet', /instrumenten\/basisbaan/],
  ])('"%s" vindt %s', async (term, expected) => {
    const { context, page, errors } = await newPage(browser);
    const links = await searchFromHeader(page, term);
    expect(links.map((l) => l.href).join('\n')).toMatch(expected);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('"loonwaarde" vindt het instrument en het praktijkvoorbeeld dat het gebruikt', async () => {
    const { context, page } = await newPage(browser);
    const hrefs = (await searchFromHeader(page, 'loonwaarde', '/')).map((l) => l.href);
    expect(hrefs).toContain('/instrumenten/jobcoaching-loonwaarde/');
    expect(hrefs).toContain('/praktijkvoorbeelden/zwolle-regelluw-werken/');
    await context.close();
  });

  test('een facetfilter beperkt de resultaten tot die soort', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/zoeken/?q=loonwaarde&Soort=Instrument');
    await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 15_000 }).toMatch(/\d+ resulta/);
    const hrefs = await page.locator('[data-search-results] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain('/instrumenten/jobcoaching-loonwaarde/');
    expect(hrefs.every((href) => href?.startsWith('/instrumenten/'))).toBe(true);
    await expect.poll(() => page.getByLabel('Soort pagina').inputValue()).toBe('Instrument');
    await context.close();
  });

  test('resultaten tonen de samenvatting van de pagina, niet de verborgen zoekwoorden', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/zoeken/?q=Wajong');
    await expect.poll(() => page.locator('[data-search-results] li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const text = await page.locator('[data-search-results]').innerText();
    expect(text).toContain('PostNL opende nieuwe pakketsorteercentra');
    expect(text).not.toContain('Wajonger');
    await context.close();
  });

  test('een onzinwoord geeft een duidelijke melding', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/zoeken/?q=qwxzvbnm');
    await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 15_000 }).toMatch(/Geen resultaten voor “qwxzvbnm”/);
    await context.close();
  });
});
