/**
 * "Open als concept in de editor" (with): a closed, matched pitch's
 * generated case study becomes an editor draft, read back by the case form; only curators and
 * admins, only for a pitch that has a story.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pitchFacets, pitches } from '#db/marketplace-schema.ts';
import { contentDrafts } from '#db/editor-schema.ts';
import { draftById } from '#features/editor/drafts.ts';
import { draftFromPitch } from '#features/editor/pitch-draft.ts';
import { draftStoryForPitch, storyCandidates } from '#features/marketplace/pitch-story-download.ts';
import type { CaseForm } from '#features/editor/case-form.ts';
import { testDatabase, type TestDb } from '../accounts/helpers.ts';
import { moderator } from '../marketplace/pitch-support.ts';
import { insertPitch, verifiedMember } from '../marketplace/helpers.ts';

let t: TestDb;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t.cleanup());

async function closedPitch(outcome: 'matched' | 'not-matched', title: string) {
  const id = await insertPitch(t.handle.db, { title });
  await t.handle.db.update(pitches).set({ status: 'closed', outcome, peoplePlaced: outcome === 'matched' ? 2 : 0, closedAt: Date.UTC(2026, 5, 30, 9) }).where(eq(pitches.id, id));
  await t.handle.db.insert(pitchFacets).values([
    { pitchId: id, facet: 'target-group', value: 'bijstand' },
    { pitchId: id, facet: 'sector', value: 'logistiek' },
  ]);
  return id;
}

describe('van pitch naar concept in de editor', () => {
  test('een gesloten pitch met match wordt een concept met het formulier ingevuld uit het gegenereerde bestand', async () => {
    const curator = await moderator(t);
    const id = await closedPitch('matched', 'Kraanwerk in de Achtersluispolder');
    const result = await draftFromPitch(t.deps(), curator, id);
    if (!result.ok) throw new Error(JSON.stringify(result));
    const draft = await draftById(t.deps(), curator, result.draftId);
    expect(draft).toMatchObject({ kind: 'case', contentId: 'zaanstad-kraanwerk-in-de-achtersluispolder', status: 'draft', baseHash: null, createdBy: curator.userId });
    const form = JSON.parse(draft!.formData) as CaseForm;
    expect(form.id).toBe('zaanstad-kraanwerk-in-de-achtersluispolder');
    expect(form.title).toBe(draft!.title);
    expect(form.title).toContain('Kraanwerk in de Achtersluispolder');
    expect(form.municipalities).toContain('Zaanstad');
    expect(form.sectors).toEqual(['logistiek']);
  });

  test('zonder match, voor wie geen curator is of voor een onbekende pitch: geen concept', async () => {
    const curator = await moderator(t, 'tweede-curator@netwerk.nl');
    const none = await closedPitch('not-matched', 'Niets gevonden');
    expect(await draftFromPitch(t.deps(), curator, none)).toEqual({ ok: false, reason: 'not-matched' });
    const id = await closedPitch('matched', 'Nog een pitch');
    const owner = await verifiedMember(t, 'eigenaar@zaanstad.nl', { kind: 'municipality', organisationId: 'zaanstad' });
    for (const actor of [owner.actor, null]) expect(await draftFromPitch(t.deps(), actor, id)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await draftFromPitch(t.deps(), curator, 'bestaat-niet')).toEqual({ ok: false, reason: 'not-found' });
    const drafts = await t.handle.db.select().from(contentDrafts).where(eq(contentDrafts.contentId, 'zaanstad-nog-een-pitch'));
    expect(drafts).toHaveLength(0);
  });

  test('een demopitch, gesloten met een match en verzonnen resultaten: geen concept, geen download, niet in de lijst van curatoren', async () => {
    const curator = await moderator(t, 'derde-curator@netwerk.nl');
    const id = await closedPitch('matched', 'Werkervaring in het magazijn (demo)');
    await t.handle.db.update(pitches).set({ demo: true }).where(eq(pitches.id, id));
    expect(await draftFromPitch(t.deps(), curator, id)).toEqual({ ok: false, reason: 'demo' });
    expect(await draftStoryForPitch(t.deps(), curator, id)).toEqual({ ok: false, reason: 'demo' });
    expect((await storyCandidates(t.deps(), curator))!.map((c) => c.id)).not.toContain(id);
    expect(await t.handle.db.select().from(contentDrafts).where(eq(contentDrafts.contentId, 'zaanstad-werkervaring-in-het-magazijn-demo'))).toHaveLength(0);
  });
});
