/**
 * Search through the real UI: the header form on any page, answered by the server, so every flow runs with and without JavaScript; pitches from the server's database
 * come back beside the content pages. With JavaScript, typing on /zoeken/ adds Pagefind's
 * kennisbank results without a page load.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { pitches } from '#db/marketplace-schema.ts';
import { serverDatabase } from './accounts-support.ts';
import { axeViolations, hasText, connectBrowser, newPage, visible, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
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

const withAndWithoutJs = [
  ['met JavaScript', true],
  ['zonder JavaScript', false],
] as const;

describe.each(withAndWithoutJs)('zoeken %s', (_label, javaScriptEnabled) => {
  // The header form from another page; what words find is the query set's work
  // (content/search-queries.yaml, search-query-set.test.ts).
  test.each([
    ['pakketsorteer', /postnl-pakketsorteercentra/],
    ['banenafspraak', /instrumenten\/garantiebanen/],
  ])('"%s" vindt %s', async (term, expected) => {
    const { context, page, errors } = await newPage(browser, { javaScriptEnabled });
    const links = await searchFromHeader(page, term);
    expect(links.map((l) => l.href).join('\n')).toMatch(expected);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('"loonwaarde" vindt het instrument en het praktijkvoorbeeld dat het gebruikt', async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled });
    const hrefs = (await searchFromHeader(page, 'loonwaarde', '/')).map((l) => l.href);
    expect(hrefs).toContain('/instrumenten/jobcoaching-loonwaarde/');
    expect(hrefs).toContain('/praktijkvoorbeelden/zwolle-regelluw-werken/');
    await context.close();
  });

  test('een facetfilter beperkt de resultaten tot die soort', async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled });
    await page.goto('/zoeken/?q=loonwaarde&Soort=Instrument');
    await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 15_000 }).toMatch(/\d+ resulta/);
    const hrefs = await page.locator('[data-search-results] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain('/instrumenten/jobcoaching-loonwaarde/');
    expect(hrefs.every((href) => href?.startsWith('/instrumenten/'))).toBe(true);
    await expect.poll(() => page.getByLabel('Soort pagina').inputValue()).toBe('Instrument');
    await context.close();
  });

  test('resultaten tonen de samenvatting van de pagina, niet de verborgen zoekwoorden', async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled });
    await page.goto('/zoeken/?q=Wajong');
    await expect.poll(() => page.locator('[data-search-results] li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const text = await page.locator('[data-search-results]').first().innerText();
    expect(text).toContain('nieuwe pakketsorteercentra van PostNL');
    expect(text).not.toContain('Wajonger');
    await context.close();
  });

  test('"Zaandam" (een plaats) vindt de praktijkvoorbeelden van de gemeente Zaanstad', async () => {
    const { context, page, errors } = await newPage(browser, { javaScriptEnabled });
    const hrefs = (await searchFromHeader(page, 'Zaandam')).map((l) => l.href);
    expect(hrefs).toContain('/praktijkvoorbeelden/zaanstad-poelenbrug-wie-biedt/');
    expect(hrefs).toContain('/praktijkvoorbeelden/albert-heijn-zaanstad/');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('"PstNL" biedt "Bedoelde u: PostNL?" aan, en die link vindt het praktijkvoorbeeld van PostNL', async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled });
    await page.goto('/zoeken/?q=PstNL');
    const suggestion = page.locator('[data-did-you-mean]');
    await hasText(suggestion, 'Bedoelde u: PostNL?');
    await suggestion.getByRole('link', { name: 'PostNL' }).click();
    await page.waitForURL(/\/zoeken\/\?q=PostNL$/);
    await expect.poll(() => page.locator('[data-search-results] a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))), { timeout: 15_000 }).toContain(
      '/praktijkvoorbeelden/postnl-pakketsorteercentra/',
    );
    // With enough results there is nothing to correct.
    expect(await page.locator('[data-did-you-mean]').count()).toBe(0);
    await context.close();
  });

  test('"logistiek": het praktijkvoorbeeld van PostNL staat boven elke organisatie', async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled });
    await page.goto('/zoeken/?q=logistiek');
    const order = await page.locator('main a[href^="/praktijkvoorbeelden/"], main a[href^="/organisaties/"]').evaluateAll((links) =>
      links.map((a) => a.getAttribute('href')).filter((href) => href !== '/praktijkvoorbeelden/' && href !== '/organisaties/'),
    );
    const postnl = order.indexOf('/praktijkvoorbeelden/postnl-pakketsorteercentra/');
    const firstOrganisation = order.findIndex((href) => href?.startsWith('/organisaties/'));
    expect(postnl).toBeGreaterThanOrEqual(0);
    expect(firstOrganisation).toBeGreaterThan(postnl);
    await context.close();
  });

  test('zonder resultaten: links naar de filters, de pitches, de instrumenten en het formulier om iets aan te dragen', async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled });
    await page.goto('/zoeken/?q=qwerty');
    await hasText(page.locator('[data-search-status]'), /Geen resultaten voor “qwerty”/);
    const help = page.locator('[data-no-results]');
    const hrefs = await help.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(expect.arrayContaining(['/praktijkvoorbeelden/', '/pitches/', '/instrumenten/', '/aandragen/']));
    await visible(help.getByRole('link', { name: 'Praktijk aandragen of vraag stellen' }));
    await context.close();
  });

  test('een onzinwoord geeft een duidelijke melding', async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled });
    await page.goto('/zoeken/?q=qwxzvbnm');
    await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 15_000 }).toMatch(/Geen resultaten voor “qwxzvbnm”/);
    await context.close();
  });
});

/** Writes a published pitch into the server's database, as moderation would leave it. */
async function publishedPitch(fields: { title: string; area: string; challenge: string; status?: 'published' | 'draft' }) {
  const { db } = await serverDatabase();
  const now = Date.now();
  const id = `zoektest-${randomUUID().slice(0, 8)}`;
  await db.insert(pitches).values({
    id,
    municipalityId: 'zaanstad',
    area: fields.area,
    title: fields.title,
    challenge: fields.challenge,
    challengeHtml: `<p>${fields.challenge}</p>`,
    ask: 'Banen, werkervaringsplekken en een buddy.',
    askHtml: '<p>Banen, werkervaringsplekken en een buddy.</p>',
    closingDate: '2099-12-31',
    contactName: 'Zoektest',
    contactEmail: 'zoektest@voorbeeld.nl',
    status: fields.status ?? 'published',
    createdAt: now,
    updatedAt: now,
    publishedAt: fields.status === 'draft' ? null : now,
  });
  return id;
}

