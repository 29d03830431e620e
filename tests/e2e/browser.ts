/** Debian's Chromium driven by playwright-core, with the flags this closed network needs. */
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, inject } from 'vitest';

export const baseURL = () => inject('baseURL');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
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

/** WCAG 2.0–2.2 A and AA together, as the issue asks. */
export async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
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
