/**
 * Layout and identity: on a 390×844 phone every page type starts
 * its main heading in the top third; the header's Menu opens without JavaScript and its links
 * are reached by keyboard; the home page has one search box; the instrument comparison's rows
 * don't overlap; the footer names the network; case and instrument pages can be shared and
 * printed without the site's chrome; on pages rendered on request the header names the
 * signed-in person and offers a log-out.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { pitches } from '#db/marketplace-schema.ts';
import { axeViolations, connectBrowser, newPage, noJsPageFrom, openPage } from './browser.ts';
import { identity, serverDatabase } from './accounts-support.ts';
import { confirmedAccount, signIn } from './session-support.ts';

let browser: Browser;
let pitchId: string;
beforeAll(async () => {
  browser = await connectBrowser();
  pitchId = await publishedPitch();
});
afterAll(async () => {
  await browser?.close();
});

/** A published pitch in the server's database, as moderation leaves it, so a pitch page exists. */
async function publishedPitch(title = 'Wie biedt werk in de Poelenbrug?'): Promise<string> {
  const { db } = await serverDatabase();
  const now = Date.now();
  const id = `opmaak-${randomUUID().slice(0, 8)}`;
  await db.insert(pitches).values({
    id,
    municipalityId: 'zaanstad',
    area: 'Poelenbrug',
    title,
    challenge: 'Veel bewoners zoeken werk dichtbij huis.',
    challengeHtml: '<p>Veel bewoners zoeken werk dichtbij huis.</p>',
    ask: 'Banen en een buddy.',
    askHtml: '<p>Banen en een buddy.</p>',
    closingDate: '2099-12-31',
    contactName: 'Opmaaktest',
    contactEmail: 'opmaaktest@voorbeeld.nl',
    status: 'published',
    createdAt: now,
    updatedAt: now,
    publishedAt: now,
  });
  return id;
}

const PHONE = { width: 390, height: 844 };
/** The top third of a 390×844 screen. */
const TOP_THIRD = 844 / 3;

async function phone(javaScriptEnabled = true): Promise<{ context: BrowserContext; page: Page }> {
  return await openPage(browser, { javaScript: javaScriptEnabled, viewport: PHONE });
}

describe('op een telefoon (390×844) begint de hoofdkop in het bovenste derde', () => {
  const pageTypes: [string, () => string][] = [
    ['home', () => '/'],
    ['praktijkvoorbeelden', () => '/praktijkvoorbeelden/'],
    ['een praktijkvoorbeeld', () => '/praktijkvoorbeelden/albert-heijn-zaanstad/'],
    ['instrumenten', () => '/instrumenten/'],
    ['een instrument', () => '/instrumenten/jobcoaching-loonwaarde/'],
    ['organisaties', () => '/organisaties/'],
    ['een organisatie', () => '/organisaties/zaanstad/'],
    ['kaart', () => '/kaart/'],
    ['zoeken', () => '/zoeken/?q=basisbaan'],
    ['pitches', () => '/pitches/'],
    ['een pitch', () => `/pitches/${pitchId}/`],
    ['over', () => '/over/'],
    ['inloggen', () => '/account/inloggen/'],
  ];
  test.each(pageTypes)('%s', async (_name, path) => {
    const { context, page } = await phone();
    const response = await page.goto(path());
    expect(response?.status()).toBe(200);
    const h1 = await page.locator('h1').first().boundingBox();
    expect(h1).not.toBeNull();
    expect(h1!.y).toBeLessThan(TOP_THIRD);
    await context.close();
  });
});

