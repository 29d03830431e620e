/**
 * One search for both halves of the site: what /zoeken/?q=… answers, with or
 * without JavaScript. The words go to the content index (case studies, instruments,
 * organisations) and to the pitch search; the form's filters (labels, as the old Pagefind form
 * sent them, so shared links keep working) narrow both where they apply: "Soort" picks a half,
 * target group, sector and place narrow pitches too, an instrument only exists in the content.
 */
import type { Database } from '#db/client.ts';
import { sectors, targetGroups } from '#domain/facets.ts';
import { MAX_QUERY_LENGTH } from '#domain/search-query.ts';
import { searchPitches, type PitchSearchFilters, type PitchSearchResult } from '#features/marketplace/pitch-search.ts';
import { contentIndex, spellingSuggester } from '#features/catalog/content-search.ts';
import { withMunicipalityNames } from '#features/catalog/places.ts';
import { getOrganisations } from '#features/catalog/queries.ts';
import { contentFilterNames, type ContentFilters, type SearchDocument } from '#features/catalog/search-documents.ts';

/** The "Soort pagina" value that picks the pitches. */
export const PITCH_KIND = 'Pitch';

export interface SiteSearchResult {
  q: string;
  filters: ContentFilters;
  /** Did the visitor ask anything (words or a filter)? */
  asked: boolean;
  content: SearchDocument[];
  pitches: PitchSearchResult;
  /** Content results are shown on the first page of pitch results only. */
  showContent: boolean;
  /** "Bedoelde u …?": a corrected query that finds more, offered when the words found little. */
  suggestion: string | null;
}

/** With fewer results than this, a spelling suggestion is looked for. */
export const FEW_RESULTS = 3;

/** Reads q, the filters and `pagina` from the URL, and searches both halves. */
export async function searchSite(db: Database, params: URLSearchParams, now: Date): Promise<SiteSearchResult> {
  const q = (params.get('q') ?? '').slice(0, MAX_QUERY_LENGTH).trim();
  const filters: ContentFilters = {};
  for (const name of contentFilterNames) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value.slice(0, 200);
  }
  const page = Number.parseInt(params.get('pagina') ?? '1', 10);
  const asked = q !== '' || Object.keys(filters).length > 0;

  const wantsContent = filters.Soort !== PITCH_KIND;
  const pitchFilters = await pitchFiltersFor(filters);
  const [content, pitches] = await Promise.all([
    wantsContent ? contentIndex().then((index) => index.search(q, filters)) : undefined,
    pitchFilters ? searchPitches(db, { q: withMunicipalityNames(q), page: Number.isSafeInteger(page) ? page : 1, filters: pitchFilters }, now) : undefined,
  ]);
  const noPitches: PitchSearchResult = { terms: [], total: 0, page: 1, pageCount: 0, hits: [] };
  const pitchResult = pitches ?? noPitches;
  const hits = content?.hits ?? [];
  const suggestion = hits.length + pitchResult.total < FEW_RESULTS ? await suggestionFor(q, filters, hits.length) : null;
  return { q, filters, asked, content: hits, pitches: pitchResult, showContent: pitchResult.page === 1, suggestion };
}

/**
 * A corrected query, only when it finds more content than the words typed (with the same
 * filters), so the link never leads to another empty page.
 */
async function suggestionFor(q: string, filters: ContentFilters, found: number): Promise<string | null> {
  if (q === '') return null;
  const suggestion = (await spellingSuggester()).suggest(q);
  if (!suggestion || suggestion.toLowerCase() === q.toLowerCase()) return null;
  const { hits } = await (await contentIndex()).search(suggestion, filters);
  return hits.length > found ? suggestion : null;
}

/** The form's filters as pitch filters; undefined when they rule pitches out. */
async function pitchFiltersFor(filters: ContentFilters): Promise<PitchSearchFilters | undefined> {
  if (filters.Soort && filters.Soort !== PITCH_KIND) return undefined;
  if (filters.Instrument) return undefined;
  const result: PitchSearchFilters = {};
  if (filters.Doelgroep) {
    const term = targetGroups.terms.find((t) => t.label === filters.Doelgroep);
    if (!term) return undefined;
    result.targetGroup = term.id;
  }
  if (filters.Sector) {
    const term = sectors.terms.find((t) => t.label === filters.Sector);
    if (!term) return undefined;
    result.sector = term.id;
  }
  if (filters.Gemeente || filters.Provincie || filters.Arbeidsmarktregio) {
    const organisations = await getOrganisations();
    result.municipalityIds = [...organisations.values()]
      .filter((o) => o.kind === 'municipality')
      .filter((o) => !filters.Gemeente || o.name === filters.Gemeente)
      .filter((o) => !filters.Provincie || o.province?.name === filters.Provincie)
      .filter((o) => !filters.Arbeidsmarktregio || o.region?.name === filters.Arbeidsmarktregio)
      .map((o) => o.id);
  }
  return result;
}
