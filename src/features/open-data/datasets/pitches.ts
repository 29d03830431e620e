/**
 * The public pitches as an open dataset: published and closed pitches with their public fields
 * only (no contact person, no author, no offers' employers), filtered as the pitch list filters.
 */
import { z } from 'astro/zod';
import { amsterdamDate } from '#domain/amsterdam-time.ts';
import { withDemoMark } from '#domain/demo-marks.ts';
import { helpKinds } from '#domain/help-kinds.ts';
import { pitchFacetKeys, pitchFacetParams, pitchListStates, parsePitchQuery, type PitchFilter } from '#domain/pitch-filter.ts';
import { sectors, targetGroups } from '#domain/facets.ts';
import { listPitches, pitchPlaces } from '#features/marketplace/pitch-list.ts';
import { clock } from '#platform/context.ts';
import type { FilterParameter, OpenDataset } from '../dataset.ts';

const pitchRow = z.strictObject({
  id: z.string().describe('Vaste sleutel van de pitch, ook in het adres van de pitchpagina.'),
  titel: z.string().describe('Titel; een demopitch draagt "(demo)".'),
  gemeente: z.strictObject({ id: z.string().describe('Id van de gemeente op Praktijkplein.'), naam: z.string() }).describe('De gemeente die pitcht.'),
  gebied: z.string().describe('Wijk of gebied waar het om gaat.'),
  samenvatting: z.string().describe('Het begin van de uitdaging, als platte tekst.'),
  hulp: z.array(z.enum(helpKinds.ids)).describe('Gevraagde soorten hulp.'),
  sluitingsdatum: z.iso.date().describe('Laatste dag waarop werkgevers kunnen reageren.'),
  status: z.enum(pitchListStates).describe('open: werkgevers kunnen nog reageren; gesloten: afgesloten of de sluitingsdatum is voorbij.'),
  werkgeversDoenMee: z.number().int().min(0).describe('Aantal werkgevers dat meedoet.'),
  gepubliceerd: z.iso.datetime().nullable().describe('Moment van publicatie (UTC).'),
  demo: z.boolean().describe('Verzonnen demopitch, geen echte vraag van deze gemeente.'),
  pagina: z.url().describe('De pitchpagina op Praktijkplein.'),
});
type PitchRow = z.infer<typeof pitchRow>;

const facetDescriptions: Record<(typeof pitchFacetKeys)[number], string> = {
  municipalities: 'Gemeente (id) die pitcht.',
  provinces: 'Provincie (id) van de gemeente.',
  regions: 'Arbeidsmarktregio (id) van de gemeente.',
  targetGroups: 'Doelgroep waarvoor werk gezocht wordt.',
  sectors: 'Sector waarin werk gezocht wordt.',
  helpKinds: 'Gevraagde soort hulp.',
  status: 'open of gesloten.',
};

function facetValues(key: (typeof pitchFacetKeys)[number]): readonly string[] {
  const places = pitchPlaces().vocabulary;
  if (key === 'municipalities' || key === 'provinces' || key === 'regions') return [...places[key]];
  if (key === 'targetGroups') return targetGroups.ids;
  if (key === 'sectors') return sectors.ids;
  if (key === 'helpKinds') return helpKinds.ids;
  return pitchListStates;
}

const filterParameters = (): FilterParameter[] =>
  pitchFacetKeys.map((key) => ({ name: pitchFacetParams[key], description: facetDescriptions[key], values: facetValues(key), repeatable: true }));

export const pitchesDataset: OpenDataset<typeof pitchRow, PitchFilter> = {
  name: 'pitches',
  title: 'Pitches',
  description: 'Vraagstukken die gemeenten aan werkgevers voorleggen: openbare pitches, open en gesloten, met de openbare velden.',
  listPath: '/pitches/',
  row: pitchRow,
  idOf: (row) => row.id,
  filterParameters,
  parseFilters(params, { strict }) {
    const { filter, ignored } = parsePitchQuery(params, pitchPlaces().vocabulary);
    if (!strict) return { ok: true, filters: filter };
    const known = new Set(Object.values(pitchFacetParams));
    const problems = [...new Set(params.keys())]
      .filter((name) => !known.has(name))
      .map((name) => ({ parameter: name, message: `Onbekende parameter. Filter op ${[...known].join(', ')}.` }));
    for (const [name, value] of params) {
      if (known.has(name) && ignored.includes(value.slice(0, 60))) problems.push({ parameter: name, message: `Onbekende waarde "${value.slice(0, 60)}".` });
    }
    return problems.length > 0 ? { ok: false, problems } : { ok: true, filters: filter };
  },
  async list(deps, filter) {
    const now = new Date(clock(deps));
    const { items } = await listPitches(deps.db, { filter, sort: 'nieuwste', page: 1 }, now, Number.MAX_SAFE_INTEGER);
    const today = amsterdamDate(now);
    return items.map((card) => ({
      id: card.id,
      titel: withDemoMark(card.title, card.demo),
      gemeente: { id: card.municipalityId, naam: card.municipalityName },
      gebied: card.area,
      samenvatting: card.excerpt,
      hulp: card.helpKinds as PitchRow['hulp'],
      sluitingsdatum: card.closingDate,
      status: card.open && card.closingDate >= today ? 'open' : 'gesloten',
      werkgeversDoenMee: card.employersJoined,
      gepubliceerd: card.publishedAt === null ? null : new Date(card.publishedAt).toISOString(),
      demo: card.demo,
      pagina: new URL(`/pitches/${encodeURIComponent(card.id)}/`, deps.origin).href,
    }));
  },
  async get(deps, id) {
    const all = await this.list(deps, parsePitchQuery(new URLSearchParams(), pitchPlaces().vocabulary).filter);
    return all.find((row) => row.id === id);
  },
  lastModified(rows) {
    const times = rows.flatMap((row) => (row.gepubliceerd ? [Date.parse(row.gepubliceerd)] : []));
    return times.length > 0 ? Math.max(...times) : undefined;
  },
};