describe('kruimelpad', () => {
  test('een lange pitchtitel breekt tussen zijn woorden: geen regel begint met een losse "›", niets steekt uit', async () => {
    const id = await publishedPitch('Werk in de Poelenbrug: samen met werkgevers uit de wijk banen en leerplekken voor jongeren en statushouders');
    const { context, page } = await phone(false);
    await page.goto(`/pitches/${id}/meedoen/`);
    const items = await page.locator('.utrecht-breadcrumb-nav__item').evaluateAll((lis) =>
      lis
        .filter((li) => li.getClientRects().length > 0)
        .map((li) => {
          // The item's first line box starts with its "›" (::before); its label's first line must be on that line.
          const line = li.getClientRects()[0]!;
          const range = document.createRange();
          range.selectNodeContents(li.querySelector('a, span')!);
          const label = range.getClientRects()[0]!;
          return { text: li.textContent!.trim(), lines: li.getClientRects().length, apart: Math.abs((line.top + line.bottom) / 2 - (label.top + label.bottom) / 2) };
        }),
    );
    const title = items.find((item) => item.text.startsWith('Werk in de Poelenbrug'))!;
    expect(title.lines).toBeGreaterThan(1); // it does wrap at 390 px
    for (const item of items) expect(item.apart, item.text).toBeLessThan(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });
});

describe('de kopbalk zonder JavaScript', () => {
  test('Menu gaat open met het toetsenbord en zijn links zijn met Tab te bereiken', async () => {
    const { context, page } = await noJsPageFrom(browser, identity('opmaak-menu').ip);
    await page.setViewportSize(PHONE);
    await page.goto('/instrumenten/');
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    // Closed: the links are not shown (and not in the tab order).
    expect(await nav.isVisible()).toBe(false);
    const menu = page.locator('summary', { hasText: 'Menu' });
    await menu.focus();
    await page.keyboard.press('Enter');
    expect(await nav.isVisible()).toBe(true);
    const reached: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href') ?? ''));
    }
    for (const href of ['/praktijkvoorbeelden/', '/instrumenten/', '/pitches/', '/organisaties/', '/kaart/', '/over/']) expect(reached).toContain(href);
    // The open panel lies inside the screen.
    const box = await nav.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await context.close();
  });

  test('de zoekknop opent een zoekveld dat zonder JavaScript naar /zoeken/ gaat', async () => {
    const { context, page } = await noJsPageFrom(browser, identity('opmaak-zoek').ip);
    await page.setViewportSize(PHONE);
    await page.goto('/instrumenten/');
    await page.locator('summary', { hasText: 'Zoeken' }).click();
    await page.getByLabel('Zoek in Praktijkplein').fill('basisbaan');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/zoeken\/\?q=basisbaan/);
    await context.close();
  });

  test('de kopbalk op een telefoon is één smalle balk (hoogstens 80 px), ook op 320 px zonder zijwaarts scrollen', async () => {
    const { context, page } = await phone(false);
    for (const width of [390, 320]) {
      await page.setViewportSize({ width, height: 700 });
      await page.goto('/praktijkvoorbeelden/albert-heijn-zaanstad/');
      const header = await page.locator('header.pp-header').boundingBox();
      expect(header!.height).toBeLessThanOrEqual(80);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      for (const toggle of await page.locator('.pp-header__toggle').all()) {
        const box = await toggle.boundingBox();
        expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      }
    }
    await context.close();
  });
});

describe('de homepagina', () => {
  test('heeft precies één zoekvak, en de zoekknop in de kopbalk wijst ernaar', async () => {
    for (const viewport of [PHONE, { width: 1280, height: 800 }]) {
      const { context, page } = await openPage(browser, { viewport });
      await page.goto('/');
      expect(await page.locator('input[type="search"]').count()).toBe(1);
      expect(await page.getByRole('searchbox').count()).toBe(1);
      expect(await page.locator('header a[href="#zoeken"]').count()).toBe(1);
      await context.close();
    }
  });

  test('heeft een ingang voor gemeenten, werkgevers en het netwerk', async () => {
    const { context, page } = await phone();
    await page.goto('/');
    const ways = page.locator('.pp-audience');
    expect(await ways.count()).toBe(3);
    const hrefs = await ways.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    for (const href of ['/praktijkvoorbeelden/', '/instrumenten/', '/pitches/', '/aandragen/', '/beheer/']) expect(hrefs).toContain(href);
    await context.close();
  });
});

describe('kaarten en bedieningselementen', () => {
  /** The number of cards on each row of a card grid, top to bottom. */
  const cardsPerRow = (page: Page, selector: string) =>
    page.locator(`${selector} > li`).evaluateAll((items) => {
      const rows = new Map<number, number>();
      for (const item of items) {
        const top = Math.round(item.getBoundingClientRect().top);
        rows.set(top, (rows.get(top) ?? 0) + 1);
      }
      return [...rows.entries()].sort(([a], [b]) => a - b).map(([, count]) => count);
    });

  test.each([1280, 800])('op %i px laat het raster van uitgelichte praktijkvoorbeelden geen kaart alleen op een rij', async (width) => {
    const { context, page } = await openPage(browser, { viewport: { width, height: 900 } });
    await page.goto('/');
    const rows = await cardsPerRow(page, 'section[aria-labelledby="uitgelicht"] .pp-card-list');
    expect(rows.reduce((a, b) => a + b, 0)).toBeGreaterThan(1);
    expect(rows.length).toBeGreaterThan(1);
    for (const count of rows) expect(count).toBeGreaterThanOrEqual(2);
    await context.close();
  });

  test('zoekveld en knop staan op één lijn, even hoog', async () => {
    for (const viewport of [PHONE, { width: 1280, height: 800 }]) {
      const { context, page } = await openPage(browser, { viewport });
      for (const path of ['/', '/instrumenten/']) {
        await page.goto(path);
        const form = page.getByRole('search').first();
        if (path !== '/' && viewport.width < 600) await page.locator('summary', { hasText: 'Zoeken' }).click();
        const input = (await form.getByRole('searchbox').boundingBox())!;
        const button = (await form.getByRole('button', { name: 'Zoeken' }).boundingBox())!;
        expect(Math.abs(input.y - button.y)).toBeLessThanOrEqual(1);
        expect(Math.abs(input.height - button.height)).toBeLessThanOrEqual(1);
      }
      await context.close();
    }
  });
});

