/**
 * The pitch search on a real libSQL file: pitches written with drizzle, found through the FTS5
 * rows the migration's triggers keep in step.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/libsql';
import type { Database } from '#db/client.ts';
import { pitches, pitchFacets, type PitchRow } from '#db/marketplace-schema.ts';
import { pitchStatuses, type PitchStatus } from '#domain/pitch-lifecycle.ts';
import { pitchVisibleTo } from '#domain/policy.ts';
import { publicPitchStatuses, searchPitches } from '#features/marketplace/pitch-search.ts';
import { pitchSearchKeys } from '#domain/search/pitch-keys.ts';
import { testDatabase, type TestDb } from './accounts/helpers.ts';

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => t.cleanup());

const now = new Date('2027-01-15T10:00:00Z');
let counter = 0;

/** Writes a pitch as the marketplace would (the HTML columns are not searched). */
async function pitch(fields: Partial<PitchRow> & { title: string }) {
  counter += 1;
  const row = {
    id: `pitch-${counter}`,
    municipalityId: 'zaanstad',
    area: 'Centrum',
    challenge: 'Wij zoeken werkgevers die meedoen.',
    challengeHtml: '<p>Wij zoeken werkgevers die meedoen.</p>',
    ask: 'Banen en stageplekken.',
    askHtml: '<p>Banen en stageplekken.</p>',
    closingDate: '2027-03-01',
    contactName: 'Contactpersoon',
    contactEmail: 'contact@voorbeeld.nl',
    status: 'published' as PitchStatus,
    createdAt: now.getTime() - counter,
    updatedAt: now.getTime(),
    publishedAt: now.getTime() - counter,
    ...fields,
  };
  await t.handle.db.insert(pitches).values(row);
  return row;
}

const ids = (result: Awaited<ReturnType<typeof searchPitches>>) => result.hits.map((hit) => hit.id);
const search = (q: string, extra: Partial<Parameters<typeof searchPitches>[1]> = {}) => searchPitches(t.handle.db, { q, ...extra }, now);

