/**
 * Writing and reading the file text of an .mdx page: YAML frontmatter between --- lines, then
 * the body. We write the YAML ourselves, one key per line in the schema's order, every text as
 * a JSON string (a valid YAML double-quoted scalar): a title with a newline, a `---` line or a
 * YAML tag (`!!js/function`) stays text inside its quotes and can never end the frontmatter or
 * add a key. Reading uses js-yaml's default schema, which knows no JS types.
 */
import { load as parseYaml } from 'js-yaml';

/** A frontmatter value as the editor writes it. */
export type FrontmatterValue = string | boolean | string[] | Date | FrontmatterValue[] | { [key: string]: FrontmatterValue } | undefined;

/** How a list is written: `[a, b]` for ids, one quoted line each for sentences. */
export type ListStyle = 'ids' | 'lines';

const quote = (text: string) => JSON.stringify(text);
const isId = (text: string) => /^[a-z0-9][a-z0-9.-]*$/.test(text) && !/^(true|false|null|yes|no|on|off|~)$/.test(text) && !/^\d/.test(text);

function scalar(value: string | boolean | Date): string {
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? quote(String(value)) : value.toISOString().slice(0, 10);
  return quote(value);
}

/** One `key: value` block. Lists of ids as a flow list, other lists one item per line. */
export function yamlEntry(key: string, value: FrontmatterValue, style: ListStyle = 'lines', indent = ''): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) {
    if (value.length === 0) return `${indent}${key}: []\n`;
    if (style === 'ids' && value.every((v) => typeof v === 'string' && isId(v))) return `${indent}${key}: [${(value as string[]).join(', ')}]\n`;
    return `${indent}${key}:\n${value.map((item) => listItem(item, `${indent}  `)).join('')}`;
  }
  if (value instanceof Date || typeof value !== 'object') return `${indent}${key}: ${scalar(value)}\n`;
  return `${indent}${key}:\n${Object.entries(value).map(([k, v]) => yamlEntry(k, v, 'ids', `${indent}  `)).join('')}`;
}

function listItem(item: FrontmatterValue, indent: string): string {
  if (item && typeof item === 'object' && !Array.isArray(item) && !(item instanceof Date)) {
    const lines = Object.entries(item)
      .map(([k, v]) => yamlEntry(k, v, 'ids', `${indent}  `))
      .join('');
    return `${indent}- ${lines.slice(indent.length + 2)}`;
  }
  return `${indent}- ${scalar(item as string)}\n`;
}

/** The complete file: frontmatter, a blank line, the body (ending in one newline). */
export function mdxFileText(frontmatter: string, body: string): string {
  const text = body.replace(/\r\n?/g, '\n').replace(/^\n+/, '').replace(/\s+$/, '');
  return `---\n${frontmatter}---\n\n${text}\n`;
}

export interface ParsedFile {
  data: Record<string, unknown>;
  body: string;
  /** Lines above the body, so a body problem names the file's line. */
  bodyLineOffset: number;
}

/** Splits an .mdx file into its frontmatter data and body; null if it has no frontmatter. */
export function parseMdxFile(text: string): ParsedFile | null {
  const normalised = text.replace(/\r\n?/g, '\n');
  const match = /^---\n([\s\S]*?)\n---\n/.exec(normalised);
  if (!match) return null;
  const data = parseYaml(match[1]!) as Record<string, unknown> | null;
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
  const rest = normalised.slice(match[0].length);
  const leading = /^\n*/.exec(rest)![0].length;
  return { data, body: rest.slice(leading).replace(/\s+$/, ''), bodyLineOffset: match[0].split('\n').length - 1 + leading };
}

/** A frontmatter date (js-yaml gives a Date for 2026-11-22) as YYYY-MM-DD for a date field. */
export function dayText(value: unknown): string {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return typeof value === 'string' ? value : '';
}
