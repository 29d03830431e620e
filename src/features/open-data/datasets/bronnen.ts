/** The sources the content rests on as an open dataset: what each text is, who published it, where to read it. No filters (the source list has none). */
import { z } from 'astro/zod';
import { getSourceRecords } from '#features/catalog/source-pages.ts';
import { compareSources, sourceDateText, sourceHref, sourceName } from '#features/catalog/sources.ts';
import { sourceKindIds } from '#features/catalog/source-kinds.ts';
import type { OpenDataset } from '../dataset.ts';

const sourceRow = z.strictObject({
  id: z.string().describe('Vaste sleutel van de bron, zoals praktijkvoorbeelden haar noemen.'),
  naam: z.string().describe('Hoe de bron heet: de bijeenkomst waarover een verslag gaat, anders de uitgever.'),
  titel: z.string(),
  uitgever: z.string(),
  soort: z.enum(sourceKindIds).describe('Wat voor tekst het is; dat zegt hoe zwaar wat erin staat weegt.'),
  datum: z.string().describe('Datum van de tekst zoals de tekst die geeft, of "datum onbekend".'),
  ondersteunt: z.string().describe('Wat deze bron op Praktijkplein onderbouwt.'),
  webadres: z.url().nullable().describe('Waar de tekst op het web staat, als dat zo is.'),
  pagina: z.url().describe('De bronpagina op Praktijkplein.'),
});

export const bronnenDataset: OpenDataset<typeof sourceRow, Record<string, never>> = {
  name: 'bronnen',
  title: 'Bronnen',
  description: 'De teksten waarop de praktijkvoorbeelden en instrumenten rusten: wat voor tekst elk is, van wie en waar te lezen.',
  listPath: '/bronnen/',
  row: sourceRow,
  idOf: (row) => row.id,
  filterParameters: () => [],
  parseFilters(params, { strict }) {
    const names = strict ? [...new Set(params.keys())] : [];
    if (names.length === 0) return { ok: true, filters: {} };
    return { ok: false, problems: names.map((name) => ({ parameter: name, message: 'Onbekende parameter: de bronnen hebben geen filters.' })) };
  },
  async list(deps) {
    const records = [...(await getSourceRecords()).values()].sort(compareSources);
    return records.map((source) => ({
      id: source.id,
      naam: sourceName(source),
      titel: source.title,
      uitgever: source.publisher,
      soort: source.kind,
      datum: sourceDateText(source.date),
      ondersteunt: source.supports,
      webadres: source.url ?? null,
      pagina: new URL(sourceHref(source.id), deps.origin).href,
    }));
  },
  async get(deps, id) {
    return (await this.list(deps, {})).find((row) => row.id === id);
  },
  lastModified: () => undefined,
};
