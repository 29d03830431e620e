/**
 * The map on a phone: markers a finger can hit, a card for the chosen
 * place, the switch between municipality, region and province, all without JavaScript; and the
 * page of a municipality without practices of its own.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { pitches } from '#db/marketplace-schema.ts';
import { amsterdamDate } from '#domain/amsterdam-time.ts';
import { axeViolations, baseURL, hasText, connectBrowser, newPage, visible, openPage } from './browser.ts';
import { serverDatabase } from './accounts-support.ts';

let browser: Browser;
// A municipality no other test pitches in, so the pitch map has a marker of this file's own.
const pitchPlace = 'vaals';

beforeAll(async () => {
  // The first on-demand request migrates the server's database; then this test adds a pitch.
  await fetch(`${baseURL()}/pitches/`);
  const { db } = await serverDatabase();
  const now = Date.now();
  await db.insert(pitches).values({
    id: 'e2e-kaart-1',
    municipalityId: pitchPlace,
    title: 'Kaartpitch uit Vaals',
    area: 'Centrum',
    challenge: 'Werk in Vaals.',
    challengeHtml: '<p>Werk in Vaals.</p>',
    ask: 'Doe mee.',
    askHtml: '<p>Doe mee.</p>',
    closingDate: amsterdamDate(new Date(now + 30 * 86_400_000)),
    contactName: 'Contact',
    contactEmail: 'contact@voorbeeld.nl',
    status: 'published',
    demo: false,
    createdAt: now,
    updatedAt: now,
    publishedAt: now,
  });
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A phone without JavaScript: 390 × 844, touch. */
async function phone(width = 390) {
  return await openPage(browser, { javaScript: false, viewport: { width, height: 844 }, mobile: true });
}

/** Every marker's box on the page, as the browser lays it out. */
async function markerBoxes(page: Page) {
  const markers = page.locator('svg a[aria-label]:not([aria-hidden])');
  const boxes = [];
  for (let i = 0; i < (await markers.count()); i++) {
    boxes.push({ label: (await markers.nth(i).getAttribute('aria-label'))!, box: (await markers.nth(i).boundingBox())! });
  }
  return boxes;
}

/** Markers at least 44 × 44 CSS px and no two overlapping. */
async function expectTappableMarkers(page: Page) {
  const boxes = await markerBoxes(page);
  expect(boxes.length).toBeGreaterThan(0);
  for (const { label, box } of boxes) {
    expect(box.width, label).toBeGreaterThanOrEqual(44);
    expect(box.height, label).toBeGreaterThanOrEqual(44);
  }
  for (const a of boxes) {
    for (const b of boxes) {
      if (a === b) continue;
      const apart = a.box.x + a.box.width <= b.box.x || b.box.x + b.box.width <= a.box.x || a.box.y + a.box.height <= b.box.y || b.box.y + b.box.height <= a.box.y;
      expect(apart, `${a.label} / ${b.label}`).toBe(true);
    }
  }
  return boxes;
}

/** The links in the chosen place's card. */
const cardCases = (page: Page) => page.locator('#gekozen a[href^="/praktijkvoorbeelden/"]:not([href*="?"])').evaluateAll((links) => links.map((a) => a.getAttribute('href')));

