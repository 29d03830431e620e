/**
 * A temporary copy of the project for tests that run the real content pipeline (`astro sync`).
 * One copy per test file: each case changes files in it and puts them back afterwards (`restore`),
 * which costs far less than copying the project and syncing from nothing per case.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface ProjectCopy {
  dir: string;
  /** Writes a file (relative to the copy), remembering what was there for `restore`. */
  write(path: string, text: string): void;
  /** Reads a file of the copy. */
  read(path: string): string;
  /** `astro sync` in the copy: its exit status and everything it printed. */
  sync(): { status: number | null; output: string };
  /** Puts every file written since the last restore back as it was (or removes it). */
  restore(): void;
  remove(): void;
}

/**
 * Copies the content and the code of the project. node_modules is a folder of links rather than
 * one link, so Astro's data store (node_modules/.astro) is the copy's own and never the project's.
 */
export function copyProject(prefix: string): ProjectCopy {
  const dir = mkdtempSync(join(tmpdir(), `praktijkplein-${prefix}-`));
  for (const entry of ['content', 'src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(entry, join(dir, entry), { recursive: true });
  mkdirSync(join(dir, 'node_modules'));
  for (const entry of readdirSync('node_modules')) {
    if (entry !== '.astro') symlinkSync(resolve('node_modules', entry), join(dir, 'node_modules', entry), 'dir');
  }
  const originals = new Map<string, string | null>();
  return {
    dir,
    write(path, text) {
      const file = join(dir, path);
      if (!originals.has(path)) originals.set(path, existsSync(file) ? readFileSync(file, 'utf8') : null);
      writeFileSync(file, text);
    },
    read: (path) => readFileSync(join(dir, path), 'utf8'),
    sync() {
      const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'sync'], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
      });
      return { status: result.status, output: result.stdout + result.stderr };
    },
    restore() {
      for (const [path, text] of originals) {
        if (text === null) rmSync(join(dir, path), { force: true });
        else writeFileSync(join(dir, path), text);
      }
      originals.clear();
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
