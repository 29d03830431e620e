/**
 * Full-text search over the pitches the public may see, through the FTS5 table
 * pitches_fts (migration 0003: title, area, municipality, body; rowid = pitches.seq; kept in
 * step by triggers in the same statement as every pitch write). User input becomes a quoted
 * MATCH expression (domain/search-query.ts, through `pitchMatch`), so no input can throw.
 * Only the newest `PITCH_SEARCH_CANDIDATES` matches are ranked (the time stays flat; the total
 * then reads "meer dan"), by BM25 within the candidates (domain/search-rank.ts) with the title weighted above area and municipality, and
 * those above the body; at equal relevance open before closed, then newest first.
 * Only published and closed pitches are searched: drafts, submitted, changes-requested and
 * rejected pitches never appear, whoever asks (authors find their own in "Mijn pitches").
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { amsterdamDate } from '#domain/amsterdam-time.ts';
import { effectiveStatus, type PitchStatus } from '#domain/pitch-lifecycle.ts';
import { excerptParts, matchExpression, rankingForms, searchTerms, type ExcerptPart } from '#domain/search-query.ts';
import { rankScores, rankTerms, snippetFor } from '#domain/search-rank.ts';

/**
 * Statuses the public may see; policy.ts's pitchVisibleTo(null, …) says the same (a unit test
 * holds the two together), but a query needs the list itself.
 */
export const publicPitchStatuses = ['published', 'closed'] as const satisfies readonly PitchStatus[];

/**
 * Column weights for the ranking (as bm25 takes them): title, area, municipality, body, and the
 * search keys (parts of compounds and synonyms: domain/search/pitch-keys.ts), which count as body.
 */
export const PITCH_SEARCH_WEIGHTS = [10, 4, 4, 1, 1] as const;

/**
 * The newest this many matching public pitches are ranked; beyond it the total reads "meer
 * dan" (docs/decisions/bounded-pitch-search.md): ranking every match grew with the number of
 * pitches (44× from 1,000 to 100,000 for a common word).
 */
export const PITCH_SEARCH_CANDIDATES = 1000;

/** Results per page unless the caller asks otherwise. */
export const PITCH_SEARCH_PAGE_SIZE = 10;

/** One pitch found. */
export interface PitchHit {
  id: string;
  title: string;
  area: string;
  municipalityName: string;
  closingDate: string;
  /** Published and before its closing date: open for offers. */
  open: boolean;
  /** Words around the match in the challenge or ask, to escape and highlight on the page. */
  excerpt: ExcerptPart[];
  href: string;
}

/** Narrowing besides the words; facet values are ids from domain/facets.ts. */
export interface PitchSearchFilters {
  municipalityIds?: readonly string[];
  targetGroup?: string;
  sector?: string;
}

export interface PitchSearchQuery {
  q: string;
  /** 1-based; anything else reads as 1. */
  page?: number;
  pageSize?: number;
  filters?: PitchSearchFilters;
  /** How many of the newest matching pitches are ranked (tests set it small). */
  candidates?: number;
}

export interface PitchSearchResult {
  /** The words searched (empty: nothing to search, no query was run). */
  terms: string[];
  /** Pitches found; with `totalIsLowerBound`, more than this many match (the candidate cap). */
  total: number;
  /**
   * True when more public pitches match than were ranked: show "meer dan {total}". Absent or
   * false: `total` is exact.
   */
  totalIsLowerBound?: boolean;
  page: number;
  pageCount: number;
  hits: PitchHit[];
}

/** A candidate as the statement returns it (a JSON array, so a thousand come back as one row). */
type CandidateTuple = [seq: number, id: string, title: string, area: string, municipalityName: string, body: string, status: PitchStatus, closingDate: string, publishedAt: number | null, searchKeys: string];

/**
 * The MATCH expression for the words typed: the one place the query is built, so another way
 * of analysing Dutch can replace it without touching the rest. Null: nothing to search.
 */
export function pitchMatch(q: string): string | null {
  return matchExpression(q);
}

/**
 * Searches the public pitches for `q`; one page of hits, best first, and the total.
 *
 * Bounded, so the time stays flat however many pitches match: FTS5 walks the matches newest
 * first (rowid = pitches.seq, descending, which it does without sorting) and stops at the
 * `PITCH_SEARCH_CANDIDATES` newest matching public pitches. The public statuses and the
 * filters are checked during that walk, so a draft never takes a candidate's place. Only the
 * candidates are ranked (BM25 within them, title weighted highest: domain/search-rank.ts); with
 * more matches than that, the total is the cap and `totalIsLowerBound` says so ("meer dan
 * 1.000"). Open pitches come before closed ones at equal relevance. One statement, one row.
 */
