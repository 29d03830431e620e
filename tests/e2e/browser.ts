/**
 * Debian's Chromium driven by playwright-core. One browser serves the whole e2e run
 * (server-setup.ts launches it); each test file connects to it and works in contexts of its own,
 * so no cookie or storage passes between files, while Chromium starts once instead of per file.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, inject } from 'vitest';
import { sharedServer } from './shared-server.ts';

export const baseURL = () => sharedServer().baseURL;

/**
 * A connection to the run's shared browser. `close()` on it ends only this connection and the
 * contexts it made; the browser itself stops in the global teardown.
 */
export function connectBrowser(): Promise<Browser> {
  return chromium.connect(inject('browserWsEndpoint'));
}

/**
 * A fresh-looking page: no cookies, no test's listeners, a blank address. Opening a page costs Chromium
 * about a second of CPU (a renderer process, Playwright's scripts in it), loading the next
 * address in an open page a sixth of that; so a page that a test is done with goes back to a pool
 * (its context's `close()` recycles it) and the next test gets it cleared instead of a new one.
 * The browser's HTTP cache stays, as for a person who comes back: pages revalidate every time
 * (`must-revalidate`), only the fingerprinted assets are reused.
 */
interface PooledPage { context: BrowserContext; page: Page }
const DEFAULT_VIEWPORT = { width: 1280, height: 720 };
const pagePools = new WeakMap<Browser, Map<string, PooledPage[]>>();

/** What a test asks of its page; what a context fixes at its start (scripts, phone) picks the pool. */
export interface PageOptions {
  javaScript?: boolean;
  /** The client address the server sees (X-Forwarded-For): rate limits count per source. */
  ip?: string;
  viewport?: { width: number; height: number };
  /** A phone: touch and the mobile viewport meta tag honoured. */
  mobile?: boolean;
}

/** A page from the pool (or a new one), cleared, on the run's server; its context's close() gives it back. */
export async function openPage(browser: Browser, options: PageOptions = {}): Promise<PooledPage> {
  const javaScriptEnabled = options.javaScript ?? true;
  const mobile = options.mobile ?? false;
  const pools = pagePools.get(browser) ?? new Map<string, PooledPage[]>();
  pagePools.set(browser, pools);
  const key = `${javaScriptEnabled}/${mobile}`;
  const pool = pools.get(key) ?? [];
  pools.set(key, pool);
  let entry = pool.pop();
  while (entry && (entry.page.isClosed() || !browser.isConnected())) entry = pool.pop();
  if (!entry) {
    const context = await browser.newContext({ baseURL: baseURL(), locale: 'nl-NL', javaScriptEnabled, isMobile: mobile, hasTouch: mobile });
    entry = { context, page: await context.newPage() };
  }
  const { context, page } = entry;
  await Promise.all([
    context.setExtraHTTPHeaders(options.ip ? { 'x-forwarded-for': options.ip } : {}),
    page.setViewportSize(options.viewport ?? DEFAULT_VIEWPORT),
  ]);
  const recycle = async () => {
    if (page.isClosed() || !browser.isConnected()) return context.close();
    for (const other of context.pages()) if (other !== page) await other.close();
    // Only the listeners tests add (newPage's error log, a file's own): Playwright keeps listeners
    // of its own on the page, and removing those leaves the next goto or waitForURL hanging.
    for (const event of ['console', 'pageerror', 'dialog', 'request', 'response'] as const) page.removeAllListeners(event);
    await Promise.all([context.clearCookies(), context.clearPermissions(), context.unrouteAll(), page.unrouteAll(), page.emulateMedia({ media: null })]);
    await page.goto('about:blank');
    pool.push({ context, page });
  };
  // The test's context.close() hands the page back instead of ending the context.
  const handedOut = new Proxy(context, {
    get(target, property) {
      if (property === 'close') return recycle;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { context: handedOut, page };
}

export async function newPage(browser: Browser, options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const { context, page } = await openPage(browser, { javaScript: options.javaScriptEnabled });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/** A page from its own client IP (rate limits count per source), with or without JavaScript. */
export function pageFrom(browser: Browser, ip: string, javaScript: boolean): Promise<{ context: BrowserContext; page: Page }> {
  return openPage(browser, { javaScript, ip });
}

/** A page without JavaScript, as a person with scripts off (or a slow phone) sees it, from its own client IP. */
export const noJsPageFrom = (browser: Browser, ip: string) => pageFrom(browser, ip, false);

/**
 * WCAG 2.0–2.2 A and AA together. Legacy mode runs axe in the page itself; the default mode
 * opens an extra blank page per run to merge the results of iframes, which doubles the time of
 * every check, and no page of the site has an iframe. Only violations are asked for in full: the
 * passes (every node of every rule that passed) are what the assertion never reads, so the page
 * need not collect them and send them to the test.
 */
export async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).setLegacyMode().options({ resultTypes: ['violations'] }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * No axe violations, and no sideways scrolling on a phone (390×844) or a laptop (1280×800); a
 * full-page screenshot of each when screenshots are asked for (`name` names them).
 */
export async function noViolationsAtBothSizes(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), name).toEqual([]);
  for (const [width, height] of [[390, 844], [1280, 800]] as const) {
    await page.setViewportSize({ width, height });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${name} past op ${width} px`).toBe(true);
    await screenshot(page, `${name}-${width}`, { fullPage: true });
  }
}

/** Waits until the (first) element is visible; fails the test after 10 s. */
export function visible(locator: Locator): Promise<void> {
  return locator.first().waitFor({ state: 'visible', timeout: 10_000 });
}

/** Waits until the element's visible text equals (string) or matches (RegExp) what is expected. */
export async function hasText(locator: Locator, expected: string | RegExp): Promise<void> {
  const poll = expect.poll(async () => (await locator.first().innerText()).trim(), { timeout: 10_000 });
  await (typeof expected === 'string' ? poll.toBe(expected) : poll.toMatch(expected));
}

let shotsDir: string | undefined;

/**
 * A screenshot to look at by eye, taken only when asked for: SCREENSHOTS=1 writes into a new
 * temporary folder (named in the output), SCREENSHOT_DIR=<folder> into that folder. No test
 * asserts on them, so by default none is taken (full-page screenshots are slow).
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const wanted = process.env.SCREENSHOT_DIR || process.env.SCREENSHOTS === '1';
  if (!wanted) return;
  if (!shotsDir) {
    shotsDir = process.env.SCREENSHOT_DIR ? process.env.SCREENSHOT_DIR : mkdtempSync(join(tmpdir(), 'praktijkplein-screenshots-'));
    mkdirSync(shotsDir, { recursive: true });
    console.log(`Screenshots in ${shotsDir}`);
  }
  await page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: options.fullPage ?? false });
}
