/** Steps of the pitch story shared by the pitch tests and the whole Poelenbrug story. */
import type { Browser, Page } from 'playwright-core';
import { hasText, pageFrom } from './browser.ts';
import { identity, registerVia, setRole, verifyVia } from './accounts-support.ts';
import { signIn } from './session-support.ts';

/** The day `days` from today in Europe/Amsterdam, as the date field wants it. */
export function dayFromNow(days: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 864e5));
  return parts;
}

/** A Zaanstad member verified by a curator, and that curator, both signed in (no JavaScript). */
export async function pitchPeople(browser: Browser, prefix: string, javaScript = false) {
  const author = identity(`${prefix}-wethouder`);
  const curator = identity(`${prefix}-curator`);
  const authorName = `Wendy ${prefix} Wethouder`;
  const { page } = await pageFrom(browser, author.ip, javaScript);
  const { page: desk } = await pageFrom(browser, curator.ip, javaScript);
  await registerVia(page, { name: authorName, email: author.email, kind: 'gemeente', organisation: 'Zaanstad' });
  await verifyVia(page, author.email);
  await registerVia(desk, { name: `Carla ${prefix} Curator`, email: curator.email, kind: 'gemeente', organisation: 'Utrecht' });
  await verifyVia(desk, curator.email);
  await setRole(curator.email, 'curator');
  await signIn(desk, curator.email);
  await desk.goto('/beheer/');
  await desk.getByRole('button', { name: `Bevestig ${authorName}` }).click();
  await hasText(desk.getByRole('status'), new RegExp(`${authorName} is bevestigd als medewerker van Zaanstad`));
  await signIn(page, author.email);
  return { page, desk, author, curator };
}

/** Fills the pitch form (all required fields) with a given closing date. */
export async function fillPitch(page: Page, title: string, closingDate: string) {
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Wijk of gebied').fill('Poelenbrug');
  await page.getByLabel('De uitdaging').fill('In de Poelenbrug willen veel mensen werken, maar ze vinden geen baan. Wie biedt een plek?');
  await page.getByLabel('Wat vraagt u van werkgevers?').fill('Banen en werkervaringsplaatsen met **begeleiding** op de werkvloer.');
  await page.getByLabel('Banen', { exact: true }).check();
  await page.getByLabel('Mensen in de bijstand').check();
  await page.getByLabel('Logistiek').check();
  await page.getByLabel('Aantal mensen of plaatsen').fill('10');
  await page.getByLabel('Sluitingsdatum').fill(closingDate);
}

