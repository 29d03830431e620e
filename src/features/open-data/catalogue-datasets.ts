/**
 * What the catalogue says of each dataset in the registry: its names and list page, and when
 * its data last changed (the dataset's own `lastModified` over all its public rows).
 */
import type { z } from 'astro/zod';
import type { Deps } from '#platform/context.ts';
import type { OpenDataset } from './dataset.ts';
import type { CatalogueDataset } from './dcat-catalogue.ts';
import { openDatasets } from './registry.ts';

/** Every dataset of the registry, as the catalogue describes it. */
export function catalogueDatasets(deps: Deps): Promise<CatalogueDataset[]> {
  return Promise.all(openDatasets.map((dataset) => describe(dataset, deps)));
}

async function describe<Filters, Row>(dataset: OpenDataset<z.ZodObject, Filters, Row>, deps: Deps): Promise<CatalogueDataset> {
  // No parameters: the whole public list, as the download without filters holds it.
  const all = dataset.parseFilters(new URLSearchParams(), { strict: true });
  const modified = all.ok ? dataset.lastModified(await dataset.list(deps, all.filters)) : undefined;
  return { name: dataset.name, title: dataset.title, description: dataset.description, listPath: dataset.listPath, modified };
}
