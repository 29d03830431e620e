/**
 * One search for both halves of the site: what /zoeken/?q=… answers, with or
 * without JavaScript. The words go to the knowledge base (the same Pagefind index and ranking
 * as the browser's as-you-type search: pagefind-server.ts, domain/search/knowledge-ranking.ts)
 * and to the pitch search; the form's filters (labels, as the Pagefind records carry them)
 * narrow both where they apply: "Soort" picks a half, target group, sector and place narrow
 * pitches too, an instrument only exists in the knowledge base.
 */
import type { Database } from '#db/client.ts';
import { sectors, targetGroups } from '#domain/facets.ts';
import { MAX_QUERY_LENGTH } from '#domain/search-query.ts';
import type { KnowledgeResult } from '#domain/search/knowledge-ranking.ts';
import { queryWords } from '#domain/search/words.ts';
import { searchPitches, type PitchSearchFilters, type PitchSearchResult } from '#features/marketplace/pitch-search.ts';
import { spellingSuggester } from '#features/catalog/content-search.ts';
import { withMunicipalityNames } from '#features/catalog/places.ts';
import { getOrganisations } from '#features/catalog/queries.ts';
import { contentFilterNames, type ContentFilters } from '#features/catalog/search-documents.ts';
import { searchKnowledgeBase } from './pagefind-server.ts';

/** The "Soort pagina" value that picks the pitches. */
export const PITCH_KIND = 'Pitch';

export interface SiteSearchResult {
  q: string;
  filters: ContentFilters;
  /** Did the visitor ask anything (words or a filter)? */
  asked: boolean;
  /** The knowledge base's pages, best first (the first SHOWN_PAGES), and how many matched. */
  content: KnowledgeResult;
  pitches: PitchSearchResult;
  /** Content results are shown on the first page of pitch results only. */
  showContent: boolean;
  /** "Bedoelde u …?": a corrected query that finds more, offered when the words found little. */
  suggestion: string | null;
}

/** With fewer results than this, a spelling suggestion is looked for. */
export const FEW_RESULTS = 3;

/** Reads q, the filters and `pagina` from the URL, and searches both halves. */
export async function searchSite(db: Database, params: URLSearchParams, now: Date, parts: { knowledge: boolean } = { knowledge: true }): Promise<SiteSearchResult> {
  const q = (params.get('q') ?? '').slice(0, MAX_QUERY_LENGTH).trim();
  const filters: ContentFilters = {};
  for (const name of contentFilterNames) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value.slice(0, 200);
  }
  const page = Number.parseInt(params.get('pagina') ?? '1', 10);
  const asked = q !== '' || Object.keys(filters).length > 0;

  const wantsContent = parts.knowledge && filters.Soort !== PITCH_KIND;
  const pitchFilters = await pitchFiltersFor(filters);
  const [content, pitches] = await Promise.all([
    wantsContent ? searchKnowledge(q, filters) : undefined,
    pitchFilters ? searchPitchesLoosely(db, q, Number.isSafeInteger(page) ? page : 1, pitchFilters, now) : undefined,
  ]);
  const noPitches: PitchSearchResult = { terms: [], total: 0, page: 1, pageCount: 0, hits: [] };
  const pitchResult = pitches ?? noPitches;
  const knowledge = content ?? { pages: [], total: 0 };
  const suggestion = parts.knowledge && knowledge.total + pitchResult.total < FEW_RESULTS ? await suggestionFor(q, filters, knowledge.total) : null;
  return { q, filters, asked, content: knowledge, pitches: pitchResult, showContent: pitchResult.page === 1, suggestion };
}

/**
 * The pitches with every word; when none has them all and more than one word was typed (a
 * question as a sentence: "werkgevers gezocht in poelenbrug"), the pitches with all but one,
 * as the knowledge base's ranking adds the pages with most of the words.
 */
async function searchPitchesLoosely(db: Database, q: string, page: number, filters: PitchSearchFilters, now: Date): Promise<PitchSearchResult> {
  const strict = await searchPitches(db, { q: withMunicipalityNames(q), page, filters }, now);
  const words = queryWords(q);
  if (strict.total > 0 || words.length < 2) return strict;
  for (const left of words) {
    const rest = words.filter((word) => word !== left).join(' ');
    const loose = await searchPitches(db, { q: withMunicipalityNames(rest), page, filters }, now);
    if (loose.total > 0) return loose;
  }
  return strict;
}

/** The knowledge base's answer, with the form's filters as the records name them. */
async function searchKnowledge(q: string, filters: ContentFilters): Promise<KnowledgeResult> {
  const chosen = Object.fromEntries(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])));
  return searchKnowledgeBase(q, chosen);
}

/**
 * A corrected query, only when it finds more content than the words typed (with the same
 * filters), so the link never leads to another empty page.
 */
async function suggestionFor(q: string, filters: ContentFilters, found: number): Promise<string | null> {
  if (q === '') return null;
  const suggestion = (await spellingSuggester()).suggest(q);
  if (!suggestion || suggestion.toLowerCase() === q.toLowerCase()) return null;
  const { total } = await searchKnowledge(suggestion, filters);
  return total > found ? suggestion : null;
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
