/** axe (WCAG 2.0–2.2 A/AA) on every account and curation page, including forms showing errors. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, connectBrowser, openPage } from './browser.ts';
import { identity, linkFromMail, registerVia, setRole } from './accounts-support.ts';
import { signIn } from './session-support.ts';

let browser: Browser;
let page: Page;
let email: string;

beforeAll(async () => {
  browser = await connectBrowser();
  const me = identity('axe');
  email = me.email;
  ({ page } = await openPage(browser, { ip: me.ip }));
  await registerVia(page, { name: 'Ada Axe', email, kind: 'gemeente', organisation: 'Zaanstad' });
});
afterAll(async () => {
  await browser?.close();
});

async function check(path?: string) {
  if (path) await page.goto(path);
  expect(await axeViolations(page)).toEqual([]);
}

describe('toegankelijkheid van account- en beheerpagina’s', () => {
  test('registreren: de keuze, beide formulieren leeg, en met foutmeldingen', async () => {
    await check('/account/registreren/');
    await check('/account/registreren/?soort=werkgever');
    await check('/account/registreren/?soort=gemeente');
    await page.getByLabel('Gemeente', { exact: true }).fill('Atlantis');
    await page.getByRole('button', { name: 'Account aanmaken' }).click();
    await page.getByRole('alert').waitFor();
    await check();
  });

  test('kijk in uw e-mail, bevestigen, inloggen (ook met fout), wachtwoord vergeten', async () => {
    await check('/account/registreren/verstuurd/');
    await page.goto(await linkFromMail(email, /Bevestig uw e-mailadres/));
    await check();
    await page.getByRole('button', { name: 'Bevestig mijn e-mailadres' }).click();
    await check();
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill('niet goed genoeg');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('alert').waitFor();
    await check();
    await check('/account/wachtwoord-vergeten/');
    await check('/account/wachtwoord-herstellen/?token=ongeldig');
  });

  test('wachtwoord herstellen met een geldige link', async () => {
    await page.goto('/account/wachtwoord-vergeten/');
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByRole('button', { name: 'Stuur mij een link' }).click();
    await page.goto(await linkFromMail(email, /Nieuw wachtwoord/));
    await check();
  });

  test('mijn account, wachtwoord, e-mailadres, verwijderen en beheer', async () => {
    await setRole(email, 'curator');
    await signIn(page, email);
    await check();
    await check('/account/wachtwoord/');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.getByRole('alert').waitFor();
    await check();
    await check('/account/e-mailadres/');
    await check('/account/verwijderen/');
    await check('/beheer/');
    await check('/account/verwijderd/');
  });
});
