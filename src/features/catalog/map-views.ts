/**
 * The three views of the practice map and their addresses: /kaart/ per
 * municipality, /kaart/regio/ per labour-market region, /kaart/provincie/ per province, and
 * /kaart/<view>/<id>/ with one area chosen. All prerendered: the content only changes with a build.
 */
import { facetParams } from '#domain/case-filter.ts';
import type { MapLevel } from './map.ts';

/** Dutch texts of a view. */
export interface MapViewTexts {
  /** The tab's label. */
  tab: string;
  /** "gemeente", "arbeidsmarktregio", "provincie". */
  singular: string;
  /** "gemeenten", "arbeidsmarktregio's", "provincies". */
  plural: string;
  /** How an area of this view is named in a heading ("Gemeente Zaanstad"). */
  title: (name: string) => string;
}

export const mapViews: Record<MapLevel, MapViewTexts> = {
  gemeente: { tab: 'Gemeenten', singular: 'gemeente', plural: 'gemeenten', title: (name) => `Gemeente ${name}` },
  regio: { tab: "Regio's", singular: 'arbeidsmarktregio', plural: "arbeidsmarktregio's", title: (name) => `Arbeidsmarktregio ${name}` },
  provincie: { tab: 'Provincies', singular: 'provincie', plural: 'provincies', title: (name) => `Provincie ${name}` },
};

/** The address of a view of the practice map. */
export function mapViewPath(level: MapLevel): string {
  return level === 'gemeente' ? '/kaart/' : `/kaart/${level}/`;
}

/** The address of the practice map with one area chosen. */
export function mapChoicePath(level: MapLevel, id: string): string {
  return `/kaart/${level}/${id}/`;
}

/** The case list filtered on an area (the filters' own parameter names). */
export function caseListPath(level: MapLevel, id: string): string {
  const key = level === 'gemeente' ? facetParams.municipalities : level === 'regio' ? facetParams.regions : facetParams.provinces;
  return `/praktijkvoorbeelden/?${new URLSearchParams({ [key]: id })}`;
}
