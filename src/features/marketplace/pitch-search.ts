/**
 * Full-text search over the pitches the public may see, through the FTS5 table
 * pitches_fts (migration 0003: title, area, municipality, body; rowid = pitches.seq; kept in
 * step by triggers in the same statement as every pitch write). User input becomes a quoted
 * MATCH expression (domain/search-query.ts), so no input can throw. Ranked by bm25 with the
 * title weighted above area and municipality, and those above the body; ties newest first.
 * Only published and closed pitches are searched: drafts, submitted, changes-requested and
 * rejected pitches never appear, whoever asks (authors find their own in "Mijn pitches").
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { effectiveStatus, type PitchStatus } from '#domain/pitch-lifecycle.ts';
import { excerptParts, matchExpression, searchTerms, SNIPPET_CLOSE, SNIPPET_OPEN, type ExcerptPart } from '#domain/search-query.ts';

/**
 * Statuses the public may see; policy.ts's pitchVisibleTo(null, …) says the same (a unit test
 * holds the two together), but a query needs the list itself.
 */
export const publicPitchStatuses = ['published', 'closed'] as const satisfies readonly PitchStatus[];

/** bm25 column weights in pitches_fts column order: title, area, municipality, body. */
export const PITCH_SEARCH_WEIGHTS = [10, 4, 4, 1] as const;

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
}

export interface PitchSearchResult {
  /** The words searched (empty: nothing to search, no query was run). */
  terms: string[];
  total: number;
  page: number;
  pageCount: number;
  hits: PitchHit[];
}

interface Row {
  id: string;
  title: string;
  area: string;
  status: PitchStatus;
  closing_date: string;
  municipality_name: string;
  snippet: string | null;
}

/** Searches the public pitches for `q`; one page of hits, best first, and the total. */
export async function searchPitches(db: Database, query: PitchSearchQuery, now: Date): Promise<PitchSearchResult> {
  const terms = searchTerms(query.q);
  const match = matchExpression(query.q);
  const pageSize = Math.min(Math.max(Math.trunc(query.pageSize ?? PITCH_SEARCH_PAGE_SIZE), 1), 50);
  const page = Number.isSafeInteger(query.page) && query.page! > 1 ? query.page! : 1;
  if (match === null) return { terms, total: 0, page, pageCount: 0, hits: [] };

  const where = conditions(match, query.filters ?? {});
  const [counted] = await db.all<{ total: number }>(sql`
    select count(*) as total
    from pitches_fts join pitches p on p.seq = pitches_fts.rowid
    where ${where}`);
  const total = Number(counted?.total ?? 0);
  const [title, area, municipality, body] = PITCH_SEARCH_WEIGHTS;
  const rows = await db.all<Row>(sql`
    select p.id, p.title, p.area, p.status, p.closing_date, o.name as municipality_name,
      snippet(pitches_fts, 3, ${SNIPPET_OPEN}, ${SNIPPET_CLOSE}, '…', 24) as snippet
    from pitches_fts
      join pitches p on p.seq = pitches_fts.rowid
      join organisations o on o.id = p.municipality_id
    where ${where}
    order by bm25(pitches_fts, ${sql.raw(`${title}, ${area}, ${municipality}, ${body}`)}), p.published_at desc, p.seq desc
    limit ${pageSize} offset ${(page - 1) * pageSize}`);

  return {
    terms,
    total,
    page,
    pageCount: Math.ceil(total / pageSize),
    hits: rows.map((row) => ({
      id: row.id,
      title: row.title,
      area: row.area,
      municipalityName: row.municipality_name,
      closingDate: row.closing_date,
      open: effectiveStatus({ status: row.status, closingDate: row.closing_date }, now) === 'published',
      excerpt: excerptParts(row.snippet ?? ''),
      href: `/pitches/${encodeURIComponent(row.id)}/`,
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
