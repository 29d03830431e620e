/**
 * From pitch to story: a curator's draft case study of a closed,
 * matched pitch in a real database (only accepted employers that agreed to be named, only for
 * curators, only for a match), and the file passing the real content pipeline: written into a
 * temporary copy of the project (one for the file), `astro sync` validates it against the case
 * schema as it is.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { offers, pitchFacets, pitches } from '#db/marketplace-schema.ts';
import { organisations } from '#db/schema.ts';
import { newId } from '#platform/auth/crypto.ts';
import { draftStoryForPitch, storyCandidates } from '#features/marketplace/pitch-story-download.ts';
import { draftCaseFromPitch, type StoryDraft } from '#features/marketplace/pitch-story.ts';
import { caseFormFileText } from '#features/editor/case-form.ts';
import type { OfferStatus } from '#domain/offer-lifecycle.ts';
import { testDatabase, type TestDb } from './accounts/helpers.ts';
import { moderator } from './marketplace/pitch-support.ts';
import { insertPitch, verifiedMember } from './marketplace/helpers.ts';
import { copyProject, type ProjectCopy } from './project-copy.ts';

// Sätteri, the MDX compiler Astro builds .mdx with; by a name TypeScript does not follow, as its
// types augment 'hast' for the whole program (see tests/unit/pitch-story.test.ts).
const satteri = 'satteri';
const { mdxToJs } = (await import(/* @vite-ignore */ satteri)) as { mdxToJs: (source: string) => unknown };

/** The file the download gives: the draft written by the editor's case serializer. */
const fileOf = (story: StoryDraft) => caseFormFileText(story.form, story.notes);

let t: TestDb;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t.cleanup());

const closedAt = Date.UTC(2026, 5, 30, 9);

/** A pitch of Zaanstad closed with this outcome, with facets. */
async function closedPitch(outcome: 'matched' | 'partly' | 'not-matched', title = 'Poelenbrug aan het werk') {
  const id = await insertPitch(t.handle.db, { title });
  await t.handle.db.update(pitches).set({ status: 'closed', outcome, peoplePlaced: outcome === 'not-matched' ? 0 : 3, closedAt }).where(eq(pitches.id, id));
  await t.handle.db.insert(pitchFacets).values([
    { pitchId: id, facet: 'target-group', value: 'bijstand' },
    { pitchId: id, facet: 'sector', value: 'logistiek' },
    { pitchId: id, facet: 'help-kind', value: 'banen' },
  ]);
  return id;
}

let offerClock = Date.UTC(2026, 2, 10);
/** An offer, each a minute after the one before (names are listed first answer first). */
async function offer(pitchId: string, employerId: string, status: OfferStatus, showName: boolean) {
  const now = (offerClock += 60_000);
  await t.handle.db.insert(offers).values({ id: newId(), pitchId, employerId, helpKinds: ['banen'], status, showName, createdAt: now, updatedAt: now });
}

