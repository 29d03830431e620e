/**
 * Editing one record of a YAML list file (content/organisations/organisations.yaml,
 * content/sources/sources.yaml) without touching the rest: the file is
 * split into record spans (a `- ` line at the margin and the indented lines under it); the change
 * replaces exactly one span, or appends one at the end. Comments, blank lines and every other
 * record stay byte-identical, so a publish's diff shows only what the curator changed.
 */
import { load as parseYaml } from 'js-yaml';

/** One record's place in the file: [start, end) character offsets, and its id. */
export interface RecordSpan {
  id: string;
  start: number;
  end: number;
}

/**
 * The spans of the top-level list's records. A record runs from its `- ` line up to the next
 * line at the margin; trailing blank and comment lines stay outside, with whatever follows.
 */
export function recordSpans(text: string): RecordSpan[] {
  const spans: RecordSpan[] = [];
  const lines = text.split(/(?<=\n)/);
  let offset = 0;
  let current: { start: number; end: number } | null = null;
  const close = () => {
    if (!current) return;
    const chunk = text.slice(current.start, current.end);
    const parsed = parseYaml(chunk) as { id?: unknown }[] | null;
    spans.push({ id: Array.isArray(parsed) && parsed[0] && typeof parsed[0].id === 'string' ? parsed[0].id : '', ...current });
    current = null;
  };
  for (const line of lines) {
    const end = offset + line.length;
    if (line.startsWith('- ') || line === '-\n') {
      close();
      current = { start: offset, end };
    } else if (current && /^\s+\S/.test(line) && !/^\S/.test(line)) {
      current.end = end;
    } else if (current && /^\S/.test(line)) {
      close();
    }
    offset = end;
  }
  close();
  return spans;
}

/**
 * The file with one record replaced (`id` given and found) or appended (`id` null). `recordText`
 * is the record's YAML starting with `- ` and ending in a newline. Null when `id` is not there.
 */
export function replaceRecord(fileText: string, id: string | null, recordText: string): string | null {
  if (id === null) return `${fileText}${fileText === '' || fileText.endsWith('\n') ? '' : '\n'}${recordText}`;
  const span = recordSpans(fileText).find((s) => s.id === id);
  if (!span) return null;
  return fileText.slice(0, span.start) + recordText + fileText.slice(span.end);
}

const quote = (text: string) => JSON.stringify(text);
/** A value that can stand bare in YAML and reads back as the same string. */
const plain = (text: string) => /^[a-zA-Z0-9][a-zA-Z0-9 .,'()\-/]*$/.test(text) && !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(text) && !/^[\d.-]+$/.test(text) && !/[:#]/.test(text) && text.trim() === text;

/** A scalar as the hand-written files show it: bare where safe, otherwise a JSON (double-quoted) string. */
export function yamlScalar(text: string): string {
  return plain(text) ? text : quote(text);
}

/** A list of ids as `[a, b]` (ids are lower case, digits, dots and hyphens; anything else quoted). */
export function yamlIdList(ids: readonly string[]): string {
  return `[${ids.map((id) => (/^[a-z0-9][a-z0-9.-]*$/.test(id) ? id : quote(id))).join(', ')}]`;
}
