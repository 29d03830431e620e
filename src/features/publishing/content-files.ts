/**
 * Reading and writing the files of a content folder for a publication. Writes never follow a
 * symlink: the folder itself and each subfolder must be real directories inside it, and a file
 * is replaced by writing a temporary file beside it and renaming it over the old one (a rename
 * replaces a symlink rather than writing through it, and a reader never sees half a file).
 */
import { lstatSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { isPublishablePath } from './content-paths.ts';

/** One file's text before and after a publication; null: the file does not exist. */
export interface FileChange {
  path: string;
  before: string | null;
  after: string | null;
}

/** Thrown for a path that leaves the folder or crosses a symlink; the publication fails with its message. */
export class UnsafeContentPath extends Error {}

/** The absolute file for a content path, after checking that no part of the way is a symlink. */
function safeTarget(contentDir: string, path: string): string {
  if (!isPublishablePath(path)) throw new UnsafeContentPath(`Dit bestand mag niet worden gepubliceerd: ${path}`);
  const root = realpathSync(contentDir);
  const target = join(root, path);
  const rel = relative(root, target);
  if (rel.startsWith('..') || rel.split(sep).includes('..')) throw new UnsafeContentPath(`Dit pad ligt buiten de inhoudsmap: ${path}`);
  // Each folder between the root and the file must be a real folder, not a link elsewhere.
  let dir = dirname(target);
  while (dir !== root) {
    try {
      if (!lstatSync(dir).isDirectory()) throw new UnsafeContentPath(`De map van ${path} is geen gewone map.`);
    } catch (error) {
      if (error instanceof UnsafeContentPath) throw error;
      // A folder that does not exist yet is made by the write.
    }
    dir = dirname(dir);
  }
  try {
    if (lstatSync(target).isSymbolicLink()) throw new UnsafeContentPath(`${path} is een koppeling naar een ander bestand en wordt niet overschreven.`);
  } catch (error) {
    if (error instanceof UnsafeContentPath) throw error;
  }
  return target;
}

/** The current text of a content file, or null when it does not exist (symlinks are not read). */
export function readContentFile(contentDir: string, path: string): string | null {
  const target = safeTarget(contentDir, path);
  try {
    return readFileSync(target, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Writes (or deletes, for null) each file in a content folder; the caller has checked the paths. */
export function writeContentFiles(contentDir: string, files: readonly { path: string; content: string | null }[]): void {
  for (const file of files) {
    const target = safeTarget(contentDir, file.path);
    if (file.content === null) {
      rmSync(target, { force: true });
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    writeFileSync(temporary, file.content, { flag: 'wx' });
    renameSync(temporary, target);
  }
}
