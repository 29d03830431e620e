/**
 * The earlier offers that can decide the offer rules (rules.ts) for one pitch, found without
 * reading all of them. Ranking every open pitch for an employer that took part in a thousand
 * pitches would otherwise scan its thousand offers per pitch, per offer rule.
 *
 * Each offer rule takes the first offer, in the employer's order, that passes its test: the
 * same labour-market region and a shared target group; a shared target group; the same
 * region. So for a pitch only three offers can matter: the first of each kind, found here
 * from the first offer per region, per target group and per region and target group. Handed
 * those (in their order) instead of all, every rule finds the same offer and gives the same
 * reason. Offers on the pitch itself are the caller's to leave out (the rules skip them).
 */
import type { OfferFact, PitchFacts } from './facts.ts';

/** For each pitch, the few offers the offer rules can pick, in the employer's order. */
export type OfferLookup = (pitch: PitchFacts) => OfferFact[];

export function offerLookup(offers: readonly OfferFact[]): OfferLookup {
  const firstInRegion = new Map<string, number>();
  const firstWithGroup = new Map<string, number>();
  const firstInRegionWithGroup = new Map<string, number>();
  offers.forEach((offer, i) => {
    const region = offer.region?.id;
    if (region !== undefined && !firstInRegion.has(region)) firstInRegion.set(region, i);
    for (const group of offer.targetGroups) {
      if (!firstWithGroup.has(group)) firstWithGroup.set(group, i);
      const key = `${region ?? ''}\u0000${group}`;
      if (region !== undefined && !firstInRegionWithGroup.has(key)) firstInRegionWithGroup.set(key, i);
    }
  });
  const earliest = (indexes: (number | undefined)[]) => indexes.reduce<number | undefined>((min, i) => (i !== undefined && (min === undefined || i < min) ? i : min), undefined);
  return (pitch) => {
    const region = pitch.region?.id;
    const picked = new Set<number>();
    const add = (i: number | undefined) => i !== undefined && picked.add(i);
    add(region === undefined ? undefined : firstInRegion.get(region));
    add(earliest(pitch.targetGroups.map((group) => firstWithGroup.get(group))));
    add(region === undefined ? undefined : earliest(pitch.targetGroups.map((group) => firstInRegionWithGroup.get(`${region}\u0000${group}`))));
    return [...picked].sort((a, b) => a - b).map((i) => offers[i]!);
  };
}
