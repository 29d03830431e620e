/**
 * Home of the public pitch queries: the filtered, sorted, paged list with its
 * facet counts, featured pitches, a municipality's pitches and the counts for the map. Only
 * published and closed pitches are public (docs/architecture.md); a published pitch past its closing
 * date reads as closed (pitch-lifecycle.ts `effectiveStatus`), decided against today's date in
 * Amsterdam. Filtering, counting and ordering the list, the featured pitches and the map
 * counts come from the in-memory facet index (pitch-index.ts), which keeps them flat from 1,000
 * to 100,000 pitches (npm run bench); the cards of a page are read by primary key.
 * Every query here is checked to use an index (tests/integration/marketplace/query-plans.test.ts).
 */
import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { pitchFacets, pitches, type PitchRow } from '#db/marketplace-schema.ts';
import { loadGeo } from '#features/catalog/geo.ts';
import { amsterdamDate } from '#domain/amsterdam-time.ts';
import { facetValuesBy } from '#domain/facet-rows.ts';
import { sectors, targetGroups, termOptions } from '#domain/facets.ts';
import { helpKinds } from '#domain/help-kinds.ts';
import {
  PITCHES_PER_PAGE,
  pitchListStateLabel,
  pitchListStates,
  type MunicipalityPlace,
  type PitchFacetKey,
  type PitchFilter,
  type PitchQuery,
  type PlaceFacetKey,
  type PlaceVocabulary,
} from '#domain/pitch-filter.ts';
import { plainTextExcerpt } from '#platform/markdown/render-user-markdown.ts';
import { runInBackground } from '#platform/lifecycle.ts';
import { currentPitchIndex } from './pitch-index/cache.ts';
import { offerCountsFor } from './offer-counts.ts';
import { countsByMunicipality, featuredSeqs, openIndexedPitches, pitchesAfter, viewPitchIndex, type IndexedOpenPitch, type PitchIndexPage } from './pitch-index/query.ts';

/** Statuses the public may see. */
export const publicPitchStatuses = ['published', 'closed'] as const;
const EXCERPT_LENGTH = 220;

/** What a pitch card shows. */
export interface PitchCardView {
  id: string;
  title: string;
  municipalityId: string;
  municipalityName: string;
  area: string;
  /** The challenge as plain text, cut at a word. */
  excerpt: string;
  /** Kinds of help asked (ids from domain/help-kinds.ts). */
  helpKinds: string[];
  closingDate: string;
  /** Published and the closing day not ended (the effective status is published). */
  open: boolean;
  /** Employers that "doen mee" (offer-counts.ts: the same number as on the pitch page and the offers page). */
  employersJoined: number;
  demo: boolean;
  featured: boolean;
  publishedAt: number | null;
}

/** One page of the list, with everything the filter column shows. */
export interface PitchListPage {
  items: PitchCardView[];
  total: number;
  /** The page shown: the asked page, or the last one when the asked page is past the end. */
  page: number;
  pageCount: number;
  /** Per facet: how many pitches each value would give with the other facets' choices applied. */
  counts: Record<PitchFacetKey, Map<string, number>>;
  /** Per facet: values any public pitch has at all (other values are noise in the filter column). */
  used: Record<PitchFacetKey, Set<string>>;
}

/** Every value of every facet of the pitch list, with its label: what the filter column offers and the open data accepts. */
export function pitchFilterVocabularies(): Record<PitchFacetKey, { id: string; label: string }[]> {
  return {
    status: pitchListStates.map((id) => ({ id, label: pitchListStateLabel[id] })),
    ...pitchPlaces().options,
    targetGroups: termOptions(targetGroups),
    sectors: termOptions(sectors),
    helpKinds: termOptions(helpKinds),
  };
}

/** Municipalities, provinces and regions from the CBS data, indexed for the list's needs. */
interface Places {
  vocabulary: PlaceVocabulary;
  byMunicipality: Map<string, MunicipalityPlace & { name: string }>;
  municipalitiesIn: Record<Exclude<PlaceFacetKey, 'municipalities'>, Map<string, string[]>>;
  /** Every place per facet with its name, sorted by name: the filter column's options. */
  options: Record<PlaceFacetKey, { id: string; label: string }[]>;
}

let placesCache: Places | undefined;

