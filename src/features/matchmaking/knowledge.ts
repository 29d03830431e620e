/**
 * The knowledge base as matchmaking reads it: which case studies name which employer, with
 * their sectors and target groups, and the sectors content/organisations gives an employer.
 * Built content (astro:content), so pages call this and pass the result in; the use cases stay
 * callable from tests with knowledge of their own.
 */
import { getCases, getOrganisations } from '#features/catalog/queries.ts';
import type { MatchKnowledge } from './match-inputs.ts';

export async function getMatchKnowledge(): Promise<MatchKnowledge> {
  const [cases, organisations] = await Promise.all([getCases(), getOrganisations()]);
  return {
    cases: cases.map((item) => ({ id: item.id, title: item.title, sectors: item.sectors, targetGroups: item.targetGroups, employers: item.entry.data.employers })),
    employerSectors: new Map([...organisations].filter(([, org]) => org.kind === 'employer' && org.sectors?.length).map(([id, org]) => [id, org.sectors ?? []])),
  };
}
