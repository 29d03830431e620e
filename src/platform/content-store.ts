/**
 * The content folder as files: read one with its hash, list a folder's pages, write a set of
 * files. Reading and writing go through one path check: the path stays inside the folder and no
 * part of the way is a symlink (a link could point a write at anything on the server). A file is
 * replaced by writing a temporary file beside it and renaming it over the old one (a rename
 * replaces a symlink rather than writing through it, and a reader never sees half a file).
 * Which paths may be written at all is the caller's whitelist (publishing/content-paths.ts),
 * passed in as `allows`.
 *
 * The folder defaults to the configured one (platform/config.ts `contentDir`): the editor reads
 * the live content there, publishing writes into it or into a staging copy.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { contentDir } from './config.ts';

/** A file's text and the hash a draft is based on. */
export interface ContentFile {
  text: string;
  hash: string;
}

/** Thrown for a path that leaves the folder, crosses a symlink or is not allowed; the message is Dutch. */
export class UnsafeContentPath extends Error {}

/** What a write or read may touch; default: any path inside the folder. */
export type PathRule = (path: string) => boolean;

/** SHA-256 of a file's text: the version a draft is based on. */
export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The absolute file for a content path, after checking that it stays inside and crosses no symlink. */
function safeTarget(dir: string, path: string, allows: PathRule): string {
  if (!allows(path)) throw new UnsafeContentPath(`Dit bestand mag niet worden gepubliceerd: ${path}`);
  const root = realpathSync(dir);
  const target = join(root, path);
  const rel = relative(root, target);
  if (rel === '' || rel.startsWith('..') || rel.split(sep).includes('..')) throw new UnsafeContentPath(`Dit pad ligt buiten de inhoudsmap: ${path}`);
  // Each folder between the root and the file must be a real folder, not a link elsewhere.
  for (let folder = dirname(target); folder !== root; folder = dirname(folder)) {
    const stat = lstatSync(folder, { throwIfNoEntry: false });
    // A folder that does not exist yet is made by the write.
    if (stat && !stat.isDirectory()) throw new UnsafeContentPath(`De map van ${path} is geen gewone map.`);
  }
  if (lstatSync(target, { throwIfNoEntry: false })?.isSymbolicLink()) throw new UnsafeContentPath(`${path} is een koppeling naar een ander bestand en wordt niet overschreven.`);
  return target;
}

/** A content file's text and hash (path relative to the folder), or null when it does not exist. */
export function readContentFile(path: string, dir: string = contentDir(), allows: PathRule = () => true): ContentFile | null {
  const target = safeTarget(dir, path, allows);
  try {
    const text = readFileSync(target, 'utf8');
    return { text, hash: textHash(text) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The ids of the .mdx pages in a subfolder (cases, instruments), sorted. */
export function mdxIds(folder: 'cases' | 'instruments', dir: string = contentDir()): string[] {
  const path = join(dir, folder);
  if (!existsSync(path)) return [];
  return readdirSync(path)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => f.slice(0, -'.mdx'.length))
    .sort();
}

/** Writes (or deletes, for null) each file; every path is checked before anything is written. */
export function writeContentFiles(dir: string, files: readonly { path: string; content: string | null }[], allows: PathRule = () => true): void {
  const targets = files.map((file) => ({ target: safeTarget(dir, file.path, allows), content: file.content }));
  for (const { target, content } of targets) {
    if (content === null) {
      rmSync(target, { force: true });
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    writeFileSync(temporary, content, { flag: 'wx' });
    renameSync(temporary, target);
  }
}
