/**
 * The municipality a person types when registering: its own name, or a place
 * in it that people use every day ("Den Haag" for 's-Gravenhage, "Zaandam" for Zaanstad).
 * Resolution goes through src/features/catalog/places.ts (municipalityForPlace), which ignores case,
 * accents and apostrophes; this module adds what a form needs on top: the suggestions for the
 * field's <datalist>, and "which one?" when a name fits more than one municipality (a place
 * name shared by two municipalities, or "Bergen" for Bergen (L.) and Bergen (NH.)).
 */
import { loadGeo, type Municipality } from '#features/catalog/geo.ts';
import { municipalityForPlace, placeKey, placeNames } from '#features/catalog/places.ts';

/** One suggestion in the field's list: what to type, and (for a place) its municipality. */
export interface MunicipalityOption {
  value: string;
  /** "gemeente 's-Gravenhage" for a place; absent for a municipality's own name. */
  label?: string;
}

export type TypedMunicipality =
  | { ok: true; municipality: Municipality }
  | { ok: false; reason: 'empty' }
  | { ok: false; reason: 'unknown' }
  | { ok: false; reason: 'ambiguous'; candidates: Municipality[] };

/** "Bergen (NH.)" → "Bergen": the name without the province that tells two apart. */
const withoutProvince = (name: string) => name.replace(/\s*\([^)]*\)\s*$/, '');

let options: MunicipalityOption[] | undefined;

/**
 * Every municipality by name, then every place name that is not itself a municipality's name,
 * labelled with its municipality. Built once per process (the lists change with a deploy).
 */
export function municipalityOptions(): readonly MunicipalityOption[] {
  if (options) return options;
  const collator = new Intl.Collator('nl');
  const municipalities = loadGeo().municipalities;
  const ownNames = new Set(municipalities.map((m) => placeKey(m.name)));
  const seen = new Set<string>();
  const places: MunicipalityOption[] = [];
  for (const place of placeNames()) {
    const key = `${placeKey(place.name)}|${place.municipality.id}`;
    if (ownNames.has(placeKey(place.name)) || seen.has(key)) continue;
    seen.add(key);
    places.push({ value: place.name, label: `gemeente ${place.municipality.name}` });
  }
  options = [
    ...municipalities.map((m) => ({ value: m.name })).sort((a, b) => collator.compare(a.value, b.value)),
    ...places.sort((a, b) => collator.compare(a.value, b.value)),
  ];
  return options;
}

/** The municipality meant by what was typed, or why there is none (or more than one). */
export function resolveTypedMunicipality(text: string): TypedMunicipality {
  const key = placeKey(text);
  if (!key) return { ok: false, reason: 'empty' };
  const municipalities = loadGeo().municipalities;
  // A municipality's own name is never ambiguous ("Hengelo (O.)", "Zaanstad").
  if (!municipalities.some((m) => placeKey(m.name) === key)) {
    const candidates = new Map<string, Municipality>();
    for (const place of placeNames()) if (placeKey(place.name) === key) candidates.set(place.municipality.id, place.municipality);
    for (const m of municipalities) if (placeKey(withoutProvince(m.name)) === key) candidates.set(m.id, m);
    if (candidates.size > 1) {
      const collator = new Intl.Collator('nl');
      return { ok: false, reason: 'ambiguous', candidates: [...candidates.values()].sort((a, b) => collator.compare(a.name, b.name)) };
    }
    if (candidates.size === 1) return { ok: true, municipality: [...candidates.values()][0]! };
  }
  const municipality = municipalityForPlace(text);
  return municipality ? { ok: true, municipality } : { ok: false, reason: 'unknown' };
}

/** The Dutch message next to the field when the typed name does not lead to one municipality. */
export function typedMunicipalityProblem(text: string, result: Exclude<TypedMunicipality, { ok: true }>): string {
  const typed = text.trim().slice(0, 60);
  switch (result.reason) {
    case 'empty':
      return 'Vul de naam van uw gemeente in, of een plaats in uw gemeente.';
    case 'unknown':
      return `"${typed}" kennen we niet als gemeente of plaats. Controleer de spelling, of typ de naam van uw gemeente.`;
    case 'ambiguous': {
      const names = result.candidates.map((m) => m.name);
      const list = names.length === 2 ? names.join(' of ') : `${names.slice(0, -1).join(', ')} of ${names.at(-1)}`;
      return `"${typed}" kan bij meer dan één gemeente horen: ${list}. Typ de naam van uw gemeente.`;
    }
  }
}
