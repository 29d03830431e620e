/**
 * What pages ask of the content collections, in one place: cases with their places resolved,
 * organisations by id, what links to an organisation or instrument. Works at build time and
 * in on-demand pages (the collections are bundled, no file reads at run time).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { FacetedCase } from '#domain/case-filter.ts';

export type CaseEntry = CollectionEntry<'cases'>;
export type InstrumentEntry = CollectionEntry<'instruments'>;
export type Organisation = CollectionEntry<'organisations'>['data'];
export type Source = CollectionEntry<'sources'>['data'];
export interface Area {
  code: string;
  name: string;
  id: string;
}

/** A case with everything a list, card or filter needs. */
export interface CaseView extends FacetedCase {
  entry: CaseEntry;
  title: string;
  summary: string;
  municipalityNames: string[];
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'nl');

export async function getOrganisations(): Promise<Map<string, Organisation>> {
  const entries = await getCollection('organisations');
  return new Map(entries.map((entry) => [entry.id, entry.data]));
}

export async function getSources(): Promise<Map<string, Source>> {
  const entries = await getCollection('sources');
  return new Map(entries.map((entry) => [entry.id, entry.data]));
}

/** All provinces and labour-market regions, from the municipalities' official data. */
export async function getAreas(): Promise<{ provinces: Area[]; regions: Area[] }> {
  const organisations = await getOrganisations();
  const provinces = new Map<string, Area>();
  const regions = new Map<string, Area>();
  for (const org of organisations.values()) {
    if (org.province) provinces.set(org.province.id, org.province);
    if (org.region) regions.set(org.region.id, org.region);
  }
  return { provinces: [...provinces.values()].sort(byName), regions: [...regions.values()].sort(byName) };
}

/** Newest first, then by title. */
export async function getCases(): Promise<CaseView[]> {
  const [entries, organisations] = await Promise.all([getCollection('cases'), getOrganisations()]);
  return entries
    .map((entry) => {
      const places = entry.data.municipalities.map((id) => organisations.get(id)!);
      const unique = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))];
      return {
        id: entry.id,
        entry,
        title: entry.data.title,
        summary: entry.data.summary,
        sectors: entry.data.sectors,
        targetGroups: entry.data.targetGroups,
        instruments: entry.data.instruments,
        municipalities: entry.data.municipalities,
        provinces: unique(places.map((p) => p.province?.id)),
        regions: unique(places.map((p) => p.region?.id)),
        municipalityNames: places.map((p) => p.name),
      };
    })
    .sort((a, b) => b.entry.data.published.getTime() - a.entry.data.published.getTime() || a.title.localeCompare(b.title, 'nl'));
}

export async function getInstruments(): Promise<InstrumentEntry[]> {
  const entries = await getCollection('instruments');
  return entries.sort((a, b) => a.data.title.localeCompare(b.data.title, 'nl'));
}

/** The organisations a case names: its employers, partners and municipalities. */
function namedByCase(item: CaseView): string[] {
  return [...item.entry.data.employers, ...item.entry.data.partners, ...item.entry.data.municipalities];
}

/** The organisations an instrument page names: municipalities with a stance, and those in its text. */
function namedByInstrument(instrument: InstrumentEntry): string[] {
  return [...instrument.data.stances.map((s) => s.municipality), ...instrument.data.organisations];
}

export interface OrganisationLinks {
  cases: CaseView[];
  instruments: InstrumentEntry[];
}

/** Per organisation id, everything in the content that names it (only ids that are named). */
export async function getLinksByOrganisation(): Promise<Map<string, OrganisationLinks>> {
  const [cases, instruments] = await Promise.all([getCases(), getInstruments()]);
  const links = new Map<string, OrganisationLinks>();
  const entry = (id: string) => {
    let found = links.get(id);
    if (!found) links.set(id, (found = { cases: [], instruments: [] }));
    return found;
  };
  for (const item of cases) for (const id of new Set(namedByCase(item))) entry(id).cases.push(item);
  for (const instrument of instruments) for (const id of new Set(namedByInstrument(instrument))) entry(id).instruments.push(instrument);
  return links;
}
