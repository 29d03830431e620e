/**
 * Publishing end to end (issue 11, items 4 and 7), on a temporary copy of the project (a git
 * checkout, node_modules linked, the worktree's dist/ as the first live build) with its own
 * server, so the real checkout and its dist/ are never written. In sequence, on one copy:
 * publish a new case → the running server (same process, no restart) answers its page and
 * Pagefind finds it, and it is a git commit by the curator; a case that breaks the content
 * schema → the status page shows the Dutch error, the live site is unchanged; revert through
 * the history page → the page is gone again. Axe on the status and history pages.
 * Three real `astro build`s: about 3–6 minutes on two shared cores (measured below).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/client.ts';
import { publicationById, requestPublish, setPublishingEnvironmentForTests } from '../../src/publishing/publish.ts';
import { astroBuild } from '../../src/publishing/site-build.ts';
import { axeViolations, launchBrowser } from './browser.ts';
import { startServer, type OwnServer } from './own-server.ts';

const BUILD_MS = 8 * 60_000;
const DEMO_PASSWORD = 'oefenen op het praktijkplein';
const NEW_CASE = 'publicatietest-kraanvogel';
/** A word no other page has, to find the new case through Pagefind. */
const UNIQUE_WORD = 'kraanvogelproef';

let dir: string;
let server: OwnServer;
let handle: DatabaseHandle;
let browser: Browser;
let page: Page;
let curatorId: string;

const run = (command: string[], env: Record<string, string> = {}) =>
  execFileSync(command[0]!, command.slice(1), { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } }).trim();
const status = async (path: string) => (await fetch(`${server.baseURL}${path}`)).status;

/** Waits (by reloading the status page, as a curator without JavaScript would) until the publication is done. */
async function waitUntilDone(id: string): Promise<'live' | 'failed'> {
  const deadline = Date.now() + BUILD_MS;
  for (;;) {
    await page.goto(`/beheer/inhoud/publicaties/${id}/`);
    const state = await page.locator('[data-publication-status]').getAttribute('data-state');
    if (state === 'live' || state === 'failed') return state;
    if (Date.now() > deadline) throw new Error(`Publicatie ${id} bleef ${state}:\n${server.stdout()}\n${server.stderr()}`);
    await page.waitForTimeout(3000);
  }
}

