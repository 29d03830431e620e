/**
 * Home of the public pitch queries (issue 7, item 4): the filtered, sorted, paged list with its
 * facet counts, featured pitches, a municipality's pitches and the counts for the map. Only
 * published and closed pitches are public (DESIGN.md §3); a published pitch past its closing
 * date reads as closed (pitch-lifecycle.ts `effectiveStatus`), which the SQL decides by
 * comparing closing_date with today's date in Europe/Amsterdam, passed in as a parameter
 * (SQLite knows no time zones). Every query here is checked to use an index
 * (tests/integration/marketplace/query-plans.test.ts).
 */
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { offers, pitchFacets, pitches, type PitchFacetKind, type PitchRow } from '../../db/marketplace-schema.ts';
import { loadGeo } from '../catalog/geo.ts';
import { amsterdamDate } from '../domain/pitch-lifecycle.ts';
import {
  PITCHES_PER_PAGE,
  pageCountFor,
  placeFacetCounts,
  pitchListStates,
  type MunicipalityPlace,
  type PitchFacetKey,
  type PitchFilter,
  type PitchListState,
  type PitchQuery,
  type PlaceFacetKey,
  type PlaceVocabulary,
} from '../domain/pitch-filter.ts';
import { plainTextExcerpt } from '../markdown/render-user-markdown.ts';

/** Statuses the public may see. */
const publicStatuses = ['published', 'closed'] as const;
/** Offers that count as "an employer joined": made and not withdrawn or declined (waiting ones are not visible yet). */
const joinedOfferStatuses = ['offered', 'shortlisted', 'accepted'] as const;
const EXCERPT_LENGTH = 220;

/** The facets stored as pitch_facets rows, by the list's facet key. */
const storedFacets = { targetGroups: 'target-group', sectors: 'sector', helpKinds: 'help-kind' } as const satisfies Partial<Record<PitchFacetKey, PitchFacetKind>>;
type StoredFacetKey = keyof typeof storedFacets;
const storedFacetKeys = Object.keys(storedFacets) as StoredFacetKey[];

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
  /** Employers with an offer that is made and still in play or accepted. */
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

/** SQL: is the pitch open today (published and its closing day not ended)? */
function isOpen(today: string): SQL {
  return sql`(${pitches.status} = 'published' and ${pitches.closingDate} >= ${today})`;
}

/**
 * The WHERE conditions of a filter, leaving out the facets in `except` (for counting those).
 * Facet values go in as bound parameters; the vocabulary was already checked when parsing.
 */
function conditions(filter: PitchFilter, today: string, except: readonly PitchFacetKey[] = []): SQL {
  const places = pitchPlaces();
  const parts: SQL[] = [inArray(pitches.status, [...publicStatuses])];
  const active = (key: PitchFacetKey) => !except.includes(key) && filter[key].length > 0;
  if (active('municipalities')) parts.push(inArray(pitches.municipalityId, filter.municipalities));
  for (const key of ['provinces', 'regions'] as const) {
    if (!active(key)) continue;
    const ids = filter[key].flatMap((area) => places.municipalitiesIn[key].get(area) ?? []);
    // An area without municipalities cannot match; `in ()` is not valid SQL.
    parts.push(ids.length > 0 ? inArray(pitches.municipalityId, ids) : sql`0`);
  }
  for (const key of storedFacetKeys) {
    if (!active(key)) continue;
    // Correlated on the primary key (pitch_id, facet, value): one index lookup per pitch.
    parts.push(
      sql`exists (select 1 from ${pitchFacets} where ${pitchFacets.pitchId} = ${pitches.id} and ${pitchFacets.facet} = ${storedFacets[key]} and ${inArray(pitchFacets.value, filter[key])})`,
    );
  }
  if (active('status') && filter.status.length < pitchListStates.length) {
    parts.push(filter.status.includes('open') ? isOpen(today) : sql`not ${isOpen(today)}`);
  }
  return and(...parts)!;
}

/** The ORDER BY of a sort. Closed pitches last for sluitingsdatum, the most recently closed first among them. */
function orderFor(sort: PitchQuery['sort'], today: string): SQL[] {
  if (sort === 'sluitingsdatum') {
    const closedLast = sql`case when ${isOpen(today)} then 0 else 1 end`;
    return [asc(closedLast), sql`case when ${isOpen(today)} then ${pitches.closingDate} end asc`, desc(pitches.closingDate), asc(pitches.seq)];
  }
  return [desc(pitches.publishedAt), desc(pitches.seq)];
}

/**
 * One page of public pitches for a list URL, with the total and the counts per filter value.
 * A page past the end shows the last page instead (an old link after pitches closed).
 */
export async function listPitches(db: Database, query: PitchQuery, now: Date, perPage = PITCHES_PER_PAGE): Promise<PitchListPage> {
  const today = amsterdamDate(now);
  const where = conditions(query.filter, today);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(pitches).where(where);
  const pageCount = pageCountFor(total, perPage);
  const page = Math.min(query.page, pageCount);
  const rows = await db
    .select(cardColumns)
    .from(pitches)
    .where(where)
    .orderBy(...orderFor(query.sort, today))
    .limit(perPage)
    .offset((page - 1) * perPage);
  const [items, facetCounts] = await Promise.all([toCards(db, rows, today), countFacets(db, query.filter, today)]);
  return { items, total, page, pageCount, ...facetCounts };
}

