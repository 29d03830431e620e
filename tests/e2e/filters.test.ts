/** Facet filters on the case list, without JavaScript (plain form) and with it (in place). */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasText, launchBrowser, newPage, visible } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
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
    await page.getByRole('button', { name: 'Filters toepassen' }).click();
    await page.waitForURL(/sector=logistiek/);
    expect(await resultLinks(page)).toEqual(['/praktijkvoorbeelden/postnl-pakketsorteercentra/']);
    await hasText(page.locator('[data-result-count]'), '1 praktijkvoorbeeld gevonden');
    // The chosen facet stays open and says how many are chosen.
    expect(await page.getByLabel(/Logistiek/).isChecked()).toBe(true);
    await visible(page.getByText('(1 gekozen)'));
    await context.close();
  });

  test('zonder JavaScript: provincie en arbeidsmarktregio filteren op de plaats van het voorbeeld', async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto('/praktijkvoorbeelden/?provincie=overijssel');
    // Zwolle's experiment, and the work conference where it was named.
    expect((await resultLinks(page)).sort()).toEqual(['/praktijkvoorbeelden/werkconferentie-werkgevers-en-gemeenten/', '/praktijkvoorbeelden/zwolle-regelluw-werken/']);
    await page.goto('/praktijkvoorbeelden/?regio=zaanstreek-waterland');
    const zaan = await resultLinks(page);
    expect(zaan).toContain('/praktijkvoorbeelden/zaanstad-poelenbrug-wie-biedt/');
    expect(zaan).toContain('/praktijkvoorbeelden/albert-heijn-zaanstad/');
    await context.close();
  });

  test('een gemeente zonder praktijkvoorbeelden is een geldige keuze met 0 resultaten', async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto('/praktijkvoorbeelden/?gemeente=maastricht');
    await hasText(page.locator('[data-result-count]'), '0 praktijkvoorbeelden gevonden');
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
    // PostNL, and Utrecht's programme on job-to-job support (it names people with a disability).
    await hasText(page.getByRole('status'), /2 praktijkvoorbeelden gevonden/);
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    // Counts of the other facets follow the choice: only logistics cases for this group remain.
    await visible(page.getByText(/Schoonmaak en facilitair \(0\)/));
    expect(errors).toEqual([]);
    await context.close();
  });
});
