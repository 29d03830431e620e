/** The sources the content rests on as an open dataset: what each text is, who published it, where to read it. No filters (the source list has none). */
import { z } from 'astro/zod';
import { getSourceRecords } from '#features/catalog/source-pages.ts';
import { sourceKinds } from '#features/catalog/source-kinds.ts';
import { compareSources, sourceDateText, sourceHref, sourceName, sourceSlug } from '#features/catalog/sources.ts';
import { defineDataset } from '../dataset.ts';

const field = <T extends z.ZodType>(schema: T, title: string, description: string) => schema.meta({ title, description });

const row = z.object({
  id: field(z.string(), 'Id', 'Het deel van het adres na /bronnen/.'),
  naam: field(z.string(), 'Naam', 'Hoe Praktijkplein de bron noemt: de bijeenkomst van een verslag, anders de uitgever.'),
  titel: field(z.string(), 'Titel', 'De titel van de tekst.'),
  uitgever: field(z.string(), 'Uitgever', 'Wie de tekst uitbracht.'),
  soort: field(z.string(), 'Soort tekst', 'Bijvoorbeeld een verslag van een bijeenkomst.'),
  datum: field(z.string(), 'Datum', 'De datum zoals de tekst hem geeft, of "datum onbekend".'),
  waarvoor: field(z.string(), 'Waarvoor gebruikt', 'Wat de bron op Praktijkplein onderbouwt.'),
  webadres: field(z.url().nullable(), 'Webadres', 'Waar de tekst op internet staat, als dat zo is.'),
  adres: field(z.url(), 'Adres', 'De pagina van de bron op Praktijkplein.'),
});
type SourceRow = z.infer<typeof row>;

async function rows(origin: string): Promise<SourceRow[]> {
  return [...(await getSourceRecords()).values()].sort(compareSources).map((source) => ({
    id: sourceSlug(source.id),
    naam: sourceName(source),
    titel: source.title,
    uitgever: source.publisher,
    soort: sourceKinds[source.kind].label,
    datum: sourceDateText(source.date),
    waarvoor: source.supports,
    webadres: source.url ?? null,
    adres: new URL(sourceHref(source.id), origin).href,
  }));
}

export const bronnen = defineDataset({
  name: 'bronnen',
  title: 'Bronnen',
  description: 'De teksten waarop de praktijkvoorbeelden en instrumenten rusten: wat voor tekst elk is, van wie en waar te lezen.',
  listPath: '/bronnen/',
  row,
  idOf: (item) => item.id,
  filterParameters: [],
  parseFilters(params, { strict }) {
    const names = strict ? [...new Set(params.keys())] : [];
    if (names.length === 0) return { ok: true, filters: {} };
    return { ok: false, problems: names.map((name) => ({ parameter: name.slice(0, 60), message: 'Onbekende parameter: de bronnen hebben geen filters.' })) };
  },
  queryOf: () => new URLSearchParams(),
  list: (deps) => rows(deps.origin),
  async get(deps, id) {
    return (await rows(deps.origin)).find((item) => item.id === id);
  },
  lastModified: () => undefined,
});
