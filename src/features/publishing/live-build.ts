/**
 * Which build the site serves. Builds live under the state folder as
 * `builds/<id>/` (client/ and server/, as `astro build` writes them), and `live.json` names the
 * active one. The pointer is replaced by a rename, so a reader sees the old or the new build,
 * never a mix, and a build is never written after it was named. server.mjs reads the pointer
 * (cheaply, by its stat) and switches; without one it serves dist/.
 * Plain enough for server.mjs to load from source.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** What live.json says. */
export interface LiveBuild {
  /** The publication that built it. */
  id: string;
  /** Absolute folder holding client/ and server/. */
  dir: string;
  /** When it went live (ms). */
  at: number;
}

export const POINTER_FILE = 'live.json';

/** The folder under which builds are made. */
export const buildsDir = (stateDir: string) => join(stateDir, 'builds');

/** The build folder of one publication. */
export const buildDir = (stateDir: string, id: string) => join(buildsDir(stateDir), id);

/** The live build, or null when there is none (or it is unreadable or gone): then dist/ serves. */
export function readLiveBuild(stateDir: string): LiveBuild | null {
  try {
    const live = JSON.parse(readFileSync(join(stateDir, POINTER_FILE), 'utf8')) as LiveBuild;
    if (typeof live.dir !== 'string' || !existsSync(join(live.dir, 'server', 'entry.mjs'))) return null;
    return live;
  } catch {
    return null;
  }
}

/**
 * The folder to serve: the live build, unless dist/ was built after it went live. A release of
 * new code is deployed with `npm run build` (which also includes every published change,
 * since publishing writes content/), so a newer dist/ must win over an older published build:
 * otherwise the old code would keep running until the next publication.
 */
export function servedBuildDir(stateDir: string, distDir: string): { dir: string; id: string } {
  const live = readLiveBuild(stateDir);
  if (!live) return { dir: distDir, id: 'dist' };
  let distBuiltAt = 0;
  try {
    distBuiltAt = statSync(join(distDir, 'server', 'entry.mjs')).mtimeMs;
  } catch {
    // No dist/ at all: the live build is all there is.
  }
  return distBuiltAt > live.at ? { dir: distDir, id: 'dist' } : { dir: live.dir, id: live.id };
}

/** A cheap fingerprint of the pointer file (changes when it is replaced); null when absent. */
export function pointerStamp(stateDir: string): string | null {
  try {
    const stat = statSync(join(stateDir, POINTER_FILE));
    return `${stat.ino}:${stat.mtimeMs}:${stat.size}`;
  } catch {
    return null;
  }
}

/**
 * Makes the state folder ready for builds. A built server imports its packages by name, and
 * Node looks for them in node_modules folders above the file: a link beside the builds makes
 * that work wherever the state folder is.
 */
export function prepareStateDir(stateDir: string, projectRoot: string): void {
  mkdirSync(buildsDir(stateDir), { recursive: true });
  const link = join(buildsDir(stateDir), 'node_modules');
  if (!existsSync(link)) symlinkSync(join(projectRoot, 'node_modules'), link, 'dir');
}

/** Names a finished build as the live one, atomically (write beside, then rename over). */
export function switchLiveBuild(stateDir: string, live: LiveBuild): void {
  const pointer = join(stateDir, POINTER_FILE);
  const temporary = `${pointer}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temporary, JSON.stringify(live));
  renameSync(temporary, pointer);
}

/**
 * Deletes old builds: keeps the live one and the one before it (requests under way, and
 * instances that have not switched yet, may still read it), and whatever `keep` names.
 */
export function removeOldBuilds(stateDir: string, keep: readonly string[] = []): string[] {
  const dir = buildsDir(stateDir);
  if (!existsSync(dir)) return [];
  const builds = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'server', 'entry.mjs')))
    .map((entry) => ({ name: entry.name, at: statSync(join(dir, entry.name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  const live = readLiveBuild(stateDir);
  // The live build's folder is named per attempt (<publication>-<attempt>), not by the pointer's id.
  const kept = new Set([...keep, ...(live ? [live.id, basename(live.dir)] : [])]);
  const newest = builds.filter((b) => !kept.has(b.name)).slice(0, Math.max(0, 2 - kept.size));
  for (const b of newest) kept.add(b.name);
  const removed = builds.filter((b) => !kept.has(b.name)).map((b) => b.name);
  for (const name of removed) rmSync(join(dir, name), { recursive: true, force: true });
  return removed;
}
