/**
 * The knowledge base as Pagefind indexes it: one record per page, written at build time
 * (src/pages/pagefind-records.json.ts, read by src/integrations/pagefind.ts). A record is a
 * small HTML document whose text is the page's search keys, not its prose: the words reduced
 * by the Dutch rules (domain/search/), the parts of its compounds, and the synonyms of what it
 * uses. Queries go through the same rules (domain/search/words.ts) before they reach Pagefind,
 * in the browser and on the server alike, so Pagefind matches keys with keys.
 *
 * Fields carry weights, as the page's own structure would: title above names and synonyms,
 * those above the summary, the summary above the running text. What is shown (title, summary,
 * kind, address) travels as Pagefind metadata.
 */
import { createLexicon, type Lexicon } from '#domain/search/compounds.ts';
import { indexKeys } from '#domain/search/index-keys.ts';
import { foldedWords } from '#domain/search/words.ts';
import { contentFilterNames, type SearchDocument } from '#features/catalog/search-documents.ts';

/** One page for Pagefind's addHTMLFile. */
export interface SearchRecord {
  url: string;
  content: string;
}

/** Pagefind weights per field (Pagefind allows 0–10; 1 is ordinary text); related: synonyms added. */
export const FIELD_WEIGHTS = { title: 10, keywords: 5, summary: 3, text: 1, related: 0.5 } as const;

/** The lexicon compounds are split by: every word the knowledge base uses on its own. */
export function knowledgeLexicon(documents: readonly SearchDocument[]): Lexicon {
  return createLexicon(documents.flatMap((document) => foldedWords([document.title, document.summary, document.keywords.join(' '), document.text].join(' '))));
}

/**
 * The keys of a text with the parts of its compounds (they count as the field's own words, so
 * "garantie" finds "werkgarantie" by its title), and, separately, the synonyms of what it uses
 * (weighted low, so a page that says a word itself ranks above one that only relates to it).
 */
export function analyse(text: string, lexicon: Lexicon): { keys: string[]; related: string[] } {
  const { own, parts, synonyms } = indexKeys(foldedWords(text), lexicon);
  const keys = [...own, ...parts];
  const present = new Set(keys);
  return { keys, related: synonyms.filter((key) => !present.has(key)) };
}

export function searchRecord(document: SearchDocument, lexicon: Lexicon): SearchRecord {
  const fields = {
    title: analyse(document.title, lexicon),
    keywords: analyse(document.keywords.join('\n'), lexicon),
    summary: analyse(document.summary, lexicon),
    text: analyse(document.text, lexicon),
  };
  const related = new Set(Object.values(fields).flatMap((field) => field.related));
  const meta = { title: document.title, summary: document.summary, kind: document.kind, href: document.url };
  const filters = contentFilterNames.flatMap((name) => (document.filters[name] ?? []).map((value) => `${name}:${value}`));
  const body = [
    element('h1', FIELD_WEIGHTS.title, fields.title.keys),
    element('p', FIELD_WEIGHTS.keywords, fields.keywords.keys),
    element('p', FIELD_WEIGHTS.summary, fields.summary.keys),
    element('p', FIELD_WEIGHTS.text, fields.text.keys),
    element('p', FIELD_WEIGHTS.related, [...related]),
    ...Object.entries(meta).map(([name, value]) => `<span data-pagefind-meta="${attribute(`${name}:${value}`)}"></span>`),
    ...filters.map((filter) => `<span data-pagefind-filter="${attribute(filter)}"></span>`),
    `<span data-pagefind-sort="${attribute(`title:${document.title.toLocaleLowerCase('nl')}`)}"></span>`,
  ];
  return { url: document.url, content: `<!doctype html><html lang="nl"><head><title>${text(document.title)}</title></head><body>${body.join('')}</body></html>` };
}

function element(tag: string, weight: number, keys: readonly string[]): string {
  return keys.length === 0 ? '' : `<${tag} data-pagefind-weight="${weight}">${text(keys.join(' '))}</${tag}>`;
}

function text(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function attribute(value: string): string {
  return text(value).replaceAll('"', '&quot;');
}
