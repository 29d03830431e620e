/**
 * The knowledge base as the marketplace matches on it (marketplace/pitch-page.ts): case studies
 * with their places and facets, instruments with the municipalities that have a stance, and
 * employer names. Built content, so it is read here (astro:content) and passed in.
 */
import type { Knowledge } from '#features/marketplace/pitch-similarity.ts';
import { getCases, getInstruments, getOrganisations } from '#features/catalog/queries.ts';

export async function getKnowledge(): Promise<Knowledge> {
  const [cases, instruments, organisations] = await Promise.all([getCases(), getInstruments(), getOrganisations()]);
  return {
    cases: cases.map((item) => ({
      id: item.id,
      title: item.title,
      summary: item.summary,
      municipalities: item.municipalities,
      regions: item.regions,
      targetGroups: item.targetGroups,
      sectors: item.sectors,
      instruments: item.instruments,
      employers: item.entry.data.employers,
    })),
    instruments: instruments.map((entry) => ({
      id: entry.id,
      title: entry.data.title,
      summary: entry.data.summary,
      municipalities: entry.data.stances.map((stance) => stance.municipality),
      targetGroups: entry.data.targetGroups,
    })),
    employerNames: new Map([...organisations].filter(([, org]) => org.kind === 'employer').map(([id, org]) => [id, org.name])),
  };
}
