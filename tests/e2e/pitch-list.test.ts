/**
 * The public pitch list, feeds and sitemap against the built server:
 * filters and pages without JavaScript, counts beside the choices, content types, drafts never
 * shown, axe, and screenshots at phone and desktop size (when asked for: SCREENSHOTS=1, browser.ts).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { pitchFacets, pitches } from '#db/marketplace-schema.ts';
import { amsterdamDate } from '#domain/amsterdam-time.ts';
import { axeViolations, baseURL, hasText, connectBrowser, screenshot, newPage, visible, openPage } from './browser.ts';
import { serverDatabase } from './accounts-support.ts';

let browser: Browser;
const DAY = 86_400_000;
// Two small municipalities no other test pitches in, so counts here are this file's own.
const island = 'schiermonnikoog';
const other = 'vlieland';
const draftTitle = 'Geheim concept van Schiermonnikoog';

beforeAll(async () => {
  // The first on-demand request migrates the server's database; then this test adds its pitches.
  await fetch(`${baseURL()}/pitches/`);
  const { db } = await serverDatabase();
  const now = Date.now();
  const rows = Array.from({ length: 25 }, (_, i) => ({
    id: `e2e-lijst-${i}`,
    municipalityId: i < 24 ? island : other,
    title: `Eilandpitch ${i}${i % 2 === 0 ? ' voor jongeren' : ''}`,
    area: 'Dorp',
    challenge: `Werk op het eiland, **nummer ${i}**.`,
    challengeHtml: '<p>…</p>',
    ask: 'Doe mee.',
    askHtml: '<p>Doe mee.</p>',
    closingDate: amsterdamDate(new Date(now + (i === 3 ? -2 : 30 + i) * DAY)),
    contactName: 'Contact',
    contactEmail: 'contact@voorbeeld.nl',
    status: i === 4 ? ('closed' as const) : ('published' as const),
    demo: i === 0,
    createdAt: now,
    updatedAt: now,
    publishedAt: now - i * 60_000,
  }));
  rows.push({ ...rows[0]!, id: 'e2e-lijst-concept', title: draftTitle, status: 'draft' as never, publishedAt: null as never });
  await db.batch([
    db.insert(pitches).values(rows),
    db.insert(pitchFacets).values(rows.flatMap((r, i) => [
      ...(i % 2 === 0 ? [{ pitchId: r.id, facet: 'target-group' as const, value: 'jongeren' }] : [{ pitchId: r.id, facet: 'target-group' as const, value: 'ouderen' }]),
      { pitchId: r.id, facet: 'help-kind' as const, value: 'banen' },
    ])),
  ]);
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const cardLinks = (page: import('playwright-core').Page) =>
  page.locator('#filter-results article h3 a').evaluateAll((links) => links.map((a) => a.textContent?.trim() ?? ''));

describe('pitchlijst zonder JavaScript', () => {
  test('filteren op gemeente en doelgroep met aantallen, en bladeren met behoud van filters', async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`/pitches/?gemeente=${island}`);
    await hasText(page.locator('[data-result-count]'), '24 pitches gevonden');
    expect(await cardLinks(page)).toHaveLength(20);
    await visible(page.getByText('Pagina 1 van 2'));
    // The count beside a choice says how many pitches it gives with the other choices.
    await page.locator('summary', { hasText: 'Doelgroep' }).click();
    await visible(page.getByText(/Jongeren \(12\)/));
    await visible(page.getByText(/50-plussers \(12\)/));
    await page.getByLabel(/Jongeren/).check();
    await page.getByRole('button', { name: 'Toon resultaten' }).click();
    await page.waitForURL(/doelgroep=jongeren/);
    expect(page.url()).toContain(`gemeente=${island}`);
    await hasText(page.locator('[data-result-count]'), '12 pitches gevonden');
    expect((await cardLinks(page)).every((title) => title.endsWith('voor jongeren'))).toBe(true);
    // Paging keeps the filters.
    await page.goto(`/pitches/?gemeente=${island}`);
    await page.getByRole('link', { name: 'Volgende pagina' }).click();
    await page.waitForURL(/pagina=2/);
    expect(page.url()).toContain(`gemeente=${island}`);
    expect(await cardLinks(page)).toHaveLength(4);
    await visible(page.getByText('Pagina 2 van 2'));
    // Open/closed: the pitch past its closing date and the closed one are "gesloten".
    await page.goto(`/pitches/?gemeente=${island}&status=gesloten`);
    expect((await cardLinks(page)).sort()).toEqual(['Eilandpitch 3', 'Eilandpitch 4 voor jongeren']);
    expect(await page.content()).not.toContain(draftTitle);
    await context.close();
  });

  test('standaard staan open pitches vóór gesloten; "Nieuwste" kiezen zet alles op datum', async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`/pitches/?gemeente=${island}`);
    expect(await page.getByLabel('Sorteren op').inputValue()).toBe('open');
    const first = await cardLinks(page);
    expect(first.slice(0, 4)).toEqual(['Eilandpitch 0 voor jongeren', 'Eilandpitch 1', 'Eilandpitch 2 voor jongeren', 'Eilandpitch 5']);
    expect(first).not.toContain('Eilandpitch 3');
    await page.getByRole('link', { name: 'Volgende pagina' }).click();
    await page.waitForURL(/pagina=2/);
    expect((await cardLinks(page)).slice(-2)).toEqual(['Eilandpitch 3', 'Eilandpitch 4 voor jongeren']);
    await page.goto(`/pitches/?gemeente=${island}`);
    await page.getByLabel('Sorteren op').selectOption('nieuwste');
    await page.getByRole('button', { name: 'Toon resultaten' }).click();
    await page.waitForURL(/sorteer=nieuwste/);
    expect((await cardLinks(page)).slice(0, 5)).toEqual(['Eilandpitch 0 voor jongeren', 'Eilandpitch 1', 'Eilandpitch 2 voor jongeren', 'Eilandpitch 3', 'Eilandpitch 4 voor jongeren']);
    await context.close();
  });

  test('sorteren op sluitingsdatum zonder JavaScript; onbekende waarden geven een melding, geen fout', async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`/pitches/?gemeente=${island}`);
    await page.getByLabel('Sorteren op').selectOption('sluitingsdatum');
    await page.getByRole('button', { name: 'Toon resultaten' }).click();
    await page.waitForURL(/sorteer=sluitingsdatum/);
    expect((await cardLinks(page))[0]).toBe('Eilandpitch 0 voor jongeren');
    const response = await page.goto('/pitches/?doelgroep=<script>&pagina=-4&sorteer=raar');
    expect(response?.status()).toBe(200);
    expect(await page.getByRole('alert').innerText()).toContain('<script>');
    await context.close();
  });

  test('een lege lijst wijst gemeenten naar een nieuwe pitch', async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto('/pitches/?gemeente=ameland');
    await hasText(page.locator('[data-result-count]'), '0 pitches gevonden');
    expect(await page.getByRole('link', { name: 'Schrijf een pitch' }).getAttribute('href')).toBe('/pitches/nieuw/');
    await context.close();
  });
});

describe('feeds en sitemap', () => {
  test('RSS: juiste content-type, nieuwste eerst, per gemeente, nooit een concept', async () => {
    const all = await fetch(`${baseURL()}/pitches/rss.xml`);
    expect(all.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const xml = await all.text();
    // Eilandpitch 0 is a demo pitch: its title and text say so.
    expect(xml).toContain('<title>Eilandpitch 0 voor jongeren (demo)</title>');
    expect(xml.indexOf('Eilandpitch 0 ')).toBeLessThan(xml.indexOf('Eilandpitch 1<'));
    expect(xml).not.toContain(draftTitle);
    const perMunicipality = await (await fetch(`${baseURL()}/pitches/rss.xml?gemeente=${other}`)).text();
    expect(perMunicipality).toContain('Eilandpitch 24');
    expect(perMunicipality).not.toContain('Eilandpitch 0 ');
    expect((await fetch(`${baseURL()}/pitches/rss.xml?gemeente=atlantis`)).status).toBe(404);
  });

  test('sitemap: gepubliceerde pitches in een eigen sitemap, genoemd in de sitemap-index', async () => {
    const response = await fetch(`${baseURL()}/sitemap-pitches.xml`);
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const xml = await response.text();
    expect(xml).toContain('/pitches/e2e-lijst-3/</loc>');
    expect(xml).not.toContain('e2e-lijst-concept');
    const index = await (await fetch(`${baseURL()}/sitemap-index.xml`)).text();
    expect(index).toContain('/sitemap-pitches.xml</loc>');
  });

  test('de kaart van de pitches linkt naar de gefilterde lijst', async () => {
    const response = await fetch(`${baseURL()}/pitches/kaart/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(`href="/pitches/?gemeente=${island}"`);
  });
});

describe('toegankelijk en passend op telefoon en desktop', () => {
  test.each([
    ['zonder filters', '/pitches/'],
    ['met filters', `/pitches/?gemeente=${island}&doelgroep=jongeren&status=open&sorteer=sluitingsdatum`],
    ['zonder resultaat', '/pitches/?gemeente=ameland&sector=ict'],
    ['kaart', '/pitches/kaart/'],
  ])('%s: geen axe-overtredingen', async (_name, path) => {
    const { context, page, errors } = await newPage(browser);
    await page.goto(path);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test.each([
    [390, 844],
    [1280, 800],
  ])('%i×%i: geen horizontale scroll, de lijst begint in beeld', async (width, height) => {
    const { context, page } = await openPage(browser, { viewport: { width, height } });
    await page.goto(`/pitches/?gemeente=${island}`);
    await screenshot(page, `pitches-${width}x${height}`);
    await screenshot(page, `pitches-${width}x${height}-full`, { fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    // The results start on the first screen, on a phone too (the filters wait behind "Filteren").
    expect((await page.locator('#filter-results article').first().boundingBox())!.y).toBeLessThan(height - 100);
    if (width >= 1000) expect((await page.locator('summary', { hasText: 'Open of gesloten' }).boundingBox())!.y).toBeLessThan(height);
    await context.close();
  });
});
