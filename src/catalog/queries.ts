/**
 * What pages ask of the content collections, in one place: cases with their places resolved,
 * organisations by id, what links to an organisation or instrument. Works at build time and
 * in on-demand pages (the collections are bundled, no file reads at run time).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { FacetedCase } from '../domain/case-filter.ts';

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

/** Everything in the content that names this organisation. */
export async function getLinksToOrganisation(id: string) {
  const [cases, instruments] = await Promise.all([getCases(), getInstruments()]);
  return {
    cases: cases.filter(
      (c) => c.entry.data.employers.includes(id) || c.entry.data.partners.includes(id) || c.entry.data.municipalities.includes(id),
    ),
    instruments: instruments.filter((i) => i.data.stances.some((s) => s.municipality === id) || i.data.organisations.includes(id)),
  };
}

/** Ids of organisations that some content links to (for the organisation index). */
export async function getLinkedOrganisationIds(): Promise<Set<string>> {
  const [cases, instruments] = await Promise.all([getCases(), getInstruments()]);
  const ids = new Set<string>();
  for (const c of cases) for (const id of [...c.entry.data.employers, ...c.entry.data.partners, ...c.entry.data.municipalities]) ids.add(id);
  for (const i of instruments) {
    for (const s of i.data.stances) ids.add(s.municipality);
    for (const id of i.data.organisations) ids.add(id);
  }
  return ids;
}
