/**
 * Praktijkplein's content collections (docs/architecture.md). The schemas live in src/features/catalog/schemas and are
 * strict: an unknown field, an id outside its vocabulary or organisation list, or a source that
 * is not in content/sources/sources.yaml fails the build with the file and field named.
 */
import { join } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { caseSchema } from '#features/catalog/schemas/case.ts';
import { instrumentSchema } from '#features/catalog/schemas/instrument.ts';
import { organisationSchema, sourceSchema } from '#features/catalog/schemas/organisation.ts';
import { loadOrganisationRecords } from '#features/catalog/organisations.ts';
import { loadSourceRecords } from '#features/catalog/sources.ts';
import { contentDir } from '#platform/config.ts';

/** A collection filled from records that are already in memory. */
function recordsLoader(name: string, records: () => { id: string }[]) {
  return {
    name,
    load: async ({ store, parseData }: Parameters<import('astro/loaders').Loader['load']>[0]) => {
      store.clear();
      for (const record of records()) {
        store.set({ id: record.id, data: await parseData({ id: record.id, data: { ...record } }) });
      }
    },
  };
}

export const collections = {
  cases: defineCollection({ loader: glob({ pattern: '*.mdx', base: join(contentDir(), 'cases') }), schema: caseSchema }),
  instruments: defineCollection({ loader: glob({ pattern: '*.mdx', base: join(contentDir(), 'instruments') }), schema: instrumentSchema }),
  organisations: defineCollection({ loader: recordsLoader('praktijkplein-organisations', loadOrganisationRecords), schema: organisationSchema }),
  sources: defineCollection({ loader: recordsLoader('praktijkplein-sources', loadSourceRecords), schema: sourceSchema }),
};
