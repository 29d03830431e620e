/**
 * The sources the content rests on, as an open dataset: what each text is, who published it,
 * when, and where to read it. The list page has no filters, so any parameter is unknown.
 */
import { z } from 'astro/zod';
import { loadSourceRecords, sourceName } from '#features/catalog/sources.ts';
import { sourceKindIds } from '#features/catalog/source-kinds.ts';
import type { OpenDataset } from '../dataset.ts';

const sourceRow = z.object({
  id: z.string(),
  naam: z.string(),
  titel: z.string(),
  uitgever: z.string(),
  soort: z.enum(sourceKindIds),
  datum: z.string().nullable(),
  adres: z.string().nullable(),
});

type SourceRow = z.infer<typeof sourceRow>;

function rows(): SourceRow[] {
  return loadSourceRecords()
    .map((source) => ({
      id: source.id.replace(/\.txt$/, ''),
      naam: sourceName(source),
      titel: source.title,
      uitgever: source.publisher,
      soort: source.kind,
      datum: source.date === 'onbekend' ? null : (source.date.iso ?? null),
      adres: source.url ?? null,
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

export const bronnen: OpenDataset<typeof sourceRow, Record<string, never>> = {
  name: 'bronnen',
  title: 'Bronnen',
  description: 'De teksten waarop de praktijkvoorbeelden en instrumenten rusten: wat voor tekst, van wie, van wanneer en waar te lezen.',
  listPath: '/bronnen/',
  row: sourceRow,
  idOf: (row) => row.id,
  parseFilters(params, { strict }) {
    const unknown = [...new Set(params.keys())];
    if (strict && unknown.length > 0) return { ok: false, problems: unknown.map((parameter) => ({ parameter, message: 'Deze lijst kent geen filters.' })) };
    return { ok: true, filters: {} };
  },
  list: async () => rows(),
  get: async (_deps, id) => rows().find((row) => row.id === id),
  // The sources file carries no dates of change.
  lastModified: () => undefined,
};
