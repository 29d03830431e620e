/**
 * Nothing breaks on a phone. Every page type at 320 and 390 px wide: the
 * page never scrolls sideways, and no text runs out of its box (a cell with a fixed height whose
 * text spills over the next row, a button cut off at the edge, a long word sticking out); at
 * 390×844 the main heading starts in the top third of the screen.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { connectBrowser, openPage } from './browser.ts';
import { embedPages, publicPages, signedInPages, type SignedIn } from './page-types.ts';

const widths = [320, 390] as const;

let browser: Browser;
let signedIn: SignedIn[];
beforeAll(async () => {
  browser = await connectBrowser();
  signedIn = await signedInPages(browser);
}, 120_000);
afterAll(() => browser.close());

/** What breaks the layout on this page, in words; empty when nothing does. */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    const width = root.clientWidth;
    if (root.scrollWidth > width) problems.push(`de pagina scrolt zijwaarts (${root.scrollWidth} px op ${width} px)`);
    const describe = (el: Element) => {
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50);
      return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}> "${text}"`;
    };
    // Text meant only for screen readers is clipped to a pixel on purpose.
    const hiddenOnPurpose = (el: Element, style: CSSStyleDeclaration) => {
      const box = el.getBoundingClientRect();
      return style.clip !== 'auto' && style.clip !== '' ? true : style.clipPath.startsWith('inset(50%') || (box.width <= 1 && box.height <= 1);
    };
    const skipped = new Set<Element>();
    for (const el of document.body.querySelectorAll('*')) {
      if (el.parentElement && skipped.has(el.parentElement)) {
        skipped.add(el);
        continue;
      }
      if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      // The skip link waits outside the screen until it gets focus; such an element is
      // wholly outside, never partly.
      const parkedOutside = box.right <= 0 || box.bottom <= 0;
      // checkVisibility: also what a closed <details> hides (its content is laid out but not shown).
      const shown = el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true });
      if (!shown || hiddenOnPurpose(el, style) || parkedOutside) {
        skipped.add(el);
        continue;
      }
      if (style.display === 'contents' || (box.width === 0 && box.height === 0)) continue;
      if (box.right > width + 1 || box.left < -1) problems.push(`${describe(el)} steekt buiten het scherm (${Math.round(box.left)}–${Math.round(box.right)} px)`);
      if (style.display.startsWith('inline') && style.display !== 'inline-block' && style.display !== 'inline-flex' && style.display !== 'inline-grid') continue;
      if (style.overflowX === 'visible' && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
        problems.push(`${describe(el)} is breder dan zijn vak (${el.scrollWidth} px in ${el.clientWidth} px)`);
      }
      if (style.overflowY === 'visible' && el.scrollHeight > el.clientHeight + 2 && el.clientHeight > 0) {
        problems.push(`${describe(el)} is hoger dan zijn vak (${el.scrollHeight} px in ${el.clientHeight} px)`);
      }
    }
    return problems;
  });
}

/** On a 390×844 phone the main heading starts in the top third. */
const TOP_THIRD = 844 / 3;

async function check(page: Page, path: string, mainHeading: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(500);
  return checkLoaded(page, mainHeading);
}

/** The checks on the page as it is now (after a load or a resize); `mainHeading`: the page's top heading (h2 in an embed). */
async function checkLoaded(page: Page, mainHeading: string) {
  const problems = await layoutProblems(page);
  if (page.viewportSize()?.width === 390) {
    const top = await page.locator(mainHeading).first().evaluate((heading) => heading.getBoundingClientRect().top);
    if (top >= TOP_THIRD) problems.push(`de hoofdkop begint op ${Math.round(top)} px, onder het bovenste derde`);
  }
  return problems;
}

/**
 * The page at each phone width, loaded once: the layout follows the viewport (CSS media queries;
 * no script lays out by width), so the next width is a resize of the same page, as when a
 * window is narrowed or a phone turns.
 */
async function checkAtEveryWidth(page: Page, path: string, mainHeading = 'h1') {
  const problems: string[] = [];
  for (const [index, width] of widths.entries()) {
    await page.setViewportSize({ width, height: 844 });
    const found = index === 0 ? await check(page, path, mainHeading) : await checkLoaded(page, mainHeading);
    problems.push(...found.map((problem) => `${width} px: ${problem}`));
  }
  return problems;
}

describe(`op een telefoon van ${widths.join(' en ')} px breed`, () => {
  // One visitor's tab walks all public pages, as a person clicking on would.
  let visitor: Page;
  beforeAll(async () => {
    ({ page: visitor } = await openPage(browser, { viewport: { width: widths[0], height: 844 } }));
  });

  test.each(publicPages)('%s (%s): niets scrolt zijwaarts of loopt uit zijn vak', async (_name, path) => {
    expect(await checkAtEveryWidth(visitor, path)).toEqual([]);
  });

  test.each(embedPages)('%s (%s): reflowt in een smal kader', async (_name, path) => {
    expect(await checkAtEveryWidth(visitor, path, 'h2')).toEqual([]);
  });

  test.each(['gemeentemedewerker', 'werkgever', 'curator'])('de pagina’s achter inloggen als %s', async (who) => {
    const person = signedIn.find((p) => p.who === who)!;
    const problems: string[] = [];
    const page = await person.context.newPage();
    for (const [name, path] of person.pages) {
      for (const problem of await checkAtEveryWidth(page, path)) problems.push(`${person.who}, ${name} (${path}): ${problem}`);
    }
    await page.close();
    expect(problems).toEqual([]);
  });
});
