/** The API's entry: its datasets, the OpenAPI document and the explanation (docs/decisions/open-data-api.md). */
import { apiIndex } from '#features/open-data/api-pages.ts';
import { openDatasets } from '#features/open-data/registry.ts';
import { openDataEndpoint, refuseParameters } from '#web/open-data-api.ts';

export const prerender = false;

const endpoint = openDataEndpoint(async ({ url }, deps) => refuseParameters(url) ?? { ok: true, body: apiIndex(deps.origin, openDatasets) });

export const GET = endpoint.GET;
export const OPTIONS = endpoint.OPTIONS;
