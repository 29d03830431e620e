/**
 * Every organisation Praktijkplein knows: employers and partners from
 * content/organisations/organisations.yaml, and all municipalities from the CBS list.
 * One id space, so a page URL /organisaties/<id>/ and a frontmatter reference mean the same.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir } from '#platform/config.ts';
import { readYaml } from '#platform/yaml.ts';
import type { OrganisationKind } from '#domain/accounts.ts';
import { loadGeo, type Area } from './geo.ts';

/** The employers and partners file in the content folder. */
export const organisationsFile = () => join(contentDir(), 'organisations', 'organisations.yaml');

export type { OrganisationKind };

export interface OrganisationRecord {
  id: string;
  name: string;
  kind: OrganisationKind;
  description?: string;
  sectors?: string[];
  /** Municipalities only. */
  code?: string;
  province?: Area;
  region?: Area;
  /** Sources the description rests on (employers and partners). */
  sources?: string[];
}

/** Raw records; validation of their fields happens in the collection schema. */
export function loadOrganisationRecords(): OrganisationRecord[] {
  const listed = readYaml(readFileSync(organisationsFile(), 'utf8')) as OrganisationRecord[];
  const municipalities: OrganisationRecord[] = loadGeo().municipalities.map((m) => ({
    id: m.id,
    name: m.name,
    kind: 'municipality',
    code: m.code,
    province: m.province,
    region: m.region,
  }));
  const records = [...listed, ...municipalities];
  const seen = new Set<string>();
  for (const record of records) {
    if (seen.has(record.id)) {
      throw new Error(`${organisationsFile()}: de id "${record.id}" bestaat al (ook een gemeente heet zo)`);
    }
    seen.add(record.id);
  }
  return records;
}

/** Ids per kind, for the enums that references are checked against. */
export function organisationIds(kind: OrganisationKind): [string, ...string[]] {
  const ids = loadOrganisationRecords().filter((r) => r.kind === kind).map((r) => r.id);
  if (ids.length === 0) throw new Error(`Geen organisaties van soort ${kind}`);
  return ids as [string, ...string[]];
}
