/**
 * Place names that are not a municipality's own name ("Zaandam", "Den Haag") and the
 * municipality they belong to (content/geo/plaatsnamen.csv). Search, registration and the map
 * use this one list so that a person can type the name they use every day.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '#platform/csv.ts';
import { geoDir, loadGeo, type Municipality } from './geo.ts';

export interface PlaceName {
  /** The name as people write it, e.g. "Zaandam". */
  name: string;
  municipality: Municipality;
}

let cache: { places: PlaceName[]; byKey: Map<string, Municipality> } | undefined;

/** Lower case, no accents, apostrophes and punctuation as spaces: "'s-Gravenhage" ≈ "s gravenhage". */
export function placeKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function load() {
  if (cache) return cache;
  const { municipalities } = loadGeo();
  const byCode = new Map(municipalities.map((m) => [m.code, m]));
  const places = parseCsv(readFileSync(join(geoDir(), 'plaatsnamen.csv'), 'utf8')).map((row) => {
    const municipality = byCode.get(row.statcode);
    if (!municipality) throw new Error(`content/geo/plaatsnamen.csv: onbekende gemeentecode "${row.statcode}" bij ${row.plaatsnaam}`);
    return { name: row.plaatsnaam, municipality };
  });
  const byKey = new Map<string, Municipality>();
  // A municipality's own name wins over a place of the same name elsewhere.
  for (const place of places) if (!byKey.has(placeKey(place.name))) byKey.set(placeKey(place.name), place.municipality);
  for (const municipality of municipalities) byKey.set(placeKey(municipality.name), municipality);
  cache = { places, byKey };
  return cache;
}

/** Every place name with its municipality (not the municipalities' own names). */
export function placeNames(): readonly PlaceName[] {
  return load().places;
}

/** The municipality a typed name means: its own name or a place in it, ignoring case and accents. */
export function municipalityForPlace(text: string): Municipality | undefined {
  return load().byKey.get(placeKey(text));
}

/** The other names people use for a municipality's places, e.g. Zaanstad → Zaandam, Krommenie … */
export function placeNamesOf(municipalityId: string): string[] {
  return load().places.filter((place) => place.municipality.id === municipalityId).map((place) => place.name);
}

/**
 * A search query that is a place name, as its municipality's name ("Zaandam" → "Zaanstad",
 * "Den Haag" → "'s-Gravenhage"), for searches that know municipalities but not places (the
 * pitch index). Only a whole query: single words such as "Boer" or "Best" are places too, and
 * replacing one inside a longer query would lose what the person meant.
 */
export function withMunicipalityNames(query: string): string {
  return municipalityForPlace(query)?.name ?? query;
}
