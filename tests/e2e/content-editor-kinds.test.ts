/**
 * In a browser (never pressing Publiceren: that would publish into the
 * working checkout): a curator edits an instrument without JavaScript, adds a stance with an
 * unknown municipality (refused, the row's field named, the input kept), fixes it and previews
 * it through the published page's own component; the preview of an unchanged instrument is the
 * published article byte for byte. An organisation is edited (a draft of the whole list) and a
 * duplicate id is refused; a source entry is edited the same way. Members are refused everywhere; axe finds nothing on every new page.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, hasText, connectBrowser, visible } from './browser.ts';
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

const INSTRUMENT = 'basisbaan';
const byId = (page: Page, id: string) => page.locator(`[id="${id}"]`);
const newPages = ['/beheer/inhoud/instrument/nieuw/', `/beheer/inhoud/instrument/${INSTRUMENT}/`, `/beheer/inhoud/instrument/${INSTRUMENT}/van-de-site/`, '/beheer/inhoud/organisatie/nieuw/', '/beheer/inhoud/organisatie/asito/', '/beheer/inhoud/bron/nieuw/', '/beheer/inhoud/bron/werkconferentie-werkgevers-en-gemeenten/'];

async function savedDraft(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Concept opslaan' }).click();
  await page.waitForURL(/\/beheer\/inhoud\/concept\/[^/]+\/\?melding=opgeslagen$/);
  return new URL(page.url()).pathname;
}

describe('instrumenten en organisaties bewerken (zonder JavaScript)', () => {
  test('instrument: standpunt met onbekende gemeente geweigerd bij die rij, invoer blijft; hersteld, voorbeeld', async () => {
    const { page, context } = await signedIn('e11k-curator', 'Karin Curator', { role: 'curator' });
    await page.goto('/beheer/inhoud/');
    await page.locator('a[href="/beheer/inhoud/instrument/basisbaan/"]').click();
    await page.waitForURL(/\/beheer\/inhoud\/instrument\/basisbaan\/$/);
    // Four stances in the file, two empty rows below them; "meer lege rijen" gives more.
    expect(await page.locator('[name="stanceMunicipality"]').count()).toBe(6);
    expect(await byId(page, 'veld-stanceMunicipality.0').inputValue()).toBe('Utrecht');
    await byId(page, 'veld-stanceMunicipality.4').fill('Atlantis');
    await byId(page, 'veld-stanceStatement.4').fill('Een test-uitspraak uit de e2e-test, nooit gepubliceerd.');
    await byId(page, 'veld-stanceEvidence.4').selectOption('ambitie');
    await byId(page, 'veld-stanceSource.4').selectOption('werkconferentie-werkgevers-en-gemeenten.txt');
    await page.getByRole('button', { name: 'Concept opslaan' }).click();

    await visible(page.locator('.pp-error-summary'));
    await hasText(byId(page, 'veld-stanceMunicipality.4-fout'), /Onbekende gemeente: "Atlantis"/);
    await hasText(byId(page, 'veld-stanceSource.4-fout'), /staat niet bij de bronnen van deze pagina/);
    expect(await page.locator('.pp-error-summary').innerText()).toContain('Standpunt 5, gemeente: Onbekende gemeente: "Atlantis"');
    expect(await byId(page, 'veld-stanceMunicipality.4').inputValue()).toBe('Atlantis');
    expect(await byId(page, 'veld-stanceStatement.4').inputValue()).toBe('Een test-uitspraak uit de e2e-test, nooit gepubliceerd.');
    expect(await page.title()).toMatch(/^Fout: /);

    await byId(page, 'veld-stanceMunicipality.4').fill('Zaandam');
    await byId(page, 'veld-stanceSource.4').selectOption('utrecht-verkiezingsprogramma-werk.txt');
    const draftUrl = await savedDraft(page);
    // The draft page reopens the instrument form with the new stance.
    expect(await byId(page, 'veld-stanceMunicipality.4').inputValue()).toBe('Zaandam');

    const response = await page.goto(`${draftUrl}voorbeeld/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['x-robots-tag']).toBe('noindex, nofollow');
    await hasText(page.locator('article h1.utrecht-heading-1'), 'Basisbaan');
    expect(await page.locator('article table').innerText()).toContain('Een test-uitspraak uit de e2e-test, nooit gepubliceerd.');
    expect(await page.locator('article table').innerText()).toContain('Zaanstad');

    await page.goto(`/beheer/inhoud/instrument/${INSTRUMENT}/?rijen=5`);
    expect(await page.locator('[name="stanceMunicipality"]').count()).toBe(9);
    await context.close();
  });

  test('het voorbeeld van een ongewijzigd instrument is de gepubliceerde pagina', async () => {
    const { page, context } = await signedIn('e11k-anna', 'Anna Aarts', { role: 'curator' });
    await page.goto(`/beheer/inhoud/instrument/${INSTRUMENT}/`);
    const draftUrl = await savedDraft(page);
    await page.goto(`${draftUrl}voorbeeld/`);
    // Split at tags, so a difference shows as the element that differs.
    const article = async () => (await page.locator('article').first().evaluate((a) => a.outerHTML)).split(/(?=<)/);
    const preview = await article();
    await page.goto(`/instrumenten/${INSTRUMENT}/`);
    expect(preview).toEqual(await article());
    await context.close();
  });

  test('organisatie: bewerken wordt een concept; een bestaand adres voor een nieuwe wordt geweigerd', async () => {
    const { page, context } = await signedIn('e11k-olga', 'Olga Oort', { role: 'curator' });
    await page.goto('/beheer/inhoud/');
    await page.locator('a[href="/beheer/inhoud/organisatie/asito/"]').click();
    await page.waitForURL(/\/beheer\/inhoud\/organisatie\/asito\/$/);
    expect(await page.getByLabel('Naam').inputValue()).toBe('Asito');
    await page.getByLabel('Beschrijving').fill('Een beschrijving uit de e2e-test, nooit gepubliceerd.');
    await savedDraft(page);
    expect(await page.getByLabel('Beschrijving').inputValue()).toBe('Een beschrijving uit de e2e-test, nooit gepubliceerd.');

    await page.goto('/beheer/inhoud/organisatie/nieuw/');
    await page.getByLabel('Adres van de pagina').fill('postnl');
    await page.getByLabel('Naam').fill('Een andere naam');
    await page.getByLabel('Werkgever', { exact: true }).check();
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await hasText(page.locator('#veld-id-fout'), /Er is al een organisatie met het adres "postnl"/);
    expect(await page.getByLabel('Naam').inputValue()).toBe('Een andere naam');
    await context.close();
  });

  test('bron: bewerken wordt een concept met het hele bestand; een te korte titel wordt geweigerd bij het veld', async () => {
    const { page, context } = await signedIn('e11k-bram', 'Bram Bron', { role: 'curator' });
    await page.goto('/beheer/inhoud/');
    await page.locator('a[href="/beheer/inhoud/bron/werkconferentie-werkgevers-en-gemeenten/"]').click();
    await page.getByLabel('Titel').fill('x');
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await hasText(page.locator('#veld-title-fout'), /Schrijf minstens 3 tekens\./);
    await page.getByLabel('Titel').fill('Een titel uit de e2e-test, nooit gepubliceerd');
    await savedDraft(page);
    expect(await page.getByLabel('Titel').inputValue()).toBe('Een titel uit de e2e-test, nooit gepubliceerd');
    await context.close();
  });

  test('nieuwe bron: de curator typt het record in (geen bestand kiezen); adres uit de titel, dubbel adres en geen vindplaats geweigerd bij het veld', async () => {
    const { page, context } = await signedIn('e11k-nina', 'Nina Nieuw', { role: 'curator' });
    await page.goto('/beheer/inhoud/bron/nieuw/');
    expect(await page.locator('select[name="id"]').count()).toBe(0);
    await page.getByLabel('Titel').fill('Werkconferentie werkgevers en gemeenten');
    await page.getByLabel('Uitgever').fill('Demo-uitgever (e2e, nooit gepubliceerd)');
    await page.locator('input[name="kind"][value="verslag"]').check();
    await page.getByLabel('Wat de bron ondersteunt').fill('Een bron uit de e2e-test die niets op de site ondersteunt.');
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    // The title makes the address of a listed source, and no web address or description is given.
    await hasText(page.locator('#veld-id-fout'), /staat al in de lijst/);
    await hasText(page.locator('#veld-url-fout'), /webadres/);
    expect(await page.getByLabel('Uitgever').inputValue()).toBe('Demo-uitgever (e2e, nooit gepubliceerd)');
    await page.getByLabel('Adres van de bron').fill('e2e-demobron');
    await page.getByLabel('Webadres').fill('https://www.voorbeeld.nl/e2e-demobron');
    await savedDraft(page);
    expect(await page.getByLabel('Titel').inputValue()).toBe('Werkconferentie werkgevers en gemeenten');
    expect(await page.getByLabel('Webadres').inputValue()).toBe('https://www.voorbeeld.nl/e2e-demobron');
    await context.close();
  });

  test('wie geen curator is, komt er niet in', async () => {
    const { page, context } = await signedIn('e11k-lid', 'Lid Lubbers');
    for (const path of newPages) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      expect(await page.locator('main').innerText(), path).toContain('alleen voor curatoren en beheerders');
      expect(await page.locator('main form').count(), path).toBe(0);
    }
    await context.close();
  });
});

describe('instrumenten en organisaties bewerken: toegankelijkheid', () => {
  test('axe vindt niets op elke nieuwe pagina van de editor, ook met fouten', async () => {
    const { page, context } = await signedIn('e11k-axe', 'Axel Aker', { role: 'curator', javaScript: true });
    await page.goto(`/beheer/inhoud/instrument/${INSTRUMENT}/`);
    const instrumentDraft = await savedDraft(page);
    await page.goto('/beheer/inhoud/organisatie/asito/');
    const organisationDraft = await savedDraft(page);
    for (const path of ['/beheer/inhoud/', ...newPages, instrumentDraft, `${instrumentDraft}voorbeeld/`, organisationDraft]) {
      await page.goto(path);
      expect(await axeViolations(page), path).toEqual([]);
    }
    await page.goto(`/beheer/inhoud/instrument/${INSTRUMENT}/`);
    await byId(page, 'veld-stanceMunicipality.4').fill('Atlantis');
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await visible(page.locator('.pp-error-summary'));
    expect(await axeViolations(page), 'instrument, met fouten').toEqual([]);
    await page.goto('/beheer/inhoud/organisatie/nieuw/');
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await visible(page.locator('.pp-error-summary'));
    expect(await axeViolations(page), 'organisatie, met fouten').toEqual([]);
    await page.goto('/beheer/inhoud/bron/werkconferentie-werkgevers-en-gemeenten/');
    await page.getByLabel('Titel').fill('x');
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await visible(page.locator('.pp-error-summary'));
    expect(await axeViolations(page), 'bron, met fouten').toEqual([]);
    await page.goto('/beheer/inhoud/bron/nieuw/');
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await visible(page.locator('.pp-error-summary'));
    expect(await axeViolations(page), 'nieuwe bron, met fouten').toEqual([]);
    await context.close();
  }, 240_000);
});
