/**
 * Editing one record of a YAML list file (content/organisations/organisations.yaml,
 * content/sources/sources.yaml) without touching the rest: the file is parsed with the `yaml`
 * Document API, which knows where in the text each record of the top-level list starts and ends;
 * the change replaces exactly that span, or appends a record at the end. Comments, blank lines
 * and every other record stay byte-identical, so a publish's diff shows only what the curator
 * changed. The record itself is written by platform/yaml.ts, the one YAML writer.
 */
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { yamlText, type YamlStyle } from '#platform/yaml.ts';

/** One record's place in the file: [start, end) character offsets, and its id. */
export interface RecordSpan {
  id: string;
  start: number;
  end: number;
}

/**
 * The spans of the top-level list's records. A record runs from the start of its `- ` line to the
 * end of its last line; blank and comment lines after it stay outside, with whatever follows.
 */
export function recordSpans(text: string): RecordSpan[] {
  const doc = parseDocument(text);
  if (!isSeq(doc.contents)) return [];
  return doc.contents.items.flatMap((item) => {
    if (!item || !('range' in item) || !item.range) return [];
    const id = isMap(item) ? item.get('id', true) : undefined;
    // The `- ` sits at the margin, before the record's first key on the same line.
    const start = text.lastIndexOf('\n', item.range[0] - 1) + 1;
    const lineEnd = text.indexOf('\n', Math.max(start, item.range[1] - 1));
    return [{ id: isScalar(id) && typeof id.value === 'string' ? id.value : '', start, end: lineEnd === -1 ? text.length : lineEnd + 1 }];
  });
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

/** One record as an item of the file's list ("- id: …\n  …\n"), undefined fields left out. */
export function recordText(record: Record<string, unknown>, style: YamlStyle): string {
  return yamlText([record], style);
}