describe('pitch search', () => {
  test('finds a pitch by a title word, with its municipality, link, excerpt and state', async () => {
    const p = await pitch({ title: 'Wie biedt? Werk in de Poelenbrug', area: 'Poelenbrug', challenge: 'In de Poelenbrug wonen veel mensen zonder werk.' });
    await pitch({ title: 'Iets anders', area: 'Elders' });
    const result = await search('biedt');
    expect(ids(result)).toEqual([p.id]);
    expect(result.total).toBe(1);
    const [hit] = result.hits;
    expect(hit).toMatchObject({ title: p.title, municipalityName: 'Zaanstad', href: `/pitches/${p.id}/`, open: true, closingDate: '2027-03-01' });
    expect(hit!.excerpt.map((part) => part.text).join('')).toContain('wonen veel mensen');
    // A word in the body comes back marked, for the page to highlight.
    const [bodyHit] = (await search('wonen')).hits;
    expect(bodyHit!.excerpt.filter((part) => part.match).map((part) => part.text)).toEqual(['wonen']);
  });

  test('a prefix finds the whole word: "poel" finds Poelenbrug', async () => {
    const p = await pitch({ title: 'Werk in de wijk', area: 'Poelenbrug' });
    expect(ids(await search('poel'))).toEqual([p.id]);
  });

  test('"cooperatie" finds "coöperatie" and the other way round', async () => {
    const p = await pitch({ title: 'Een coöperatie voor schoonmaakwerk' });
    expect(ids(await search('cooperatie'))).toEqual([p.id]);
    const q = await pitch({ title: 'Een cooperatie zonder trema' });
    expect(new Set(ids(await search('coöperatie')))).toEqual(new Set([p.id, q.id]));
  });

  test('the municipality name is searched: "zaanstad" finds its pitches', async () => {
    const p = await pitch({ title: 'Werk' });
    const other = await pitch({ title: 'Werk', municipalityId: 'amsterdam' });
    expect(ids(await search('zaanstad'))).toEqual([p.id]);
    expect(ids(await search('amsterdam'))).toEqual([other.id]);
  });

  test('a title hit ranks above an area hit, and that above a body hit', async () => {
    // Written body first, so insertion order cannot explain the result.
    const body = await pitch({ title: 'Stageplekken gezocht', challenge: 'Wij zoeken een bakkerij in de buurt en nog veel meer tekst over van alles.' });
    const area = await pitch({ title: 'Leerwerkplekken', area: 'Bakkerijkwartier' });
    const title = await pitch({ title: 'Bakkerij zoekt collega’s' });
    expect(ids(await search('bakkerij'))).toEqual([title.id, area.id, body.id]);
  });

  test.each(['draft', 'submitted', 'changes-requested', 'rejected'] as const)('a %s pitch never appears', async (status) => {
    await pitch({ title: 'Geheime Poelenbrug pitch', status });
    const visible = await pitch({ title: 'Openbare Poelenbrug pitch' });
    expect(ids(await search('poelenbrug'))).toEqual([visible.id]);
  });

  test('a closed pitch and one past its closing date are found, marked closed', async () => {
    const closed = await pitch({ title: 'Poelenbrug gesloten', status: 'closed', outcome: 'matched', peoplePlaced: 3 });
    const passed = await pitch({ title: 'Poelenbrug verlopen', closingDate: '2027-01-14' });
    const open = await pitch({ title: 'Poelenbrug open', closingDate: '2027-01-15' });
    const hits = (await search('poelenbrug')).hits;
    expect(Object.fromEntries(hits.map((h) => [h.id, h.open]))).toEqual({ [closed.id]: false, [passed.id]: false, [open.id]: true });
  });

  test('the public statuses are exactly those the policy shows to a visitor', () => {
    for (const status of pitchStatuses) {
      expect((publicPitchStatuses as readonly string[]).includes(status), status).toBe(pitchVisibleTo(null, { status, municipalityId: 'zaanstad' }));
    }
  });

  test('an edited title is found under the new word, no longer under the old (triggers keep step)', async () => {
    const p = await pitch({ title: 'Kassamedewerkers gezocht' });
    await t.handle.db.update(pitches).set({ title: 'Vakkenvullers gezocht', version: 2 }).where(eq(pitches.id, p.id));
    expect(ids(await search('vakkenvullers'))).toEqual([p.id]);
    expect(ids(await search('kassamedewerkers'))).toEqual([]);
    await t.handle.db.update(pitches).set({ status: 'draft' }).where(eq(pitches.id, p.id));
    expect(ids(await search('vakkenvullers'))).toEqual([]);
    await t.handle.db.delete(pitches).where(eq(pitches.id, p.id));
    expect((await t.handle.db.all<{ n: number }>(sql`select count(*) as n from pitches_fts`))[0]!.n).toBe(0);
  });

  test('pages: ten a page, a total and a page count; a page past the end is empty', async () => {
    for (let i = 0; i < 23; i++) await pitch({ title: `Poelenbrug pitch ${i}` });
    const first = await search('poelenbrug');
    expect(first).toMatchObject({ total: 23, page: 1, pageCount: 3 });
    expect(first.hits).toHaveLength(10);
    const third = await search('poelenbrug', { page: 3 });
    expect(third.hits).toHaveLength(3);
    const all = [...ids(first), ...ids(await search('poelenbrug', { page: 2 })), ...ids(third)];
    expect(new Set(all).size).toBe(23);
    expect((await search('poelenbrug', { page: 9 })).hits).toEqual([]);
    expect((await search('poelenbrug', { page: -1 })).page).toBe(1);
    expect((await search('poelenbrug', { page: Number.NaN })).page).toBe(1);
  });

  test('filters: municipality, target group and sector narrow the result', async () => {
    const a = await pitch({ title: 'Poelenbrug jongeren' });
    const b = await pitch({ title: 'Poelenbrug zorg', municipalityId: 'amsterdam' });
    await t.handle.db.insert(pitchFacets).values([
      { pitchId: a.id, facet: 'target-group', value: 'jongeren' },
      { pitchId: b.id, facet: 'sector', value: 'zorg' },
    ]);
    expect(ids(await search('poelenbrug', { filters: { targetGroup: 'jongeren' } }))).toEqual([a.id]);
    expect(ids(await search('poelenbrug', { filters: { sector: 'zorg' } }))).toEqual([b.id]);
    expect(ids(await search('poelenbrug', { filters: { municipalityIds: ['amsterdam'] } }))).toEqual([b.id]);
    expect(ids(await search('poelenbrug', { filters: { municipalityIds: [] } }))).toEqual([]);
  });

  test.each(['wie biedt?', '"', 'AND', '*', 'NEAR(', '-', '😀', 'x'.repeat(500), "'; drop table pitches; --", '   '])('hostile input %j never throws', async (q) => {
    await pitch({ title: 'Wie biedt?' });
    await expect(search(q)).resolves.toMatchObject({ page: 1 });
  });

  test('every query it runs uses the full-text index and primary keys, never a scan of pitches', async () => {
    await pitch({ title: 'Poelenbrug' });
    // The real statements, caught from a second drizzle instance on the same client.
    const statements: { sql: string; params: unknown[] }[] = [];
    const watched = drizzle(t.handle.client, { schema: { pitches, pitchFacets }, logger: { logQuery: (query, params) => statements.push({ sql: query, params }) } });
    await searchPitches(watched as unknown as Database, { q: 'poel', filters: { targetGroup: 'jongeren', municipalityIds: ['zaanstad'] } }, now);
    // One statement: the bounded candidates with everything the page shows (ranked in memory).
    expect(statements).toHaveLength(1);
    for (const statement of statements) {
      const plan = await t.handle.client.execute({ sql: `explain query plan ${statement.sql}`, args: statement.params as never });
      const details = plan.rows.map((row) => String(row.detail));
      expect(details.join('\n')).toMatch(/VIRTUAL TABLE INDEX/);
      expect(details.filter((d) => /^SCAN (p|pitches|f|pitch_facets|o|organisations)\b/.test(d))).toEqual([]);
    }
  });
});

