/**
 * Home of how the knowledge base's results are chosen and ordered, run the same way on the
 * server (the search page without JavaScript) and in the browser (as-you-type): both ask the
 * same Pagefind index through this procedure, so for any query both show the same pages in the
 * same order. Plain TypeScript over a small engine interface (Pagefind's own search API), so a
 * test can give it any engine.
 *
 * The order: a page whose title is what was typed comes first; then the pages that have every
 * word, in Pagefind's order of relevance; when those are few and more than one word was typed
 * (a question typed as a sentence), the pages that have most of the words follow.
 */
import { queryKeys } from './words.ts';

/** What the index holds of a page besides its words (written by the search records). */
export interface KnowledgeMeta {
  title: string;
  summary: string;
  kind: string;
  href: string;
}

export interface EngineResult {
  score: number;
  data(): Promise<{ meta: Record<string, string | undefined> }>;
}

/** Pagefind's search, as both pagefind.js in the browser and the server's copy offer it. */
export interface SearchEngine {
  search(term: string | null, options?: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> }): Promise<{ results: EngineResult[] } | null>;
}

/** How many pages of the knowledge base are listed open; the rest of SHOWN_PAGES folded away. */
export const FIRST_SHOWN = 5;
/** How many pages are shown (each costs the browser one small fragment request). */
export const SHOWN_PAGES = 20;
/** With fewer pages than this having every word, pages with most of the words are added. */
export const FEW_PAGES = 5;

export interface KnowledgeResult {
  /** The best SHOWN_PAGES pages, best first. */
  pages: KnowledgeMeta[];
  /** How many pages matched in all (more than shown when the words are common). */
  total: number;
}

/** The knowledge base's answer to a query with these filters (names and labels as the search form sends them). */
export async function rankKnowledge(engine: SearchEngine, query: string, filters: Record<string, string> = {}): Promise<KnowledgeResult> {
  const keys = queryKeys(query);
  const filtered = Object.keys(filters).length > 0;
  if (keys.length === 0 && !filtered) return { pages: [], total: 0 };
  if (keys.length === 0) {
    // Only filters: the pages they allow, by title (the records carry a sort key for it).
    const all = (await engine.search(null, { filters, sort: { title: 'asc' } }))?.results ?? [];
    return { pages: await metaOf(all.slice(0, SHOWN_PAGES)), total: all.length };
  }
  const every = (await engine.search(keys.join(' '), { filters }))?.results ?? [];
  const candidates = keys.length > 1 && every.length < FEW_PAGES ? [...every, ...(await mostWords(engine, keys, filters, every))] : every;
  const pages = await metaOf(candidates.slice(0, SHOWN_PAGES));
  const exact = pages.filter((page) => isTypedTitle(page.title, keys));
  return { pages: [...exact, ...pages.filter((page) => !exact.includes(page))], total: candidates.length };
}

/**
 * Pages with at least half of the words (one per word searched), most words first, then by the
 * sum of their scores; pages already found with every word left out.
 */
async function mostWords(engine: SearchEngine, keys: readonly string[], filters: Record<string, string>, every: readonly EngineResult[]): Promise<EngineResult[]> {
  const seen = new Set<string>();
  for (const result of every) seen.add(await idOf(result));
  const tally = new Map<string, { result: EngineResult; words: number; score: number }>();
  for (const key of keys) {
    for (const result of (await engine.search(key, { filters }))?.results ?? []) {
      const id = await idOf(result);
      if (seen.has(id)) continue;
      const entry = tally.get(id) ?? { result, words: 0, score: 0 };
      entry.words += 1;
      entry.score += result.score;
      tally.set(id, entry);
    }
  }
  const needed = Math.ceil(keys.length / 2);
  return [...tally.entries()]
    .filter(([, entry]) => entry.words >= needed)
    .sort(([a, x], [b, y]) => y.words - x.words || y.score - x.score || a.localeCompare(b))
    .map(([, entry]) => entry.result);
}

/** A result's identity: Pagefind's own id where it has one, else its page address. */
async function idOf(result: EngineResult): Promise<string> {
  const id = (result as { id?: unknown }).id;
  return typeof id === 'string' ? id : ((await result.data()).meta.href ?? '');
}

async function metaOf(results: readonly EngineResult[]): Promise<KnowledgeMeta[]> {
  const data = await Promise.all(results.map((result) => result.data()));
  return data.map(({ meta }) => ({ title: meta.title ?? '', summary: meta.summary ?? '', kind: meta.kind ?? '', href: meta.href ?? '' }));
}

/** The parts of the results page, each a list of its own. */
export type ResultSection = 'knowledge' | 'pitches' | 'organisations';

/**
 * The order of the results page's parts: the part holding a result whose title is exactly what
 * was typed comes first (an open pitch's name typed finds the pitch above the knowledge base);
 * otherwise the knowledge base, then pitches, then organisations, which mostly list what the
 * others already show.
 */
export function sectionOrder(query: string, firstTitles: Partial<Record<ResultSection, string>>): ResultSection[] {
  const keys = queryKeys(query);
  const order: ResultSection[] = ['knowledge', 'pitches', 'organisations'];
  const exact = keys.length === 0 ? undefined : order.find((section) => firstTitles[section] !== undefined && isTypedTitle(firstTitles[section]!, keys));
  return exact ? [exact, ...order.filter((section) => section !== exact)] : order;
}

/** Is this title what was typed (the same words in the same order, as search keys)? */
function isTypedTitle(title: string, typedKeys: readonly string[]): boolean {
  return queryKeys(title).join(' ') === typedKeys.join(' ');
}
