/**
 * Places grouped by the map's three divisions: which municipalities, labour-
 * market regions or provinces have practices (or pitches), and what lies in each. Plain
 * TypeScript over the CBS lists (geo.ts), so tests call it without a build.
 */
import { loadGeo, type Area, type Municipality } from './geo.ts';
import type { MapLevel } from './map.ts';
import { countPracticesAndPlans, type PlanFacts, type PracticeCount } from '#domain/practice-counts.ts';

/** An area of one division with the things (cases, pitch counts) that lie in it. */
export interface AreaGroup<T> extends Area {
  level: MapLevel;
  items: T[];
}

let byId: Map<string, Municipality> | undefined;

/** The CBS municipality with this URL id, if there is one. */
export function municipalityById(id: string): Municipality | undefined {
  byId ??= new Map(loadGeo().municipalities.map((m) => [m.id, m]));
  return byId.get(id);
}

/** The area of a division that a municipality lies in (for `gemeente`, the municipality itself). */
export function areaOf(municipality: Municipality, level: MapLevel): Area {
  if (level === 'regio') return municipality.region;
  if (level === 'provincie') return municipality.province;
  return { code: municipality.code, name: municipality.name, id: municipality.id };
}

/** Every area of a division, sorted by name. */
export function areasOf(level: MapLevel): Area[] {
  const geo = loadGeo();
  if (level === 'regio') return geo.regions;
  if (level === 'provincie') return geo.provinces;
  return geo.municipalities.map((m) => areaOf(m, 'gemeente'));
}

/**
 * Groups items by the areas their municipalities lie in. An item in two municipalities of one
 * region counts once for that region; unknown municipality ids are skipped. Only areas with
 * at least one item, sorted by name.
 */
export function groupByArea<T>(items: readonly T[], municipalitiesOf: (item: T) => readonly string[], level: MapLevel): AreaGroup<T>[] {
  const groups = new Map<string, AreaGroup<T>>();
  for (const item of items) {
    const areas = new Map<string, Area>();
    for (const id of municipalitiesOf(item)) {
      const municipality = municipalityById(id);
      if (municipality) {
        const area = areaOf(municipality, level);
        areas.set(area.id, area);
      }
    }
    for (const area of areas.values()) {
      let group = groups.get(area.id);
      if (!group) groups.set(area.id, (group = { ...area, level, items: [] }));
      group.items.push(item);
    }
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/** An area with its practices and plans counted apart (domain/practice-counts.ts). */
export interface PracticeArea<T> extends AreaGroup<T>, PracticeCount {}

/**
 * `groupByArea` with each area's practices and plans counted apart: the map puts a marker,
 * numbered with its practices, only where practices happen; an area with plans alone is listed,
 * not marked.
 */
export function practiceAreas<T>(items: readonly T[], municipalitiesOf: (item: T) => readonly string[], factsOf: (item: T) => PlanFacts, level: MapLevel): PracticeArea<T>[] {
  return groupByArea(items, municipalitiesOf, level).map((group) => ({ ...group, ...countPracticesAndPlans(group.items, factsOf) }));
}