describe('de kaart op een telefoon, zonder JavaScript', () => {
  test('een tik op Zaanstad opent de kaart van Zaanstad met haar praktijkvoorbeeld en haar gepitchte plan', async () => {
    const { context, page } = await phone();
    await page.goto('/kaart/');
    await expectTappableMarkers(page);
    const zaanstad = page.locator('svg a[aria-label^="Zaanstad:"]');
    // The Poelenbrug pitch is a plan (isPlan): the marker counts Albert Heijn only.
    expect(await zaanstad.getAttribute('aria-label')).toBe('Zaanstad: 1 praktijkvoorbeeld');
    // As a person would: scroll the map into view, then tap the middle of the marker.
    await zaanstad.scrollIntoViewIfNeeded();
    const box = (await zaanstad.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.height).toBeGreaterThanOrEqual(44);
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    // Nothing lies on top of the marker there: the finger lands on Zaanstad's own link.
    expect(await page.evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.closest('a')?.getAttribute('aria-label'), [x, y])).toBe('Zaanstad: 1 praktijkvoorbeeld');
    await page.touchscreen.tap(x, y);
    await page.waitForURL(/\/kaart\/gemeente\/zaanstad\/$/);
    await hasText(page.getByRole('heading', { level: 2, name: 'Gemeente Zaanstad' }), 'Gemeente Zaanstad');
    expect((await cardCases(page)).sort()).toEqual(['/praktijkvoorbeelden/albert-heijn-zaanstad/', '/praktijkvoorbeelden/zaanstad-poelenbrug-wie-biedt/']);
    await visible(page.locator('#gekozen').getByText('1 praktijkvoorbeeld, 1 plan'));
    // The map marks the choice, and the card is on the first screen.
    expect(await page.locator('svg a[aria-label^="Zaanstad:"]').getAttribute('aria-current')).toBe('page');
    expect((await page.locator('#gekozen').boundingBox())!.y).toBeLessThan(844);
    await context.close();
  });

  test('wisselen naar arbeidsmarktregio en provincie toont markeringen per gebied, met hun kaart', async () => {
    const { context, page } = await phone();
    await page.goto('/kaart/');
    await page.getByRole('navigation', { name: /Kaart per gemeente/ }).getByRole('link', { name: "Regio's" }).click();
    await page.waitForURL(/\/kaart\/regio\/$/);
    const regions = await expectTappableMarkers(page);
    expect(regions.map((r) => r.label)).toContain('Zaanstreek/Waterland: 1 praktijkvoorbeeld');
    await page.locator('svg a[aria-label^="Zaanstreek/Waterland:"]').click();
    await page.waitForURL(/\/kaart\/regio\/zaanstreek-waterland\/$/);
    expect((await cardCases(page)).length).toBe(2);

    await page.getByRole('navigation', { name: /Kaart per gemeente/ }).getByRole('link', { name: 'Provincies' }).click();
    await page.waitForURL(/\/kaart\/provincie\/$/);
    const provinces = await expectTappableMarkers(page);
    const noordHolland = provinces.find((p) => p.label.startsWith('Noord-Holland:'))!;
    // PostNL (also in Amsterdam) and Albert Heijn in Zaanstad: a case counts once per province.
    expect(noordHolland.label).toMatch(/^Noord-Holland: \d+ praktijkvoorbeelden$/);
    expect(Number(noordHolland.label.match(/\d+/)![0])).toBeGreaterThanOrEqual(2);
    await page.locator('svg a[aria-label^="Noord-Holland:"]').click();
    await page.waitForURL(/\/kaart\/provincie\/noord-holland\/$/);
    expect(await cardCases(page)).toContain('/praktijkvoorbeelden/postnl-pakketsorteercentra/');
    // The list beside the map carries the same links.
    expect(await page.getByRole('region', { name: 'De provincies als lijst' }).getByRole('link', { name: 'Noord-Holland' }).getAttribute('href')).toBe('/kaart/provincie/noord-holland/');
    await context.close();
  });

  test('de kaart van de pitches heeft dezelfde markeringen en indelingen', async () => {
    const { context, page } = await phone();
    await page.goto('/pitches/kaart/');
    const vaals = page.locator('svg a[aria-label^="Vaals:"]');
    expect(await vaals.getAttribute('href')).toBe(`/pitches/?gemeente=${pitchPlace}`);
    await page.goto('/pitches/kaart/?indeling=provincie');
    const provinces = await expectTappableMarkers(page);
    expect(provinces.map((p) => p.label).find((l) => l.startsWith('Limburg:'))).toMatch(/^Limburg: \d+ pitch(es)?$/);
    expect(await page.locator('svg a[aria-label^="Limburg:"]').getAttribute('href')).toBe('/pitches/?provincie=limburg');
    await page.getByRole('navigation', { name: /Kaart per gemeente/ }).getByRole('link', { name: "Regio's" }).click();
    await page.waitForURL(/indeling=regio/);
    expect(await page.locator('svg a[aria-label^="Zuid-Limburg:"]').getAttribute('href')).toBe('/pitches/?regio=zuid-limburg');
    await context.close();
  });
});

