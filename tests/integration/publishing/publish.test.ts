/**
 * The publish pipeline without Astro: the worker, the database build
 * lock, writing content/, revisions and revert, git commits, the rate limit and hostile paths,
 * with a quick stand-in for `astro build` on a temporary content folder. The real build and the
 * live server's switch are tested once in tests/e2e/publishing.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { auditLog } from '#db/schema.ts';
import { publications } from '#db/publishing-schema.ts';
import { isPublishablePath } from '#features/publishing/content-paths.ts';
import { contentHistory, publicationById, requestPublish, requestRevert, setPublishingEnvironmentForTests } from '#features/publishing/publish.ts';
import { readLiveBuild } from '#features/publishing/live-build.ts';
import { claimNext, MAX_ATTEMPTS, processPublications, type PublishingEnvironment } from '#features/publishing/worker.ts';
import type { SiteBuilder, SiteBuildInput } from '#features/publishing/site-build.ts';
import { lineDiff } from '#features/publishing/line-diff.ts';
import { registeredUser, testDatabase, type TestDb } from '../accounts/helpers.ts';

const CASE = `---\ntitle: Oud\n---\nDe situatie.\n`;

let t: TestDb;
let dir: string;
let env: PublishingEnvironment;
let builds: SiteBuildInput[];
let running: number;
let maxRunning: number;
let publisher: { userId: string; name: string };

/** A stand-in for astro build: a build folder with an entry, or the failure a content file asks for. */
const fakeBuild: SiteBuilder = async (input) => {
  builds.push(input);
  running += 1;
  maxRunning = Math.max(maxRunning, running);
  await new Promise((r) => setTimeout(r, 20));
  running -= 1;
  if (input.changes.some((change) => change.content?.includes('KAPOT'))) return { ok: false, message: 'De build is mislukt; de live site is niet veranderd.\ncases/kapot.mdx: title: verplicht' };
  mkdirSync(join(input.outDir, 'server'), { recursive: true });
  writeFileSync(join(input.outDir, 'server', 'entry.mjs'), 'export const handler = () => {};');
  return { ok: true };
};

beforeEach(async () => {
  t = await testDatabase();
  dir = mkdtempSync(join(tmpdir(), 'praktijkplein-publish-'));
  mkdirSync(join(dir, 'content', 'cases'), { recursive: true });
  mkdirSync(join(dir, 'content', 'organisations'), { recursive: true });
  writeFileSync(join(dir, 'content', 'cases', 'bestaand.mdx'), CASE);
  writeFileSync(join(dir, 'content', 'organisations', 'organisations.yaml'), '- id: een\n');
  builds = [];
  running = 0;
  maxRunning = 0;
  env = { projectRoot: resolve('.'), contentDir: join(dir, 'content'), stateDir: join(dir, 'state'), build: fakeBuild, buildEnv: { PATH: process.env.PATH ?? '/usr/bin:/bin' }, claimMs: 60_000 };
  // Requests only queue here; each test runs the worker itself.
  setPublishingEnvironmentForTests({ ...env, autoStart: false });
  const user = await registeredUser(t, 'cor@voorbeeld.nl');
  publisher = { userId: user.id, name: 'Cor Curator' };
});