describe('bounded search: only the newest matches are ranked', () => {
  test('more matches than the cap: the total is the cap, marked as a lower bound, hits from the newest', async () => {
    const written = [];
    for (let i = 0; i < 5; i++) written.push(await pitch({ title: `Poelenbrug ${i}` }));
    const result = await search('poelenbrug', { candidates: 3 });
    expect(result).toMatchObject({ total: 3, totalIsLowerBound: true, pageCount: 1 });
    expect(new Set(ids(result))).toEqual(new Set(written.slice(2).map((p) => p.id)));
  });

  test('exactly as many matches as the cap: the total is exact', async () => {
    for (let i = 0; i < 3; i++) await pitch({ title: `Poelenbrug ${i}` });
    expect(await search('poelenbrug', { candidates: 3 })).toMatchObject({ total: 3, totalIsLowerBound: false });
    expect(await search('poelenbrug')).toMatchObject({ total: 3, totalIsLowerBound: false });
  });

  test('newer pitches that are not public never crowd public ones out of the candidates', async () => {
    const visible = [await pitch({ title: 'Poelenbrug open' }), await pitch({ title: 'Poelenbrug ook open', status: 'closed' })];
    for (const status of ['draft', 'submitted', 'changes-requested', 'rejected', 'draft'] as const) await pitch({ title: `Poelenbrug ${status}`, status });
    const result = await search('poelenbrug', { candidates: 2 });
    expect(new Set(ids(result))).toEqual(new Set(visible.map((p) => p.id)));
    expect(result).toMatchObject({ total: 2, totalIsLowerBound: false });
  });

  test('filters choose among all matches, not only among the newest', async () => {
    const oldest = await pitch({ title: 'Poelenbrug jongeren' });
    for (let i = 0; i < 4; i++) await pitch({ title: `Poelenbrug ${i}` });
    await t.handle.db.insert(pitchFacets).values({ pitchId: oldest.id, facet: 'target-group', value: 'jongeren' });
    const result = await search('poelenbrug', { candidates: 2, filters: { targetGroup: 'jongeren' } });
    expect(ids(result)).toEqual([oldest.id]);
    expect(result).toMatchObject({ total: 1, totalIsLowerBound: false });
  });

  test('at equal relevance an open pitch comes before a closed one, also when the closed one is newer', async () => {
    const open = await pitch({ title: 'Poelenbrug werk', publishedAt: now.getTime() - 10 * 86_400_000 });
    const closed = await pitch({ title: 'Poelenbrug werk', status: 'closed', publishedAt: now.getTime() });
    const passed = await pitch({ title: 'Poelenbrug werk', closingDate: '2027-01-01', publishedAt: now.getTime() });
    const hits = (await search('poelenbrug')).hits;
    expect(hits.map((h) => h.id)[0]).toBe(open.id);
    expect(new Set(hits.slice(1).map((h) => h.id))).toEqual(new Set([closed.id, passed.id]));
    // Relevance still comes first: a title hit that is closed beats an open body hit.
    const bodyOnly = await pitch({ title: 'Iets anders', challenge: 'Een buurt: de Haverwijk.' });
    const titleClosed = await pitch({ title: 'Haverwijk zoekt werkgevers', status: 'closed' });
    expect(ids(await search('haverwijk'))).toEqual([titleClosed.id, bodyOnly.id]);
  });

  test('a page past the end still knows the total', async () => {
    for (let i = 0; i < 4; i++) await pitch({ title: `Poelenbrug ${i}` });
    expect(await search('poelenbrug', { page: 5, candidates: 3 })).toMatchObject({ hits: [], total: 3, totalIsLowerBound: true, page: 5 });
  });
});

describe('Dutch in the pitch search', () => {
  test('forms, compound parts and synonyms find a pitch written as a marketplace pitch is (with its search keys)', async () => {
    const text = { title: 'Basisbanen in de Poelenbrug', area: 'Poelenbrug', challenge: 'Wij bieden loonkostensubsidie voor mensen met een arbeidsbeperking.', ask: 'Klusjes en leerwerkplekken.' };
    const p = await pitch({ ...text, searchKeys: pitchSearchKeys(text) });
    // "Banen" would match "baantje": the other pitch asks for something else.
    await pitch({ title: 'Iets anders', area: 'Elders', ask: 'Vrijwilligers voor de tuin.' });
    for (const q of ['basisbaan', 'baantje', 'subsidie', 'loonkosten', 'Wajong', 'klus', 'werkplek', 'arbeidsbeperkingen']) expect(ids(await search(q)), q).toEqual([p.id]);
  });

  test('a pitch without search keys is still found by its own words in their forms, not by parts', async () => {
    const p = await pitch({ title: 'Basisbanen in de Poelenbrug', challenge: 'Wij bieden loonkostensubsidie.' });
    expect(ids(await search('basisbaan'))).toEqual([p.id]);
    expect(ids(await search('subsidie'))).toEqual([]);
  });
});
