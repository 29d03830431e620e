/**
 * In a browser: a curator writes a new case without JavaScript, types a municipality
 * that does not exist (refused, the field named, the input kept; a too-long summary gets the
 * plain-language advice beside its field, without being refused), fixes both, previews it (the
 * same page components as a published case; noindex) and presses Publiceren, which this shared
 * server refuses (PUBLISHING=off: it runs from the checkout; the full flow is publishing.test.ts). The preview of an
 * unchanged case is the published page's article, byte for byte. A second curator is told who
 * else is editing. Members and visitors are refused. axe finds nothing on every editor page.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, hasText, connectBrowser, visible, openPage } from './browser.ts';
import { signedInPage } from './session-support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A signed-in PostNL member in a context of their own; `role` curator makes them one. */
const signedIn = (prefix: string, name: string, options: { role?: 'curator'; javaScript?: boolean } = {}) =>
  signedInPage(browser, prefix, { name, ...options });

const CASE = 'postnl-pakketsorteercentra';

describe('inhoud bewerken (zonder JavaScript)', () => {
  test('nieuw praktijkvoorbeeld: onbekende gemeente geweigerd met het veld erbij, invoer blijft; hersteld, voorbeeld, Publiceren', async () => {
    const { page, context } = await signedIn('e11-curator', 'Cora Curator', { role: 'curator' });
    await page.goto('/beheer/inhoud/');
    await page.getByRole('link', { name: 'Nieuw praktijkvoorbeeld' }).click();
    await page.waitForURL(/\/beheer\/inhoud\/praktijkvoorbeeld\/nieuw\/$/);
    const id = `e2e-voorbeeld-${Date.now().toString(36)}`;
    await page.getByLabel('Adres van de pagina').fill(id);
    await page.getByLabel('Titel').fill('Schoonmaken in de wijk met buurtbewoners');
    // A first summary too long for plain language (B1): advice beside the field, not a refusal.
    await page.getByLabel('Samenvatting').fill('Een schoonmaakbedrijf en de gemeente zetten samen buurtbewoners die al lang geen werk hadden aan het werk in hun eigen wijk, met begeleiding op de werkplek.');
    await page.getByLabel('Werkgever 1').fill('PostNL');
    await page.getByLabel('Gemeente 1').fill('Atlantis');
    await page.getByLabel('Schoonmaak en facilitair').check();
    await page.getByLabel(/^Gedeelde praktijkervaring/).check();
    await page.getByLabel(/^Liep ten tijde van de bron/).check();
    await page.getByLabel(/^Werkconferentie van werkgevers en gemeenten/).check();
    await page.getByRole('button', { name: 'Concept opslaan' }).click();

    // Refused: the error summary names the field, the message sits beside it, the input is kept.
    await visible(page.locator('.pp-error-summary'));
    await hasText(page.locator('#veld-municipalities-fout'), /Onbekende gemeente: "Atlantis"/);
    expect(await page.locator('.pp-error-summary').innerText()).toContain('Gemeenten: Onbekende gemeente: "Atlantis"');
    expect(await page.getByLabel('Titel').inputValue()).toBe('Schoonmaken in de wijk met buurtbewoners');
    expect(await page.getByLabel('Gemeente 1').inputValue()).toBe('Atlantis');
    expect(await page.getByLabel('Schoonmaak en facilitair').isChecked()).toBe(true);
    expect(await page.title()).toMatch(/^Fout: /);
    await hasText(page.locator('#veld-summary-waarschuwing'), /gewone taal \(B1\)[\s\S]*De zin heeft 26 woorden; houd het bij 20 of minder\./);
    expect(await page.locator('.pp-error-summary').innerText()).not.toContain('Samenvatting');

    await page.getByLabel('Samenvatting').fill('Een schoonmaakbedrijf en de gemeente zetten buurtbewoners aan het werk in hun eigen wijk.');
    await page.getByLabel('Gemeente 1').fill('Zaandam');
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await page.waitForURL(/\/beheer\/inhoud\/concept\/[^/]+\/\?melding=opgeslagen$/);
    await visible(page.getByText('Het concept is opgeslagen.'));
    const draftUrl = new URL(page.url()).pathname;

    // The preview: the published page's components, with the draft's data.
    const response = await page.goto(`${draftUrl}voorbeeld/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['x-robots-tag']).toBe('noindex, nofollow');
    await hasText(page.locator('article h1.utrecht-heading-1'), 'Schoonmaken in de wijk met buurtbewoners');
    await visible(page.locator('article .pp-aside#in-het-kort, article aside[aria-labelledby="in-het-kort"]'));
    expect(await page.locator('article .pp-prose h2#de-situatie').innerText()).toBe('De situatie');
    expect(await page.locator('article aside').innerText()).toContain('Zaanstad');
    expect(await page.locator('article .pp-lead').innerText()).toBe('Een schoonmaakbedrijf en de gemeente zetten buurtbewoners aan het werk in hun eigen wijk.');
    const published = await context.newPage();
    await published.goto(`/praktijkvoorbeelden/${CASE}/`);
    // The case's own article (the related cards below it are articles too, and their number depends on the case).
    const structure = (p: Page) => p.locator('article').first().locator(':scope > *, :scope .pp-columns > *').evaluateAll((nodes) => nodes.map((n) => `${n.tagName}.${n.className}`));
    expect(await structure(page)).toEqual(await structure(published));

    // Publiceren: this shared server runs from the checkout, so it runs with PUBLISHING=off
    // (server-setup.ts) and must refuse, or it would write content/ and commit into the checkout.
    // The whole flow up to live, search, filters and revert is in publishing.test.ts, on a copy.
    await page.goto(draftUrl);
    await page.getByRole('button', { name: 'Publiceren' }).click();
    await visible(page.locator('.pp-error-summary'));
    expect(await page.locator('.pp-error-summary').innerText()).toContain('Publiceren staat uit op deze server (PUBLISHING=off). Er is niets gewijzigd.');
    expect(new URL(page.url()).pathname).toBe(draftUrl);
    await context.close();
  });

  test('het voorbeeld van een ongewijzigd praktijkvoorbeeld is de gepubliceerde pagina; een tweede curator hoort wie het ook bewerkt', async () => {
    const { page, context } = await signedIn('e11-anna', 'Anna Aalders', { role: 'curator' });
    await page.goto(`/beheer/inhoud/praktijkvoorbeeld/${CASE}/`);
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await page.waitForURL(/\/beheer\/inhoud\/concept\/[^/]+\/\?melding=opgeslagen$/);
    const draftUrl = new URL(page.url()).pathname;
    await page.goto(`${draftUrl}voorbeeld/`);
    const preview = await page.locator('article').first().evaluate((a) => a.outerHTML);
    await page.goto(`/praktijkvoorbeelden/${CASE}/`);
    expect(preview).toBe(await page.locator('article').first().evaluate((a) => a.outerHTML));

    const bert = await signedIn('e11-bert', 'Bert Bosman', { role: 'curator' });
    await bert.page.goto(`/beheer/inhoud/praktijkvoorbeeld/${CASE}/`);
    await hasText(bert.page.locator('.utrecht-alert--warning'), /^Anna Aalders bewerkt dit ook \(concept van \d\d:\d\d\)/);
    await bert.context.close();
    await context.close();
  });

  test('wie geen curator is, komt er niet in; een bezoeker moet inloggen', async () => {
    const { page, context } = await signedIn('e11-lid', 'Lid Lammers');
    for (const path of ['/beheer/inhoud/', '/beheer/inhoud/praktijkvoorbeeld/nieuw/', `/beheer/inhoud/praktijkvoorbeeld/${CASE}/`, `/beheer/inhoud/praktijkvoorbeeld/${CASE}/van-de-site/`, '/beheer/inhoud/concept/bestaat-niet/', '/beheer/inhoud/concept/bestaat-niet/voorbeeld/']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      expect(await page.locator('main').innerText(), path).toContain('alleen voor curatoren en beheerders');
      expect(await page.locator('main form').count(), path).toBe(0);
    }
    await context.close();
    const { context: visitor, page: anonymous } = await openPage(browser);
    await anonymous.goto('/beheer/inhoud/');
    expect(new URL(anonymous.url()).pathname).toBe('/account/inloggen/');
    await visitor.close();
  });
});

describe('inhoud bewerken: toegankelijkheid', () => {
  test('axe vindt niets op elke pagina van de editor', async () => {
    const { page, context } = await signedIn('e11-axe', 'Axel Axe', { role: 'curator', javaScript: true });
    await page.goto(`/beheer/inhoud/praktijkvoorbeeld/${CASE}/`);
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await page.waitForURL(/\/beheer\/inhoud\/concept\/[^/]+\/\?melding=opgeslagen$/);
    const draftUrl = new URL(page.url()).pathname;
    const pages = ['/beheer/inhoud/', '/beheer/inhoud/praktijkvoorbeeld/nieuw/', `/beheer/inhoud/praktijkvoorbeeld/${CASE}/`, `/beheer/inhoud/praktijkvoorbeeld/${CASE}/van-de-site/`, draftUrl, `${draftUrl}voorbeeld/`];
    for (const path of pages) {
      await page.goto(path);
      expect(await axeViolations(page), path).toEqual([]);
    }
    // And a refused form, messages and all.
    await page.goto('/beheer/inhoud/praktijkvoorbeeld/nieuw/');
    await page.getByLabel('Gemeente 1').fill('Atlantis');
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await visible(page.locator('.pp-error-summary'));
    expect(await axeViolations(page), 'nieuw, met fouten').toEqual([]);
    await context.close();
  }, 240_000);
});
