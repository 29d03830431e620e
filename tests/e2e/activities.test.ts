/**
 * The activity calendar as people use it, in Chromium against the
 * built server: without JavaScript a verified Zaanstad member submits an activity with a time
 * that does not exist (the night the clock goes forward) and gets the message at the field,
 * input kept; a curator asks for a change, the member edits (which submits again), the curator
 * publishes; the activity then appears in the list, the month view and the iCal feed (and in a
 * filtered feed only when it matches), and its page offers "Zet in mijn agenda". Then axe
 * (JavaScript on) with zero violations on every new page, forms with errors included.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, hasText, connectBrowser, noJsPageFrom, pageFrom, visible } from './browser.ts';
import { identity, linkFromMail } from './accounts-support.ts';
import { dayFromNow, pitchPeople } from './pitch-support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Fills the activity form's required fields. */
async function fillActivity(page: Page, title: string, day: string, from: string, until: string) {
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Soort activiteit').selectOption('meet-and-greet');
  await page.getByLabel('Beschrijving').fill('Werkgevers en de gemeente maken kennis met elkaar, bij de koffie. Aanmelden is niet nodig.');
  await page.getByLabel('Begindatum').fill(day);
  await page.getByLabel('Begintijd').fill(from);
  await page.getByLabel('Eindtijd').fill(until);
  await page.getByLabel('Plaats of adres').fill('Zaandam');
  await page.getByLabel('Werkgevers', { exact: true }).check();
  await page.getByLabel('Jongeren').check();
}