/** The place vocabulary and lookups (read once per process from content/geo). */
export function pitchPlaces(): Places {
  if (placesCache) return placesCache;
  const geo = loadGeo();
  const byMunicipality = new Map(geo.municipalities.map((m) => [m.id, { name: m.name, province: m.province.id, region: m.region.id }]));
  const group = (key: 'province' | 'region') => {
    const map = new Map<string, string[]>();
    for (const [id, place] of byMunicipality) map.set(place[key], [...(map.get(place[key]) ?? []), id]);
    return map;
  };
  placesCache = {
    vocabulary: {
      municipalities: new Set(byMunicipality.keys()),
      provinces: new Set(geo.provinces.map((p) => p.id)),
      regions: new Set(geo.regions.map((r) => r.id)),
    },
    byMunicipality,
    municipalitiesIn: { provinces: group('province'), regions: group('region') },
    options: {
      municipalities: geo.municipalities.map((m) => ({ id: m.id, label: m.name })),
      provinces: geo.provinces.map((p) => ({ id: p.id, label: p.name })),
      regions: geo.regions.map((r) => ({ id: r.id, label: r.name })),
    },
  };
  return placesCache;
}

/**
 * One page of public pitches for a list URL, with the total and the counts per filter value.
 * A page past the end shows the last page instead (an old link after pitches closed). Filter,
 * counts and page order come from the in-memory facet index (pitch-index.ts, one pass); only
 * the page's cards are read from the database.
 */
export async function listPitches(db: Database, query: PitchQuery, now: Date, perPage = PITCHES_PER_PAGE): Promise<PitchListPage> {
  const today = amsterdamDate(now);
  const places = pitchPlaces();
  const index = await currentPitchIndex(db, places.byMunicipality);
  const view = viewPitchIndex(index, query, today, perPage, places);
  const items = await cardsFor(db, view.seqs, today);
  return { items, total: view.total, page: view.page, pageCount: view.pageCount, counts: view.counts, used: index.used };
}

/**
 * Every public pitch that matches the filter, newest publication first, as pitches.seq: the list
 * page's own filter over the facet index, without its pages (the open data reads them all).
 */
export async function matchingPitchSeqs(db: Database, filter: PitchFilter, now: Date): Promise<number[]> {
  const places = pitchPlaces();
  const index = await currentPitchIndex(db, places.byMunicipality);
  return pitchesAfter(index, filter, amsterdamDate(now), undefined, index.size, places.municipalitiesIn)!.seqs;
}

/**
 * One page of matchingPitchSeqs: the pitches after the pitch `afterId` (from the first without),
 * at most `limit`, with the total; undefined when `afterId` is not among them (any more). Costs
 * one page whatever the size of the list (the open data's API pages).
 */
export async function matchingPitchSeqsAfter(db: Database, filter: PitchFilter, now: Date, afterId: string | undefined, limit: number): Promise<PitchIndexPage | undefined> {
  let afterSeq: number | undefined;
  if (afterId !== undefined) {
    const [row] = await db.select({ seq: pitches.seq }).from(pitches).where(eq(pitches.id, afterId)).limit(1);
    if (!row) return undefined;
    afterSeq = row.seq;
  }
  const places = pitchPlaces();
  const index = await currentPitchIndex(db, places.byMunicipality);
  return pitchesAfter(index, filter, amsterdamDate(now), afterSeq, limit, places.municipalitiesIn);
}

/** The columns a card is made from (public-pitches.ts reads these and more). */
export const cardColumns = {
  seq: pitches.seq,
  id: pitches.id,
  title: pitches.title,
  municipalityId: pitches.municipalityId,
  area: pitches.area,
  challenge: pitches.challenge,
  closingDate: pitches.closingDate,
  status: pitches.status,
  demo: pitches.demo,
  featured: pitches.featured,
  publishedAt: pitches.publishedAt,
};
type CardRow = Pick<PitchRow, keyof typeof cardColumns>;

/** Cards for rows: kinds of help and the number of employers joined, in two indexed queries. */
async function toCards(db: Database, rows: CardRow[], today: string): Promise<PitchCardView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [kinds, joined] = await Promise.all([
    db
      .select({ pitchId: pitchFacets.pitchId, facet: pitchFacets.facet, value: pitchFacets.value })
      .from(pitchFacets)
      .where(and(inArray(pitchFacets.pitchId, ids), eq(pitchFacets.facet, 'help-kind'))),
    offerCountsFor(db, ids),
  ]);
  const kindsOf = facetValuesBy(kinds, (kind) => kind.pitchId);
  const places = pitchPlaces();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    municipalityId: row.municipalityId,
    municipalityName: places.byMunicipality.get(row.municipalityId)?.name ?? row.municipalityId,
    area: row.area,
    excerpt: plainTextExcerpt(row.challenge, EXCERPT_LENGTH),
    helpKinds: kindsOf(row.id, 'help-kind'),
    closingDate: row.closingDate,
    open: row.status === 'published' && row.closingDate >= today,
    employersJoined: joined.get(row.id)?.joined ?? 0,
    demo: row.demo,
    featured: row.featured,
    publishedAt: row.publishedAt,
  }));
}

