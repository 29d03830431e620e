/**
 * Every page type is valid HTML according to the W3C Nu validator (the
 * vnu-jar package, run on Java). The HTML is taken as the server sends it, not as the browser
 * repaired it, so a `<script>` after `</html>` is caught.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseURL, connectBrowser } from './browser.ts';
import { embedPages, publicPages, signedInPages } from './page-types.ts';

const vnuJar = join(dirname(createRequire(import.meta.url).resolve('vnu-jar')), 'build', 'dist', 'vnu.jar');

let browser: Browser;
let directory: string;
beforeAll(async () => {
  browser = await connectBrowser();
  directory = mkdtempSync(join(tmpdir(), 'praktijkplein-vnu-'));
});
afterAll(async () => {
  await browser.close();
  rmSync(directory, { recursive: true, force: true });
});

interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

test('elke soort pagina is geldige HTML volgens de W3C-validator', async () => {
  const files = new Map<string, string>();
  const save = (name: string, path: string, html: string) => {
    const file = join(directory, `${files.size.toString().padStart(2, '0')}.html`);
    writeFileSync(file, html);
    files.set(file, `${name} (${path})`);
  };
  for (const [name, path] of [...publicPages, ...embedPages]) {
    const response = await fetch(new URL(path, baseURL()));
    save(name, path, await response.text());
  }
  for (const person of await signedInPages(browser)) {
    for (const [name, path] of person.pages) {
      const response = await person.context.request.get(path);
      expect(response.headers()['content-type'], `${name} is HTML`).toMatch(/text\/html/);
      save(`${person.who}: ${name}`, path, await response.text());
    }
  }

  const run = spawnSync('java', ['-jar', vnuJar, '--format', 'json', '--exit-zero-always', ...files.keys()], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(run.error, 'Java en vnu.jar zijn nodig (Debian: default-jre-headless)').toBeUndefined();
  const { messages } = JSON.parse(run.stderr) as { messages: VnuMessage[] };
  const errors = messages
    .filter((m) => m.type === 'error' || (m.type === 'non-document-error'))
    .map((m) => `${files.get(decodeURIComponent(new URL(m.url).pathname)) ?? m.url}, regel ${m.lastLine ?? '?'}: ${m.message}${m.extract ? ` — ${m.extract.trim().slice(0, 80)}` : ''}`);
  expect(errors).toEqual([]);
  expect(files.size).toBeGreaterThan(30);
}, 180_000);
