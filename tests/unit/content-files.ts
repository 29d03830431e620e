/** The content as files on disk, parsed by the real schemas: what unit and e2e tests compare pages against. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { astroYamlLoad as parseYaml } from './astro-yaml.ts';
import { caseSchema } from '#features/catalog/schemas/case.ts';
import { instrumentSchema } from '#features/catalog/schemas/instrument.ts';
import { loadOrganisationRecords } from '#features/catalog/organisations.ts';
import { loadSourceRecords, type SourceRecord } from '#features/catalog/sources.ts';
import type { CitingContent } from '#features/catalog/citations.ts';

/** The YAML frontmatter of an .mdx file. */
export function frontmatter(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  const match = text.match(/^---\n([\s\S]*?)\n---/);
  if (!match) throw new Error(`${file}: geen frontmatter`);
  return parseYaml(match[1]!);
}

/** The body of an .mdx file (after the frontmatter). */
export function body(file: string): string {
  return readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
}

const mdx = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.mdx')).map((f) => ({ id: f.replace(/\.mdx$/, ''), file: join(dir, f) }));

export function readCases() {
  return mdx('content/cases').map(({ id, file }) => ({ id, file, data: caseSchema.parse(frontmatter(file)) }));
}

export function readInstruments() {
  return mdx('content/instruments').map(({ id, file }) => ({ id, file, data: instrumentSchema.parse(frontmatter(file)) }));
}

export function sourceRecordMap(): Map<string, SourceRecord> {
  return new Map(loadSourceRecords().map((s) => [s.id, s]));
}

/** Everything that cites sources, as the citation index takes it. */
export function citingContent(): CitingContent {
  return {
    cases: readCases().map((c) => ({ id: c.id, title: c.data.title, sources: c.data.sources })),
    instruments: readInstruments().map((i) => ({ id: i.id, title: i.data.title, sources: i.data.sources, stances: i.data.stances })),
    organisations: loadOrganisationRecords().map((o) => ({ id: o.id, name: o.name, sources: o.sources })),
  };
}