describe('identiteit en voettekst', () => {
  test('een favicon (SVG), het woordmerk in de kop, de netwerkorganisatie en de licentie in de voettekst', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/praktijkvoorbeelden/');
    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    expect(icon).toBe('/favicon.svg');
    const favicon = await page.request.get(icon!);
    expect(favicon.status()).toBe(200);
    expect(await favicon.text()).toContain('<svg');
    expect(await page.locator('header .pp-wordmark svg').count()).toBe(1);
    const footer = page.locator('footer [data-network]');
    // Without NETWORK_NAME the example setting shows, and says it is an example.
    expect(await footer.innerText()).toContain('Netwerk Praktijkplein (voorbeeld)');
    expect(await footer.locator('a[href^="mailto:"]').count()).toBe(1);
    expect(await page.locator('footer').innerText()).toContain('voorbeeldinstelling');
    expect(await page.locator('footer a[href="/over/#toegankelijkheid"]').count()).toBe(1);
    // The licence of the site's texts and data, with the open data that reuses them.
    const licence = page.locator('footer [data-licence]');
    expect(await licence.innerText()).toMatch(/^Teksten en gegevens van Praktijkplein: CC BY 4\.0/);
    expect(await licence.locator('a[rel="license"]').getAttribute('href')).toBe('https://creativecommons.org/licenses/by/4.0/deed.nl');
    expect(await page.locator('footer a[href^="/open-data/"]').count()).toBe(2);
    await context.close();
  });

  test('/over/ noemt de netwerkorganisatie en gebruikt geen vaktaal', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/over/');
    const text = await page.locator('main').innerText();
    expect(text).toContain('Netwerk Praktijkplein (voorbeeld)');
    expect(await page.locator('main a[href^="mailto:"]').count()).toBeGreaterThan(0);
    expect(text).not.toMatch(/argon2|hash|sessiecookie|apparaatcookie|token/i);
    await context.close();
  });
});

describe('de vergelijking van gemeenten op een instrumentpagina (390 en 320 px)', () => {
  test('rijen en cellen liggen onder elkaar, nooit over elkaar', async () => {
    const { context, page } = await phone();
    for (const [path, width] of [['/instrumenten/basisbaan/', 390], ['/instrumenten/loonkostensubsidie/', 390], ['/instrumenten/basisbaan/', 320]] as const) {
      await page.setViewportSize({ width, height: 844 });
      await page.goto(path);
      const rows = await page.locator('section[aria-labelledby="vergelijking"] tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({
          box: tr.getBoundingClientRect().toJSON() as DOMRect,
          cells: [...tr.children].map((cell) => ({ box: cell.getBoundingClientRect().toJSON() as DOMRect, overflows: cell.scrollHeight > cell.clientHeight + 1 })),
        })),
      );
      expect(rows.length).toBeGreaterThan(2);
      for (const [i, row] of rows.entries()) {
        if (i > 0) expect(row.box.top).toBeGreaterThanOrEqual(rows[i - 1]!.box.bottom - 1);
        for (const [j, cell] of row.cells.entries()) {
          expect(cell.overflows).toBe(false);
          expect(cell.box.bottom).toBeLessThanOrEqual(row.box.bottom + 1);
          if (j > 0) expect(cell.box.top).toBeGreaterThanOrEqual(row.cells[j - 1]!.box.bottom - 1);
        }
      }
    }
    await context.close();
  });
});

