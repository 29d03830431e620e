/**
 * The knowledge base's search records, written once at build time for the Pagefind
 * integration (src/integrations/pagefind.ts), which indexes them and then deletes this file
 * from the build: it is never served. Built from the collections here because only pages can
 * read them during the build.
 */
import type { APIRoute } from 'astro';
import { searchDocuments } from '#features/catalog/content-search.ts';
import { knowledgeLexicon, searchRecord } from '#features/search/search-records.ts';

export const prerender = true;

export const GET: APIRoute = async () => {
  const documents = await searchDocuments();
  const lexicon = knowledgeLexicon(documents);
  return new Response(JSON.stringify(documents.map((document) => searchRecord(document, lexicon))), { headers: { 'Content-Type': 'application/json' } });
};
