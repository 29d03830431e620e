/** The API's entry: its datasets, the OpenAPI document and the explanation (docs/decisions/open-data-api.md). */
import { apiIndex } from '#features/open-data/api-pages.ts';
import { openDatasets } from '#features/open-data/registry.ts';
import { fixedResource } from '#web/open-data-api.ts';

export const prerender = false;

const endpoint = fixedResource((deps) => apiIndex(deps.origin, openDatasets));

export const GET = endpoint.GET;
export const OPTIONS = endpoint.OPTIONS;
