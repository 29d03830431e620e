/**
 * axe (WCAG 2.0–2.2 A/AA) on every offer page, forms with errors included, and screenshots at
 * phone and desktop size to look at by eye when asked for (SCREENSHOTS=1: browser.ts).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, connectBrowser, screenshot, openPage } from './browser.ts';
import { identity } from './accounts-support.ts';
import { publishedPitch } from './offers-support.ts';
import { confirmedAccount, signIn } from './session-support.ts';

let browser: Browser;
let pitchId: string;
const owner = identity('axe-eigenaar');

beforeAll(async () => {
  browser = await connectBrowser();
  await confirmedAccount({ name: 'Olga Eigenaar', email: owner.email, organisation: 'Zaanstad' });
  pitchId = await publishedPitch(owner.email, 'Werk in de Poelenbrug voor jongeren én statushouders');
});
afterAll(async () => {
  await browser?.close();
});

async function pageFor(ip: string) {
  return (await openPage(browser, { ip: ip })).page;
}

async function check(page: Page, name?: string) {
  expect(await axeViolations(page)).toEqual([]);
  if (!name) return;
  for (const [width, height] of [[390, 844], [1280, 800]] as const) {
    await page.setViewportSize({ width, height });
    // No horizontal scroll on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, `aanbod-${name}-${width}`, { fullPage: true });
  }
}

describe('toegankelijkheid van de aanbodpagina’s', () => {
  test('Ik doe mee als bezoeker: leeg en met foutmeldingen', async () => {
    const page = await pageFor(identity('axe-bezoeker').ip);
    await page.goto(`/pitches/${pitchId}/meedoen/`);
    await check(page, 'meedoen-bezoeker');
    await page.getByLabel('Aantal plaatsen').fill('0');
    await page.getByRole('button', { name: 'Account maken en aanbod versturen' }).click();
    await page.getByRole('alert').waitFor();
    await check(page, 'meedoen-bezoeker-fouten');
  });

  test('Ik doe mee als werkgever, Mijn aanbod, en de pagina van de eigenaar (ook met fouten)', async () => {
    const employer = identity('axe-werkgever');
    const page = await pageFor(employer.ip);
    await confirmedAccount({ name: 'Wim Werkgever', email: employer.email, organisation: 'PostNL' });
    await signIn(page, employer.email);
    await page.goto(`/pitches/${pitchId}/meedoen/`);
    await check(page, 'meedoen-werkgever');
    await page.getByLabel('Vanaf wanneer').fill('2020-01-01');
    await page.getByRole('button', { name: 'Aanbod versturen' }).click();
    await page.getByRole('alert').waitFor();
    await check(page);
    await page.getByLabel('Werkervaringsplaatsen').check();
    await page.getByLabel('Vanaf wanneer').fill('');
    await page.getByLabel('Aantal plaatsen').fill('4');
    await page.getByLabel(/Begeleiding/).fill('Een vaste buddy en een jobcoach van de gemeente.');
    await page.getByLabel(/Bericht aan de gemeente/).fill('Wij beginnen graag na de zomer.');
    await page.getByRole('button', { name: 'Aanbod versturen' }).click();
    await page.waitForURL(/mijn-aanbod/);
    await check(page, 'mijn-aanbod');

    const ownerPage = await pageFor(owner.ip);
    await signIn(ownerPage, owner.email);
    await ownerPage.goto(`/pitches/${pitchId}/aanbod/`);
    await check(ownerPage, 'aanbod-eigenaar');
    await ownerPage.getByRole('button', { name: 'Pitch sluiten' }).click();
    await ownerPage.getByRole('alert').first().waitFor();
    await check(ownerPage, 'aanbod-eigenaar-fouten');
  });
});
