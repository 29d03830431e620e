/**
 * The public pitches as an open dataset: published and closed pitches with their public fields
 * only (no contact person, no author, no employers' names), filtered as the pitch list filters.
 */
import { z } from 'astro/zod';
import { amsterdamDate } from '#domain/amsterdam-time.ts';
import { withDemoMark } from '#domain/demo-marks.ts';
import { helpKinds } from '#domain/help-kinds.ts';
import { sectors, targetGroups } from '#domain/facets.ts';
import { emptyPitchFilter, parsePitchQuery, pitchFacetKeys, pitchFacetParams, pitchListStates, pitchQueryToSearchParams, type PitchFacetKey, type PitchFilter } from '#domain/pitch-filter.ts';
import { listPitches, pitchPlaces } from '#features/marketplace/pitch-list.ts';
import { clock, type Deps } from '#platform/context.ts';
import { defineDataset, type FilterParameter } from '../dataset.ts';

const field = <T extends z.ZodType>(schema: T, title: string, description: string) => schema.meta({ title, description });

const row = z.object({
  id: field(z.string(), 'Id', 'Vaste sleutel van de pitch, ook in het adres van de pitchpagina.'),
  titel: field(z.string(), 'Titel', 'Titel; een demopitch eindigt op "(demo)".'),
  gemeente: field(z.string(), 'Gemeente', 'De gemeente die pitcht.'),
  gemeenteId: field(z.string(), 'Gemeente (id)', 'Id van die gemeente op Praktijkplein.'),
  gebied: field(z.string(), 'Gebied', 'Wijk of gebied waar het om gaat.'),
  samenvatting: field(z.string(), 'Samenvatting', 'Het begin van de uitdaging, als platte tekst.'),
  hulp: field(z.array(z.string()), 'Gevraagde hulp', 'Soorten hulp die de gemeente vraagt.'),
  sluitingsdatum: field(z.iso.date(), 'Sluitingsdatum', 'Laatste dag waarop werkgevers kunnen reageren.'),
  status: field(z.enum(pitchListStates), 'Status', 'open: werkgevers kunnen nog reageren; gesloten: afgesloten, of de sluitingsdatum is voorbij.'),
  werkgeversDoenMee: field(z.number().int().nonnegative(), 'Werkgevers doen mee', 'Aantal werkgevers dat meedoet.'),
  gepubliceerd: field(z.iso.datetime().nullable(), 'Gepubliceerd', 'Moment van publicatie (UTC).'),
  demo: field(z.boolean(), 'Demo', 'Verzonnen demopitch, geen echte vraag van deze gemeente.'),
  adres: field(z.url(), 'Adres', 'De pitchpagina op Praktijkplein.'),
});

async function rows(deps: Deps, filter: PitchFilter): Promise<z.infer<typeof row>[]> {
  const now = new Date(clock(deps));
  const { items } = await listPitches(deps.db, { filter, sort: 'nieuwste', page: 1 }, now, Number.MAX_SAFE_INTEGER);
  const today = amsterdamDate(now);
  return items.map((card) => ({
    id: card.id,
    titel: withDemoMark(card.title, card.demo),
    gemeente: card.municipalityName,
    gemeenteId: card.municipalityId,
    gebied: card.area,
    samenvatting: card.excerpt,
    hulp: card.helpKinds,
    sluitingsdatum: card.closingDate,
    status: card.open && card.closingDate >= today ? ('open' as const) : ('gesloten' as const),
    werkgeversDoenMee: card.employersJoined,
    gepubliceerd: card.publishedAt === null ? null : new Date(card.publishedAt).toISOString(),
    demo: card.demo,
    adres: new URL(`/pitches/${encodeURIComponent(card.id)}/`, deps.origin).href,
  }));
}

const descriptions: Record<PitchFacetKey, string> = {
  municipalities: 'Alleen pitches van deze gemeente.',
  provinces: 'Alleen pitches van gemeenten in deze provincie.',
  regions: 'Alleen pitches van gemeenten in deze arbeidsmarktregio.',
  targetGroups: 'Alleen pitches voor deze doelgroep.',
  sectors: 'Alleen pitches in deze sector.',
  helpKinds: 'Alleen pitches die deze soort hulp vragen.',
  status: 'Alleen open of alleen gesloten pitches.',
};

function valuesOf(key: PitchFacetKey): readonly { id: string; label: string }[] {
  if (key === 'municipalities' || key === 'provinces' || key === 'regions') return pitchPlaces().options[key];
  if (key === 'targetGroups') return targetGroups.terms;
  if (key === 'sectors') return sectors.terms;
  if (key === 'helpKinds') return helpKinds.terms;
  return pitchListStates.map((state) => ({ id: state, label: state }));
}

const filterParameters: FilterParameter[] = pitchFacetKeys.map((key) => ({
  name: pitchFacetParams[key],
  description: descriptions[key],
  repeatable: true,
  values: () => valuesOf(key),
}));

export const pitches = defineDataset({
  name: 'pitches',
  title: 'Pitches',
  description: 'Vraagstukken die gemeenten aan werkgevers voorleggen: openbare pitches, open en gesloten, met de openbare velden.',
  listPath: '/pitches/',
  row,
  idOf: (item) => item.id,
  filterParameters,
  parseFilters(params, { strict }) {
    const { filter, ignored } = parsePitchQuery(params, pitchPlaces().vocabulary);
    if (!strict) return { ok: true, filters: filter };
    const known = new Set(filterParameters.map((parameter) => parameter.name));
    const problems = [...new Set(params.keys())]
      .filter((name) => !known.has(name))
      .map((name) => ({ parameter: name.slice(0, 60), message: `Onbekende parameter. Deze lijst filtert op: ${[...known].join(', ')}.` }));
    for (const [name, value] of params) {
      if (known.has(name) && value !== '' && ignored.includes(value.slice(0, 60))) problems.push({ parameter: name, message: `Onbekende waarde "${value.slice(0, 60)}" voor "${name}".` });
    }
    return problems.length > 0 ? { ok: false, problems } : { ok: true, filters: filter };
  },
  queryOf: (filter: PitchFilter) => pitchQueryToSearchParams({ filter }),
  list: rows,
  async get(deps, id) {
    return (await rows(deps, emptyPitchFilter())).find((item) => item.id === id);
  },
  lastModified(rows) {
    const times = rows.flatMap((item) => (item.gepubliceerd ? [Date.parse(item.gepubliceerd)] : []));
    return times.length > 0 ? Math.max(...times) : undefined;
  },
});
