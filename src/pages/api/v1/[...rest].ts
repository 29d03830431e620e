/** Any other address under /api/v1: a problem+json 404 that names the datasets, not the site's HTML page. */
import { openDatasets } from '#features/open-data/registry.ts';
import { openDataEndpoint, unknownAddress } from '#web/open-data-api.ts';

export const prerender = false;

const endpoint = openDataEndpoint(async () => unknownAddress(openDatasets));

export const GET = endpoint.GET;
export const OPTIONS = endpoint.OPTIONS;