describe('een gemeente zonder eigen praktijkvoorbeelden', () => {
  test('begint met naam, provincie en regio en toont de dichtstbijzijnde praktijkvoorbeelden', async () => {
    const { context, page } = await phone();
    await page.goto('/organisaties/wormerland/');
    await hasText(page.getByRole('heading', { level: 1 }), 'Gemeente Wormerland');
    const lead = page.locator('[data-municipality-lead]');
    await hasText(lead, /Wormerland ligt in de provincie Noord-Holland en in de arbeidsmarktregio Zaanstreek\/Waterland\./);
    expect(await lead.getByRole('link', { name: 'Noord-Holland' }).getAttribute('href')).toBe('/praktijkvoorbeelden/?provincie=noord-holland');
    expect(await lead.getByRole('link', { name: 'Zaanstreek/Waterland' }).getAttribute('href')).toBe('/praktijkvoorbeelden/?regio=zaanstreek-waterland');
    // Same region first (Albert Heijn in Zaanstad; the Poelenbrug pitch is a plan, not a practice), then the rest of the province (PostNL in Amsterdam).
    const nearby = page.getByRole('region', { name: 'Praktijkvoorbeelden dichtbij' });
    await visible(nearby.getByRole('heading', { name: 'In de arbeidsmarktregio Zaanstreek/Waterland' }));
    await visible(nearby.getByRole('heading', { name: 'In de provincie Noord-Holland' }));
    const links = await nearby.locator('li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links[0]).toBe('/praktijkvoorbeelden/albert-heijn-zaanstad/');
    expect(links).not.toContain('/praktijkvoorbeelden/zaanstad-poelenbrug-wie-biedt/');
    expect(links).toContain('/praktijkvoorbeelden/postnl-pakketsorteercentra/');
    // It leads: the nearby practices come before the pitches, on the first screens.
    expect((await nearby.boundingBox())!.y).toBeLessThan((await page.getByRole('heading', { name: 'Pitches van Wormerland' }).boundingBox())!.y);
    await context.close();
  });

  test('zonder voorbeelden in regio of provincie: elders in Nederland, en geen link naar een lege lijst', async () => {
    const { context, page } = await phone();
    await page.goto('/organisaties/almere/');
    await hasText(page.locator('[data-municipality-lead]'), /Almere ligt in de provincie Flevoland en in de arbeidsmarktregio Flevoland\./);
    expect(await page.locator('[data-municipality-lead] a').count()).toBe(0);
    const nearby = page.getByRole('region', { name: 'Praktijkvoorbeelden dichtbij' });
    await visible(nearby.getByRole('heading', { name: 'Elders in Nederland' }));
    expect(await nearby.locator('li a').count()).toBeGreaterThan(0);
    await context.close();
  });
});

describe('toegankelijk en passend', () => {
  const pages = ['/kaart/', '/kaart/regio/', '/kaart/provincie/', '/kaart/gemeente/zaanstad/', '/kaart/regio/zaanstreek-waterland/', '/organisaties/almere/', '/organisaties/wormerland/', '/pitches/kaart/?indeling=regio'];

  test.each(pages)('%s: geen axe-overtredingen', async (path) => {
    const { context, page, errors } = await newPage(browser);
    await page.goto(path);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test.each(pages)('%s: geen horizontale scroll op 320 px', async (path) => {
    const { context, page } = await phone(320);
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await context.close();
  });

  test('de kaart heeft een naam en een beschrijving; elke markering heeft een naam met het aantal', async () => {
    const { context, page } = await phone();
    await page.goto('/kaart/');
    const svg = page.locator('svg[role="group"]');
    expect(await svg.getAttribute('aria-labelledby')).toBe('kaart-titel');
    await expect.poll(() => page.locator('#kaart-titel').textContent()).toMatch(/^Kaart van Nederland: \d+ gemeenten met praktijkvoorbeelden$/);
    await expect.poll(() => page.locator('#kaart-uitleg').textContent()).toMatch(/lijst/);
    for (const { label } of await markerBoxes(page)) expect(label).toMatch(/^.+: \d+ praktijkvoorbeeld(en)?$/);
    await context.close();
  });
});