describe('één zoekopdracht voor pitches en kennisbank', () => {
  let pitchId: string;
  let draftId: string;
  beforeAll(async () => {
    pitchId = await publishedPitch({ title: 'Wie biedt? Werk voor de Poelenbrug', area: 'Poelenbrug', challenge: 'In de Poelenbrug zoeken veel bewoners werk dichtbij huis.' });
    draftId = await publishedPitch({ title: 'Concept over de Poelenbrug', area: 'Poelenbrug', challenge: 'Nog niet klaar.', status: 'draft' });
  });

  test.each(withAndWithoutJs)('%s: /zoeken/?q=Poelenbrug toont de pitch en het praktijkvoorbeeld samen, geen concept', async (_label, javaScriptEnabled) => {
    const { context, page, errors } = await newPage(browser, { javaScriptEnabled });
    const response = await page.goto('/zoeken/?q=Poelenbrug');
    expect(response?.status()).toBe(200);
    const pitchLinks = await page.locator('[data-pitch-results] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(pitchLinks).toContain(`/pitches/${pitchId}/`);
    expect(pitchLinks).not.toContain(`/pitches/${draftId}/`);
    const contentLinks = await page.locator('[data-search-results] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(contentLinks).toContain('/praktijkvoorbeelden/zaanstad-poelenbrug-wie-biedt/');
    const pitchItem = page.locator('[data-pitch-results] li', { hasText: 'Wie biedt? Werk voor de Poelenbrug' });
    expect(await pitchItem.innerText()).toMatch(/Pitch: open[\s\S]*Zaanstad, Poelenbrug/);
    expect(await pitchItem.locator('mark').allInnerTexts()).toContain('Poelenbrug');
    expect(await page.getByLabel('Zoekterm', { exact: true }).inputValue()).toBe('Poelenbrug');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('een plaatsnaam vindt ook de pitches van haar gemeente: "Zaandam" toont de Zaanstadse pitch', async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto('/zoeken/?q=Zaandam');
    // Other tests add Zaanstad pitches too: every hit is Zaanstad's, and there is at least ours.
    const items = await page.locator('[data-pitch-results] li').allInnerTexts();
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item).toContain('Zaanstad');
    expect(pitchId).toBeTruthy();
    await context.close();
  });

  test('een gemeente zonder eigen praktijkvoorbeelden is te vinden, ook onder haar dagelijkse naam: "Den Haag"', async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto('/zoeken/?q=Den%20Haag');
    const links = await page.locator('[data-organisation-results] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toContain('/organisaties/s-gravenhage/');
    const text = await page.locator('[data-organisation-results]').innerText();
    expect(text).toContain("Gemeente 's-Gravenhage ligt in Zuid-Holland");
    expect(text).not.toContain('Gemeente Gemeente');
    await context.close();
  });

  test('met JavaScript: typen (zonder Zoeken) ververst de kennisbank uit Pagefind en de pitches van de server', async () => {
    const { context, page, errors } = await newPage(browser);
    const pagefindRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/pagefind/')) pagefindRequests.push(request.url());
    });
    await page.goto('/zoeken/?q=Poelenbrug');
    const serverUrl = page.url();
    const contentHrefs = () => page.locator('[data-search-results] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const pitchHrefs = () => page.locator('[data-pitch-results] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(await contentHrefs()).not.toContain('/instrumenten/jobcoaching-loonwaarde/');

    await page.getByLabel('Zoekterm', { exact: true }).fill('loonwaarde');
    await expect.poll(contentHrefs, { timeout: 15_000 }).toContain('/instrumenten/jobcoaching-loonwaarde/');
    expect(await contentHrefs()).toContain('/praktijkvoorbeelden/zwolle-regelluw-werken/');
    const status = page.locator('[data-search-status]');
    // The same sentence the server writes for the same words.
    expect(await status.textContent()).toMatch(/^\d+ resulta(at|ten) voor “loonwaarde”: \d+ pitch(es)? en \d+ pagina’s? uit de kennisbank\.$/);
    expect(await page.getByRole('heading', { name: /^Uit de kennisbank \(\d+\)$/ }).count()).toBe(1);
    // The kennisbank came from Pagefind in the browser, not from a new server page; the
    // pitches were asked again for the typed words (the Poelenbrug pitch does not mention them).
    expect(pagefindRequests.length).toBeGreaterThan(0);
    expect(page.url()).toBe(serverUrl);
    await expect.poll(pitchHrefs).not.toContain(`/pitches/${pitchId}/`);
    // Exactly one polite live region announces the count.
    expect(await page.locator('[role="status"], [aria-live="polite"]').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);

    // Zoeken is still a normal GET: the server answers both halves for the new term.
    await page.getByRole('search', { name: 'Zoeken op deze pagina' }).getByRole('button', { name: 'Zoeken' }).click();
    await page.waitForURL(/\/zoeken\/\?q=loonwaarde/);
    expect(await pitchHrefs()).not.toContain(`/pitches/${pitchId}/`);
    expect(await contentHrefs()).toContain('/instrumenten/jobcoaching-loonwaarde/');
    // Back to the words the server answered: its answer comes back as it was.
    await page.goBack();
    await page.getByLabel('Zoekterm', { exact: true }).fill('Poelenbrug');
    await expect.poll(pitchHrefs, { timeout: 15_000 }).toContain(`/pitches/${pitchId}/`);
    await context.close();
  });

  test('met JavaScript: typen van "Zaandam" vindt via Pagefind de praktijkvoorbeelden van Zaanstad', async () => {
    const { context, page, errors } = await newPage(browser);
    const pagefindRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/pagefind/')) pagefindRequests.push(request.url());
    });
    await page.goto('/zoeken/?q=loonwaarde');
    const contentHrefs = () => page.locator('[data-search-results] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    await page.getByLabel('Zoekterm', { exact: true }).fill('Zaandam');
    await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 15_000 }).toContain('“Zaandam”');
    expect(await contentHrefs()).toContain('/praktijkvoorbeelden/albert-heijn-zaanstad/');
    expect(await contentHrefs()).toContain('/praktijkvoorbeelden/zaanstad-poelenbrug-wie-biedt/');
    expect(pagefindRequests.length).toBeGreaterThan(0);
    expect(page.url()).toMatch(/q=loonwaarde$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('met JavaScript maar zonder Pagefind blijven de resultaten van de server staan', async () => {
    const { context, page } = await newPage(browser);
    await page.route('**/pagefind/**', (route) => route.abort());
    await page.goto('/zoeken/?q=Poelenbrug');
    await page.getByLabel('Zoekterm', { exact: true }).fill('loonwaarde');
    await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 15_000 }).toMatch(/Druk op Zoeken om te zoeken voor “loonwaarde”\.$/);
    expect(await page.locator('[data-search-status]').textContent()).not.toMatch(/fout|lukt niet/i);
    expect(await page.locator('[data-search-results] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toContain('/praktijkvoorbeelden/zaanstad-poelenbrug-wie-biedt/');
    expect(await page.locator('[data-pitch-results] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toContain(`/pitches/${pitchId}/`);
    await context.close();
  });

  test('zonder JavaScript vanuit de kop van een pagina: de server antwoordt', async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    const links = await searchFromHeader(page, 'poelenbr', '/over/');
    expect(links.map((l) => l.href)).toContain('/praktijkvoorbeelden/zaanstad-poelenbrug-wie-biedt/');
    expect(await page.locator('[data-pitch-results] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toContain(`/pitches/${pitchId}/`);
    await context.close();
  });

  test('zonder JavaScript bladeren door meer dan tien pitches; de kennisbank staat op de eerste pagina', async () => {
    for (let i = 0; i < 11; i++) await publishedPitch({ title: `Bladertest ${i}`, area: 'Bladerwijk', challenge: 'Een pitch om door te bladeren.' });
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto('/zoeken/?q=bladertest');
    expect(await page.locator('[data-pitch-results] li').count()).toBe(10);
    await page.getByRole('link', { name: 'Volgende pitches' }).click();
    await page.waitForURL(/pagina=2/);
    expect(await page.locator('[data-pitch-results] li').count()).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Meer pitches' }).innerText()).toContain('Pagina 2 van 2');
    await page.getByRole('link', { name: 'Vorige pitches' }).click();
    await page.waitForURL((url) => !url.searchParams.has('pagina'));
    expect(await page.locator('[data-pitch-results] li').count()).toBe(10);
    await context.close();
  });

  test.each(['"', 'NEAR(', 'AND', '*', '-', '😀', 'wie biedt?', 'x'.repeat(500)])('vreemde invoer %j geeft een pagina, geen fout', async (q) => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    const response = await page.goto(`/zoeken/?q=${encodeURIComponent(q)}`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('[data-search-status]').textContent()).toMatch(/resulta|Typ een zoekterm/);
    await context.close();
  });

  test.each([
    ['met resultaten (pitch en kennisbank)', '/zoeken/?q=Poelenbrug'],
    ['zonder resultaten', '/zoeken/?q=qwxzvbnm'],
    ['zonder resultaten, met hulp (qwerty)', '/zoeken/?q=qwerty'],
    ['met "Bedoelde u"', '/zoeken/?q=PstNL'],
    ['met een plaatsnaam', '/zoeken/?q=Zaandam'],
    ['zonder zoekterm', '/zoeken/'],
    ['met filter', '/zoeken/?q=werk&Soort=Pitch'],
  ])('axe: /zoeken/ %s heeft geen overtredingen', async (_name, path) => {
    const { context, page } = await newPage(browser);
    await page.goto(path);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  test('op een telefoon (390 px) en een laptop past de pagina met resultaten in de breedte', async () => {
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1280, height: 800 },
    ]) {
      const { context, page } = await openPage(browser, { viewport });
      await page.goto('/zoeken/?q=Poelenbrug');
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await context.close();
    }
  });
});
