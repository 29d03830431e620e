/**
 * The pitches of a search, for the as-you-type search on /zoeken/ (scripts/search.ts): the same
 * answer as the page's pitch section for the same address (features/search/site-search.ts),
 * first page only, as plain data the script turns into the same markup.
 */
import type { APIRoute } from 'astro';
import { searchSite } from '#features/search/site-search.ts';
import { pitchHitLine } from '#features/search/pitch-hit-line.ts';
import { appDatabase } from '#web/app-database.ts';

export const prerender = false;

export const GET: APIRoute = async ({ url }) => {
  const params = new URLSearchParams(url.searchParams);
  params.delete('pagina');
  const { pitches } = await searchSite(await appDatabase(), params, new Date(), { knowledge: false });
  const body = {
    total: pitches.total,
    atLeast: pitches.totalIsLowerBound ?? false,
    hits: pitches.hits.map((hit) => ({ title: hit.title, href: hit.href, excerpt: hit.excerpt, ...pitchHitLine(hit) })),
  };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' } });
};
