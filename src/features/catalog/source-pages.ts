/**
 * What the source pages and source lists ask of the collections: every source with its slug and
 * the pages that cite it. Reads the built collections (astro:content), like queries.ts.
 */
import { getCollection } from 'astro:content';
import { citationIndex, type Citation } from './citations.ts';
import type { SourceRecord } from './sources.ts';

/** Every source record by file name, in the order of sources.yaml. */
export async function getSourceRecords(): Promise<Map<string, SourceRecord>> {
  const entries = await getCollection('sources');
  return new Map(entries.map((entry) => [entry.id, entry.data as SourceRecord]));
}

/** Per source file name, the pages that cite it. */
export async function getCitations(): Promise<Map<string, Citation[]>> {
  const [cases, instruments, organisations] = await Promise.all([getCollection('cases'), getCollection('instruments'), getCollection('organisations')]);
  return citationIndex({
    cases: cases.map((c) => ({ id: c.id, title: c.data.title, sources: c.data.sources })),
    instruments: instruments.map((i) => ({ id: i.id, title: i.data.title, sources: i.data.sources, stances: i.data.stances })),
    organisations: organisations.map((o) => ({ id: o.id, name: o.data.name, sources: o.data.sources })),
  });
}
