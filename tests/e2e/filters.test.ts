/**
 * Facet filters on the case list, without JavaScript (plain form) and with it (in place); on a
 * phone behind one "Filteren (n)" control with removable chips.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, baseURL, hasText, connectBrowser, newPage, visible, openPage } from './browser.ts';
import { parseCsv } from '#platform/csv.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const resultLinks = (page: Page) =>
  page.locator('#filter-results article h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));

describe('filters op de lijst met praktijkvoorbeelden', () => {
  test('zonder JavaScript: aanvinken en toepassen, met aantallen per keuze', async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto('/praktijkvoorbeelden/');
    const all = await resultLinks(page);
    expect(all.length).toBeGreaterThanOrEqual(7);
    // The count beside a choice says how many cases it gives.
    await page.locator('summary', { hasText: 'Sector' }).click();
    await visible(page.getByText(/Logistiek \(1\)/));
    await page.getByLabel(/Logistiek/).check();
    await page.getByRole('button', { name: 'Toon resultaten' }).click();
    await page.waitForURL(/sector=logistiek/);
    expect(await resultLinks(page)).toEqual(['/praktijkvoorbeelden/postnl-pakketsorteercentra/']);
    await hasText(page.locator('[data-result-count]'), 'Gevonden: 1 praktijkvoorbeeld');
    // The chosen facet stays open and says how many are chosen.
    expect(await page.getByLabel(/Logistiek/).isChecked()).toBe(true);
    await visible(page.getByText('(1 gekozen)'));
    await context.close();
  });

  test('zonder JavaScript: provincie en arbeidsmarktregio filteren op de plaats van het voorbeeld', async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto('/praktijkvoorbeelden/?provincie=overijssel');
    expect(await resultLinks(page)).toEqual(['/praktijkvoorbeelden/zwolle-regelluw-werken/']);
    await page.goto('/praktijkvoorbeelden/?regio=zaanstreek-waterland');
    const zaan = await resultLinks(page);
    expect(zaan).toContain('/praktijkvoorbeelden/zaanstad-poelenbrug-wie-biedt/');
    expect(zaan).toContain('/praktijkvoorbeelden/albert-heijn-zaanstad/');
    await context.close();
  });

  test('een gemeente zonder praktijkvoorbeelden is een geldige keuze met 0 resultaten', async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto('/praktijkvoorbeelden/?gemeente=maastricht');
    await hasText(page.locator('[data-result-count]'), 'Gevonden: 0 praktijkvoorbeelden');
    expect(await page.getByRole('alert').count()).toBe(0);
    await context.close();
  });

  test('een onbekende filterwaarde in de URL geeft een melding, geen fout', async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    const response = await page.goto('/praktijkvoorbeelden/?sector=<script>alert(1)</script>&doelgroep=jongeren');
    expect(response?.status()).toBe(200);
    expect(await page.getByRole('alert').innerText()).toContain('<script>alert(1)</script>');
    expect(await page.getByLabel(/Jongeren/).isChecked()).toBe(true);
    await context.close();
  });

  test('met JavaScript: resultaten en aantallen veranderen direct bij aanvinken, de focus blijft staan', async () => {
    const { context, page, errors } = await newPage(browser);
    await page.goto('/praktijkvoorbeelden/');
    await page.locator('summary', { hasText: 'Doelgroep' }).click();
    await page.locator('summary', { hasText: 'Sector' }).click();
    const box = page.getByLabel(/Mensen met een arbeidsbeperking/);
    await box.focus();
    await page.keyboard.press('Space');
    await page.waitForURL(/doelgroep=arbeidsbeperking/);
    await expect.poll(() => resultLinks(page)).toContain('/praktijkvoorbeelden/postnl-pakketsorteercentra/');
    await expect.poll(() => resultLinks(page)).not.toContain('/praktijkvoorbeelden/facilicom-buitengewoon/');
    // PostNL, and the programmes that name people with a disability: Utrecht's job-to-job
    // support and Nijmegen's regional agreements. Those two are plans, and the count says so.
    await hasText(page.getByRole('status'), 'Gevonden: 1 praktijkvoorbeeld, 2 plannen');
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    // Counts of the other facets follow the choice: only logistics cases for this group remain
    // (education, 1 without a choice, drops to 0).
    await visible(page.getByText(/Onderwijs \(0\)/));
    await visible(page.getByText(/Logistiek \(1\)/));
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('de gefilterde lijst downloaden', () => {
  test('na een filterkeuze (met JavaScript, zonder herladen) geeft de downloadlink precies die lijst als CSV', async () => {
    const { context, page, errors } = await newPage(browser);
    await page.goto('/praktijkvoorbeelden/');
    await page.locator('summary', { hasText: 'Sector' }).click();
    await page.getByLabel(/Logistiek/).check();
    await page.waitForURL(/sector=logistiek/);
    await expect.poll(() => resultLinks(page)).toEqual(['/praktijkvoorbeelden/postnl-pakketsorteercentra/']);
    const downloads = page.locator('[data-download]');
    // The links came with the new results: they carry the choice made in place.
    await hasText(downloads, /^Download deze lijst met deze filters:/);
    const link = downloads.getByRole('link', { name: 'CSV (voor Excel of een ander rekenprogramma)' });
    expect(await link.getAttribute('href')).toBe('/open-data/praktijkvoorbeelden.csv?sector=logistiek');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^praktijkplein-praktijkvoorbeelden-\d{4}-\d{2}-\d{2}\.csv$/);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const csv = Buffer.concat(chunks).toString('utf8');
    expect(csv.startsWith('\uFEFFId;Titel;')).toBe(true);
    const rows = parseCsv(csv, ';');
    expect(rows.map((row) => row.Id)).toEqual(['postnl-pakketsorteercentra']);
    expect(rows[0]!.Sectoren).toContain('Logistiek');
    expect(rows[0]!.Adres).toMatch(/^https?:\/\/[^/]+\/praktijkvoorbeelden\/postnl-pakketsorteercentra\/$/);
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** A phone-sized page (390×844), with or without JavaScript. */
async function phonePage(javaScriptEnabled: boolean) {
  const { context, page } = await openPage(browser, { javaScript: javaScriptEnabled, viewport: { width: 390, height: 844 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

const filterControl = (page: Page) => page.locator('summary', { hasText: /^Filteren \(\d+\)/ });

describe('filters op een telefoon', () => {
  test('390×844 zonder JavaScript: Filteren staat in het eerste scherm, de groepen zijn dicht, het formulier keert terug naar de resultaten', async () => {
    const { context, page } = await phonePage(false);
    await page.goto('/praktijkvoorbeelden/');
    const control = filterControl(page);
    expect(await control.innerText()).toMatch(/Filteren \(0\)/);
    const box = (await control.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    // The six groups are behind the control, so the first results follow closely.
    expect(await page.getByLabel(/Logistiek/).isVisible()).toBe(false);
    const firstCard = (await page.locator('#filter-results article').first().boundingBox())!;
    expect(firstCard.y).toBeLessThan(844 + 200);
    expect(await page.locator('form[data-filter-form]').getAttribute('action')).toMatch(/#resultaten$/);

    await control.click();
    await page.locator('summary', { hasText: 'Sector' }).click();
    await page.getByLabel(/Logistiek/).check();
    await page.getByRole('button', { name: 'Toon resultaten' }).click();
    await page.waitForURL(/sector=logistiek.*#resultaten$/);
    // Back at the results, not at the top of the page.
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
    const heading = (await page.locator('[data-result-count]').boundingBox())!;
    expect(heading.y).toBeGreaterThanOrEqual(-1);
    expect(heading.y).toBeLessThan(844);
    expect(await filterControl(page).innerText()).toMatch(/Filteren \(1\)/);
    await context.close();
  });

  test('zonder JavaScript: gekozen filters staan als chips boven de resultaten; een chip weghalen haalt alleen dat filter weg', async () => {
    const { context, page } = await phonePage(false);
    await page.goto('/praktijkvoorbeelden/?sector=logistiek&doelgroep=arbeidsbeperking');
    const chips = page.getByRole('list', { name: 'Gekozen filters' });
    await visible(chips);
    await visible(chips.getByRole('link', { name: 'Verwijder filter: Logistiek' }));
    await visible(chips.getByRole('link', { name: 'Verwijder filter: Mensen met een arbeidsbeperking' }));
    await chips.getByRole('link', { name: 'Verwijder filter: Logistiek' }).click();
    await page.waitForURL((url) => !url.searchParams.has('sector') && url.searchParams.get('doelgroep') === 'arbeidsbeperking' && url.hash === '#resultaten');
    expect(await page.getByRole('link', { name: 'Verwijder filter: Logistiek' }).count()).toBe(0);
    await visible(page.getByRole('link', { name: 'Verwijder filter: Mensen met een arbeidsbeperking' }));
    await page.getByRole('link', { name: 'Wis alle filters' }).first().click();
    await page.waitForURL((url) => url.search === '');
    expect(await page.getByRole('list', { name: 'Gekozen filters' }).count()).toBe(0);
    await hasText(page.locator('[data-result-count]'), /^Alle pagina’s: \d+ praktijkvoorbeelden, \d+ plannen$/);
    await context.close();
  });

  test('met JavaScript: "Toon n resultaten" telt mee bij aanvinken, de telling wordt voorgelezen, de knop brengt u bij de resultaten', async () => {
    const { context, page, errors } = await phonePage(true);
    await page.goto('/praktijkvoorbeelden/');
    await filterControl(page).click();
    const button = page.locator('[data-show-results]');
    await hasText(button, /^Toon \d+ resultaten$/);
    const before = await button.innerText();
    await page.locator('summary', { hasText: 'Sector' }).click();
    await page.getByLabel(/Logistiek/).check();
    await hasText(button, 'Toon 1 resultaat');
    expect(before).not.toBe('Toon 1 resultaat');
    await hasText(page.locator('[data-live-count]'), 'Gevonden: 1 praktijkvoorbeeld');
    expect(await page.locator('[data-live-count]').getAttribute('role')).toBe('status');
    await hasText(filterControl(page), /Filteren \(1\)/);
    // The chip is there before the button is pressed (the results updated in place).
    await visible(page.getByRole('link', { name: 'Verwijder filter: Logistiek' }));
    await button.click();
    expect(await page.locator('[data-filter-toggle]').evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    await expect.poll(async () => (await page.locator('[data-result-count]').boundingBox())!.y).toBeLessThan(400);
    expect(page.url()).toContain('sector=logistiek');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('axe: de gefilterde lijst met open filters heeft geen overtredingen (telefoon en breed scherm)', async () => {
    const { context, page } = await phonePage(true);
    await page.goto('/praktijkvoorbeelden/?sector=logistiek');
    await filterControl(page).click();
    await page.locator('summary', { hasText: 'Doelgroep' }).click();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
    const wide = await newPage(browser);
    await wide.page.goto('/praktijkvoorbeelden/?sector=logistiek');
    // On a wide screen the groups stand open beside the results, without the control.
    await visible(wide.page.getByLabel(/Logistiek/));
    expect(await axeViolations(wide.page)).toEqual([]);
    await wide.context.close();
  });
});

describe('geldige HTML', () => {
  test.each(['/praktijkvoorbeelden/', '/praktijkvoorbeelden/?sector=logistiek', '/pitches/', '/zoeken/?q=logistiek', '/zoeken/?q=qwerty'])(
    '%s eindigt op </html>, zonder <script> erna',
    async (path) => {
      const response = await fetch(new URL(path, baseURL()));
      const html = (await response.text()).trimEnd();
      expect(html.endsWith('</html>')).toBe(true);
      expect(html.slice(html.lastIndexOf('</body>'))).not.toContain('<script');
      // The enhancement script is still there, inside the body.
      expect(html.slice(html.indexOf('<body'), html.lastIndexOf('</body>'))).toContain('<script');
    },
  );
});

