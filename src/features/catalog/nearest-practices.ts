/**
 * The practices nearest to a municipality, for the page of a municipality
 * without practices of its own: those in its labour-market region first, then the rest of its
 * province, and only when both are empty the nearest elsewhere in the country. Within a group
 * the nearest come first (distance between municipality centroids). Plain TypeScript.
 */
import { geoDistance } from 'd3-geo';
import type { Area } from './geo.ts';
import { loadMap } from './map.ts';
import { municipalityById } from './map-areas.ts';

/** Where a group of nearby practices lies, seen from the municipality. */
export type NearbyScope = 'regio' | 'provincie' | 'nederland';

/** One group of nearby practices. */
export interface NearbyGroup<T> {
  scope: NearbyScope;
  /** The region or province (none for the rest of the country). */
  area?: Area;
  items: T[];
}

/** How many practices "elders in Nederland" shows: enough to start from, not the whole list. */
export const NEAREST_ELSEWHERE = 4;

let centroids: Map<string, [number, number]> | undefined;

/** A municipality's geographic centroid by its CBS code, from the map's shapes. */
function centroidOf(code: string): [number, number] | undefined {
  centroids ??= new Map(loadMap().shapes.gemeente.map((s) => [s.code, s.centroid]));
  return centroids.get(code);
}

/**
 * Practices near a municipality, in groups: same labour-market region, then the rest of the same
 * province; if neither has any, the NEAREST_ELSEWHERE nearest in the rest of the country. Practices
 * that name the municipality itself, and practices without a known municipality, are left out.
 * An unknown municipality id gives no groups.
 */
export function nearestPractices<T extends { municipalities: readonly string[] }>(municipalityId: string, practices: readonly T[]): NearbyGroup<T>[] {
  const home = municipalityById(municipalityId);
  if (!home) return [];
  const origin = centroidOf(home.code);
  const placed = practices
    .filter((p) => !p.municipalities.includes(home.id))
    .map((item) => {
      const places = item.municipalities.map(municipalityById).filter((m) => m !== undefined);
      const distances = places.map((m) => {
        const c = centroidOf(m.code);
        return origin && c ? geoDistance(origin, c) : Infinity;
      });
      return { item, places, distance: Math.min(...distances) };
    })
    .filter((p) => p.places.length > 0)
    .sort((a, b) => a.distance - b.distance);
  const inRegion = placed.filter((p) => p.places.some((m) => m.region.id === home.region.id));
  const inProvince = placed.filter((p) => !inRegion.includes(p) && p.places.some((m) => m.province.id === home.province.id));
  const groups: NearbyGroup<T>[] = [];
  if (inRegion.length > 0) groups.push({ scope: 'regio', area: home.region, items: inRegion.map((p) => p.item) });
  if (inProvince.length > 0) groups.push({ scope: 'provincie', area: home.province, items: inProvince.map((p) => p.item) });
  if (groups.length === 0 && placed.length > 0) groups.push({ scope: 'nederland', items: placed.slice(0, NEAREST_ELSEWHERE).map((p) => p.item) });
  return groups;
}
