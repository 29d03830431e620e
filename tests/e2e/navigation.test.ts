/** What a new visitor does: home → case → organisation → instrument, the map, and the 404. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseURL, hasText, connectBrowser, newPage, visible } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('navigeren', () => {
  test('home → praktijkvoorbeeld → organisatie → instrument', async () => {
    const { context, page, errors } = await newPage(browser);
    await page.goto('/');
    await page.getByRole('link', { name: /PostNL/ }).first().click();
    await hasText(page.getByRole('heading', { level: 1 }), /PostNL/);
    // The sources are shown on the page, with what kind of evidence stands behind it.
    await visible(page.getByRole('heading', { name: 'Bronnen' }));
    // Each source links its own page instead of showing a file name.
    await visible(page.getByRole('region', { name: 'Bronnen' }).getByRole('link', { name: 'Werkconferentie van werkgevers en gemeenten' }));
    await visible(page.getByText('Gemeld resultaat').first());

    await page.getByRole('complementary').getByRole('link', { name: 'Apeldoorn' }).click();
    await hasText(page.getByRole('heading', { level: 1 }), 'Gemeente Apeldoorn');
    await visible(page.getByText('GM0200'));
    await visible(page.getByRole('link', { name: /PostNL/ }).first());

    // Home → another case → its municipality → an instrument that municipality's programme names.
    await page.goto('/');
    await page.getByRole('link', { name: /Facilicom/ }).first().click();
    await page.getByRole('complementary').getByRole('link', { name: 'Utrecht' }).click();
    await hasText(page.getByRole('heading', { level: 1 }), 'Gemeente Utrecht');
    await page.getByRole('region', { name: 'Genoemd bij instrumenten' }).getByRole('link', { name: 'Basisbaan' }).click();
    await hasText(page.getByRole('heading', { level: 1 }), 'Basisbaan');
    // The four programme cities side by side, ambitions marked as ambitions.
    const table = page.getByRole('table');
    for (const city of ['Utrecht', 'Amsterdam', 'Zoetermeer', 'Nijmegen']) {
      await visible(table.getByRole('rowheader', { name: city }));
    }
    await visible(table.getByText('Uitgesproken ambitie').first());

    await page.goto('/praktijkvoorbeelden/zwolle-regelluw-werken/');
    await page.getByRole('complementary').getByRole('link', { name: 'Jobcoaching en loonwaardebepaling' }).click();
    await hasText(page.getByRole('heading', { level: 1 }), 'Jobcoaching en loonwaardebepaling');
    await visible(page.getByRole('region', { name: 'Praktijkvoorbeelden met dit instrument' }).getByRole('link', { name: /Zwolle/ }));
    expect(errors).toEqual([]);
    await context.close();
  });

  test('een partner die alleen op een instrumentpagina genoemd wordt, linkt daarheen terug', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/organisaties/pantar/');
    await page.getByRole('region', { name: 'Genoemd bij instrumenten' }).getByRole('link', { name: /Beschut werk/ }).click();
    await hasText(page.getByRole('heading', { level: 1 }), /Beschut werk/);
    await context.close();
  });

  test('elke organisatiepagina van een werkgever toont wat ernaar verwijst', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/organisaties/');
    await page.getByRole('link', { name: 'Facilicom' }).click();
    await hasText(page.getByRole('heading', { level: 1 }), 'Facilicom');
    expect(await page.getByRole('link', { name: /Facilicom/ }).first().getAttribute('href')).toBe('/praktijkvoorbeelden/facilicom-buitengewoon/');
    await context.close();
  });

  test('de kaart linkt een gemeente naar haar praktijkvoorbeelden, en de lijst ernaast zegt hetzelfde', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/kaart/');
    const apeldoorn = page.locator('svg a[aria-label^="Apeldoorn"]:not([aria-hidden])');
    await expect.poll(() => apeldoorn.count()).toBe(1);
    await apeldoorn.click();
    await page.waitForURL(/\/kaart\/gemeente\/apeldoorn\/$/);
    await visible(page.locator('#gekozen').getByRole('link', { name: /PostNL/ }));
    await page.goBack();
    const list = page.getByRole('region', { name: 'De gemeenten als lijst' });
    await visible(list.getByRole('link', { name: 'Apeldoorn' }));
    await visible(list.getByRole('link', { name: /PostNL/ }).first());
    await context.close();
  });

  test('een onbekende pagina geeft een Nederlandse 404', async () => {
    const response = await fetch(`${baseURL()}/bestaat/niet`);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('Deze pagina bestaat niet');
    expect(html).toContain('lang="nl"');
  });
});
