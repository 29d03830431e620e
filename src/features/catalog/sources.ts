/**
 * The sources content may cite (content/sources/sources.yaml): records the repository holds
 * (schemas/source.ts). Frontmatter cites a source by its id; the older sources, named after
 * the text files they were given as, have ids ending in `.txt`, and may be cited with or
 * without it. A source's page lives at /bronnen/<slug>/, the id without `.txt`.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir } from '#platform/config.ts';
import { readYaml } from '#platform/yaml.ts';
import type { SourceKindId } from './source-kinds.ts';

/** The sources file in the content folder. */
export const sourcesFile = () => join(contentDir(), 'sources', 'sources.yaml');

/** A date as the text gives it, or `onbekend` (mirrors sourceDateSchema, without zod). */
export type SourceDateRecord = 'onbekend' | { text: string; iso?: string; note?: string };

export interface SourceRecord {
  id: string;
  title: string;
  publisher: string;
  kind: SourceKindId;
  date: SourceDateRecord;
  supports: string;
  note?: string;
  event?: {
    name: string;
    date: SourceDateRecord;
    place?: string;
    hosts: string[];
    organisers?: string[];
    participants: string[];
  };
  url?: string;
  location?: string;
  /** Topics of the text the site leaves out on purpose, with the reason. */
  leftOut?: { topic: string; reason: string }[];
}

let cache: { key: string; records: SourceRecord[]; ids: ReadonlySet<string> } | undefined;

/** The file's records as last read; read again only when the file changed (citations resolve through it often). */
function current() {
  const file = sourcesFile();
  const stat = statSync(file);
  const key = `${file}|${stat.mtimeMs}|${stat.size}`;
  if (cache?.key !== key) {
    const records = readYaml(readFileSync(file, 'utf8')) as SourceRecord[];
    cache = { key, records, ids: new Set(records.map((r) => r.id)) };
  }
  return cache;
}

/** Raw records (a fresh copy each call); validation of their fields happens in the collection schema. */
export function loadSourceRecords(): SourceRecord[] {
  return structuredClone(current().records);
}

export function sourceIds(): [string, ...string[]] {
  return loadSourceRecords().map((s) => s.id) as [string, ...string[]];
}

/** The URL slug of a source: its file name without `.txt`. */
export function sourceSlug(id: string): string {
  return id.replace(/\.txt$/, '');
}

/** The address of a source's own page. */
export function sourceHref(id: string): string {
  return `/bronnen/${sourceSlug(id)}/`;
}

/** A cited source in either form (id, or an older source's id without `.txt`) as its listed id. */
export function sourceFileId(cited: string): string {
  return current().ids.has(cited) || cited.endsWith('.txt') ? cited : `${cited}.txt`;
}

/** What people call a source: the event a report is about, else its publisher ("Verkiezingsprogramma Amsterdam, …"). */
export function sourceName(source: Pick<SourceRecord, 'publisher' | 'event'>): string {
  return source.event?.name ?? source.publisher;
}

/** Reports first, then by name: the order of the source list. */
export function compareSources(a: SourceRecord, b: SourceRecord): number {
  return Number(a.kind !== 'verslag') - Number(b.kind !== 'verslag') || sourceName(a).localeCompare(sourceName(b), 'nl');
}

/** "donderdag 21 maart (jaartal niet genoemd)", or "datum onbekend". */
export function sourceDateText(date: SourceDateRecord): string {
  if (date === 'onbekend') return 'datum onbekend';
  return date.note ? `${date.text} (${date.note})` : date.text;
}
