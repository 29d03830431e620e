/** A page of an open dataset's list, filtered as on the site (docs/decisions/open-data-api.md). */
import { listPage } from '#features/open-data/api-pages.ts';
import { datasetNamed, openDatasets } from '#features/open-data/registry.ts';
import { fromListPage, openDataEndpoint, unknownDataset } from '#web/open-data-api.ts';

export const prerender = false;

const endpoint = openDataEndpoint(async ({ params, url }, deps) => {
  const dataset = datasetNamed(params.dataset ?? '');
  if (!dataset) return unknownDataset(params.dataset, openDatasets);
  return fromListPage(await listPage(deps, dataset, url.searchParams));
});

export const GET = endpoint.GET;
export const OPTIONS = endpoint.OPTIONS;