/** Counts per value for every facet, each with the other facets' choices applied. */
async function countFacets(db: Database, filter: PitchFilter, today: string): Promise<Pick<PitchListPage, 'counts' | 'used'>> {
  const places = pitchPlaces();
  const stored = await Promise.all(
    storedFacetKeys.map(async (key) => {
      const facetCondition = eq(pitchFacets.facet, storedFacets[key]);
      const rows = await db
        .select({ value: pitchFacets.value, n: count() })
        .from(pitchFacets)
        .innerJoin(pitches, eq(pitches.id, pitchFacets.pitchId))
        .where(and(facetCondition, conditions(filter, today, [key])))
        .groupBy(pitchFacets.value);
      const used = await db
        .selectDistinct({ value: pitchFacets.value })
        .from(pitchFacets)
        .innerJoin(pitches, eq(pitches.id, pitchFacets.pitchId))
        .where(and(facetCondition, inArray(pitches.status, [...publicStatuses])));
      return [key, new Map(rows.map((r) => [r.value, r.n])), new Set(used.map((r) => r.value))] as const;
    }),
  );
  const placeKeys = ['municipalities', 'provinces', 'regions'] as const;
  const [byMunicipality, everyMunicipality, byState] = await Promise.all([
    countByMunicipality(db, conditions(filter, today, placeKeys)),
    countByMunicipality(db, inArray(pitches.status, [...publicStatuses])),
    db
      .select({ state: sql<PitchListState>`case when ${isOpen(today)} then 'open' else 'gesloten' end`, n: count() })
      .from(pitches)
      .where(conditions(filter, today, ['status']))
      .groupBy(sql`1`),
  ]);
  const place = placeFacetCounts(byMunicipality, filter, places.byMunicipality);
  const placeUsed = placeFacetCounts(everyMunicipality, { ...filter, municipalities: [], provinces: [], regions: [] }, places.byMunicipality);
  const counts = {
    ...place,
    ...Object.fromEntries(stored.map(([key, c]) => [key, c])),
    status: new Map(byState.map((r) => [r.state, r.n])),
  } as Record<PitchFacetKey, Map<string, number>>;
  const used = {
    municipalities: new Set(placeUsed.municipalities.keys()),
    provinces: new Set(placeUsed.provinces.keys()),
    regions: new Set(placeUsed.regions.keys()),
    ...Object.fromEntries(stored.map(([key, , u]) => [key, u])),
    status: new Set(pitchListStates),
  } as Record<PitchFacetKey, Set<string>>;
  return { counts, used };
}

async function countByMunicipality(db: Database, where: SQL): Promise<Map<string, number>> {
  const rows = await db.select({ id: pitches.municipalityId, n: count() }).from(pitches).where(where).groupBy(pitches.municipalityId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

const cardColumns = {
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
      .select({ pitchId: pitchFacets.pitchId, value: pitchFacets.value })
      .from(pitchFacets)
      .where(and(inArray(pitchFacets.pitchId, ids), eq(pitchFacets.facet, 'help-kind'))),
    db
      .select({ pitchId: offers.pitchId, n: count() })
      .from(offers)
      .where(and(inArray(offers.pitchId, ids), inArray(offers.status, [...joinedOfferStatuses])))
      .groupBy(offers.pitchId),
  ]);
  const places = pitchPlaces();
  const joinedBy = new Map(joined.map((j) => [j.pitchId, j.n]));
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    municipalityId: row.municipalityId,
    municipalityName: places.byMunicipality.get(row.municipalityId)?.name ?? row.municipalityId,
    area: row.area,
    excerpt: plainTextExcerpt(row.challenge, EXCERPT_LENGTH),
    helpKinds: kinds.filter((k) => k.pitchId === row.id).map((k) => k.value),
    closingDate: row.closingDate,
    open: row.status === 'published' && row.closingDate >= today,
    employersJoined: joinedBy.get(row.id) ?? 0,
    demo: row.demo,
    featured: row.featured,
    publishedAt: row.publishedAt,
  }));
}

/** Featured pitches that are still open, newest first: the top of the list page. */
export async function featuredPitches(db: Database, now: Date, limit = 3): Promise<PitchCardView[]> {
  const today = amsterdamDate(now);
  const rows = await db
    .select(cardColumns)
    .from(pitches)
    .where(and(eq(pitches.status, 'published'), eq(pitches.featured, true), sql`${pitches.closingDate} >= ${today}`))
    .orderBy(desc(pitches.publishedAt), desc(pitches.seq))
    .limit(limit);
  return toCards(db, rows, today);
}

/** A municipality's public pitches (published and closed), newest first. */
export async function publishedPitchesFor(db: Database, municipalityId: string, now: Date = new Date(), limit = 50): Promise<PitchCardView[]> {
  const today = amsterdamDate(now);
  const rows = await db
    .select(cardColumns)
    .from(pitches)
    .where(and(eq(pitches.municipalityId, municipalityId), inArray(pitches.status, [...publicStatuses])))
    .orderBy(desc(pitches.publishedAt), desc(pitches.seq))
    .limit(limit);
  return toCards(db, rows, today);
}

/** Public pitches per municipality id (all, and those open today), for the map. */
export async function pitchCountsByMunicipality(db: Database, now: Date = new Date()): Promise<Map<string, { total: number; open: number }>> {
  const today = amsterdamDate(now);
  const rows = await db
    .select({ id: pitches.municipalityId, total: count(), open: sql<number>`sum(case when ${isOpen(today)} then 1 else 0 end)` })
    .from(pitches)
    .where(inArray(pitches.status, [...publicStatuses]))
    .groupBy(pitches.municipalityId);
  return new Map(rows.map((r) => [r.id, { total: r.total, open: Number(r.open) }]));
}
