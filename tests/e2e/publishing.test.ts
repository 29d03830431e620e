/**
 * Publishing end to end, on a temporary copy of the project (a git
 * checkout, node_modules linked, the worktree's dist/ as the first live build) with its own
 * server (PUBLISHING=on), so the real checkout and its dist/ are never written. In sequence, on
 * one copy, as a curator in the browser: a new case with an unknown municipality is refused
 * (the field named, the input kept), fixed, previewed (the heading it will have), published
 * through the status page until live; the running server (no restart) answers its page, the
 * site search and Pagefind find it, the case list's sector filter lists it, and it is a git
 * commit by the curator. A case that breaks the content schema → the status page shows the
 * Dutch error, the live site is unchanged. Revert through the history page → the page is gone
 * (404, not in the filter). Axe on the editor's form, the status and history pages.
 * Three real `astro build`s: about 3–6 minutes on two shared cores (measured below).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, type DatabaseHandle } from '#db/client.ts';
import { publicationById, requestPublish, setPublishingEnvironmentForTests } from '#features/publishing/publish.ts';
import { astroBuild } from '#features/publishing/site-build.ts';
import { axeViolations, launchBrowser } from './browser.ts';
import { startServer, type OwnServer } from './own-server.ts';

const BUILD_MS = 8 * 60_000;
const DEMO_PASSWORD = 'oefenen op het praktijkplein';
const NEW_CASE = 'publicatietest-kraanvogel';
/** A word no other page has, to find the new case through the search. */
const UNIQUE_WORD = 'kraanvogelproef';
const NEW_TITLE = `Kraanvogelproef: schoonmaken in de wijk (demo)`;
/** The sector the new case is filed under, as the case list's filter calls it. */
const SECTOR = 'facilitair';

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
  // PUBLISHING=on: the e2e project switches it off for every process it starts (vitest.config.ts); this copy may publish.
  server = await startServer(databaseUrl, { PUBLISH_DIR: join(dir, '.praktijkplein'), PUBLISHING: 'on' }, dir);
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

