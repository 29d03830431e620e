/**
 * The HTTP side of /open-data/<name>.csv and .json: find the dataset, have the open-data feature
 * make the file for the query string, and send it with its licence as a `Link` header (RFC 8288,
 * rel="license"), so a program that fetches the CSV, which has no room for it, learns it too.
 */
import type { APIContext } from 'astro';
import { datasetNamed } from '#features/open-data/registry.ts';
import { openDataDownload, type DownloadFormat } from '#features/open-data/download.ts';
import { openLicence } from '#features/open-data/licence.ts';
import { config } from '#platform/config.ts';
import { consume } from '#platform/auth/rate-limit.ts';
import { corsHeaders } from '#platform/http/cors.ts';
import { downloadResponse, noDownload } from './download-response.ts';
import { depsFor } from './request.ts';

/** Where the open data is explained, linked from every download. */
export const OPEN_DATA_PAGE = '/open-data/';

export async function openDataFile(context: APIContext, format: DownloadFormat): Promise<Response> {
  const dataset = datasetNamed(context.params.dataset ?? '');
  if (!dataset) return noDownload(`Deze lijst bestaat niet als open data. Op ${config().siteUrl}${OPEN_DATA_PAGE} staat welke lijsten er zijn.`);
  const deps = await depsFor(context);
  const limit = await consume(deps.db, 'openDataDownloadIp', deps.ip);
  if (!limit.allowed) {
    const seconds = Math.ceil(limit.retryAfterMs / 1000);
    return new Response(`Er zijn vanaf uw netwerk net veel bestanden gedownload. Probeer het over ${seconds} ${seconds === 1 ? 'seconde' : 'seconden'} opnieuw.\n`, {
      status: 429,
      headers: { ...corsHeaders(), 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'retry-after': String(seconds) },
    });
  }
  const file = await openDataDownload(deps, dataset, format, context.url.searchParams, config().network.name);
  return downloadResponse(file.body, file, {
    // Public and the same for everyone: a page elsewhere may read it with fetch, as it may the API.
    ...corsHeaders(),
    link: `<${openLicence.url}>; rel="license", <${deps.origin}${OPEN_DATA_PAGE}>; rel="describedby"`,
    // Made per request from the current data: a browser or proxy asks again each time.
    'cache-control': 'no-cache',
    ...(file.lastModified === undefined ? {} : { 'last-modified': new Date(file.lastModified).toUTCString() }),
  });
}
