/**
 * The public pitch queries on a real libSQL file: only published and closed pitches, a published
 * pitch past its closing day (in Europe/Amsterdam) as closed, filters, counts per value with the
 * other filters applied, both sorts, pages, employers joined, featured, feeds and map counts.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { offers, pitchFacets, pitches } from '#db/marketplace-schema.ts';
import { organisations } from '#db/schema.ts';
import { emptyPitchFilter, type PitchFilter, type PitchQuery } from '#domain/pitch-filter.ts';
import { featuredPitches, listPitches, openPitchesFor, pitchCountsByMunicipality, publishedPitchesFor } from '#features/marketplace/pitch-list.ts';
import { pitchesForFeed, pitchesForSitemap } from '#features/marketplace/pitch-feeds.ts';
import { testDatabase, type TestDb } from '../accounts/helpers.ts';

// 23:30 UTC on 10 March is already 11 March in Amsterdam (UTC+1): a pitch closing on the
// 10th is closed, though a UTC clock would still call it open.
const now = new Date('2026-03-10T23:30:00Z');
const DAY = 86_400_000;

let t: TestDb;
let seq = 0;

async function pitch(
  id: string,
  fields: { status: (typeof pitches.$inferInsert)['status']; municipality?: string; closing?: string; publishedDaysAgo?: number; featured?: boolean },
  facets: { targetGroups?: string[]; sectors?: string[]; helpKinds?: string[] } = {},
) {
  seq++;
  const publishedAt = fields.status === 'published' || fields.status === 'closed' ? now.getTime() - (fields.publishedDaysAgo ?? seq) * DAY : null;
  await t.handle.db.batch([
    t.handle.db.insert(pitches).values({
      id,
      municipalityId: fields.municipality ?? 'zaanstad',
      title: `Pitch ${id}`,
      area: 'Poelenbrug',
      challenge: `De **uitdaging** van ${id}: werk voor mensen in de wijk.`,
      challengeHtml: '<p>…</p>',
      ask: 'Doe mee.',
      askHtml: '<p>Doe mee.</p>',
      closingDate: fields.closing ?? '2026-06-01',
      contactName: 'Contact',
      contactEmail: 'contact@zaanstad.nl',
      status: fields.status,
      featured: fields.featured ?? false,
      createdAt: now.getTime() - 100 * DAY,
      updatedAt: now.getTime() - DAY,
      publishedAt,
    }),
    t.handle.db.insert(pitchFacets).values([
      ...(facets.targetGroups ?? []).map((value) => ({ pitchId: id, facet: 'target-group' as const, value })),
      ...(facets.sectors ?? []).map((value) => ({ pitchId: id, facet: 'sector' as const, value })),
      ...(facets.helpKinds ?? ['banen']).map((value) => ({ pitchId: id, facet: 'help-kind' as const, value })),
    ]),
  ]);
}

beforeAll(async () => {
  t = await testDatabase();
  const db = t.handle.db;
  await db.insert(organisations).values(['a', 'b', 'c', 'd', 'e'].map((x) => ({ id: `werkgever-${x}`, kind: 'employer' as const, name: `Werkgever ${x}`, createdAt: 0 })));
  await pitch('zaan-jong', { status: 'published', publishedDaysAgo: 1, closing: '2026-04-01', featured: true }, { targetGroups: ['jongeren'], sectors: ['logistiek'], helpKinds: ['banen', 'stage-bbl'] });
  await pitch('zaan-oud', { status: 'published', publishedDaysAgo: 2, closing: '2026-03-11' }, { targetGroups: ['ouderen'], sectors: ['zorg'] });
  await pitch('zaan-verlopen', { status: 'published', publishedDaysAgo: 3, closing: '2026-03-10', featured: true }, { targetGroups: ['jongeren'], sectors: ['zorg'] });
  await pitch('zwolle-jong', { status: 'published', municipality: 'zwolle', publishedDaysAgo: 4, closing: '2026-05-01' }, { targetGroups: ['jongeren', 'bijstand'], sectors: ['zorg'], helpKinds: ['opleiding'] });
  await pitch('amsterdam-dicht', { status: 'closed', municipality: 'amsterdam', publishedDaysAgo: 5, closing: '2026-02-01' }, { targetGroups: ['jongeren'] });
  for (const status of ['draft', 'submitted', 'changes-requested', 'rejected'] as const) {
    await pitch(`verborgen-${status}`, { status }, { targetGroups: ['jongeren'], sectors: ['zorg'] });
  }
  const offer = (id: string, pitchId: string, employer: string, status: (typeof offers.$inferInsert)['status']) => ({
    id,
    pitchId,
    employerId: `werkgever-${employer}`,
    helpKinds: ['banen'],
    status,
    createdAt: 0,
    updatedAt: 0,
  });
  await db.insert(offers).values([
    offer('o1', 'zaan-jong', 'a', 'offered'),
    offer('o2', 'zaan-jong', 'b', 'shortlisted'),
    offer('o3', 'zaan-jong', 'c', 'accepted'),
    offer('o4', 'zaan-jong', 'd', 'declined'),
    offer('o5', 'zaan-jong', 'e', 'withdrawn'),
    offer('o6', 'zaan-jong', 'e', 'waiting-for-verification'),
  ]);
});
afterAll(() => t?.cleanup());

const query = (filter: Partial<PitchFilter> = {}, rest: Partial<Omit<PitchQuery, 'filter'>> = {}): PitchQuery => ({
  filter: { ...emptyPitchFilter(), ...filter },
  sort: 'nieuwste',
  page: 1,
  ...rest,
});
const ids = async (q: PitchQuery, perPage?: number) => (await listPitches(t.handle.db, q, now, perPage)).items.map((p) => p.id);

describe('de openbare lijst', () => {
  test('toont alleen gepubliceerde en gesloten pitches, nieuwste eerst', async () => {
    const page = await listPitches(t.handle.db, query(), now);
    expect(page.items.map((p) => p.id)).toEqual(['zaan-jong', 'zaan-oud', 'zaan-verlopen', 'zwolle-jong', 'amsterdam-dicht']);
    expect(page.total).toBe(5);
  });

  test('een gepubliceerde pitch na zijn sluitingsdag (Amsterdamse tijd) telt als gesloten', async () => {
    expect(await ids(query({ status: ['open'] }))).toEqual(['zaan-jong', 'zaan-oud', 'zwolle-jong']);
    expect(await ids(query({ status: ['gesloten'] }))).toEqual(['zaan-verlopen', 'amsterdam-dicht']);
    expect(await ids(query({ status: ['open', 'gesloten'] }))).toHaveLength(5);
    const page = await listPitches(t.handle.db, query(), now);
    expect(page.items.find((p) => p.id === 'zaan-verlopen')!.open).toBe(false);
    expect(page.items.find((p) => p.id === 'zaan-oud')!.open).toBe(true);
    expect(Object.fromEntries(page.counts.status)).toEqual({ open: 3, gesloten: 2 });
  });

  test('filters: binnen een filter of, tussen filters en', async () => {
    expect(await ids(query({ targetGroups: ['jongeren'] }))).toEqual(['zaan-jong', 'zaan-verlopen', 'zwolle-jong', 'amsterdam-dicht']);
    expect(await ids(query({ targetGroups: ['ouderen', 'bijstand'] }))).toEqual(['zaan-oud', 'zwolle-jong']);
    expect(await ids(query({ targetGroups: ['jongeren'], sectors: ['zorg'] }))).toEqual(['zaan-verlopen', 'zwolle-jong']);
    expect(await ids(query({ municipalities: ['zwolle', 'amsterdam'] }))).toEqual(['zwolle-jong', 'amsterdam-dicht']);
    expect(await ids(query({ provinces: ['noord-holland'] }))).toEqual(['zaan-jong', 'zaan-oud', 'zaan-verlopen', 'amsterdam-dicht']);
    expect(await ids(query({ regions: ['zaanstreek-waterland'] }))).toEqual(['zaan-jong', 'zaan-oud', 'zaan-verlopen']);
    expect(await ids(query({ helpKinds: ['opleiding', 'stage-bbl'] }))).toEqual(['zaan-jong', 'zwolle-jong']);
    expect(await ids(query({ municipalities: ['utrecht'] }))).toEqual([]);
  });

  test('aantallen per waarde tellen de keuzes in de andere filters mee, niet die in het eigen filter', async () => {
    const page = await listPitches(t.handle.db, query({ targetGroups: ['jongeren'], sectors: ['zorg'] }), now);
    expect(page.counts.targetGroups.get('jongeren')).toBe(2); // zorg pitches for young people
    expect(page.counts.targetGroups.get('ouderen')).toBe(1); // zaan-oud is zorg
    expect(page.counts.sectors.get('logistiek')).toBe(1); // jongeren pitches in logistiek
    expect(page.counts.sectors.get('zorg')).toBe(2);
    expect(Object.fromEntries(page.counts.municipalities)).toEqual({ zaanstad: 1, zwolle: 1 });
    expect(page.counts.provinces.get('overijssel')).toBe(1);
    expect(Object.fromEntries(page.counts.status)).toEqual({ open: 1, gesloten: 1 });
    // Drafts and pitches in moderation count nowhere.
    expect(page.used.sectors.has('zorg')).toBe(true);
    const all = await listPitches(t.handle.db, query(), now);
    expect(all.counts.targetGroups.get('jongeren')).toBe(4);
    expect(all.counts.sectors.get('zorg')).toBe(3);
  });

  test('standaard: open pitches eerst, dan gesloten, elk nieuwste eerst; ook met een filter en over pagina’s', async () => {
    expect(await ids(query({}, { sort: 'open' }))).toEqual(['zaan-jong', 'zaan-oud', 'zwolle-jong', 'zaan-verlopen', 'amsterdam-dicht']);
    expect(await ids(query({ targetGroups: ['jongeren'] }, { sort: 'open' }))).toEqual(['zaan-jong', 'zwolle-jong', 'zaan-verlopen', 'amsterdam-dicht']);
    expect(await ids(query({}, { sort: 'open', page: 2 }), 2)).toEqual(['zwolle-jong', 'zaan-verlopen']);
  });

  test('sorteren op sluitingsdatum: eerst sluitend bovenaan, gesloten pitches achteraan', async () => {
    expect(await ids(query({}, { sort: 'sluitingsdatum' }))).toEqual(['zaan-oud', 'zaan-jong', 'zwolle-jong', 'zaan-verlopen', 'amsterdam-dicht']);
  });

  test('pagina’s: totaal, aantal pagina’s, en een pagina voorbij het einde toont de laatste', async () => {
    const second = await listPitches(t.handle.db, query({}, { page: 2 }), now, 2);
    expect(second.items.map((p) => p.id)).toEqual(['zaan-verlopen', 'zwolle-jong']);
    expect([second.total, second.page, second.pageCount]).toEqual([5, 2, 3]);
    const past = await listPitches(t.handle.db, query({}, { page: 99 }), now, 2);
    expect([past.page, past.items.map((p) => p.id)]).toEqual([3, ['amsterdam-dicht']]);
  });

  test('een kaart telt werkgevers die meedoen (aangeboden, shortlist, geaccepteerd) en toont soorten hulp en uittreksel', async () => {
    const [card] = (await listPitches(t.handle.db, query({ municipalities: ['zaanstad'] }), now)).items;
    expect(card!.id).toBe('zaan-jong');
    expect(card!.employersJoined).toBe(3);
    expect(card!.helpKinds.sort()).toEqual(['banen', 'stage-bbl']);
    expect(card!.excerpt).toBe('De uitdaging van zaan-jong: werk voor mensen in de wijk.');
    expect(card!.municipalityName).toBe('Zaanstad');
  });
});

describe('uitgelicht, per gemeente, kaart en feeds', () => {
  test('uitgelicht: alleen open, gepubliceerde pitches', async () => {
    expect((await featuredPitches(t.handle.db, now)).map((p) => p.id)).toEqual(['zaan-jong']);
  });

  test('pitches van een gemeente en aantallen voor de kaart, zonder concepten', async () => {
    expect((await publishedPitchesFor(t.handle.db, 'zaanstad', now)).map((p) => p.id)).toEqual(['zaan-jong', 'zaan-oud', 'zaan-verlopen']);
    const counts = await pitchCountsByMunicipality(t.handle.db, now);
    expect(Object.fromEntries(counts)).toEqual({ zaanstad: { total: 3, open: 2, demo: 0 }, zwolle: { total: 1, open: 1, demo: 0 }, amsterdam: { total: 1, open: 0, demo: 0 } });
  });

  test('de open pitches van een gemeente (voor de inbedding): gepubliceerd, sluitingsdag in Amsterdam niet voorbij, nieuwste eerst', async () => {
    const open = await openPitchesFor(t.handle.db, 'zaanstad', now, 5);
    // zaan-verlopen closed on 10 March, which in Amsterdam has ended; drafts and the rest never show.
    expect(open).toMatchObject({ more: false });
    expect(open.pitches.map((p) => p.id)).toEqual(['zaan-jong', 'zaan-oud']);
    const first = await openPitchesFor(t.handle.db, 'zaanstad', now, 1);
    expect(first.pitches.map((p) => p.id)).toEqual(['zaan-jong']);
    expect(first.more).toBe(true);
    // Amsterdam's only pitch is closed: nothing open.
    expect(await openPitchesFor(t.handle.db, 'amsterdam', now, 5)).toEqual({ pitches: [], more: false });
  });

  test('RSS en sitemap: openbare pitches, nieuwste eerst, per gemeente; nooit een concept', async () => {
    const feed = await pitchesForFeed(t.handle.db);
    expect(feed.map((p) => p.id)).toEqual(['zaan-jong', 'zaan-oud', 'zaan-verlopen', 'zwolle-jong', 'amsterdam-dicht']);
    expect((await pitchesForFeed(t.handle.db, { municipalityId: 'zwolle' })).map((p) => p.id)).toEqual(['zwolle-jong']);
    const sitemap = (await pitchesForSitemap(t.handle.db)).map((p) => p.id);
    expect(sitemap.sort()).toEqual(['amsterdam-dicht', 'zaan-jong', 'zaan-oud', 'zaan-verlopen', 'zwolle-jong']);
  });
});
