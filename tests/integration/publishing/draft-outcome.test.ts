/**
 * What a draft becomes once its publication is done: it waits as 'publishing' (not
 * editable, not published yet); a failed build makes it an editable draft again, so the curator
 * can fix it and publish again; only a live publication makes it 'published'. And the guard of
 * the checkout: with PUBLISHING=off (the test processes and the shared e2e server) the default
 * environment (this project's own content/) is never published into.
 * Fake builder and a temporary content folder, as in publish.test.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { publications } from '#db/publishing-schema.ts';
import { draftById, publishDraft, saveDraft } from '#features/editor/drafts.ts';
import { publicationById, requestPublish, setPublishingEnvironmentForTests } from '#features/publishing/publish.ts';
import { claimNext, processPublications, type PublishingEnvironment } from '#features/publishing/worker.ts';
import type { SiteBuilder } from '#features/publishing/site-build.ts';
import { config, parseConfig } from '#platform/config.ts';
import { curatorActor } from '../accounts/actors.ts';
import { testDatabase, type TestDb } from '../accounts/helpers.ts';
import { eq } from 'drizzle-orm';

let t: TestDb;
let dir: string;
let env: PublishingEnvironment;

/** A stand-in for astro build: fails on a file that says KAPOT, like a schema error would. */
const fakeBuild: SiteBuilder = async (input) => {
  if (input.changes.some((change) => change.content?.includes('KAPOT'))) return { ok: false, message: 'De build is mislukt; de live site is niet veranderd.\ncases/nieuw-voorbeeld.mdx: title: verplicht' };
  mkdirSync(join(input.outDir, 'server'), { recursive: true });
  writeFileSync(join(input.outDir, 'server', 'entry.mjs'), 'export const handler = () => {};');
  return { ok: true };
};

beforeEach(async () => {
  t = await testDatabase();
  dir = mkdtempSync(join(tmpdir(), 'praktijkplein-draft-outcome-'));
  mkdirSync(join(dir, 'content', 'cases'), { recursive: true });
  env = { projectRoot: resolve('.'), contentDir: join(dir, 'content'), stateDir: join(dir, 'state'), build: fakeBuild, buildEnv: { PATH: process.env.PATH ?? '/usr/bin:/bin' }, claimMs: 60_000 };
  setPublishingEnvironmentForTests({ ...env, autoStart: false });
});

afterEach(() => {
  setPublishingEnvironmentForTests(undefined);
  t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** A new case as a draft (publishDraft hands over whatever text the editor checked). */
const newCase = (fileText: string) => ({ kind: 'case' as const, contentId: 'nieuw-voorbeeld', formData: {}, title: 'Nieuw voorbeeld', fileText, baseHash: null });

describe('het concept na de build', () => {
  test('een mislukte build maakt het concept weer bewerkbaar met de fout erbij; pas live is het gepubliceerd', async () => {
    const anna = await curatorActor(t, 'anna@netwerk.nl');
    const saved = await saveDraft(t.deps(), anna, newCase('KAPOT'));
    if (!saved.ok) throw new Error('niet opgeslagen');
    const first = await publishDraft(t.deps(), anna, saved.draftId, saved.version, 'Anna de Vries');
    if (!first.ok) throw new Error(JSON.stringify(first));
    // Waiting for the build: not editable (a save would be refused), not published yet.
    expect(await draftById(t.deps(), anna, saved.draftId)).toMatchObject({ status: 'publishing', publicationId: first.publicationId });
    expect(await saveDraft(t.deps(), anna, { ...newCase('tussendoor'), draftId: saved.draftId, version: 2 })).toMatchObject({ ok: false, reason: 'stale' });

    await processPublications(t.handle.db, env);
    expect(await publicationById(t.handle.db, first.publicationId)).toMatchObject({ state: 'failed', draftId: saved.draftId });
    const failed = await draftById(t.deps(), anna, saved.draftId);
    expect(failed).toMatchObject({ status: 'draft', publicationId: first.publicationId });

    // Fixed and published again: live, and only now 'published'.
    const fixed = await saveDraft(t.deps(), anna, { ...newCase('---\ntitle: Nieuw voorbeeld\n---\nGoed.\n'), draftId: saved.draftId, version: failed!.version });
    if (!fixed.ok) throw new Error(JSON.stringify(fixed));
    const second = await publishDraft(t.deps(), anna, saved.draftId, fixed.version, 'Anna de Vries');
    if (!second.ok) throw new Error(JSON.stringify(second));
    expect(await draftById(t.deps(), anna, saved.draftId)).toMatchObject({ status: 'publishing' });
    await processPublications(t.handle.db, env);
    expect(await publicationById(t.handle.db, second.publicationId)).toMatchObject({ state: 'live' });
    expect(await draftById(t.deps(), anna, saved.draftId)).toMatchObject({ status: 'published', publicationId: second.publicationId });
  });

  test('een build die te vaak afbrak (de server stopte) geeft het concept ook terug', async () => {
    const anna = await curatorActor(t, 'anna@netwerk.nl');
    const saved = await saveDraft(t.deps(), anna, newCase('---\ntitle: x\n---\n'));
    if (!saved.ok) throw new Error('niet opgeslagen');
    const published = await publishDraft(t.deps(), anna, saved.draftId, saved.version, 'Anna de Vries');
    if (!published.ok) throw new Error(JSON.stringify(published));
    // Claimed and abandoned three times (a crashed instance's expired claim).
    await t.handle.db.update(publications).set({ state: 'building', attempts: 3, claimedUntil: 1_000, claimedBy: 'weg' }).where(eq(publications.id, published.publicationId));
    expect(await claimNext(t.handle.db, 60_000, 2_000)).toBeNull();
    expect(await publicationById(t.handle.db, published.publicationId)).toMatchObject({ state: 'failed' });
    expect(await draftById(t.deps(), anna, saved.draftId)).toMatchObject({ status: 'draft' });
  });
});

describe('nooit publiceren in de eigen checkout', () => {
  test('PUBLISHING=off: het standaardadres (de eigen content/) weigert, in het Nederlands; er komt niets in de wachtrij', async () => {
    expect(config().publishing.enabled).toBe(false); // vitest.config.ts sets it for every test process
    setPublishingEnvironmentForTests(undefined);
    const anna = await curatorActor(t, 'anna@netwerk.nl');
    const result = await requestPublish(t.handle.db, { changes: [{ path: 'cases/nieuw.mdx', content: 'x' }], publisher: { userId: anna.userId, name: 'Anna' }, summary: 'x' });
    expect(result).toEqual({ ok: false, reason: 'busy', message: 'Publiceren staat uit op deze server (PUBLISHING=off). Er is niets gewijzigd.' });
    expect(await t.handle.db.select().from(publications)).toHaveLength(0);
  });

  test('PUBLISHING staat standaard aan; alleen on of off', () => {
    expect(parseConfig({}).publishing.enabled).toBe(true);
    expect(parseConfig({ PUBLISHING: 'off' }).publishing.enabled).toBe(false);
    expect(() => parseConfig({ PUBLISHING: 'nee' })).toThrow(/PUBLISHING is on of off/);
  });
});
