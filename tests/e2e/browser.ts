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

export async function newPage(browser: Browser, options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL: baseURL(), locale: 'nl-NL', javaScriptEnabled: options.javaScriptEnabled ?? true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/** A page from its own client IP (rate limits count per source), with or without JavaScript. */
export async function pageFrom(browser: Browser, ip: string, javaScript: boolean): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseURL(), locale: 'nl-NL', javaScriptEnabled: javaScript, extraHTTPHeaders: { 'x-forwarded-for': ip } });
  return { context, page: await context.newPage() };
}

/** A page without JavaScript, as a person with scripts off (or a slow phone) sees it, from its own client IP. */
export const noJsPageFrom = (browser: Browser, ip: string) => pageFrom(browser, ip, false);

/**
 * WCAG 2.0–2.2 A and AA together. Legacy mode runs axe in the page itself; the default mode
 * opens an extra blank page per run to merge the results of iframes, which doubles the time of
 * every check, and no page of the site has an iframe.
 */
export async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).setLegacyMode().analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
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