/** The case list filtered on the new case's sector: the links to cases it shows. */
async function filteredCases(): Promise<string[]> {
  await page.goto(`/praktijkvoorbeelden/?sector=${SECTOR}`);
  return page.locator('main a[href^="/praktijkvoorbeelden/"]').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

describe('publiceren zonder ontwikkelaar', () => {
  test('een curator maakt een praktijkvoorbeeld, herstelt de gemeente, bekijkt het voorbeeld en publiceert; live, vindbaar en filterbaar zonder herstart; een git-commit op haar naam', async () => {
    expect(await status(`/praktijkvoorbeelden/${NEW_CASE}/`)).toBe(404);
    expect(await filteredCases()).not.toContain(`/praktijkvoorbeelden/${NEW_CASE}/`);
    await page.goto('/beheer/inhoud/');
    await page.getByRole('link', { name: 'Nieuw praktijkvoorbeeld' }).click();
    await page.waitForURL(/\/beheer\/inhoud\/praktijkvoorbeeld\/nieuw\/$/);
    await page.getByLabel('Adres van de pagina').fill(NEW_CASE);
    await page.getByLabel('Titel').fill(NEW_TITLE);
    await page.getByLabel('Samenvatting').fill(`Een demo-voorbeeld dat alleen in de test bestaat (${UNIQUE_WORD}): buurtbewoners maken hun wijk schoon.`);
    await page.getByLabel('Werkgever 1').fill('PostNL');
    await page.getByLabel('Gemeente 1').fill('Atlantis');
    await page.getByLabel('Schoonmaak en facilitair').check();
    await page.getByLabel(/^Gedeelde praktijkervaring/).check();
    await page.getByLabel(/^Liep ten tijde van de bron/).check();
    await page.getByLabel(/^Werkconferentie van werkgevers en gemeenten/).check();
    await page.getByRole('button', { name: 'Concept opslaan' }).click();

    // Refused: the field named in the summary and beside the field, the input kept.
    await page.locator('.pp-error-summary').waitFor();
    expect(await page.locator('#veld-municipalities-fout').innerText()).toMatch(/Onbekende gemeente: "Atlantis"/);
    expect(await page.locator('.pp-error-summary').innerText()).toContain('Gemeenten: Onbekende gemeente: "Atlantis"');
    expect(await page.getByLabel('Titel').inputValue()).toBe(NEW_TITLE);
    expect(await page.getByLabel('Gemeente 1').inputValue()).toBe('Atlantis');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Gemeente 1').fill('Zaandam');
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await page.waitForURL(/\/beheer\/inhoud\/concept\/[^/]+\/\?melding=opgeslagen$/);
    const draftUrl = new URL(page.url()).pathname;

    // The preview: the heading the published page will have.
    await page.goto(`${draftUrl}voorbeeld/`);
    const previewHeading = await page.locator('article h1').first().innerText();
    expect(previewHeading).toBe(NEW_TITLE);

    const started = Date.now();
    await page.goto(draftUrl);
    await page.getByRole('button', { name: 'Publiceren' }).click();
    await page.waitForURL(/\/beheer\/inhoud\/publicaties\/[^/]+\/$/);
    const id = new URL(page.url()).pathname.split('/').at(-2)!;
    expect(await axeViolations(page)).toEqual([]);
    expect(await waitUntilDone(id)).toBe('live');
    console.log(`Publiceren tot live: ${Math.round((Date.now() - started) / 1000)} s`);
    expect(await axeViolations(page)).toEqual([]);
    expect(server.process.exitCode).toBeNull();

    // Live: the same heading as the preview; the draft is published.
    await page.goto(`/praktijkvoorbeelden/${NEW_CASE}/`);
    expect(await page.locator('article h1').first().innerText()).toBe(previewHeading);
    await page.goto(draftUrl);
    expect(await page.locator('.pp-editor-facts').innerText()).toContain('gepubliceerd');
    // Found by the site search (server side) and by Pagefind (the new build's index).
    await page.goto(`/zoeken/?q=${UNIQUE_WORD}`);
    expect(await page.locator(`main a[href="/praktijkvoorbeelden/${NEW_CASE}/"]`).count()).toBeGreaterThan(0);
    const found = await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const search = await pagefind.search(${JSON.stringify(UNIQUE_WORD)});
      return Promise.all(search.results.map((r) => r.data().then((d) => d.url)));
    })()`);
    expect(found).toContain(`/praktijkvoorbeelden/${NEW_CASE}/`);
    // And by the case list's filters.
    expect(await filteredCases()).toContain(`/praktijkvoorbeelden/${NEW_CASE}/`);
    expect(run(['git', 'log', '-1', '--format=%an|%s'])).toBe(`Demo Curator|Nieuw: praktijkvoorbeeld "${NEW_TITLE}"`);
    expect(readFileSync(join(dir, 'content', 'cases', `${NEW_CASE}.mdx`), 'utf8')).toContain(UNIQUE_WORD);
  }, BUILD_MS + 120_000);

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
    await page.getByRole('link', { name: /^Terugdraaien.*Nieuw: praktijkvoorbeeld "Kraanvogelproef/ }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Wijziging terugdraaien');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ja, terugdraaien' }).click();
    await page.waitForURL(/\/beheer\/inhoud\/publicaties\/[^/]+\/$/);
    const id = new URL(page.url()).pathname.split('/').at(-2)!;
    expect(await waitUntilDone(id)).toBe('live');
    expect(await status(`/praktijkvoorbeelden/${NEW_CASE}/`)).toBe(404);
    expect(await filteredCases()).not.toContain(`/praktijkvoorbeelden/${NEW_CASE}/`);
    expect(existsSync(join(dir, 'content', 'cases', `${NEW_CASE}.mdx`))).toBe(false);
    expect(run(['git', 'log', '-1', '--format=%an|%s'])).toBe(`Demo Curator|Teruggedraaid: Nieuw: praktijkvoorbeeld "${NEW_TITLE}"`);
  }, BUILD_MS + 60_000);
});
