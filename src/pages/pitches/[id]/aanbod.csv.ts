/** The offers on a pitch as a CSV file for Excel; same authorization as the owner's page, 404 for anyone else. */
import type { APIRoute } from 'astro';
import { exportOffersCsv } from '#features/marketplace/answers.ts';
import { CSV_MEDIA_TYPE } from '#platform/csv.ts';
import { depsFor } from '#web/request.ts';
import { downloadResponse, noDownload } from '#web/download-response.ts';

export const prerender = false;

export const GET: APIRoute = async (context) => {
  const result = await exportOffersCsv(await depsFor(context), context.locals.actor, context.params.id ?? '');
  if (!result.ok) return noDownload('Deze pagina bestaat niet.');
  return downloadResponse(result.body, { contentType: CSV_MEDIA_TYPE, filename: result.filename }, { 'cache-control': 'no-store' });
};
