/**
 * The in-memory facet index (src/features/marketplace/pitch-index.ts) stays exact after every kind of
 * write: after each change the list, counts, featured pitches and map counts
 * from the long-lived index equal those of an index loaded fresh from the database, and the
 * change shows in the numbers. The long-lived index takes in changes by merging the pitches the
 * log pitch_index_changes names (migration 0007); the fresh one loads everything. Without the
 * log's triggers the long-lived index would keep its old numbers and these tests fail.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/libsql';
import { schema, type Database } from '#db/client.ts';
import { offers, pitchFacets, pitches } from '#db/marketplace-schema.ts';
import { organisations } from '#db/schema.ts';
import { generateMarketplace } from '../../../scripts/generate-marketplace.ts';
import { emptyPitchFilter, type PitchFilter, type PitchQuery } from '#domain/pitch-filter.ts';
import { featuredPitches, listPitches, pitchCountsByMunicipality, pitchPlaces } from '#features/marketplace/pitch-list.ts';
import { currentPitchIndex } from '#features/marketplace/pitch-index/cache.ts';
import { testDatabase, type TestDb } from '../accounts/helpers.ts';

const now = new Date('2026-03-10T12:00:00Z');
const DAY = 86_400_000;

let t: TestDb;
/** The long-lived handle: its index is loaded once and must follow every write. */
let db: Database;

beforeAll(async () => {
  t = await testDatabase();
  db = t.handle.db;
  await generateMarketplace(db, { count: 120, offersPerPitch: 2, now: now.getTime() });
});
afterAll(() => t?.cleanup());

/** A new drizzle handle on the same client: its index is loaded from scratch. */
function freshHandle(): Database {
  return drizzle(t.handle.client, { schema });
}

const queries: [string, Partial<PitchFilter>, PitchQuery['sort']][] = [
  ['alles', {}, 'nieuwste'],
  ['open, op sluitingsdatum', { status: ['open'] }, 'sluitingsdatum'],
  ['gesloten', { status: ['gesloten'] }, 'nieuwste'],
  ['doelgroep + provincie', { targetGroups: ['jongeren'], provinces: ['noord-holland'] }, 'nieuwste'],
  ['sector + hulp', { sectors: ['zorg'], helpKinds: ['banen', 'opleiding'] }, 'sluitingsdatum'],
  ['gemeente', { municipalities: ['zaanstad'] }, 'nieuwste'],
  ['standaard: open eerst', {}, 'open'],
  ['doelgroep, open eerst', { targetGroups: ['jongeren'] }, 'open'],
];

/** Everything the list page shows, in plain values so two answers compare with toEqual. */
async function snapshot(handle: Database) {
  const lists = [];
  for (const [, filter, sort] of queries) {
    const page = await listPitches(handle, { filter: { ...emptyPitchFilter(), ...filter }, sort, page: 1 }, now, 50);
    lists.push({
      total: page.total,
      ids: page.items.map((p) => p.id),
      counts: Object.fromEntries(Object.entries(page.counts).map(([key, map]) => [key, Object.fromEntries([...map].sort())])),
      used: Object.fromEntries(Object.entries(page.used).map(([key, set]) => [key, [...set].sort()])),
    });
  }
  const featured = (await featuredPitches(handle, now, 10)).map((p) => p.id);
  const map = Object.fromEntries([...(await pitchCountsByMunicipality(handle, now))].sort(([a], [b]) => a.localeCompare(b)));
  return { lists, featured, map };
}

/** The long-lived index answers what a fresh load answers; returns that answer. */
async function expectInStep() {
  const fromLongLived = await snapshot(db);
  expect(fromLongLived).toEqual(await snapshot(freshHandle()));
  return fromLongLived;
}

const total = (s: Awaited<ReturnType<typeof snapshot>>, name = 'alles') => s.lists[queries.findIndex(([n]) => n === name)]!.total;
const counts = (s: Awaited<ReturnType<typeof snapshot>>) => s.lists[0]!.counts;

async function addPitch(id: string, fields: { status?: 'published' | 'draft'; municipality?: string; closing?: string; featured?: boolean } = {}) {
  await db.batch([
    db.insert(pitches).values({
      id,
      municipalityId: fields.municipality ?? 'zaanstad',
      title: `Pitch ${id}`,
      area: 'Poelenbrug',
      challenge: 'Werk in de wijk.',
      challengeHtml: '<p>Werk in de wijk.</p>',
      ask: 'Doe mee.',
      askHtml: '<p>Doe mee.</p>',
      closingDate: fields.closing ?? '2026-06-01',
      contactName: 'Contact',
      contactEmail: 'contact@zaanstad.nl',
      status: fields.status ?? 'published',
      featured: fields.featured ?? false,
      createdAt: now.getTime() - DAY,
      updatedAt: now.getTime() - DAY,
      publishedAt: now.getTime(),
    }),
    db.insert(pitchFacets).values([
      { pitchId: id, facet: 'target-group', value: 'statushouders' },
      { pitchId: id, facet: 'sector', value: 'zorg' },
      { pitchId: id, facet: 'help-kind', value: 'banen' },
    ]),
  ]);
}