export async function searchPitches(db: Database, query: PitchSearchQuery, now: Date): Promise<PitchSearchResult> {
  const terms = searchTerms(query.q);
  const match = pitchMatch(query.q);
  const pageSize = Math.min(Math.max(Math.trunc(query.pageSize ?? PITCH_SEARCH_PAGE_SIZE), 1), 50);
  const page = Number.isSafeInteger(query.page) && query.page! > 1 ? query.page! : 1;
  if (match === null) return { terms, total: 0, page, pageCount: 0, hits: [], totalIsLowerBound: false };

  const cap = Math.max(1, Math.trunc(query.candidates ?? PITCH_SEARCH_CANDIDATES));
  // One more than the cap is read: it only tells whether there are more, and is not ranked.
  const [row] = await db.all<{ candidates: string }>(sql`
    select json_group_array(json_array(c.seq, p.id, p.title, p.area, o.name, p.challenge || char(10) || p.ask, p.status, p.closing_date, p.published_at, p.search_keys)) as candidates
    from (
      select pitches_fts.rowid as seq
      from pitches_fts cross join pitches p on p.seq = pitches_fts.rowid
      where ${conditions(match, query.filters ?? {})}
      order by pitches_fts.rowid desc
      limit ${cap + 1}
    ) c
      cross join pitches p on p.seq = c.seq
      join organisations o on o.id = p.municipality_id`);
  const found = JSON.parse(row?.candidates ?? '[]') as CandidateTuple[];
  const candidates = found.slice(0, cap);

  // Ranked by the forms the words were found in (domain/search-query.ts), not only as typed.
  const rank = rankTerms(rankingForms(query.q));
  const scores = rankScores(
    rank,
    candidates.map(([, , title, area, municipalityName, body, , , , searchKeys]) => ({ columns: [title, area, municipalityName, body, searchKeys] })),
    PITCH_SEARCH_WEIGHTS,
  );
  const today = amsterdamDate(now);
  const ranked = candidates
    .map((candidate, i) => ({ candidate, score: scores[i]!, open: candidate[6] === 'published' && candidate[7] >= today }))
    .sort((a, b) => b.score - a.score || Number(b.open) - Number(a.open) || (b.candidate[8] ?? -Infinity) - (a.candidate[8] ?? -Infinity) || b.candidate[0] - a.candidate[0]);

  const total = candidates.length;
  return {
    terms,
    total,
    totalIsLowerBound: found.length > cap,
    page,
    pageCount: Math.ceil(total / pageSize),
    hits: ranked.slice((page - 1) * pageSize, page * pageSize).map(({ candidate: [, id, title, area, municipalityName, body, status, closingDate] }) => ({
      id,
      title,
      area,
      municipalityName,
      closingDate,
      open: effectiveStatus({ status, closingDate }, now) === 'published',
      excerpt: excerptParts(snippetFor(rank, body)),
      href: `/pitches/${encodeURIComponent(id)}/`,
    })),
  };
}

/** The WHERE clause: the words, the public statuses, and the filters (each through an index). */
function conditions(match: string, filters: PitchSearchFilters): SQL {
  const parts: SQL[] = [
    sql`pitches_fts match ${match}`,
    sql`p.status in (${sql.join(
      publicPitchStatuses.map((status) => sql`${status}`),
      sql`, `,
    )})`,
  ];
  if (filters.municipalityIds) {
    // An empty list (a province name that matches nothing) finds nothing, not everything.
    parts.push(
      filters.municipalityIds.length === 0
        ? sql`0`
        : sql`p.municipality_id in (${sql.join(
            filters.municipalityIds.map((id) => sql`${id}`),
            sql`, `,
          )})`,
    );
  }
  for (const [facet, value] of [
    ['target-group', filters.targetGroup],
    ['sector', filters.sector],
  ] as const) {
    if (value) parts.push(sql`exists (select 1 from pitch_facets f where f.pitch_id = p.id and f.facet = ${facet} and f.value = ${value})`);
  }
  return sql.join(parts, sql` and `);
}
