/**
 * As a person sees it: the account page says where the account stands, the
 * next step and who takes it, and promises nothing the policy does not allow yet. With
 * JavaScript on (axe needs it); the registration steps without JavaScript are in accounts.test.ts.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, hasText, connectBrowser, pageFrom, visible } from './browser.ts';
import { identity, registerVia, verifyVia } from './accounts-support.ts';
import { pitchPeople } from './pitch-support.ts';
import { signIn } from './session-support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const statusBox = (page: import('playwright-core').Page) => page.locator('section.pp-status');

describe('statusvak op Mijn account', () => {
  test('e-mailadres nog niet bevestigd: u bent aan zet, met de link opnieuw sturen; daarna wacht het lidmaatschap op een curator, zonder pitchen', async () => {
    const me = identity('status-nieuw');
    const { context, page } = await pageFrom(browser, me.ip, true);
    await registerVia(page, { name: 'Nina Nieuw', email: me.email, kind: 'gemeente', organisation: 'Zaandam' });
    await signIn(page, me.email);
    await hasText(statusBox(page).getByRole('heading'), 'Bevestig uw e-mailadres');
    await hasText(statusBox(page).locator('.pp-status__who'), 'Aan zet: u');
    await visible(statusBox(page).getByRole('button', { name: 'Stuur de link opnieuw' }));
    expect(await statusBox(page).innerText()).toMatch(/Daarna bevestigt een curator van .+ dat u bij Zaanstad werkt\./);
    expect(await axeViolations(page)).toEqual([]);

    await verifyVia(page, me.email);
    await page.goto('/account/');
    await hasText(statusBox(page).getByRole('heading'), 'Wacht op bevestiging');
    await hasText(statusBox(page).locator('.pp-status__who'), /^Aan zet: een curator van /);
    const text = await statusBox(page).innerText();
    expect(text).toMatch(/Een curator van .+ bevestigt uw lidmaatschap\. U krijgt een e-mail zodra dat is gebeurd\./);
    // CURATION_PROMISE is not set on the test server: no promised term.
    expect(text).not.toMatch(/werkdag/);
    // Nothing on the page offers pitching before the membership counts.
    expect(await page.locator('a[href="/pitches/nieuw/"]').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Mijn pitches' }).count()).toBe(0);
    expect(await page.locator('main').innerText()).not.toMatch(/kunt u (uitdagingen )?pitchen/);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  test('bevestigde gemeentemedewerker: het statusvak leidt naar een nieuwe pitch; een curator naar beheer', async () => {
    const { page, desk } = await pitchPeople(browser, 'status', true);
    await page.goto('/account/');
    await hasText(statusBox(page).getByRole('heading'), /^U kunt pitchen namens Zaanstad/);
    await statusBox(page).getByRole('link', { name: 'Schrijf een pitch' }).click();
    await page.waitForURL(/\/pitches\/nieuw\/$/);
    await visible(page.getByLabel('Titel'));
    await page.goto('/account/');
    expect(await axeViolations(page)).toEqual([]);

    await desk.goto('/account/');
    // Other test files on this server may have left registrations waiting: then the box counts
    // them (tests/unit/account-status.test.ts has both cases); either way it leads to beheer.
    await hasText(statusBox(desk).getByRole('heading'), /^(U bent curator van Praktijkplein|\d+ aanmelding(en)? wacht(en)? op bevestiging)$/);
    expect(await statusBox(desk).getByRole('link', { name: /^(Naar beheer|Bevestigen \(\d+\))$/ }).getAttribute('href')).toMatch(/^\/beheer\//);
    await page.context().close();
    await desk.context().close();
  });

  test('werkgever die op bevestiging wacht: aanbod kan al en wacht; na het bevestigen van het e-mailadres', async () => {
    const me = identity('status-werkgever');
    const { context, page } = await pageFrom(browser, me.ip, true);
    await registerVia(page, { name: 'Wim Werk', email: me.email, kind: 'werkgever', newEmployer: 'Wim Werkt BV' });
    await verifyVia(page, me.email);
    await signIn(page, me.email);
    await hasText(statusBox(page).getByRole('heading'), 'Wacht op bevestiging');
    expect(await statusBox(page).innerText()).toMatch(/bevestigt de nieuwe werkgever Wim Werkt BV en uw lidmaatschap/);
    expect(await statusBox(page).innerText()).toMatch(/uw aanbod wacht/);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
