/**
 * As people do it (Chromium against the built server): without JavaScript a
 * verified Zaanstad member writes a pitch with a mistake first (message at the field, input
 * kept), previews, submits; a curator asks for a change, the author sees the note, fixes it and
 * submits again; the curator publishes and the pitch page shows it. Then axe (JavaScript on)
 * on every new page, forms with errors included, with screenshots at phone and desktop size when asked for (SCREENSHOTS=1, browser.ts).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, hasText, connectBrowser, screenshot, newPage, noJsPageFrom, visible } from './browser.ts';
import { identity, mailsTo } from './accounts-support.ts';
import { dayFromNow, fillPitch, pitchPeople } from './pitch-support.ts';
import { signIn } from './session-support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Whether the first element of each selector comes after the one before it in the document. */
async function inDocumentOrder(page: Page, selectors: string[]): Promise<boolean> {
  const handles = await Promise.all(selectors.map((selector) => page.locator(selector).first().elementHandle()));
  return page.evaluate((elements) => elements.every((el, i) => i === 0 || Boolean(elements[i - 1]!.compareDocumentPosition(el!) & Node.DOCUMENT_POSITION_FOLLOWING)), handles);
}


describe('een pitch van concept tot gepubliceerd', () => {
  test('zonder JavaScript: fout bij het veld, voorbeeld, indienen, wijziging gevraagd, opnieuw indienen, publiceren', async () => {
    const { page, desk, author, curator } = await pitchPeople(browser, 'flow');
    const title = `Poelenbrug aan het werk ${Date.now().toString(36)}`;

    await page.goto('/account/');
    // The list on Mijn account (the menu has the same link since it got a shortcut to it).
    await page.getByRole('main').getByRole('link', { name: 'Mijn pitches' }).click();
    await page.getByRole('link', { name: 'Schrijf een nieuwe pitch' }).click();
    await page.waitForURL(/\/pitches\/nieuw\/$/);
    // The contact person starts as the author.
    expect(await page.getByLabel('Naam', { exact: true }).inputValue()).toMatch(/Wendy flow Wethouder/);

    await fillPitch(page, title, dayFromNow(-1));
    // The post redirects to the form's own address (no ?_action=), which answers 422 with the messages.
    const refused = page.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).pathname === '/pitches/nieuw/');
    await page.getByRole('button', { name: 'Opslaan en voorbeeld bekijken' }).click();
    expect((await refused).status()).toBe(422);
    expect(page.url()).not.toContain('_action');
    await hasText(page.locator('#veld-closingDate-fout'), /in het verleden/);
    await visible(page.getByRole('link', { name: /Sluitingsdatum: De sluitingsdatum ligt in het verleden/ }));
    // Input kept: text, textareas and every checked box.
    expect(await page.getByLabel('Titel').inputValue()).toBe(title);
    expect(await page.getByLabel('De uitdaging').inputValue()).toMatch(/Wie biedt een plek\?/);
    expect(await page.getByLabel('Banen', { exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel('Mensen in de bijstand').isChecked()).toBe(true);
    expect(await page.getByLabel('Logistiek').isChecked()).toBe(true);

    await page.getByLabel('Sluitingsdatum').fill(dayFromNow(30));
    await page.getByRole('button', { name: 'Opslaan en voorbeeld bekijken' }).click();
    await page.waitForURL(/\/pitches\/[a-z0-9-]+\/voorbeeld\/$/);
    await visible(page.getByRole('heading', { name: 'Voorbeeld — nog niet gepubliceerd' }));
    await visible(page.getByRole('heading', { level: 1, name: title }));
    await visible(page.locator('strong', { hasText: 'begeleiding' }));
    const pitchPath = new URL(page.url()).pathname.replace(/voorbeeld\/$/, '');

    // Not public yet: a visitor gets 404.
    const { page: visitor } = await noJsPageFrom(browser, identity('bezoeker').ip);
    expect((await visitor.goto(pitchPath))!.status()).toBe(404);

    await page.getByRole('button', { name: 'Pitch indienen' }).click();
    await page.waitForURL(/\/account\/mijn-pitches\/\?melding=pitch-ingediend$/);
    await visible(page.getByText('Ingediend, wacht op een curator'));
    expect((await mailsTo(curator.email)).map((m) => m.subject)).toContain(`Nieuwe pitch om te modereren: ${title}`);

    await desk.goto('/beheer/pitches/');
    await visible(desk.getByText(`Lees de pitch “${title}”`));
    await visible(desk.getByText('Lid bevestigd').first());
    const item = desk.locator('.pp-queue__item', { hasText: title });
    await item.getByRole('button', { name: 'Vraag een wijziging' }).click();
    await hasText(desk.locator('.pp-error').first(), /Schrijf op wat er moet veranderen/);
    await desk.locator('.pp-queue__item', { hasText: title }).getByLabel('Opmerking of reden voor de indiener').fill('Noem hoeveel uur per week het werk is.');
    await desk.locator('.pp-queue__item', { hasText: title }).getByRole('button', { name: 'Vraag een wijziging' }).click();
    await hasText(desk.getByRole('status'), /teruggestuurd/);
    expect((await mailsTo(author.email)).map((m) => m.subject)).toContain(`Wijziging gevraagd voor uw pitch: ${title}`);

    await page.goto('/account/mijn-pitches/');
    await visible(page.getByText('Noem hoeveel uur per week het werk is.'));
    await page.getByRole('link', { name: `Pas "${title}" aan` }).click();
    await visible(page.getByRole('heading', { name: 'Een curator vraagt u iets aan te passen' }));
    await visible(page.getByText('Noem hoeveel uur per week het werk is.'));
    // The note, then the fields; "Bestaat dit al?" only after the form.
    expect(await inDocumentOrder(page, ['h2:text("Een curator vraagt u iets aan te passen")', '#veld-title', 'h2#lijkt-op'])).toBe(true);
    await page.getByLabel('Wat vraagt u van werkgevers?').fill('Banen van 24 uur per week, met begeleiding op de werkvloer.');
    await page.getByRole('button', { name: 'Opslaan en voorbeeld bekijken' }).click();
    await page.waitForURL(/\/voorbeeld\/$/);
    await visible(page.getByText('Banen van 24 uur per week'));
    await page.getByRole('button', { name: 'Pitch indienen' }).click();
    await page.waitForURL(/melding=pitch-ingediend/);

    await desk.goto('/beheer/pitches/');
    await visible(desk.getByText('Uw eerdere opmerking:').first());
    // What changed since her note, word by word, then the pitch's text (open), then the button.
    const resubmitted = desk.locator('.pp-queue__item', { hasText: title });
    await hasText(resubmitted.locator('.pp-queue__changes'), /Wat is veranderd sinds uw opmerking/);
    await hasText(resubmitted.locator('.pp-queue__changes ins').first(), /24 uur per week/);
    await visible(resubmitted.locator('.pp-queue__text').getByText('Banen van 24 uur per week'));
    expect(await inDocumentOrder(desk, [`.pp-queue__item:has-text("${title}") .pp-queue__changes`, `.pp-queue__item:has-text("${title}") .pp-queue__text`, `.pp-queue__item:has-text("${title}") button:text("Publiceer")`])).toBe(true);
    await desk.getByRole('button', { name: `Publiceer “${title}”` }).click();
    await hasText(desk.getByRole('status'), /gepubliceerd/);
    expect((await mailsTo(author.email)).map((m) => m.subject)).toContain(`Uw pitch staat online: ${title}`);

    const response = await visitor.goto(pitchPath);
    expect(response!.status()).toBe(200);
    await visible(visitor.getByRole('heading', { level: 1, name: title }));
    await visible(visitor.getByText('Nog geen werkgevers doen mee'));
    expect(await visitor.getByRole('link', { name: 'Ik doe mee' }).getAttribute('href')).toBe(`${pitchPath}meedoen/`);
    await visible(visitor.getByRole('heading', { name: 'Wat elders al werkte' }));
    await visible(visitor.getByText('Banen van 24 uur per week'));
    // Only the municipality sees the link to the offers: its big button, instead of "Ik doe mee".
    expect(await visitor.getByRole('link', { name: /Bekijk het aanbod/ }).count()).toBe(0);
    await page.goto(pitchPath);
    expect(await page.getByRole('link', { name: 'Bekijk het aanbod (0)' }).getAttribute('href')).toBe(`${pitchPath}aanbod/`);
    expect(await page.getByRole('link', { name: 'Ik doe mee' }).count()).toBe(0);

    // Featured for the home page.
    await desk.getByRole('button', { name: `Licht “${title}” uit` }).click();
    await hasText(desk.getByRole('status'), /uitgelicht/);
    await visible(desk.getByRole('button', { name: `Haal “${title}” van de homepagina` }));
  });
});

