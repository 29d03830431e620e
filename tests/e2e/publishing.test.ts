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
 *
 * One real `astro build` (the new case, 1–3 minutes on two shared cores). The broken case is
 * built for real too, but fails at the content check before anything is compiled. The revert
 * brings content/ back to what the worktree's dist/ was built from, so its build is that dist/:
 * this test's worker takes the revert (the server's worker is kept off it by a held build lock)
 * and a stand-in build copies dist/ after checking every reverted file against the first commit.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '#db/client.ts';
import { publications } from '#db/publishing-schema.ts';
import { publicationById, requestPublish, setPublishingEnvironmentForTests } from '#features/publishing/publish.ts';
import { astroBuild, type SiteBuilder } from '#features/publishing/site-build.ts';
import { processPublications, type PublishingEnvironment } from '#features/publishing/worker.ts';
import { axeViolations, connectBrowser } from './browser.ts';
import { startServer, type OwnServer } from './own-server.ts';
import { signIn } from './session-support.ts';

const BUILD_MS = 8 * 60_000;
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
/** The publishing environment of the copy, for this test process's own worker. */
let environment: PublishingEnvironment;
/** The copy's first commit: content/ as the worktree's dist/ was built from it. */
let firstCommit: string;

const run = (command: string[], env: Record<string, string> = {}) =>
  execFileSync(command[0]!, command.slice(1), { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } }).trim();
const status = async (path: string) => (await fetch(`${server.baseURL}${path}`)).status;

/**
 * Waits until the publication is done, and shows its status page as a curator without
 * JavaScript would (opening it also starts the server's worker). When it went live, also until
 * the server serves its build: the server looks at the live pointer when requests come in.
 */
