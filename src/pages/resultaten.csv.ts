/** The outcome follow-up answers behind /resultaten/ as a CSV file, with the page's filters. Public facts only. */
import type { APIRoute } from 'astro';
import { outcomeCsv, outcomeFiltersFrom, outcomeOverview } from '#features/marketplace/follow-up-overview.ts';
import { depsFor } from '#web/request.ts';

export const prerender = false;

export const GET: APIRoute = async (context) => {
  const deps = await depsFor(context);
  const overview = await outcomeOverview(deps.db, outcomeFiltersFrom(context.url));
  return new Response(outcomeCsv(overview, deps.origin), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="praktijkplein-resultaten.csv"',
    },
  });
};