describe('toegankelijkheid en schermafdrukken', () => {
  test('axe vindt niets op de nieuwe pagina’s, ook met fouten; geen horizontaal scrollen op 390 px', async () => {
    const { page: setupPage, desk: setupDesk, author, curator } = await pitchPeople(browser, 'axe');
    await setupPage.context().close();
    await setupDesk.context().close();
    const { page } = await newPage(browser);
    const { page: desk } = await newPage(browser);
    await signIn(page, author.email);
    await signIn(desk, curator.email);

    const check = async (who: Page, name: string) => {
      expect(await axeViolations(who), name).toEqual([]);
      for (const [width, height] of [
        [390, 844],
        [1280, 800],
      ] as const) {
        await who.setViewportSize({ width, height });
        expect(await who.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${name} op ${width}px`).toBe(true);
        await screenshot(who, `pitch-${name}-${width}`, { fullPage: true });
      }
      await who.setViewportSize({ width: 1280, height: 800 });
    };

    await page.goto('/pitches/nieuw/');
    await check(page, 'formulier');
    await page.getByRole('button', { name: 'Opslaan en voorbeeld bekijken' }).click();
    await visible(page.locator('#veld-title-fout'));
    await check(page, 'formulier-fouten');

    const title = `Jongeren aan de slag ${Date.now().toString(36)}`;
    await fillPitch(page, title, dayFromNow(45));
    await page.getByRole('button', { name: 'Opslaan en voorbeeld bekijken' }).click();
    await page.waitForURL(/\/voorbeeld\/$/);
    await check(page, 'voorbeeld');
    const pitchPath = new URL(page.url()).pathname.replace(/voorbeeld\/$/, '');
    await page.goto(`${pitchPath}bewerken/`);
    await check(page, 'bewerken');
    await page.goto(`${pitchPath}voorbeeld/`);
    await page.getByRole('button', { name: 'Pitch indienen' }).click();
    await page.waitForURL(/mijn-pitches/);
    await check(page, 'mijn-pitches');

    await desk.goto('/beheer/pitches/');
    await desk.locator('.pp-queue__item', { hasText: title }).getByRole('button', { name: 'Wijs af' }).click();
    await visible(desk.locator('.pp-error').first());
    // The text is open without a click.
    await visible(desk.locator('details.pp-queue__text', { hasText: title }).locator('h3, h4').first());
    await check(desk, 'moderatie-fout');
    await desk.getByRole('button', { name: `Publiceer “${title}”` }).click();
    await hasText(desk.getByRole('status'), /gepubliceerd/);
    await check(desk, 'moderatie');

    const { page: visitor } = await newPage(browser);
    await visitor.goto(pitchPath);
    await check(visitor, 'pitchpagina');
    await visitor.goto('/pitches/bestaat-niet-123/');
    await check(visitor, 'niet-gevonden');
  }, 180_000); // Ten axe runs and full-page screenshots: slow on a busy 2-core machine, not stuck.
});