/** Cards for pitches by seq, in the given order (a pitch deleted since the index was read is left out). */
async function cardsFor(db: Database, seqs: number[], today: string): Promise<PitchCardView[]> {
  if (seqs.length === 0) return [];
  const rows = await db.select(cardColumns).from(pitches).where(inArray(pitches.seq, seqs));
  const bySeq = new Map(rows.map((row) => [row.seq, row]));
  return toCards(
    db,
    seqs.flatMap((seq) => bySeq.get(seq) ?? []),
    today,
  );
}

const warmed = new WeakSet<Database>();
/**
 * Loads the facet index in the background, once per database handle: called on a process's
 * first requests (src/middleware.ts), so the first pitch list a visitor asks for after a start
 * finds it loaded (or joins the load under way) instead of starting it. Never fails a request.
 */
export function warmPitchIndex(db: Database): void {
  if (warmed.has(db)) return;
  warmed.add(db);
  runInBackground(() => currentPitchIndex(db, pitchPlaces().byMunicipality).catch((error) => console.error('Pitchindex laden mislukt:', error)));
}

/** Featured pitches that are still open, newest first: the top of the list page. */
export async function featuredPitches(db: Database, now: Date, limit = 3): Promise<PitchCardView[]> {
  const today = amsterdamDate(now);
  const index = await currentPitchIndex(db, pitchPlaces().byMunicipality);
  return cardsFor(db, featuredSeqs(index, today, limit), today);
}

/** A municipality's public pitches (published and closed), newest first. */
export async function publishedPitchesFor(db: Database, municipalityId: string, now: Date = new Date(), limit = 50): Promise<PitchCardView[]> {
  const today = amsterdamDate(now);
  const rows = await db
    .select(cardColumns)
    .from(pitches)
    .where(and(eq(pitches.municipalityId, municipalityId), inArray(pitches.status, [...publicPitchStatuses])))
    .orderBy(desc(pitches.publishedAt), desc(pitches.seq))
    .limit(limit);
  return toCards(db, rows, today);
}

/**
 * A municipality's open pitches (published, closing day not passed in Amsterdam), newest first:
 * at most `limit`, and whether there are more. For the embed on the municipality's own site.
 */
export async function openPitchesFor(db: Database, municipalityId: string, now: Date, limit: number): Promise<{ pitches: PitchCardView[]; more: boolean }> {
  const today = amsterdamDate(now);
  const rows = await db
    .select(cardColumns)
    .from(pitches)
    .where(and(eq(pitches.municipalityId, municipalityId), eq(pitches.status, 'published'), gte(pitches.closingDate, today)))
    .orderBy(desc(pitches.publishedAt), desc(pitches.seq))
    .limit(limit + 1);
  return { pitches: await toCards(db, rows.slice(0, limit), today), more: rows.length > limit };
}

/** Public pitches per municipality id (all, those open today, and the demo pitches among all), for the map. */
export async function pitchCountsByMunicipality(db: Database, now: Date = new Date()): Promise<Map<string, { total: number; open: number; demo: number }>> {
  const index = await currentPitchIndex(db, pitchPlaces().byMunicipality);
  return countsByMunicipality(index, amsterdamDate(now));
}

/** Every pitch that takes offers today, with its place and facets, from the facet index (no pitch is read from the database). */
export async function openPitchesFromIndex(db: Database, now: Date): Promise<IndexedOpenPitch[]> {
  const index = await currentPitchIndex(db, pitchPlaces().byMunicipality);
  return openIndexedPitches(index, amsterdamDate(now));
}

/** The cards of these pitches (by seq), in the order given. */
export function pitchCardsBySeq(db: Database, seqs: number[], now: Date): Promise<PitchCardView[]> {
  return cardsFor(db, seqs, amsterdamDate(now));
}

/**
 * Id and title of these pitches (by seq), as one JSON row: a ranking may need the titles of a
 * few thousand pitches to break ties, and the client's cost per returned row would dominate.
 */
export async function pitchTitlesBySeq(db: Database, seqs: readonly number[]): Promise<Map<number, { id: string; title: string }>> {
  if (seqs.length === 0) return new Map();
  const [row] = await db.all<{ rows: string | null }>(
    sql`select json_group_array(json_array(seq, id, title)) as rows from ${pitches} where seq in (select value from json_each(${JSON.stringify(seqs)}))`,
  );
  const list = JSON.parse(row?.rows ?? '[]') as [number, string, string][];
  return new Map(list.map(([seq, id, title]) => [seq, { id, title }]));
}
