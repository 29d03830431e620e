/**
 * Outcome follow-up in the browser: the owner closes a pitch with a match;
 * three months later the question waits on their account page; they answer (a wrong answer
 * first: the message stands beside the field and the input is kept), see it on the pitch page
 * and in the public overview, whose CSV has the row. axe finds nothing on the new pages.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, baseURL, hasText, connectBrowser, visible, openPage } from './browser.ts';
import { identity } from './accounts-support.ts';
import { publishedPitch } from './offers-support.ts';
import { threeMonthsLater } from './follow-up-support.ts';
import { confirmedAccount, signIn } from './session-support.ts';

let browser: Browser;
const owner = identity('resultaat-eigenaar');

beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function pageFor(ip: string): Promise<Page> {
  return (await openPage(browser, { ip: ip })).page;
}

describe('resultaten na 3, 6 en 12 maanden', () => {
  test('sluiten met een match, de taak op Mijn account, antwoorden, en het resultaat op de pitch en in het overzicht', async () => {
    const page = await pageFor(owner.ip);
    await confirmedAccount({ name: 'Rita Resultaat', email: owner.email, organisation: 'Zaanstad' });
    const title = `Banen in de Poelenbrug ${Date.now().toString(36)}`;
    const pitchId = await publishedPitch(owner.email, title);
    await signIn(page, owner.email);

    // Closing with a match, through the site.
    await page.goto(`/pitches/${pitchId}/aanbod/`);
    await page.getByLabel('gelukt', { exact: true }).check();
    await page.getByLabel('Aantal geplaatste mensen').fill('4');
    await page.getByRole('button', { name: 'Pitch sluiten' }).click();
    await page.waitForURL(/melding=pitch-gesloten/);

    // Not yet: no task before the 3 months are over. (Only this pitch's: another file on this
    // server may have seeded the demo data, whose closed Zaanstad pitches have tasks of their own.)
    const tasksForThisPitch = () => page.locator('.pp-tasks').getByRole('link', { name: new RegExp(`Laat weten hoe het gaat met ${title}`) }).count();
    await page.goto('/account/');
    expect(await tasksForThisPitch()).toBe(0);

    await threeMonthsLater(pitchId);
    await page.goto('/account/');
    const task = page.getByRole('link', { name: `Laat weten hoe het gaat met ${title} (3 maanden)` });
    await visible(task);
    await task.click();
    await page.waitForURL(new RegExp(`/pitches/${pitchId}/resultaat/#na-3-maanden$`));
    expect(await axeViolations(page)).toEqual([]);

    // A wrong answer: the message beside the field, the input kept.
    const form = page.locator('#na-3-maanden');
    await form.getByLabel('Hoeveel mensen gingen via deze pitch aan het werk?').fill('4');
    await form.getByLabel('Hoeveel van hen werken er na 3 maanden nog?').fill('5');
    await form.getByRole('button', { name: /Doorgeven/ }).click();
    await page.getByRole('alert').first().waitFor();
    await hasText(page.locator('#nog-aan-het-werk-3-fout'), /Er kunnen niet meer mensen nog aan het werk zijn dan er zijn gestart/);
    expect(await page.locator('#gestart-3').inputValue()).toBe('4');
    expect(await page.locator('#nog-aan-het-werk-3').getAttribute('aria-invalid')).toBe('true');
    expect(await page.title()).toMatch(/^Fout: /);
    expect(await axeViolations(page)).toEqual([]);

    await page.locator('#nog-aan-het-werk-3').fill('3');
    await form.getByRole('button', { name: /Doorgeven/ }).click();
    await page.waitForURL(/melding=resultaat-doorgegeven/);
    await visible(page.getByText('Doorgegeven op'));
    await page.goto('/account/');
    expect(await tasksForThisPitch()).toBe(0);

    // A visitor (no session: the cached page must have moved on) sees it on the pitch page and in the overview.
    const visitor = await pageFor(identity('resultaat-bezoeker').ip);
    await visitor.goto(`/pitches/${pitchId}/`);
    const section = visitor.getByRole('region', { name: 'Wat het opleverde' });
    await visible(section);
    await hasText(section.getByRole('row', { name: /3 maanden/ }), /3 maanden\s+4\s+3/);
    expect(await section.getByRole('link', { name: 'Resultaat doorgeven' }).count()).toBe(0);

    await visitor.goto('/resultaten/?gemeente=zaanstad');
    const perMunicipality = visitor.getByRole('table', { name: /Per gemeente/ });
    // Demo data seeded by another file on this server (demo-marks.test.ts) may count in the row: then it says so.
    await hasText(perMunicipality.getByRole('row', { name: /Zaanstad/ }), /Zaanstad( \((waarvan \d+ )?demo\))?\s+\d+\s+\d+\s+\d+/);
    expect(await visitor.locator('svg[viewBox]').first().evaluate((svg) => svg.closest('[aria-hidden="true"]') !== null)).toBe(true);
    expect(await axeViolations(visitor)).toEqual([]);

    // The first address of this file still works: it sends on to the open data, filters and all.
    const response = await fetch(`${baseURL()}/resultaten.csv?gemeente=zaanstad`);
    expect(response.redirected && new URL(response.url).pathname).toBe('/open-data/resultaten.csv');
    const csv = await response.text();
    expect(csv).toContain(`;${title};`);
    expect(csv.split('\r\n').find((line) => line.includes(`;${title};`))).toMatch(/;Zaanstad;Zaanstreek\/Waterland;.*;gelukt;\d{4}-\d{2}-\d{2};3;4;3;\d{4}-\d{2}-\d{2};nee;CC BY 4\.0 [^;]*$/);
  });

  test('wie niet van de gemeente is, krijgt 404; wie niet ingelogd is, gaat naar inloggen', async () => {
    const page = await pageFor(identity('resultaat-vreemde').ip);
    const response = await page.goto('/pitches/bestaat-niet/resultaat/');
    expect(page.url()).toContain('/account/inloggen/?terug=');
    expect(response?.status()).toBe(200);
    const other = identity('resultaat-utrecht');
    await confirmedAccount({ name: 'Udo Utrecht', email: other.email, organisation: 'Utrecht' });
    await signIn(page, other.email);
    const owned = await publishedPitch(owner.email, 'Niet van Utrecht');
    expect((await page.goto(`/pitches/${owned}/resultaat/`))?.status()).toBe(404);
  });
});
