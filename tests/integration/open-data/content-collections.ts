/**
 * `astro:content` for tests outside the Astro build: the four collections read from the real
 * content files through the real schemas, as content.config.ts loads them. A test file that
 * produces open data from the content mocks the module with this (it must be named *.mocks.test.ts).
 */
import { readCases, readInstruments } from '../../unit/content-files.ts';
import { loadOrganisationRecords } from '#features/catalog/organisations.ts';
import { loadSourceRecords } from '#features/catalog/sources.ts';
import { organisationSchema, sourceSchema } from '#features/catalog/schemas/organisation.ts';

/** The collections, read once per test file. */
let collections: Record<string, { id: string; collection: string; data: unknown }[]> | undefined;

function load() {
  collections ??= {
    cases: readCases().map(({ id, data }) => ({ id, collection: 'cases', data })),
    instruments: readInstruments().map(({ id, data }) => ({ id, collection: 'instruments', data })),
    organisations: loadOrganisationRecords().map((record) => ({ id: record.id, collection: 'organisations', data: organisationSchema.parse(record) })),
    sources: loadSourceRecords().map((record) => ({ id: record.id, collection: 'sources', data: sourceSchema.parse(record) })),
  };
  return collections;
}

/** The module's two functions the features call. */
export const astroContent = {
  getCollection: async (name: string) => structuredClone(load()[name] ?? []),
  getEntry: async (name: string, id: string) => structuredClone(load()[name]?.find((entry) => entry.id === id)),
};
