/**
 * Which files a publication may write: only the content folder's known
 * files, named by a path relative to content/. A whitelist of shapes, not a blacklist of
 * tricks: `cases/<id>.mdx`, `instruments/<id>.mdx`, and the two data files. Anything else
 * (`..`, an absolute path, a backslash, another folder or extension, a capital, a NUL byte)
 * is refused before it reaches the disk. Writing also refuses symlinks (platform/content-store.ts).
 */
import { readContentFile, writeContentFiles } from '#platform/content-store.ts';

/** An id as a file name: lower-case words joined by single hyphens (the site's URL ids). */
const ID = '[a-z0-9]+(?:-[a-z0-9]+)*';

/** The shapes a content path may have, with what a curator calls it. */
const ALLOWED: readonly RegExp[] = [
  new RegExp(`^cases/${ID}\\.mdx$`),
  new RegExp(`^instruments/${ID}\\.mdx$`),
  /^organisations\/organisations\.yaml$/,
  /^sources\/sources\.yaml$/,
];

/** The longest id the site accepts in a file name (URLs stay readable). */
const MAX_PATH_LENGTH = 120;

/** True when `path` is one of the content files a publication may write or delete. */
export function isPublishablePath(path: unknown): path is string {
  return typeof path === 'string' && path.length <= MAX_PATH_LENGTH && ALLOWED.some((shape) => shape.test(path));
}

/** The paths of a list that may not be published (empty when all may). */
export function refusedPaths(paths: readonly unknown[]): string[] {
  return paths.filter((path) => !isPublishablePath(path)).map((path) => String(path).slice(0, MAX_PATH_LENGTH));
}

/** One file's text before and after a publication; null: the file does not exist. */
export interface FileChange {
  path: string;
  before: string | null;
  after: string | null;
}

/** A publishable content file's text, or null when it does not exist (symlinks and other paths refused). */
export function readPublishable(contentDir: string, path: string): string | null {
  return readContentFile(path, contentDir, isPublishablePath)?.text ?? null;
}

/** Writes (or deletes, for null) publishable files only; anything else throws UnsafeContentPath. */
export function writePublishable(contentDir: string, files: readonly { path: string; content: string | null }[]): void {
  writeContentFiles(contentDir, files, isPublishablePath);
}
