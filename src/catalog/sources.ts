/** The source texts content may cite (content/sources/sources.yaml). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as parseYaml } from 'js-yaml';

export const sourcesFile = join(process.cwd(), 'content', 'sources', 'sources.yaml');

export interface SourceRecord {
  id: string;
  title: string;
  publisher: string;
  kind: 'verslag' | 'verkiezingsprogramma';
}

export function loadSourceRecords(): SourceRecord[] {
  return parseYaml(readFileSync(sourcesFile, 'utf8')) as SourceRecord[];
}

export function sourceIds(): [string, ...string[]] {
  return loadSourceRecords().map((s) => s.id) as [string, ...string[]];
}
