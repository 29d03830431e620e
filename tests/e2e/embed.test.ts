/**
 * A municipality's and an employer's embed on another site, against the built server: the code
 * from the organisation's page pasted into a page on another origin (a small server on another
 * port) shows the pitches in Chromium, a link leads the whole window to the pitch, and host page
 * and frame pass axe; any other page of the site refuses to be framed there. Over HTTP: which
 * addresses may be framed, no script allowed, no cookie read or set, a short cache time, a
 * readable 404, an employer's pitch only where it agreed to be named, and the size (HTML and
 * CSS under 15 KB) measured plain and compressed.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { offers, pitches } from '#db/marketplace-schema.ts';
import { amsterdamDate } from '#domain/amsterdam-time.ts';
import { EMBED_CASE_LIMIT, EMBED_PITCH_LIMIT } from '#features/embed/embed-items.ts';
import { baseURL, connectBrowser, openPage } from './browser.ts';
import { serverDatabase } from './accounts-support.ts';
import { sessionCookie } from './session-support.ts';

const DAY = 86_400_000;
/** Municipalities no other test pitches in. */
const shown = 'terschelling';
const empty = 'ameland';
/** Amsterdam has a practice, for the size with both lists. */
const full = 'amsterdam';
const stamp = Date.now().toString(36);
const realTitle = `Werk op Terschelling in het seizoen ${stamp}`;
const demoTitle = `Leerplekken op de veerboot ${stamp}`;
const closedTitle = `Gesloten pitch van Terschelling ${stamp}`;
const unnamedTitle = `Pitch waar de werkgever zonder naam meedoet ${stamp}`;
/** An employer with a practice that no other test makes offers for. */
const employer = 'facilicom';
let pitchId = '';

let browser: Browser;
let host: http.Server;
let hostURL = '';
/** What the host page shows: the snippet (set by the test), or a frame of another address. */
let hostBody = '';

function row(id: string, municipalityId: string, title: string, fields: Partial<typeof pitches.$inferInsert> = {}): typeof pitches.$inferInsert {
  const now = Date.now();
  return {
    id,
    municipalityId,
    title,
    area: 'Dorp',
    challenge: 'Wie biedt werk of een leerplek aan mensen die nu in de bijstand zitten?',
    challengeHtml: '<p>…</p>',
    ask: 'Doe mee.',
    askHtml: '<p>Doe mee.</p>',
    closingDate: amsterdamDate(new Date(now + 30 * DAY)),
    contactName: 'Contact',
    contactEmail: 'contact@voorbeeld.nl',
    status: 'published',
    createdAt: now,
    updatedAt: now,
    publishedAt: now,
    ...fields,
  };
}

beforeAll(async () => {
  // The first on-demand request migrates the server's database; then this test adds its pitches.
  await fetch(`${baseURL()}/pitches/`);
  const { db } = await serverDatabase();
  pitchId = `e2e-inbedding-${stamp}`;
  // The longest texts a pitch may have, with letters that take two bytes: the size's worst case.
  const longTitle = (i: number) => `${i} Coöperatie één café: ${'werk voor iedereen in de wijk '.repeat(4)}`.slice(0, 120);
  const longChallenge = 'Wij zoeken werkgevers die één of meer mensen een plek geven, met begeleiding op de werkvloer. '.repeat(4);
  await db.insert(pitches).values([
    row(pitchId, shown, realTitle),
    row(`e2e-inbedding-demo-${stamp}`, shown, demoTitle, { demo: true, publishedAt: Date.now() - 60_000 }),
    row(`e2e-inbedding-dicht-${stamp}`, shown, closedTitle, { status: 'closed', closedAt: Date.now() }),
    row(`e2e-inbedding-anoniem-${stamp}`, shown, unnamedTitle, { publishedAt: Date.now() - 120_000 }),
    ...Array.from({ length: EMBED_PITCH_LIMIT + 1 }, (_, i) => row(`e2e-inbedding-lang-${i}-${stamp}`, full, longTitle(i), { challenge: longChallenge })),
  ]);
  // The employer takes part in the open and the closed pitch by name, and in one more without it.
  const offer = (id: string, pitch: string, showName: boolean): typeof offers.$inferInsert => ({ id: `${id}-${stamp}`, pitchId: pitch, employerId: employer, helpKinds: ['banen'], status: 'offered', showName, createdAt: Date.now(), updatedAt: Date.now() });
  await db.insert(offers).values([
    offer('e2e-inbedding-aanbod-open', pitchId, true),
    offer('e2e-inbedding-aanbod-dicht', `e2e-inbedding-dicht-${stamp}`, true),
    offer('e2e-inbedding-aanbod-anoniem', `e2e-inbedding-anoniem-${stamp}`, false),
  ]);
  browser = await connectBrowser();
  host = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Werken in Terschelling (testsite van een gemeente)</title></head><body><main><h1>Werken in Terschelling</h1><p>Wat de gemeente doet voor werk.</p>${hostBody}</main></body></html>`);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostURL = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => host?.close(resolve));
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${baseURL()}${path}`, { headers });

/** The code as a web editor copies it from the organisation's page: the textarea's value. */
async function snippetFrom(page: Page, query = '', organisation = shown): Promise<string> {
  await page.goto(`/organisaties/${organisation}/${query}`);
  return page.locator('#inbedden-code').inputValue();
}

/**
 * axe on an embed opened alone: every rule but the three about a whole page (one main landmark,
 * one h1, all content in landmarks). Those are the host page's to meet: inside the frame, a
 * second main landmark and h1 would compete with the host's own, so the embed starts at h2; the
 * check on the host page with the frame in it runs them over both together.
 */
async function embedViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ['violations'] }).disableRules(['landmark-one-main', 'page-has-heading-one', 'region']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The child frame of the host page, once it has loaded. */
async function childFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().length).toBe(2);
  const frame = page.frames().find((f) => f !== page.mainFrame())!;
  await frame.waitForLoadState();
  return frame;
}

