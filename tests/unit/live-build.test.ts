/**
 * Which build the server serves after a release: a dist/ built after the last publication wins,
 * so deploying new code never leaves an older published build (with older code) running.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDir, servedBuildDir, switchLiveBuild } from '#features/publishing/live-build.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function builtAt(dir: string, atMs: number) {
  mkdirSync(join(dir, 'server'), { recursive: true });
  const entry = join(dir, 'server', 'entry.mjs');
  writeFileSync(entry, 'export const handler = () => {};');
  utimesSync(entry, atMs / 1000, atMs / 1000);
}

function project() {
  const root = mkdtempSync(join(tmpdir(), 'pp-live-build-'));
  folders.push(root);
  return { stateDir: join(root, '.praktijkplein'), distDir: join(root, 'dist') };
}

describe('servedBuildDir', () => {
  it('serves dist/ when nothing was published', () => {
    const { stateDir, distDir } = project();
    builtAt(distDir, Date.parse('2026-11-01T10:00:00Z'));
    expect(servedBuildDir(stateDir, distDir)).toEqual({ dir: distDir, id: 'dist' });
  });

  it('serves the published build when it went live after dist/ was built', () => {
    const { stateDir, distDir } = project();
    builtAt(distDir, Date.parse('2026-11-01T10:00:00Z'));
    const dir = buildDir(stateDir, 'pub1');
    builtAt(dir, Date.parse('2026-11-02T10:00:00Z'));
    switchLiveBuild(stateDir, { id: 'pub1', dir, at: Date.parse('2026-11-02T10:00:00Z') });
    expect(servedBuildDir(stateDir, distDir)).toEqual({ dir, id: 'pub1' });
  });

  it('serves a dist/ built after the last publication (a new release), not the older published build', () => {
    const { stateDir, distDir } = project();
    const dir = buildDir(stateDir, 'pub1');
    builtAt(dir, Date.parse('2026-11-02T10:00:00Z'));
    switchLiveBuild(stateDir, { id: 'pub1', dir, at: Date.parse('2026-11-02T10:00:00Z') });
    builtAt(distDir, Date.parse('2026-11-03T10:00:00Z'));
    expect(servedBuildDir(stateDir, distDir)).toEqual({ dir: distDir, id: 'dist' });
  });
});