afterEach(() => {
  setPublishingEnvironmentForTests(undefined);
  t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const content = (path: string) => (existsSync(join(dir, 'content', path)) ? readFileSync(join(dir, 'content', path), 'utf8') : null);

describe('publiceren', () => {
  test('een nieuw praktijkvoorbeeld: gebouwd, in content/ geschreven, live gezet, met revisie en logboek', async () => {
    const result = await requestPublish(t.handle.db, { changes: [{ path: 'cases/nieuw.mdx', content: '---\ntitle: Nieuw\n---\n' }], publisher, summary: 'Nieuw voorbeeld' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect((await publicationById(t.handle.db, result.publicationId))?.state).toBe('queued');
    // Not written before the build succeeded.
    expect(content('cases/nieuw.mdx')).toBeNull();
    expect(await processPublications(t.handle.db, env)).toBe(1);
    const publication = await publicationById(t.handle.db, result.publicationId);
    expect(publication?.state).toBe('live');
    expect(content('cases/nieuw.mdx')).toBe('---\ntitle: Nieuw\n---\n');
    expect(readLiveBuild(env.stateDir)?.id).toBe(result.publicationId);
    // The build ran on a staging copy, never in the real project or its content folder.
    expect(builds[0]!.stagingDir.startsWith(env.stateDir)).toBe(true);
    expect(builds[0]!.outDir).toBe(join(env.stateDir, 'builds', `${result.publicationId}-1`));
    const [revision] = await contentHistory(t.handle.db);
    expect(revision).toMatchObject({ id: publication!.revisionId, publisher: 'Cor Curator', summary: 'Nieuw voorbeeld', paths: ['cases/nieuw.mdx'], commit: null });
    const actions = (await t.handle.db.select().from(auditLog).where(eq(auditLog.subjectId, result.publicationId))).map((entry) => entry.action);
    expect(actions.sort()).toEqual(['content.publish.requested', 'content.published']);
  });

  test('een mislukte build: Nederlandse melding, content/ en de live build onveranderd', async () => {
    await requestPublish(t.handle.db, { changes: [{ path: 'cases/goed.mdx', content: 'goed' }], publisher, summary: 'Goed' });
    await processPublications(t.handle.db, env);
    const liveBefore = readLiveBuild(env.stateDir);
    const failed = await requestPublish(t.handle.db, { changes: [{ path: 'cases/bestaand.mdx', content: 'KAPOT' }], publisher, summary: 'Kapot' });
    await processPublications(t.handle.db, env);
    const publication = await publicationById(t.handle.db, failed.ok ? failed.publicationId : '');
    expect(publication?.state).toBe('failed');
    expect(publication?.message).toContain('De build is mislukt; de live site is niet veranderd.');
    expect(publication?.message).toContain('title: verplicht');
    expect(content('cases/bestaand.mdx')).toBe(CASE);
    expect(readLiveBuild(env.stateDir)).toEqual(liveBefore);
    expect(existsSync(join(env.stateDir, 'builds', failed.ok ? `${failed.publicationId}-1` : 'x'))).toBe(false);
    expect((await contentHistory(t.handle.db)).length).toBe(1);
  });

  test('twee publicaties van dezelfde pagina in de wachtrij: de tweede overschrijft de eerste niet ongezien', async () => {
    // Both asked while the page was still CASE; the first goes live, the second must not overwrite it.
    const first = await requestPublish(t.handle.db, { changes: [{ path: 'cases/bestaand.mdx', content: 'Van Anna' }], publisher, summary: 'Anna' });
    const second = await requestPublish(t.handle.db, { changes: [{ path: 'cases/bestaand.mdx', content: 'Van Bert' }], publisher, summary: 'Bert' });
    await processPublications(t.handle.db, env);
    expect((await publicationById(t.handle.db, first.ok ? first.publicationId : ''))?.state).toBe('live');
    const refused = await publicationById(t.handle.db, second.ok ? second.publicationId : '');
    expect(refused?.state).toBe('failed');
    expect(refused?.message).toContain('Iemand anders heeft cases/bestaand.mdx intussen gepubliceerd');
    expect(content('cases/bestaand.mdx')).toBe('Van Anna');
  });

  test('mislukt het live zetten na het schrijven, dan staat content/ weer zoals het was', async () => {
    // A folder where the pointer file goes: the switch (a rename over it) fails after content/ was written.
    mkdirSync(join(env.stateDir, 'live.json'), { recursive: true });
    const result = await requestPublish(t.handle.db, { changes: [{ path: 'cases/bestaand.mdx', content: 'Nieuw' }, { path: 'cases/extra.mdx', content: 'Extra' }], publisher, summary: 'Twee' });
    await processPublications(t.handle.db, env);
    expect((await publicationById(t.handle.db, result.ok ? result.publicationId : ''))?.state).toBe('failed');
    expect(content('cases/bestaand.mdx')).toBe(CASE);
    expect(content('cases/extra.mdx')).toBeNull();
    expect(await contentHistory(t.handle.db)).toEqual([]);
  });

  test('terugdraaien zet de teksten van ervoor terug (een nieuw bestand verdwijnt) als nieuwe revisie', async () => {
    await requestPublish(t.handle.db, { changes: [{ path: 'cases/nieuw.mdx', content: 'nieuw' }, { path: 'cases/bestaand.mdx', content: 'Anders' }], publisher, summary: 'Twee' });
    await processPublications(t.handle.db, env);
    const [revision] = await contentHistory(t.handle.db);
    const revert = await requestRevert(t.handle.db, revision!.id, publisher);
    expect(revert.ok).toBe(true);
    await processPublications(t.handle.db, env);
    expect(content('cases/nieuw.mdx')).toBeNull();
    expect(content('cases/bestaand.mdx')).toBe(CASE);
    const [newest] = await contentHistory(t.handle.db);
    expect(newest).toMatchObject({ revertOf: revision!.id, summary: 'Teruggedraaid: Twee' });
    // The history filters by file.
    expect((await contentHistory(t.handle.db, { path: 'cases/nieuw.mdx' })).length).toBe(2);
    expect((await contentHistory(t.handle.db, { path: 'organisations/organisations.yaml' })).length).toBe(0);
  });

  test('terugdraaien weigert als het bestand daarna nog gewijzigd is (de latere wijziging gaat niet verloren)', async () => {
    await requestPublish(t.handle.db, { changes: [{ path: 'cases/bestaand.mdx', content: 'Eerste' }], publisher, summary: 'Eerste' });
    await processPublications(t.handle.db, env);
    const [first] = await contentHistory(t.handle.db);
    await requestPublish(t.handle.db, { changes: [{ path: 'cases/bestaand.mdx', content: 'Tweede' }], publisher, summary: 'Tweede' });
    await processPublications(t.handle.db, env);
    const refused = await requestRevert(t.handle.db, first!.id, publisher);
    expect(refused).toMatchObject({ ok: false, reason: 'invalid' });
    expect(refused.ok ? '' : refused.message).toContain('daarna nog gewijzigd');
    expect(content('cases/bestaand.mdx')).toBe('Tweede');
  });

  test('in een git-checkout: één commit met de naam van de curator, alleen de gewijzigde paden', async () => {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
    git('init', '-q');
    git('-c', 'user.name=Ontwikkelaar', '-c', 'user.email=dev@example.org', 'add', '-A');
    git('-c', 'user.name=Ontwikkelaar', '-c', 'user.email=dev@example.org', 'commit', '-qm', 'begin');
    // Someone's unrelated unfinished work stays out of the publication's commit.
    writeFileSync(join(dir, 'content', 'organisations', 'organisations.yaml'), '- id: half af\n');
    await requestPublish(t.handle.db, { changes: [{ path: 'cases/nieuw.mdx', content: 'nieuw' }], publisher, summary: 'Nieuw via de site' });
    await processPublications(t.handle.db, env);
    expect(git('log', '-1', '--format=%an|%s')).toBe('Cor Curator|Nieuw via de site');
    expect(git('show', '--name-only', '--format=', 'HEAD')).toBe('content/cases/nieuw.mdx');
    expect(git('status', '--porcelain', '--', 'content')).toBe('M content/organisations/organisations.yaml');
    const [revision] = await contentHistory(t.handle.db);
    expect(revision!.commit).toBe(git('rev-parse', 'HEAD'));
  });

  test('twee publicaties tegelijk: één build tegelijk, ook met twee werkers; beide eindigen live', async () => {
    const [a, b] = await Promise.all([
      requestPublish(t.handle.db, { changes: [{ path: 'cases/a.mdx', content: 'a' }], publisher, summary: 'A' }),
      requestPublish(t.handle.db, { changes: [{ path: 'cases/b.mdx', content: 'b' }], publisher, summary: 'B' }),
    ]);
    // Two workers (two instances) start at the same moment.
    await Promise.all([processPublications(t.handle.db, env), processPublications(t.handle.db, env)]);
    expect(maxRunning).toBe(1);
    expect(builds.length).toBe(2);
    for (const result of [a, b]) expect((await publicationById(t.handle.db, result.ok ? result.publicationId : ''))?.state).toBe('live');
    expect([content('cases/a.mdx'), content('cases/b.mdx')]).toEqual(['a', 'b']);
  });

  test('een build onder een geldige claim houdt anderen tegen; een verlopen claim wordt opnieuw genomen, na drie pogingen mislukt', async () => {
    const result = await requestPublish(t.handle.db, { changes: [{ path: 'cases/a.mdx', content: 'a' }], publisher, summary: 'A' });
    const id = result.ok ? result.publicationId : '';
    const now = Date.now();
    expect((await claimNext(t.handle.db, 60_000, now))?.id).toBe(id);
    await requestPublish(t.handle.db, { changes: [{ path: 'cases/b.mdx', content: 'b' }], publisher, summary: 'B' });
    // While the claim holds, nobody else starts a build.
    expect(await claimNext(t.handle.db, 60_000, now + 1000)).toBeNull();
    // The instance crashed: once the claim expired, the same publication is taken again first.
    expect((await claimNext(t.handle.db, 60_000, now + 61_000))?.id).toBe(id);
    await t.handle.db.update(publications).set({ attempts: MAX_ATTEMPTS }).where(eq(publications.id, id));
    const next = await claimNext(t.handle.db, 60_000, now + 122_000);
    expect(next?.summary).toBe('B');
    const given = await publicationById(t.handle.db, id);
    expect(given?.state).toBe('failed');
    expect(given?.message).toContain('afgebroken');
  });

  test('publiceren is beperkt: 10 per curator, daarna wachten', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await requestPublish(t.handle.db, { changes: [{ path: `cases/x${i}.mdx`, content: 'x' }], publisher, summary: 'x' }, 1_000_000)).ok).toBe(i < 10);
      // The queue's own limit is not what stops it here.
      await t.handle.db.update(publications).set({ state: 'live' });
    }
    const eleventh = await requestPublish(t.handle.db, { changes: [{ path: 'cases/y.mdx', content: 'y' }], publisher, summary: 'y' }, 1_000_000);
    expect(eleventh).toMatchObject({ ok: false, reason: 'rate-limited' });
    expect(eleventh.ok ? '' : eleventh.message).toMatch(/Probeer het over \d+ minuten opnieuw/);
  });

  const hostile = ['../server.mjs', '/etc/passwd', 'cases/../../server.mjs', 'cases/..%2f..%2fserver.mjs', 'cases\\..\\x.mdx', 'cases/x.js', 'cases/x.mdx\0.txt', 'cases/sub/x.mdx', 'geo/gemeente_2026.topojson', 'Cases/x.mdx', 'cases/X.mdx', 'cases/.mdx', 'cases/-x.mdx', 'organisations/andere.yaml', './cases/x.mdx', 'cases//x.mdx', ''];

  test.each(hostile)('vijandig pad geweigerd: %j', async (path) => {
    expect(isPublishablePath(path)).toBe(false);
    const result = await requestPublish(t.handle.db, { changes: [{ path, content: 'x' }], publisher, summary: 'x' });
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await t.handle.db.select().from(publications)).toEqual([]);
  });

  test('bekende paden mogen', () => {
    for (const path of ['cases/postnl-pakketsorteercentra.mdx', 'instruments/basisbaan.mdx', 'organisations/organisations.yaml', 'sources/sources.yaml']) expect(isPublishablePath(path)).toBe(true);
  });

  test('een symlink in de inhoudsmap wordt niet gevolgd: de publicatie mislukt, het doel blijft heel', async () => {
    const target = join(dir, 'geheim.txt');
    writeFileSync(target, 'geheim');
    symlinkSync(target, join(dir, 'content', 'cases', 'link.mdx'));
    const result = await requestPublish(t.handle.db, { changes: [{ path: 'cases/link.mdx', content: 'overschreven' }], publisher, summary: 'x' });
    await processPublications(t.handle.db, env);
    const publication = await publicationById(t.handle.db, result.ok ? result.publicationId : '');
    expect(publication?.state).toBe('failed');
    expect(publication?.message).toContain('koppeling');
    expect(readFileSync(target, 'utf8')).toBe('geheim');
    expect(builds).toEqual([]);
  });
});

describe('verschil per regel', () => {
  test('toont weggehaalde en toegevoegde regels, en hoeveel er nog meer zijn', () => {
    expect(lineDiff('a\nb\nc', 'a\nB\nc\nd').lines).toEqual([
      { kind: 'added', text: 'B' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'd' },
    ]);
    expect(lineDiff(null, 'x\ny', 1)).toEqual({ lines: [{ kind: 'added', text: 'x' }], more: 1 });
  });
});
