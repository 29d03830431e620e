/**
 * The official CBS area divisions (content/geo, with their origin in content/geo/BRON.md): all
 * municipalities with their province and labour-market region. Read synchronously because
 * content.config.ts needs the ids to build its enums before any collection loads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '#platform/csv.ts';
export { geoDir } from '#platform/place-names.ts';
import { geoDir } from '#platform/place-names.ts';
import { slugify } from './slug.ts';

export interface Area {
  /** CBS code, e.g. PV27 or AM18. */
  code: string;
  name: string;
  /** URL id derived from the name. */
  id: string;
}

export interface Municipality extends Area {
  province: Area;
  region: Area;
}

function readCsv(file: string) {
  return parseCsv(readFileSync(join(geoDir(), file), 'utf8'));
}

function area(code: string, name: string): Area {
  return { code, name, id: slugify(name) };
}

let cache: { municipalities: Municipality[]; provinces: Area[]; regions: Area[] } | undefined;

/** All 342 municipalities of 2026, 12 provinces and 35 labour-market regions, sorted by name. */
export function loadGeo() {
  if (cache) return cache;
  const byName = (a: Area, b: Area) => a.name.localeCompare(b.name, 'nl');
  const provinces = readCsv('provincies_2026.csv').map((r) => area(r.statcode, r.statnaam)).sort(byName);
  const regions = readCsv('arbeidsmarktregios_2025.csv').map((r) => area(r.statcode, r.statnaam)).sort(byName);
  const municipalities = readCsv('gemeenten_2026.csv')
    .map((r) => ({
      ...area(r.statcode, r.statnaam),
      province: area(r.provincie_code, r.provincie_naam),
      region: area(r.arbeidsmarktregio_code, r.arbeidsmarktregio_naam),
    }))
    .sort(byName);
  const ids = new Set<string>();
  for (const list of [provinces, regions, municipalities]) {
    ids.clear();
    for (const item of list) {
      if (ids.has(item.id)) throw new Error(`content/geo: dubbele id "${item.id}" (${item.code})`);
      ids.add(item.id);
    }
  }
  cache = { municipalities, provinces, regions };
  return cache;
}
