/**
 * The source texts content may cite (content/sources/sources.yaml). A source's id is its file
 * name in ../shared/sources (what frontmatter cites); its page lives at /bronnen/<slug>/, the
 * file name without `.txt`. Frontmatter may cite either form; both resolve to the file name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import type { SourceKindId } from './source-kinds.ts';

export const sourcesFile = join(process.cwd(), 'content', 'sources', 'sources.yaml');

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
}

/** Raw records; validation of their fields happens in the collection schema. */
export function loadSourceRecords(): SourceRecord[] {
  return parseYaml(readFileSync(sourcesFile, 'utf8')) as SourceRecord[];
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

/** A cited source in either form (file name or slug) as its file name. */
export function sourceFileId(cited: string): string {
  return cited.endsWith('.txt') ? cited : `${cited}.txt`;
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