describe('inbedden over HTTP', () => {
  test('een inbedding mag in elk kader: geen X-Frame-Options, frame-ancestors voor elke website, geen script', async () => {
    const response = await get(`/embed/gemeente/${shown}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-frame-options')).toBeNull();
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain('frame-ancestors https: http:');
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    expect(csp).toContain("form-action 'none'");
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const html = await response.text();
    expect(html).not.toContain('<script');
    expect(html).toContain('<html lang="nl"');
    expect(html).toContain(realTitle);
  });

  test.each(['/pitches/', '/organisaties/terschelling/', '/embed/../pitches/', '/embed/%2e%2e/account/inloggen/'])('%s weigert elk kader', async (path) => {
    const response = await get(path);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  test('de inbedding leest geen sessie en zet geen cookie, ook niet met een kapotte sessiecookie', async () => {
    const cookie = `${sessionCookie}=kapot.kapot`;
    // Elsewhere the broken cookie is cleared (so the test can fail) ...
    expect((await get(`/organisaties/${shown}/`, { cookie })).headers.get('set-cookie')).toMatch(new RegExp(`^${sessionCookie}=deleted;.*Expires=Thu, 01 Jan 1970`));
    // ... but an embed does not look at it.
    const embed = await get(`/embed/gemeente/${shown}/`, { cookie });
    expect(embed.status).toBe(200);
    expect(embed.headers.get('set-cookie')).toBeNull();
  });

  test('alleen open pitches, demo gemarkeerd; zonder open pitch een lege staat in het Nederlands', async () => {
    const html = await (await get(`/embed/gemeente/${shown}/`)).text();
    expect(html).toContain(`${demoTitle} (demo)`);
    expect(html).toContain('Gemeente Terschelling heeft deze pitch niet geplaatst.');
    expect(html).not.toContain(closedTitle);
    const none = await (await get(`/embed/gemeente/${empty}/`)).text();
    expect(none).toContain('Gemeente Ameland heeft nu geen open pitch.');
    expect(none).toContain('<a href="/pitches/nieuw/">Zet een pitch op Praktijkplein</a>');
  });

  test('een werkgever: zijn praktijkvoorbeelden en de pitches waar hij bij naam meedoet, open en gesloten; een aanbod zonder naam niet', async () => {
    const response = await get(`/embed/werkgever/${employer}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-frame-options')).toBeNull();
    expect(response.headers.get('content-security-policy')).toContain('frame-ancestors https: http:');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const html = await response.text();
    expect(html).not.toContain('<script');
    expect(html).toContain('<h2 id="praktijkvoorbeelden">Praktijkvoorbeelden met Facilicom</h2>');
    expect(html).toContain('<h2 id="pitches">Pitches waar Facilicom aan meedoet</h2>');
    expect(html).toContain(realTitle);
    expect(html).toContain(closedTitle);
    expect(html).toContain('Gemeente Terschelling · gesloten');
    expect(html).not.toContain(unnamedTitle);
    // The same pitch is on the municipality's embed: it is left out for the employer only.
    expect(await (await get(`/embed/gemeente/${shown}/`)).text()).toContain(unnamedTitle);
    expect(Buffer.byteLength(html)).toBeLessThan(15_000);
  });

  test.each([
    ['/embed/gemeente/bestaat-niet/', 'Deze gemeente staat niet op Praktijkplein'],
    ['/embed/gemeente/postnl/', 'Deze gemeente staat niet op Praktijkplein'],
    ['/embed/werkgever/bestaat-niet/', 'Deze werkgever staat niet op Praktijkplein'],
    ['/embed/werkgever/zaanstad/', 'Deze werkgever staat niet op Praktijkplein'],
    ['/embed/iets-anders/', 'Dit adres bestaat niet op Praktijkplein'],
  ])('%s: 404 die in het kader leesbaar is', async (path, heading) => {
    const response = await get(path);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-frame-options')).toBeNull();
    const html = await response.text();
    expect(html).toContain(`<h2>${heading}</h2>`);
    // The embed's own shell, not the site's header with its search and menu.
    expect(html).toContain('Via <a href="/">Praktijkplein</a>');
    expect(html).not.toContain('Naar de inhoud');
  });

  test('HTML en CSS samen onder 15 KB, ook met beide lijsten vol en de langste teksten', async () => {
    const response = await get(`/embed/gemeente/${full}/?met=praktijkvoorbeelden`);
    const html = Buffer.from(await response.arrayBuffer());
    const text = html.toString('utf8');
    const stylesheets = [...text.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((match) => match[1]!);
    expect(stylesheets).toHaveLength(1);
    const css = Buffer.from(await (await get(stylesheets[0]!)).arrayBuffer());
    expect(text.match(/class="pp-embed__closes"/g)).toHaveLength(EMBED_PITCH_LIMIT);
    // Amsterdam has fewer practices than the embed shows at most: count the missing ones at their
    // longest (title 120, summary 300 characters, two bytes each) on top of what was measured.
    const caseItems = [...text.matchAll(/<li><h3><a href="\/praktijkvoorbeelden\/[^"]+\/">([^<]*)<\/a><\/h3><p>([^<]*)<\/p><\/li>/g)];
    expect(caseItems.length).toBeGreaterThan(0);
    const [item, title, summary] = caseItems[0]!;
    const longestCase = Buffer.byteLength(item) - Buffer.byteLength(title!) - Buffer.byteLength(summary!) + 2 * (120 + 300);
    const worstCase = html.length + css.length + (EMBED_CASE_LIMIT - caseItems.length) * longestCase;
    const both = Buffer.concat([html, css]);
    const sizes = {
      html: html.length,
      css: css.length,
      plain: both.length,
      gzip: gzipSync(html).length + gzipSync(css).length,
      brotli: brotliCompressSync(html).length + brotliCompressSync(css).length,
      worstCase,
    };
    console.log(`Inbedding ${full} met praktijkvoorbeelden, bytes: ${JSON.stringify(sizes)}`);
    expect(sizes.plain).toBeLessThan(15_000);
    expect(sizes.worstCase).toBeLessThan(15_000);
    expect(sizes.gzip).toBeLessThan(sizes.plain);
  });
});

describe('de pagina van de gemeente biedt de code aan', () => {
  test('zonder JavaScript: het formulier kiest stijl en inhoud, de code en het voorbeeld volgen', async () => {
    const { context, page } = await openPage(browser, { javaScript: false });
    const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(await snippetFrom(page)).toMatch(
      new RegExp(`^<iframe src="https?://[^/"]+/embed/gemeente/${shown}/" ${escaped('title="Open pitches van gemeente Terschelling (Praktijkplein)" height="600" loading="lazy" style="width: 100%; border: 0;"></iframe>')}$`),
    );
    await page.getByLabel(/^Neutraal/).check();
    await page.getByLabel('Ook de praktijkvoorbeelden met Terschelling tonen').check();
    await page.getByRole('button', { name: 'Code aanpassen' }).click();
    await page.waitForURL(/stijl=neutraal&met=praktijkvoorbeelden#op-uw-site$/);
    const snippet = await page.locator('#inbedden-code').inputValue();
    expect(snippet).toContain(`/embed/gemeente/${shown}/?stijl=neutraal&amp;met=praktijkvoorbeelden"`);
    expect(snippet).toContain('height="900"');
    await page.getByRole('link', { name: 'Bekijk het voorbeeld van deze code' }).click();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(`/embed/gemeente/${shown}/?stijl=neutraal&met=praktijkvoorbeelden`);
    await expect.poll(() => page.locator('html').getAttribute('class')).toContain('pp-embed--neutraal');
    expect(await page.getByRole('heading', { level: 2, name: `Praktijkvoorbeelden met Terschelling` }).count()).toBe(1);
    // The page ships no JavaScript (its structured data is a JSON-LD block, which no browser runs).
    const scripts = (await (await get(`/organisaties/${shown}/`)).text()).match(/<script[^>]*>/g) ?? [];
    expect(scripts.filter((tag) => tag !== '<script type="application/ld+json">')).toEqual([]);
    await context.close();
  });
});

describe('de code op een site van een andere herkomst', () => {
  test('het kader toont de open pitches, een link opent de pitch in het hele venster, axe vindt niets', async () => {
    const { context, page } = await openPage(browser);
    hostBody = await snippetFrom(page);
    await page.goto(hostURL);
    const frame = await childFrame(page);
    expect(new URL(frame.url()).origin).not.toBe(new URL(hostURL).origin);
    const link = frame.getByRole('link', { name: realTitle });
    await link.waitFor();
    expect(await frame.getByRole('link', { name: `${demoTitle} (demo)` }).count()).toBe(1);
    expect(await frame.getByText(closedTitle).count()).toBe(0);
    expect(await frame.getByRole('heading', { level: 2 }).first().innerText()).toBe('Pitches van Terschelling en demopitches');

    // axe on the host page with the frame in it: axe's default mode goes into frames, and every
    // rule runs, the best practices too.
    const withFrame = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
    expect(withFrame.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    // The first Tab on the host page goes into the frame, to the first pitch; its focus shows.
    await page.keyboard.press('Tab');
    expect(await link.evaluate((a) => a === document.activeElement && a.matches(':focus-visible'))).toBe(true);
    expect(await link.evaluate((a) => getComputedStyle(a).outlineStyle)).toBe('solid');

    // The link opens the pitch in the whole window (the host's page goes, Back brings it back).
    await link.click();
    await page.waitForURL((url) => url.pathname === `/pitches/${pitchId}/` && url.port === new URL(baseURL()).port);
    expect(page.frames()).toHaveLength(1);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain(realTitle);
    await page.goBack();
    expect(page.url()).toBe(hostURL);

    for (const path of [`/embed/gemeente/${shown}/`, `/embed/gemeente/${shown}/?stijl=neutraal&met=praktijkvoorbeelden`, `/embed/gemeente/${empty}/`, '/embed/gemeente/bestaat-niet/']) {
      await page.goto(path);
      expect(await embedViolations(page), path).toEqual([]);
    }
    await context.close();
  });

  test('de code van een werkgever: het kader toont zijn pitches en praktijkvoorbeelden, axe vindt niets', async () => {
    const { context, page } = await openPage(browser);
    hostBody = await snippetFrom(page, '', employer);
    // An employer's embed always has both lists: its page offers the look, not the content.
    expect(await page.getByRole('group', { name: 'Inhoud' }).count()).toBe(0);
    expect(hostBody).toContain(`/embed/werkgever/${employer}/"`);
    await page.goto(hostURL);
    const frame = await childFrame(page);
    await frame.getByRole('link', { name: realTitle }).waitFor();
    expect(await frame.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(['Praktijkvoorbeelden met Facilicom', 'Pitches waar Facilicom aan meedoet']);
    expect(await frame.getByText(unnamedTitle).count()).toBe(0);
    const withFrame = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
    expect(withFrame.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    for (const path of [`/embed/werkgever/${employer}/?stijl=neutraal`, '/embed/werkgever/bestaat-niet/']) {
      await page.goto(path);
      expect(await embedViolations(page), path).toEqual([]);
    }
    await context.close();
  });

  test('een gewone pagina van de site wordt in dat kader geweigerd', async () => {
    const { context, page } = await openPage(browser);
    hostBody = `<iframe src="${baseURL()}/pitches/${pitchId}/" title="Pitch"></iframe>`;
    const refusals: string[] = [];
    page.on('console', (message) => {
      if (/frame-ancestors|X-Frame-Options/.test(message.text())) refusals.push(message.text());
    });
    await page.goto(hostURL);
    const frame = await childFrame(page);
    await expect.poll(() => refusals.length).toBeGreaterThan(0);
    expect(frame.url()).not.toBe(`${baseURL()}/pitches/${pitchId}/`);
    expect(await frame.getByText(realTitle).count()).toBe(0);
    await context.close();
  });
});
