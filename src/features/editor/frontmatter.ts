/**
 * The file text of an .mdx page: YAML frontmatter between --- lines, then the body. The YAML is
 * written and read by platform/yaml.ts (the one YAML module): text stays text inside its quotes
 * and can never end the frontmatter or add a key.
 */
import { readYaml } from '#platform/yaml.ts';

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
  const data = readYaml(match[1]!) as Record<string, unknown> | null;
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
  const rest = normalised.slice(match[0].length);
  const leading = /^\n*/.exec(rest)![0].length;
  return { data, body: rest.slice(leading).replace(/\s+$/, ''), bodyLineOffset: match[0].split('\n').length - 1 + leading };
}

/** A frontmatter date (YAML gives a Date for 2026-11-22) as YYYY-MM-DD for a date field. */
export function dayText(value: unknown): string {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return typeof value === 'string' ? value : '';
}
