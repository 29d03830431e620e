/**
 * The official names of the municipalities and provinces (the CBS lists in content/geo), for
 * the platform's own use: the password checker refuses them as guessable. The catalog reads
 * the same files in full (features/catalog/geo.ts, loadGeo); the platform sits below the
 * features, so it reads the two name columns itself instead of asking the catalog.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir } from './config.ts';
import { parseCsv } from './csv.ts';

/** The folder of the CBS area lists in the content folder (the catalog's loadGeo reads it too). */
export const geoDir = () => join(contentDir(), 'geo');
/** The two lists whose names matter here (same files as loadGeo). */
const NAME_LISTS = ['gemeenten_2026.csv', 'provincies_2026.csv'] as const;

let cache: string[] | undefined;

/**
 * Every municipality's and province's official name ("'s-Hertogenbosch", "Fryslân"):
 * municipalities then provinces, each sorted by name as loadGeo sorts them (zxcvbn ranks a
 * dictionary by position, so the order is part of the score).
 */
export function municipalityAndProvinceNames(): string[] {
  cache ??= NAME_LISTS.flatMap((file) =>
    parseCsv(readFileSync(join(geoDir(), file), 'utf8'))
      .map((row) => row.statnaam ?? '')
      .filter(Boolean)
      .sort((a, b) => a.localeCompare(b, 'nl')),
  );
  return cache;
}
