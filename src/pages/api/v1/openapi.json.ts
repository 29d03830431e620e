/** The API's OpenAPI 3.1 document, generated from the datasets (docs/decisions/open-data-api.md). */
import { openApiDocumentFor } from '#features/open-data/openapi.ts';
import { openDatasets } from '#features/open-data/registry.ts';
import { fixedResource } from '#web/open-data-api.ts';

export const prerender = false;

const endpoint = fixedResource((deps) => openApiDocumentFor(deps, openDatasets));

export const GET = endpoint.GET;
export const OPTIONS = endpoint.OPTIONS;