/** The feed at this query, parsed by ical.js: the events by summary. */
async function feedEvents(page: Page, query = '') {
  const response = await page.request.get(`/activiteiten.ics${query}`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

const activityPath = /\/activiteiten\/([a-z0-9-]+)\/(\?.*)?$/;

describe('de activiteitenkalender', () => {
  test('zonder JavaScript: aanmelden met een fout, wijziging gevraagd, aanpassen, publiceren; dan in lijst, maand en feed', async () => {
    const { page, desk, author } = await pitchPeople(browser, 'kalender');
    const title = `Meet & greet in Zaandam ${Date.now().toString(36)}`;

    await page.goto('/activiteiten/nieuw/');
    // The organiser starts as the member's organisation.
    expect(await page.getByLabel('Organisator').inputValue()).toBe('Zaanstad');
    // 28 March 2027, 02:30: the clock jumps from 02:00 to 03:00 that night.
    await fillActivity(page, title, '2027-03-28', '02:30', '04:00');
    // The post redirects to the form's own address (no ?_action=), which answers 422 with the messages.
    const refused = page.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).pathname === '/activiteiten/nieuw/');
    await page.getByRole('button', { name: 'Activiteit aanmelden' }).click();
    expect((await refused).status()).toBe(422);
    expect(page.url()).not.toContain('_action');
    await hasText(page.locator('#veld-startTime-fout'), /bestaat 02\.30 uur niet/);
    await visible(page.getByRole('link', { name: /Begintijd: Op zondag 28 maart 2027 bestaat 02\.30 uur niet/ }));
    expect(await page.getByLabel('Titel').inputValue()).toBe(title);
    expect(await page.getByLabel('Jongeren').isChecked()).toBe(true);
    expect(await page.getByLabel('Soort activiteit').inputValue()).toBe('meet-and-greet');

    const day = dayFromNow(12);
    await page.getByLabel('Begindatum').fill(day);
    await page.getByLabel('Begintijd').fill('14:00');
    await page.getByLabel('Eindtijd').fill('16:30');
    await page.getByRole('button', { name: 'Activiteit aanmelden' }).click();
    await page.waitForURL(activityPath);
    const id = activityPath.exec(new URL(page.url()).pathname)![1]!;
    await hasText(page.getByRole('status'), /Uw activiteit is aangemeld/);
    await visible(page.getByText('Nog niet in de kalender'));

    // Not public yet: a visitor gets 404, and it is not in the list.
    const { page: visitor } = await noJsPageFrom(browser, identity('kalender-bezoeker').ip);
    expect((await visitor.goto(`/activiteiten/${id}/`))!.status()).toBe(404);

    // The curator asks for a change; the member reads it and edits, which submits again.
    await desk.goto('/beheer/activiteiten/');
    await visible(desk.getByRole('heading', { name: title }));
    await desk.locator(`form:has(input[value="${id}"]) textarea`).fill('Noem ook waar in Zaandam.');
    await desk.locator(`form:has(input[value="${id}"])`).getByRole('button', { name: 'Vraag een wijziging' }).click();
    await hasText(desk.getByRole('status'), /teruggestuurd/);
    const editLink = await linkFromMail(author.email, /Wijziging gevraagd voor uw activiteit/);
    await page.goto(new URL(editLink).pathname);
    await visible(page.getByText('Noem ook waar in Zaandam.'));
    await page.getByLabel('Plaats of adres').fill('Wijkcentrum, Zaandam');
    await page.getByRole('button', { name: 'Wijzigingen opslaan en indienen' }).click();
    await page.waitForURL(activityPath);
    await hasText(page.getByRole('status'), /opnieuw\) ingediend/);

    await desk.goto('/beheer/activiteiten/');
    await desk.getByRole('button', { name: `Publiceer “${title}”` }).click();
    await hasText(desk.getByRole('status'), /staat in de kalender/);
    await linkFromMail(author.email, /Uw activiteit staat in de kalender/);

    // The page, in Dutch, with "Zet in mijn agenda".
    await visitor.goto(`/activiteiten/${id}/`);
    const start = new Date(`${day}T12:00:00Z`);
    const weekday = new Intl.DateTimeFormat('nl-NL', { weekday: 'long', timeZone: 'UTC' }).format(start);
    const date = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(start);
    await visible(visitor.getByText(`${weekday} ${date}, 14.00–16.30 uur`));
    const ics = await visitor.request.get(`/activiteiten/${id}/agenda.ics`);
    expect(ics.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    const single = new ICAL.Event(new ICAL.Component(ICAL.parse(await ics.text())).getFirstSubcomponent('vevent')!);
    expect(single.summary).toBe(title);

    // The list, the month view and the feeds.
    await visitor.goto('/activiteiten/');
    await visible(visitor.getByRole('link', { name: title }));
    await visitor.goto('/activiteiten/?doelgroep=jongeren');
    await visible(visitor.getByRole('link', { name: title }));
    await visitor.goto(`/activiteiten/maand/${day.slice(0, 7)}/`);
    await visible(visitor.locator('table.pp-month').getByRole('link', { name: new RegExp(title) }));
    const events = await feedEvents(visitor);
    const event = events.find((e) => e.summary === title)!;
    // Stable: the activity's id and the configured site's host.
    expect(event.uid).toMatch(new RegExp(`^activiteit-${id}@[a-z0-9.-]+$`));
    expect(event.startDate.toJSDate().getTime()).toBe(single.startDate.toJSDate().getTime());
    expect(event.location).toBe('Wijkcentrum, Zaandam');
    expect((await feedEvents(visitor, '?doelgroep=jongeren')).map((e) => e.summary)).toContain(title);
    expect((await feedEvents(visitor, '?doelgroep=ouderen')).map((e) => e.summary)).not.toContain(title);
    expect((await feedEvents(visitor, '?online=ja')).map((e) => e.summary)).not.toContain(title);
    // The list offers the filtered feed to subscribe to, as webcal:// and as https.
    await visitor.goto('/activiteiten/?doelgroep=jongeren');
    expect(await visitor.getByRole('link', { name: 'Abonneren op deze selectie' }).getAttribute('href')).toMatch(/^webcal:\/\/.+\/activiteiten\.ics\?doelgroep=jongeren$/);
  }, 180_000);
});

