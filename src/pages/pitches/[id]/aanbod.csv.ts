/** The offers on a pitch as a CSV file for Excel; same authorization as the owner's page, 404 for anyone else. */
import type { APIRoute } from 'astro';
import { exportOffersCsv } from '#features/marketplace/answers.ts';
import { depsFor } from '#web/request.ts';

export const prerender = false;

export const GET: APIRoute = async (context) => {
  const result = await exportOffersCsv(await depsFor(context), context.locals.actor, context.params.id ?? '');
  if (!result.ok) {
    return new Response('Deze pagina bestaat niet.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
  }
  return new Response(result.body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${result.filename}"`,
      'cache-control': 'no-store',
    },
  });
};
