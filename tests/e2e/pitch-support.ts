/** Steps of the pitch story shared by the pitch tests and the whole Poelenbrug story. */
import type { Browser, Page } from 'playwright-core';
import { signedInPage } from './session-support.ts';

/** The day `days` from today in Europe/Amsterdam, as the date field wants it. */
export function dayFromNow(days: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 864e5));
  return parts;
}

/**
 * A confirmed Zaanstad member and a curator, both signed in through the session fixture (with
 * or without JavaScript): registering and a curator's confirmation are what accounts.test.ts and
 * account-status.test.ts test, not what the pitch stories are about.
 */
export async function pitchPeople(browser: Browser, prefix: string, javaScript = false) {
  const [member, desk] = await Promise.all([
    signedInPage(browser, `${prefix}-wethouder`, { name: `Wendy ${prefix} Wethouder`, organisation: 'Zaanstad', javaScript }),
    signedInPage(browser, `${prefix}-curator`, { name: `Carla ${prefix} Curator`, organisation: 'Utrecht', role: 'curator', javaScript }),
  ]);
  return { page: member.page, desk: desk.page, author: { email: member.email, ip: member.ip }, curator: { email: desk.email, ip: desk.ip } };
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