describe('een concept-praktijkvoorbeeld downloaden', () => {
  test('de curator krijgt alleen werkgevers die geaccepteerd zijn en genoemd willen worden; een werkgever buiten de lijst als opdracht', async () => {
    const curator = await moderator(t);
    const id = await closedPitch('matched');
    await t.handle.db.insert(organisations).values({ id: 'bakkerij-test', kind: 'employer', name: 'Bakkerij Test (demo)', createdAt: Date.now() });
    await offer(id, 'postnl', 'accepted', true);
    await offer(id, 'bakkerij-test', 'accepted', true);
    await offer(id, 'asito', 'accepted', false);
    await offer(id, 'albert-heijn', 'offered', true);
    await offer(id, 'facilicom', 'declined', true);
    const result = await draftStoryForPitch(t.deps(), curator, id);
    if (!result.ok) throw new Error(result.reason);
    expect(result.fileName).toBe('zaanstad-poelenbrug-aan-het-werk.mdx');
    expect(fileOf(result)).toMatch(/^employers: \[postnl\]$/m);
    expect(fileOf(result)).toMatch(/^# {3}- Bakkerij Test \(demo\) \(id in de database: bakkerij-test\)$/m);
    expect(fileOf(result)).toContain('genoemd willen worden: PostNL, Bakkerij Test (demo).');
    for (const hidden of ['Asito', 'Albert Heijn', 'Facilicom']) expect(fileOf(result)).not.toContain(hidden);
    expect(fileOf(result)).toContain('https://praktijkplein.test/pitches/');
    expect(fileOf(result)).toMatch(/^targetGroups: \[bijstand\]$/m);
  });

  test('alleen curatoren en beheerders; de gemeente zelf, een werkgever en een bezoeker niet', async () => {
    const id = await closedPitch('partly');
    const owner = await verifiedMember(t, 'eigenaar@zaanstad.nl', { kind: 'municipality', organisationId: 'zaanstad' });
    const employer = await verifiedMember(t, 'piet@postnl.nl', { kind: 'employer', organisationId: 'postnl' });
    for (const actor of [owner.actor, employer.actor, null]) expect(await draftStoryForPitch(t.deps(), actor, id)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await storyCandidates(t.deps(), owner.actor)).toBeNull();
  });

  test('geweigerd zonder match of zolang de pitch niet gesloten is; onbekend is niet gevonden', async () => {
    const curator = await moderator(t, 'tweede-curator@netwerk.nl');
    const none = await closedPitch('not-matched', 'Niemand bood');
    const open = await insertPitch(t.handle.db, { title: 'Nog open' });
    expect(await draftStoryForPitch(t.deps(), curator, none)).toEqual({ ok: false, reason: 'not-matched' });
    expect(await draftStoryForPitch(t.deps(), curator, open)).toEqual({ ok: false, reason: 'not-closed' });
    expect(await draftStoryForPitch(t.deps(), curator, 'bestaat-niet')).toEqual({ ok: false, reason: 'not-found' });
    const listed = (await storyCandidates(t.deps(), curator))!.map((p) => p.title);
    expect(listed).toContain('Poelenbrug aan het werk');
    expect(listed).not.toContain('Niemand bood');
    expect(listed).not.toContain('Nog open');
  });
});

describe('het concept gaat door de echte inhoudscontrole (astro sync)', () => {
  // One copy for both cases; each case's files are taken out again afterwards.
  let copy: ProjectCopy;
  beforeAll(() => {
    copy = copyProject('story');
  });
  afterEach(() => copy.restore());
  afterAll(() => copy?.remove());

  /** The case ids in the copy's content store after a sync. */
  const storedCaseIds = () => {
    const store = join(copy.dir, 'node_modules', '.astro', 'data-store.json');
    return existsSync(store) ? readFileSync(store, 'utf8') : '';
  };

  const hostile = "import fs from 'node:fs'\nexport const x = 1\n{process.exit(1)}\n<script>alert(1)</script>\n<!-- x -->\n---\ntitle: gekaapt\n# kop\n- lijst\n    code\n```\n}";

  test('een concept uit de database en een met vijandige pitchtekst komen allebei door astro sync', async () => {
    const curator = await moderator(t, 'derde-curator@netwerk.nl');
    const id = await closedPitch('matched', 'Werk voor de Poelenbrug');
    await offer(id, 'albert-heijn', 'accepted', true);
    const fromDatabase = await draftStoryForPitch(t.deps(), curator, id);
    if (!fromDatabase.ok) throw new Error(fromDatabase.reason);
    const fromHostileText = draftCaseFromPitch(
      { id: 'vijandig-1', title: 'Werk {in} <Poelenbrug> "x" ---', area: '<b>{Poelenbrug}</b>', challenge: hostile, ask: hostile, peopleSought: null, publishedAt: null, closedAt: null },
      {
        municipality: { id: 'zaanstad', name: 'Zaanstad', inContent: true },
        namedEmployers: [{ id: 'demo-x', name: 'Evil\n---\ntitle: x {y} <z>', inContent: false }],
        facets: { targetGroups: ['bijstand'], sectors: [], helpKinds: ['anders'] },
        outcome: 'partly',
        peoplePlaced: null,
        followUps: [{ monthsAfter: 12, started: 2, stillWorking: 1, answeredAt: Date.UTC(2027, 5, 30) }],
        siteUrl: 'https://praktijkplein.test',
        now: Date.UTC(2027, 6, 1),
      },
    );
    expect(fromHostileText.fileName).not.toBe(fromDatabase.fileName);
    for (const draft of [fromDatabase, fromHostileText]) {
      copy.write(join('content/cases', draft.fileName), fileOf(draft));
      // astro sync reads the frontmatter only; the body is compiled at build, by this same MDX compiler.
      expect(() => mdxToJs(fileOf(draft)), draft.fileName).not.toThrow();
    }
    const result = copy.sync();
    expect(result.output).not.toMatch(/error/i);
    expect(result.status).toBe(0);
    const store = storedCaseIds();
    for (const draft of [fromDatabase, fromHostileText]) expect(store).toContain(`"${draft.fileName.replace(/\.mdx$/, '')}"`);
    // Both cite their pitch as the origin, and no source text.
    expect(fileOf(fromDatabase)).toMatch(new RegExp(`^pitch:\\n  id: ${id}$`, 'm'));
    expect(store).toContain(`"${id}"`);
    for (const draft of [fromDatabase, fromHostileText]) expect(fileOf(draft)).toMatch(/^sources: \[\]$/m);
  }, 120_000);

  test('tegenproef: met de id van een werkgever buiten de lijst zou astro sync het concept weigeren', async () => {
    const curator = await moderator(t, 'vierde-curator@netwerk.nl');
    const id = await closedPitch('matched', 'Werk met een onbekende werkgever');
    const result = await draftStoryForPitch(t.deps(), curator, id);
    if (!result.ok) throw new Error(result.reason);
    // What a naive generator would write for the demo employer: the schema refuses it.
    copy.write(join('content/cases', result.fileName), fileOf(result).replace(/^employers: \[\]$/m, 'employers: ["demo-voorbeeldbedrijf"]'));
    const refused = copy.sync();
    expect(refused.status).not.toBe(0);
    expect(refused.output).toContain('onbekende werkgever "demo-voorbeeldbedrijf"');
  }, 120_000);
});
