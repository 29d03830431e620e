/**
 * Tables stack into cards on a phone: the municipality comparison on an instrument page and
 * the curation list on /beheer/. Each cell must sit below the one before it, never over it,
 * and nothing may stick out sideways.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { connectBrowser, openPage } from './browser.ts';
import { identity, registerVia, setRole, verifyVia } from './accounts-support.ts';
import { signIn } from './session-support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(() => browser.close());

async function phone(): Promise<Page> {
  return (await openPage(browser, { viewport: { width: 390, height: 844 } })).page;
}

/**
 * Cells of every stacked table that overlap: a box that starts above the end of the cell
 * before it, or content taller than its own box (it then runs over the next cell).
 */
async function overlaps(page: Page): Promise<string[]> {
  return page.$$eval('.pp-table-wrap tr', (rows) =>
    rows.flatMap((row) => {
      const cells = [...row.querySelectorAll('td, th')].map((cell) => ({
        text: (cell.textContent ?? '').trim().slice(0, 40),
        box: cell.getBoundingClientRect(),
        overflows: cell.scrollHeight > cell.clientHeight + 1,
      }));
      return cells.flatMap((cell, i) => [
        ...(i > 0 && cell.box.top < cells[i - 1]!.box.bottom - 1 ? [`"${cell.text}" begint over "${cells[i - 1]!.text}"`] : []),
        ...(cell.overflows ? [`"${cell.text}" past niet in zijn vak`] : []),
      ]);
    }),
  );
}

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('tabellen op een telefoon (390 px)', () => {
  test('de vergelijking van gemeenten op een instrumentpagina', async () => {
    const page = await phone();
    await page.goto('/instrumenten/basisbaan/');
    expect(await page.locator('.pp-table-wrap td').count()).toBeGreaterThan(3);
    expect(await overlaps(page)).toEqual([]);
    expect(await sideways(page)).toBe(0);
  });

  test('de lijst van wachtende medewerkers op /beheer/, met de knop heel in beeld', async () => {
    const page = await phone();
    const curator = identity('smal-curator');
    const waiting = identity('smal-wachtend');
    for (const who of [curator, waiting]) {
      await registerVia(page, { name: 'Sanne Smal', email: who.email, kind: 'gemeente' });
      await verifyVia(page, who.email);
    }
    await setRole(curator.email, 'curator');
    await signIn(page, curator.email);
    await page.goto('/beheer/');
    expect(await page.locator('[data-applicant]').count()).toBeGreaterThan(0);
    expect(await overlaps(page)).toEqual([]);
    expect(await sideways(page)).toBe(0);
    const button = await page.getByRole('button', { name: 'Bevestig Sanne Smal' }).first().boundingBox();
    expect(button!.x).toBeGreaterThanOrEqual(0);
    expect(button!.x + button!.width).toBeLessThanOrEqual(390);
  });
});
