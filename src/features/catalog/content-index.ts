/**
 * The server-side search over the built content: an FTS5 table in a private
 * in-memory SQLite database, filled once per process from the content collections. Why not a
 * table in the app's database: the content is part of the build, identical in every instance,
 * and changes only with a deploy; a shared table would be rewritten by every instance on start,
 * and two versions behind one load balancer would overwrite each other's index. Why not Pagefind
 * on the server: its index is built for the browser (WebAssembly, fragments over HTTP).
 *
 * Same tokenizer and query rules as the pitch search (unicode61 without diacritics, a prefix
 * index, quoted words from domain/search-query.ts), so both halves of the search page behave
 * alike. Columns in weight order for bm25: title, keywords (facet synonyms, names, places),
 * summary, text. The in-memory database lives on one connection: only execute() and batch()
 * are used, never transaction(), which would move the client to a new (empty) connection.
 */
import { createClient, type Client } from '@libsql/client';
import { matchExpression, searchTerms } from '#domain/search-query.ts';
import { byKindThenRelevance, passesFilters, type ContentFilters, type SearchDocument } from './search-documents.ts';

/** bm25 column weights in column order: title, keywords, summary, text. */
export const CONTENT_SEARCH_WEIGHTS = [10, 5, 3, 1] as const;

export interface ContentSearchResult {
  /** The words searched. */
  terms: string[];
  /** Cases, then instruments, then organisations; best first within a kind; every match (the content is a few hundred pages at most). */
  hits: SearchDocument[];
}

export interface ContentIndex {
  /** Pages matching the words and filters; without words, all pages the filters allow (none without filters). */
  search(q: string, filters?: ContentFilters): Promise<ContentSearchResult>;
  close(): void;
}

/** Builds the index over these documents. */
export async function createContentIndex(documents: readonly SearchDocument[]): Promise<ContentIndex> {
  const client: Client = createClient({ url: ':memory:' });
  await client.batch(
    [
      `create virtual table content_fts using fts5(title, keywords, summary, text, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4')`,
      ...documents.map((document, index) => ({
        sql: 'insert into content_fts (rowid, title, keywords, summary, text) values (?, ?, ?, ?, ?)',
        args: [index + 1, document.title, document.keywords.join('\n'), document.summary, document.text],
      })),
    ],
    'write',
  );
  const weights = CONTENT_SEARCH_WEIGHTS.join(', ');

  return {
    async search(q, filters = {}) {
      const terms = searchTerms(q);
      const match = matchExpression(q);
      const filtered = Object.values(filters).some(Boolean);
      if (match === null) {
        const hits = filtered ? documents.filter((d) => passesFilters(d, filters)).sort((a, b) => a.title.localeCompare(b.title, 'nl')) : [];
        return { terms, hits };
      }
      const { rows } = await client.execute({
        sql: `select rowid from content_fts where content_fts match ? order by bm25(content_fts, ${weights}), rowid`,
        args: [match],
      });
      const hits = rows.map((row) => documents[Number(row.rowid) - 1]!).filter((d) => passesFilters(d, filters));
      return { terms, hits: byKindThenRelevance(hits) };
    },
    close: () => client.close(),
  };
}