describe('de facetindex volgt elke wijziging', () => {
  test('een nieuwe gepubliceerde pitch telt mee in totaal, filters, gemeente en uitgelicht', async () => {
    const before = await expectInStep();
    await addPitch('index-nieuw', { featured: true });
    const after = await expectInStep();
    expect(total(after)).toBe(total(before) + 1);
    expect(counts(after).sectors!.zorg).toBe((counts(before).sectors!.zorg ?? 0) + 1);
    expect(after.featured[0]).toBe('index-nieuw');
    expect(after.lists[0]!.ids[0]).toBe('index-nieuw');
  });

  test('een concept telt niet mee, en wel zodra het gepubliceerd wordt', async () => {
    const before = await expectInStep();
    await addPitch('index-concept', { status: 'draft' });
    expect(total(await expectInStep())).toBe(total(before));
    await db.update(pitches).set({ status: 'published' }).where(eq(pitches.id, 'index-concept'));
    expect(total(await expectInStep())).toBe(total(before) + 1);
  });

  test('een statuswijziging (afgewezen, gesloten) en een verstreken sluitingsdatum verschuiven de aantallen', async () => {
    const before = await expectInStep();
    await db.update(pitches).set({ status: 'rejected' }).where(eq(pitches.id, 'index-concept'));
    const rejected = await expectInStep();
    expect(total(rejected)).toBe(total(before) - 1);
    await db.update(pitches).set({ status: 'closed' }).where(eq(pitches.id, 'index-nieuw'));
    const closed = await expectInStep();
    expect(total(closed, 'gesloten')).toBe(total(rejected, 'gesloten') + 1);
    expect(closed.featured).not.toContain('index-nieuw');
    await db.update(pitches).set({ status: 'published', closingDate: '2026-03-01' }).where(eq(pitches.id, 'index-nieuw'));
    // Published but past its closing day: still closed for the list.
    expect(total(await expectInStep(), 'gesloten')).toBe(total(closed, 'gesloten'));
    await db.update(pitches).set({ closingDate: '2026-09-01' }).where(eq(pitches.id, 'index-nieuw'));
    expect(total(await expectInStep(), 'gesloten')).toBe(total(rejected, 'gesloten'));
  });

  test('een andere gemeente of andere facetten verplaatsen de telling', async () => {
    const before = await expectInStep();
    await db.update(pitches).set({ municipalityId: 'zwolle' }).where(eq(pitches.id, 'index-nieuw'));
    const moved = await expectInStep();
    expect(moved.map.zwolle!.total).toBe((before.map.zwolle?.total ?? 0) + 1);
    await db.delete(pitchFacets).where(and(eq(pitchFacets.pitchId, 'index-nieuw'), eq(pitchFacets.facet, 'sector')));
    await db.insert(pitchFacets).values({ pitchId: 'index-nieuw', facet: 'sector', value: 'logistiek' });
    const refaceted = await expectInStep();
    expect(counts(refaceted).sectors!.zorg).toBe(counts(before).sectors!.zorg! - 1);
    expect(counts(refaceted).sectors!.logistiek).toBe((counts(before).sectors!.logistiek ?? 0) + 1);
  });

  test('een verwijderde pitch verdwijnt', async () => {
    const before = await expectInStep();
    await db.delete(pitches).where(eq(pitches.id, 'index-nieuw'));
    const after = await expectInStep();
    expect(total(after)).toBe(total(before) - 1);
    expect(after.lists[0]!.ids).not.toContain('index-nieuw');
  });

  test('een instantie die verder achterloopt dan het logboek bewaart, laadt alles opnieuw', async () => {
    const before = await expectInStep();
    await addPitch('index-achter');
    await db.update(pitches).set({ status: 'closed' }).where(eq(pitches.id, 'gen-pitch-2'));
    // As if the log had been pruned past what this instance saw: only the newest entry is left.
    await t.handle.client.execute('delete from pitch_index_changes where id < (select max(id) from pitch_index_changes)');
    const after = await expectInStep();
    expect(total(after)).toBe(total(before) + 1);
    expect(after.lists[0]!.ids).toContain('index-achter');
  });

  test('aanbod laat de index staan (het aantal werkgevers per kaart komt uit de database)', async () => {
    const places = pitchPlaces().byMunicipality;
    const index = await currentPitchIndex(db, places);
    await db.insert(organisations).values({ id: 'werkgever-index', kind: 'employer', name: 'Werkgever index', createdAt: 0 });
    await db.insert(offers).values({ id: 'index-aanbod', pitchId: 'gen-pitch-1', employerId: 'werkgever-index', helpKinds: ['banen'], status: 'offered', createdAt: 0, updatedAt: 0 });
    expect(await currentPitchIndex(db, places)).toBe(index);
    await expectInStep();
  });
});