describe('delen en afdrukken', () => {
  test.each([['praktijkvoorbeeld', '/praktijkvoorbeelden/postnl-pakketsorteercentra/'], ['instrument', '/instrumenten/basisbaan/']])(
    'een %s toont zijn adres om te kopiëren en een maillink, zonder JavaScript',
    async (_kind, path) => {
      const { context, page } = await noJsPageFrom(browser, identity('opmaak-delen').ip);
      await page.goto(path);
      const field = page.getByLabel('Adres van deze pagina');
      const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
      expect(canonical).toMatch(new RegExp(`${path}$`));
      expect(await field.inputValue()).toBe(canonical);
      expect(await field.getAttribute('readonly')).not.toBeNull();
      const mail = await page.getByRole('link', { name: 'Mail deze pagina naar iemand' }).getAttribute('href');
      expect(mail).toMatch(/^mailto:\?subject=/);
      expect(decodeURIComponent(mail!)).toContain(canonical!);
      await context.close();
    },
  );

  test.each([['praktijkvoorbeeld', '/praktijkvoorbeelden/postnl-pakketsorteercentra/'], ['instrument', '/instrumenten/basisbaan/']])(
    'een afgedrukt %s heeft geen kop, menu, zoekveld of voettekst, wel de bronnen en het adres',
    async (_kind, path) => {
      const { context, page } = await newPage(browser);
      await page.goto(path);
      await page.emulateMedia({ media: 'print' });
      for (const selector of ['header.pp-header', 'nav', '[role="search"]', 'footer', '.pp-share']) {
        for (const element of await page.locator(selector).all()) expect(await element.isVisible(), selector).toBe(false);
      }
      const sources = page.locator('section[aria-labelledby="bronnen"] li');
      expect(await sources.count()).toBeGreaterThan(0);
      for (const source of await sources.all()) expect(await source.isVisible()).toBe(true);
      const url = page.locator('.pp-print-url');
      expect(await url.isVisible()).toBe(true);
      expect(await url.innerText()).toContain(path);
      await page.emulateMedia({ media: 'screen' });
      expect(await url.isVisible()).toBe(false);
      await context.close();
    },
  );
});

describe('wie is ingelogd', () => {
  test('een pagina op aanvraag toont de naam en een uitlogknop; een vooraf gebouwde pagina biedt Mijn account', async () => {
    const who = identity('opmaak-ingelogd');
    const { context, page } = await noJsPageFrom(browser, who.ip);
    await confirmedAccount({ name: 'Ingrid Ingelogd', email: who.email, organisation: 'Zaanstad' });
    await signIn(page, who.email);
    await page.goto('/pitches/');
    const account = page.locator('header [data-header-account]');
    expect(await account.innerText()).toContain('Ingrid Ingelogd');
    // On a desktop the name and Uitloggen sit side by side in the menu's row, and the menu stays one line.
    await page.setViewportSize({ width: 1280, height: 800 });
    const name = (await account.getByRole('link', { name: /Ingrid Ingelogd/ }).boundingBox())!;
    const logout = (await account.getByRole('button', { name: 'Uitloggen als Ingrid Ingelogd' }).boundingBox())!;
    const firstItem = (await page.locator('header nav a').first().boundingBox())!;
    const lastItem = (await page.locator('header nav a').last().boundingBox())!;
    expect(logout.x).toBeGreaterThan(name.x + name.width - 1);
    expect(Math.abs(logout.y + logout.height / 2 - (name.y + name.height / 2))).toBeLessThan(4);
    expect(Math.abs(lastItem.y - firstItem.y)).toBeLessThan(4);
    expect((await page.locator('header').boundingBox())!.height).toBeLessThanOrEqual(130);
    // A content page is the same HTML for everyone: it cannot know who reads it.
    await page.goto('/instrumenten/');
    expect(await account.innerText()).not.toContain('Ingrid Ingelogd');
    expect(await account.getByRole('link', { name: 'Mijn account' }).count()).toBe(1);
    // Log out from the header of an on-demand page, without JavaScript.
    await page.goto('/pitches/');
    await page.getByRole('button', { name: 'Uitloggen als Ingrid Ingelogd' }).click();
    await page.waitForURL(/\/account\/inloggen\/\?melding=uitgelogd/);
    await page.goto('/pitches/');
    expect(await account.innerText()).not.toContain('Ingrid Ingelogd');
    expect(await account.getByRole('link', { name: 'Inloggen' }).count()).toBe(1);
    await context.close();
  });
});

describe('toegankelijkheid van de nieuwe opmaak', () => {
  test.each([
    ['home (telefoon)', '/', PHONE],
    ['home (desktop)', '/', { width: 1280, height: 800 }],
    ['instrument (telefoon)', '/instrumenten/basisbaan/', PHONE],
    ['instrument (desktop)', '/instrumenten/basisbaan/', { width: 1280, height: 800 }],
    ['organisaties (telefoon)', '/organisaties/', PHONE],
  ])('%s heeft geen axe-overtredingen', async (_name, path, viewport) => {
    const { context, page } = await openPage(browser, { viewport });
    await page.goto(path);
    expect(await axeViolations(page)).toEqual([]);
    // And with the menu open on a phone.
    if (viewport.width < 600) {
      await page.locator('summary', { hasText: 'Menu' }).click();
      expect(await axeViolations(page)).toEqual([]);
    }
    await context.close();
  });
});
