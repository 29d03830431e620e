/**
 * Related case studies: the cases that share the most facet values with this one
 * (instruments weigh most, then target groups, sectors and places).
 */
import type { FacetedCase, CaseFacetKey } from './case-filter.ts';

const weights: Record<CaseFacetKey, number> = {
  instruments: 3,
  targetGroups: 2,
  sectors: 2,
  municipalities: 1,
  regions: 1,
  provinces: 0.5,
};

export function relatedCases<T extends FacetedCase>(current: FacetedCase, all: readonly T[], limit = 3): T[] {
  return all
    .filter((other) => other.id !== current.id)
    .map((other) => {
      let score = 0;
      for (const key of Object.keys(weights) as CaseFacetKey[]) {
        score += other[key].filter((value) => current[key].includes(value)).length * weights[key];
      }
      return { other, score };
    })
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || a.other.id.localeCompare(b.other.id))
    .slice(0, limit)
    .map(({ other }) => other);
}
