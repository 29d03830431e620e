/**
 * The open-data catalogue (DCAT-AP-NL 3.0, JSON-LD) at a stable address, for data.overheid.nl
 * and other portals to harvest. Rendered on request, so each dataset's last change is current.
 */
import type { APIRoute } from 'astro';
import { CATALOGUE_MEDIA_TYPE, dcatCatalogue } from '#features/open-data/dcat-catalogue.ts';
import { catalogueDatasets } from '#features/open-data/catalogue-datasets.ts';
import { config } from '#platform/config.ts';
import { corsHeaders } from '#platform/http/cors.ts';
import { depsFor } from '#web/request.ts';

export const prerender = false;

export const GET: APIRoute = async (context) => {
  const deps = await depsFor(context);
  const catalogue = dcatCatalogue({ origin: deps.origin, network: config().network, datasets: await catalogueDatasets(deps) });
  return new Response(JSON.stringify(catalogue, null, 2), {
    headers: {
      'content-type': CATALOGUE_MEDIA_TYPE,
      // Harvesters and validators in a browser (the EU's SHACL validator) read it from elsewhere.
      ...corsHeaders(),
    },
  });
};