beforeAll(async () => {
  if (!existsSync('dist/server/entry.mjs')) throw new Error('Bouw de site eerst (npm test doet dat).');
  dir = mkdtempSync(join(tmpdir(), 'praktijkplein-publiceren-'));
  for (const entry of ['src', 'content', 'public', 'db', 'dist', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json', 'server.mjs']) {
    cpSync(entry, join(dir, entry), { recursive: true, filter: (source) => !/\.db(-wal|-shm)?$|\/backups$/.test(source) });
  }
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
  run(['git', 'init', '-q']);
  run(['git', '-c', 'user.name=Ontwikkelaar', '-c', 'user.email=dev@example.org', 'add', 'content']);
  run(['git', '-c', 'user.name=Ontwikkelaar', '-c', 'user.email=dev@example.org', 'commit', '-qm', 'begin']);
  const databaseUrl = `file:${join(dir, 'db', 'publiceren.db')}`;
  run([process.execPath, 'scripts/migrate.ts'], { DATABASE_URL: databaseUrl });
  run([process.execPath, 'scripts/seed.ts'], { DATABASE_URL: databaseUrl });
  server = await startServer(databaseUrl, { PUBLISH_DIR: join(dir, '.praktijkplein') }, dir);
  handle = await openDatabase({ url: databaseUrl });
  const [curator] = await handle.client.execute({ sql: 'select id from users where email = ?', args: ['curator@demo.praktijkplein.nl'] }).then((r) => r.rows);
  curatorId = String(curator!.id);
  // This test process only queues (as the editor's action does); the server's worker builds,
  // started when the curator opens the status page. The environment points at the copy anyway.
  setPublishingEnvironmentForTests({ projectRoot: dir, contentDir: join(dir, 'content'), stateDir: join(dir, '.praktijkplein'), build: astroBuild, buildEnv: {}, claimMs: 120_000, autoStart: false });
  browser = await launchBrowser();
  const context = await browser.newContext({ baseURL: server.baseURL, locale: 'nl-NL' });
  page = await context.newPage();
  await page.goto('/account/inloggen/');
  await page.getByLabel('E-mailadres').fill('curator@demo.praktijkplein.nl');
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(/\/account\/$/);
}, 120_000);

afterAll(async () => {
  setPublishingEnvironmentForTests(undefined);
  await browser?.close();
  handle?.close();
  server?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A valid case, made from an existing one with a new title and a word to search for. */
function newCaseText(): string {
  const original = readFileSync(join(dir, 'content', 'cases', 'zwolle-regelluw-werken.mdx'), 'utf8');
  return original.replace(/^title: .*$/m, `title: "Publicatietest ${UNIQUE_WORD} (demo)"`).replace(/^featured: .*$/m, 'featured: false') + `\n\nDit voorbeeld bestaat alleen in de test: ${UNIQUE_WORD}.\n`;
}

describe('publiceren zonder ontwikkelaar', () => {
  test('een nieuw praktijkvoorbeeld staat na de build live en is vindbaar, zonder herstart; een git-commit op naam van de curator', async () => {
    expect(await status(`/praktijkvoorbeelden/${NEW_CASE}/`)).toBe(404);
    const started = Date.now();
    const result = await requestPublish(handle.db as never, { changes: [{ path: `cases/${NEW_CASE}.mdx`, content: newCaseText() }], publisher: { userId: curatorId, name: 'Demo Curator' }, summary: 'Nieuw: publicatietest' });
    expect(result.ok).toBe(true);
    const id = result.ok ? result.publicationId : '';
    await page.goto(`/beheer/inhoud/publicaties/${id}/`);
    expect(await axeViolations(page)).toEqual([]);
    expect(await waitUntilDone(id)).toBe('live');
    console.log(`Publiceren tot live: ${Math.round((Date.now() - started) / 1000)} s`);
    expect(await axeViolations(page)).toEqual([]);
    expect(await status(`/praktijkvoorbeelden/${NEW_CASE}/`)).toBe(200);
    expect(server.process.exitCode).toBeNull();
    // Pagefind's index is the new build's.
    await page.goto('/zoeken/');
    const found = await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const search = await pagefind.search(${JSON.stringify(UNIQUE_WORD)});
      return Promise.all(search.results.map((r) => r.data().then((d) => d.url)));
    })()`);
    expect(found).toContain(`/praktijkvoorbeelden/${NEW_CASE}/`);
    expect(run(['git', 'log', '-1', '--format=%an|%s'])).toBe('Demo Curator|Nieuw: publicatietest');
    expect(readFileSync(join(dir, 'content', 'cases', `${NEW_CASE}.mdx`), 'utf8')).toContain(UNIQUE_WORD);
  }, BUILD_MS + 60_000);

  test('een build die faalt laat de live site zoals hij was en toont de fout in het Nederlands', async () => {
    const file = join(dir, 'content', 'cases', 'postnl-pakketsorteercentra.mdx');
    const before = readFileSync(file, 'utf8');
    const broken = before.replace(/^instruments: .*$/m, 'instruments: [wondermiddel]');
    const result = await requestPublish(handle.db as never, { changes: [{ path: 'cases/postnl-pakketsorteercentra.mdx', content: broken }], publisher: { userId: curatorId, name: 'Demo Curator' }, summary: 'Kapot' });
    const id = result.ok ? result.publicationId : '';
    expect(await waitUntilDone(id)).toBe('failed');
    await expect(page.locator('[data-build-error]').textContent()).resolves.toContain('instruments.0: "wondermiddel" staat niet in de lijst instrumenten');
    expect(await page.title()).toMatch(/^Fout: /);
    expect(await axeViolations(page)).toEqual([]);
    expect((await publicationById(handle.db as never, id))?.message).toContain('De build is mislukt; de live site is niet veranderd.');
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(await status('/praktijkvoorbeelden/postnl-pakketsorteercentra/')).toBe(200);
    expect(await status(`/praktijkvoorbeelden/${NEW_CASE}/`)).toBe(200);
  }, BUILD_MS + 60_000);

  test('terugdraaien via de geschiedenis haalt het praktijkvoorbeeld weer weg', async () => {
    const answer = await page.goto('/beheer/inhoud/geschiedenis/');
    expect(answer?.status(), await page.locator('main').innerText()).toBe(200);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: /^Terugdraaien.*Nieuw: publicatietest/ }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Wijziging terugdraaien');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ja, terugdraaien' }).click();
    await page.waitForURL(/\/beheer\/inhoud\/publicaties\/[^/]+\/$/);
    const id = new URL(page.url()).pathname.split('/').at(-2)!;
    expect(await waitUntilDone(id)).toBe('live');
    expect(await status(`/praktijkvoorbeelden/${NEW_CASE}/`)).toBe(404);
    expect(existsSync(join(dir, 'content', 'cases', `${NEW_CASE}.mdx`))).toBe(false);
    expect(run(['git', 'log', '-1', '--format=%an|%s'])).toBe('Demo Curator|Teruggedraaid: Nieuw: publicatietest');
  }, BUILD_MS + 60_000);
});
