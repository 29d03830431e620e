/**
 * Reading the content folder for the editor: the current text of a file and its hash (the
 * "base" a draft starts from, compared again on save and publish so a colleague's publish is
 * noticed instead of overwritten). The editor never writes here: src/features/publishing/publish.ts does.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The content folder of the running site (the server runs from the project root). */
export const contentRoot = join(process.cwd(), 'content');

/** SHA-256 of a file's text: the version a draft is based on. */
export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A content file's text and hash, or null when it does not exist (path relative to content/). */
export function readContentFile(path: string): { text: string; hash: string } | null {
  const file = join(contentRoot, path);
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8');
  return { text, hash: textHash(text) };
}

/** The ids of the .mdx files in a folder of content/ (cases, instruments). */
export function mdxIds(folder: 'cases' | 'instruments'): string[] {
  const dir = join(contentRoot, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => f.slice(0, -'.mdx'.length))
    .sort();
}