describe('abonneren: het https-adres in een veld, met een kopieerknop alleen met JavaScript', () => {
  test('zonder JavaScript: een alleen-lezen veld met het hele adres, geen knop die niets doet; niets steekt uit op 390 px', async () => {
    const { context, page } = await noJsPageFrom(browser, identity('agenda-nojs').ip);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/activiteiten/?doelgroep=jongeren');
    const field = page.getByLabel('Adres van de agenda');
    expect(await field.inputValue()).toMatch(/^https?:\/\/.+\/activiteiten\.ics\?doelgroep=jongeren$/);
    expect(await field.getAttribute('readonly')).not.toBeNull();
    expect(await page.getByRole('button', { name: 'Kopieer het adres' }).count()).toBe(0);
    // The webcal:// link stays beside it.
    expect(await page.getByRole('link', { name: 'Abonneren op deze selectie' }).getAttribute('href')).toMatch(/^webcal:/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });

  test('met JavaScript: de knop kopieert het adres en zegt dat; axe vindt niets', async () => {
    const { context, page } = await pageFrom(browser, identity('agenda-js').ip, true);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/activiteiten/');
    const address = await page.getByLabel('Adres van de agenda').inputValue();
    await page.getByRole('button', { name: 'Kopieer het adres' }).click();
    await hasText(page.locator('[data-copy-status]'), /^Het adres is gekopieerd/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('axe: nul overtredingen op elke nieuwe pagina (JavaScript aan), ook met foutmeldingen', () => {
  let member: Page;
  let desk: Page;
  let id: string;
  const check = async (page: Page, path: string) => {
    if (path) await page.goto(path);
    expect(await axeViolations(page), `${path || page.url()}`).toEqual([]);
  };

  test('aanmelden (leeg en met fouten), de eigen activiteit en bewerken', async () => {
    // The people are made here, not in beforeAll: their steps poll, which only works inside a test.
    ({ page: member, desk } = await pitchPeople(browser, 'kalender-axe', true));
    await check(member, '/activiteiten/nieuw/');
    await member.getByRole('button', { name: 'Activiteit aanmelden' }).click();
    await visible(member.locator('#veld-title-fout'));
    await check(member, '');
    await fillActivity(member, 'Open dag in het magazijn', dayFromNow(20), '10:00', '15:00');
    await member.getByRole('button', { name: 'Activiteit aanmelden' }).click();
    await member.waitForURL(activityPath);
    id = activityPath.exec(new URL(member.url()).pathname)![1]!;
    await check(member, '');
    await check(member, `/activiteiten/${id}/bewerken/`);
  }, 180_000);

  test('moderatie (met een foutmelding) en de gepubliceerde pagina met annuleren', async () => {
    await check(desk, '/beheer/activiteiten/');
    await desk.locator(`form:has(input[value="${id}"])`).getByRole('button', { name: 'Vraag een wijziging' }).click();
    await visible(desk.locator('.pp-error'));
    await check(desk, '');
    await desk.getByRole('button', { name: 'Publiceer “Open dag in het magazijn”' }).click();
    await hasText(desk.getByRole('status'), /staat in de kalender/);
    await check(member, `/activiteiten/${id}/`);
  }, 180_000);

  test('de openbare pagina’s: lijst, gefilterd, voorbij, maand, activiteit', async () => {
    const { page: visitor } = await pageFrom(browser, identity('kalender-axe-bezoeker').ip, true);
    await check(visitor, '/activiteiten/');
    await check(visitor, '/activiteiten/?soort=open-dag&doelgroep=jongeren');
    await check(visitor, '/activiteiten/?wanneer=voorbij');
    await check(visitor, `/activiteiten/maand/${dayFromNow(20).slice(0, 7)}/`);
    await check(visitor, `/activiteiten/${id}/`);
    expect((await visitor.goto('/activiteiten/maand/2027-13/'))!.status()).toBe(404);
  }, 180_000);
});