async function waitUntilDone(id: string): Promise<'live' | 'failed'> {
  await page.goto(`/beheer/inhoud/publicaties/${id}/`);
  const deadline = Date.now() + BUILD_MS;
  let state = (await publicationById(handle.db as never, id))?.state;
  while (state !== 'live' && state !== 'failed') {
    if (Date.now() > deadline) throw new Error(`Publicatie ${id} bleef ${state}:\n${server.stdout()}\n${server.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    state = (await publicationById(handle.db as never, id))?.state;
  }
  if (state === 'live') {
    for (let i = 0; !server.stdout().includes(`"build":"${id}"`); i++) {
      if (i > 150) throw new Error(`De server nam de build van ${id} niet over:\n${server.stdout()}\n${server.stderr()}`);
      await fetch(`${server.baseURL}/healthz`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  await page.goto(`/beheer/inhoud/publicaties/${id}/`);
  const shown = await page.locator('[data-publication-status]').getAttribute('data-state');
  expect(shown, 'de statuspagina toont wat de database zegt').toBe(state);
  return state;
}

/**
 * A stand-in for the build of a publication that only brings files back to the copy's first
 * commit: the worktree's dist/ is the build of exactly that content. Any other change fails.
 */
const rebuildOfFirstCommit: SiteBuilder = async (input) => {
  for (const change of input.changes) {
    // The file as the first commit has it, or null when it had none.
    const shown = spawnSync('git', ['show', `${firstCommit}:content/${change.path}`], { cwd: dir, encoding: 'utf8' });
    const original = shown.status === 0 ? shown.stdout : null;
    if (original?.trim() !== change.content?.trim()) return { ok: false, message: `De testbuild kent alleen de eerste versie: ${change.path} wijkt af.` };
  }
  cpSync(join(dir, 'dist'), input.outDir, { recursive: true });
  return { ok: true };
};

/**
 * Holds the build lock as the worker does (a publication building under a valid claim), so the
 * server's worker leaves the next publication waiting. Returns the release.
 */
async function holdBuildLock(): Promise<() => Promise<void>> {
  const id = `test-slot-${Date.now()}`;
  const now = Date.now();
  await handle.db.insert(publications).values({ id, state: 'building', summary: 'Bouwslot van de test', publisherName: 'Test', changes: '[]', claimedBy: 'test', claimedUntil: now + 10 * 60_000, attempts: 1, createdAt: now, startedAt: now });
  return async () => {
    await handle.db.delete(publications).where(eq(publications.id, id));
  };
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
  firstCommit = run(['git', 'rev-parse', 'HEAD']);
  const databaseUrl = `file:${join(dir, 'db', 'publiceren.db')}`;
  run([process.execPath, 'scripts/migrate.ts'], { DATABASE_URL: databaseUrl });
  run([process.execPath, 'scripts/seed.ts'], { DATABASE_URL: databaseUrl });
  // PUBLISHING=on: the e2e project switches it off for every process it starts (vitest.config.ts); this copy may publish.
  server = await startServer(databaseUrl, { PUBLISH_DIR: join(dir, '.praktijkplein'), PUBLISHING: 'on' }, { cwd: dir });
  handle = await openDatabase({ url: databaseUrl });
  const [curator] = await handle.client.execute({ sql: 'select id from users where email = ?', args: ['curator@demo.praktijkplein.nl'] }).then((r) => r.rows);
  curatorId = String(curator!.id);
  // This test process only queues (as the editor's action does); the server's worker builds,
  // started when the curator opens the status page. The environment points at the copy anyway.
  environment = { projectRoot: dir, contentDir: join(dir, 'content'), stateDir: join(dir, '.praktijkplein'), build: astroBuild, buildEnv: { PATH: process.env.PATH ?? '/usr/bin:/bin' }, claimMs: 120_000 };
  setPublishingEnvironmentForTests({ ...environment, autoStart: false });
  browser = await connectBrowser();
  const context = await browser.newContext({ baseURL: server.baseURL, locale: 'nl-NL' });
  page = await context.newPage();
  await signIn(page, 'curator@demo.praktijkplein.nl', handle.db as never);
}, 120_000);

afterAll(async () => {
  setPublishingEnvironmentForTests(undefined);
  await browser?.close();
  handle?.close();
  server?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The same list as a visitor without a session gets it (from the page cache when kept). */
const anonymousFilteredList = async () => (await fetch(`${server.baseURL}/praktijkvoorbeelden/?sector=${SECTOR}`)).text();

/** The case list filtered on the new case's sector: the links to cases it shows. */
async function filteredCases(): Promise<string[]> {
  await page.goto(`/praktijkvoorbeelden/?sector=${SECTOR}`);
  return page.locator('main a[href^="/praktijkvoorbeelden/"]').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

describe('publiceren zonder ontwikkelaar', () => {
  test('een curator maakt een praktijkvoorbeeld, herstelt de gemeente, bekijkt het voorbeeld en publiceert; live, vindbaar en filterbaar zonder herstart; een git-commit op haar naam', async () => {
    expect(await status(`/praktijkvoorbeelden/${NEW_CASE}/`)).toBe(404);
    expect(await filteredCases()).not.toContain(`/praktijkvoorbeelden/${NEW_CASE}/`);
    // A visitor without a session has the filtered list from the page cache (asked twice: rendered, then kept).
    expect(await anonymousFilteredList()).not.toContain(NEW_CASE);
    expect(await anonymousFilteredList()).not.toContain(NEW_CASE);
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
    // And by the case list's filters, also for the visitor whose list was in the page cache of the old build.
    expect(await filteredCases()).toContain(`/praktijkvoorbeelden/${NEW_CASE}/`);
    expect(await anonymousFilteredList()).toContain(`/praktijkvoorbeelden/${NEW_CASE}/`);
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
    const release = await holdBuildLock();
    await page.getByRole('button', { name: 'Ja, terugdraaien' }).click();
    await page.waitForURL(/\/beheer\/inhoud\/publicaties\/[^/]+\/$/);
    const id = new URL(page.url()).pathname.split('/').at(-2)!;
    expect((await publicationById(handle.db as never, id))?.state, 'het bouwslot houdt de server eraf').toBe('queued');
    await release();
    await processPublications(handle.db as never, { ...environment, build: rebuildOfFirstCommit });
    expect(await waitUntilDone(id)).toBe('live');
    expect(await status(`/praktijkvoorbeelden/${NEW_CASE}/`)).toBe(404);
    expect(await filteredCases()).not.toContain(`/praktijkvoorbeelden/${NEW_CASE}/`);
    // A visitor without a session has the filtered list from the page cache (asked twice: rendered, then kept).
    expect(await anonymousFilteredList()).not.toContain(NEW_CASE);
    expect(await anonymousFilteredList()).not.toContain(NEW_CASE);
    expect(existsSync(join(dir, 'content', 'cases', `${NEW_CASE}.mdx`))).toBe(false);
    expect(run(['git', 'log', '-1', '--format=%an|%s'])).toBe(`Demo Curator|Teruggedraaid: Nieuw: praktijkvoorbeeld "${NEW_TITLE}"`);
  }, BUILD_MS + 60_000);
});
