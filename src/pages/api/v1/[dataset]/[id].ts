/** One public item of an open dataset (docs/decisions/open-data-api.md). */
import { itemAnswer } from '#features/open-data/api-pages.ts';
import { datasetNamed, openDatasets } from '#features/open-data/registry.ts';
import { fromItem, openDataEndpoint, refuseParameters, unknownDataset } from '#web/open-data-api.ts';

export const prerender = false;

/** No id is this long; a longer one is not looked up. */
const MAX_ID_LENGTH = 300;

const endpoint = openDataEndpoint(async ({ params, url }, deps) => {
  const dataset = datasetNamed(params.dataset ?? '');
  if (!dataset) return unknownDataset(params.dataset, openDatasets);
  const refused = refuseParameters(url);
  if (refused) return refused;
  const id = params.id ?? '';
  if (id.length > MAX_ID_LENGTH) return fromItem({ ok: false, reason: 'not-found' });
  return fromItem(await itemAnswer(deps, dataset, id));
});

export const GET = endpoint.GET;
export const OPTIONS = endpoint.OPTIONS;
