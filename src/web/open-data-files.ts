/**
 * The HTTP side of the open data as files: the downloads /open-data/<name>.csv and .json, and the
 * DCAT catalogue for the data portals. Every file route goes through `openDataFileRoute`: one
 * download limit per network (a file costs far more than an API page), and a failure inside
 * answered in plain Dutch rather than the site's HTML error page, which a program or a
 * spreadsheet that asked for a file cannot read. A download names its licence in a `Link` header
 * (RFC 8288, rel="license"), so a program that fetches the CSV, which has no room for it, learns it too.
 */
import type { APIContext, APIRoute } from 'astro';
import type { Deps } from '#platform/context.ts';
import { datasetNamed, openDatasets } from '#features/open-data/registry.ts';
import { openDataDownload, type DownloadFormat } from '#features/open-data/download.ts';
import { CATALOGUE_MEDIA_TYPE, dcatCatalogue } from '#features/open-data/dcat-catalogue.ts';
import { openLicence } from '#features/open-data/licence.ts';
import { config } from '#platform/config.ts';
import { corsHeaders } from '#platform/http/cors.ts';
import { downloadResponse, noDownload } from './download-response.ts';
import { overLimit } from './open-data-limit.ts';
import { depsFor } from './request.ts';

/** Where the open data is explained, linked from every download. */
export const OPEN_DATA_PAGE = '/open-data/';

/** A refusal or failure as a short Dutch text: readable from another site (CORS), never kept by a cache. */
function plainText(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(`${text}\n`, { status, headers: { ...corsHeaders(), ...headers, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}

/** A route that answers an open-data file with `make`, under the download limit and with a plain answer when it fails. */
export function openDataFileRoute(make: (context: APIContext, deps: Deps) => Promise<Response>): APIRoute {
  return async (context) => {
    try {
      const deps = await depsFor(context);
      const wait = await overLimit(deps, 'openDataDownloadIp');
      if (wait) return plainText(429, `Er zijn vanaf uw netwerk net veel bestanden gedownload. ${wait.tryAgain}`, wait.headers);
      return await make(context, deps);
    } catch (error) {
      console.error(`Open data: fout bij ${context.url.pathname}:`, error);
      return plainText(500, 'Er ging aan onze kant iets mis bij het maken van dit bestand. Probeer het later opnieuw; blijft het gebeuren, meld het dan.');
    }
  };
}

/** A dataset's rows as a file, for the list page's query string. */
export function openDataFile(format: DownloadFormat): APIRoute {
  return openDataFileRoute(async (context, deps) => {
    const dataset = datasetNamed(context.params.dataset ?? '');
    if (!dataset) return noDownload(`Deze lijst bestaat niet als open data. Op ${config().siteUrl}${OPEN_DATA_PAGE} staat welke lijsten er zijn.`);
    const file = await openDataDownload(deps, dataset, format, context.url.searchParams, config().network.name);
    return downloadResponse(file.body, file, {
      // Public and the same for everyone: a page elsewhere may read it with fetch, as it may the API.
      ...corsHeaders(),
      link: `<${openLicence.url}>; rel="license", <${deps.origin}${OPEN_DATA_PAGE}>; rel="describedby"`,
      // Made per request from the current data: a browser or proxy asks again each time.
      'cache-control': 'no-cache',
    });
  });
}

/**
 * The catalogue: made from the registry and the configuration alone (no rows are read), so it
 * costs the same however much data there is.
 */
export const openDataCatalogue: APIRoute = openDataFileRoute(async (_context, deps) => {
  const catalogue = dcatCatalogue({ origin: deps.origin, network: config().network, datasets: openDatasets });
  return new Response(JSON.stringify(catalogue, null, 2), {
    headers: {
      'content-type': CATALOGUE_MEDIA_TYPE,
      // Harvesters and validators in a browser (the EU's SHACL validator) read it from elsewhere.
      ...corsHeaders(),
    },
  });
});
