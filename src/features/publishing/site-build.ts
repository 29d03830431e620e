/**
 * One rebuild of the site for a publication, in a staging copy of the project: the build inputs are copied to a folder of their own (node_modules linked, never
 * copied), the changes are written there, and the real `astro build` runs in a child process
 * with a minimal environment (no database address, no SMTP password: a build needs neither).
 * Its output goes to a new build folder, never to the live one; the real content folder is
 * not touched here. Failure comes back as a short Dutch message with the build's own lines.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { writePublishable } from './content-paths.ts';

/** What a build needs: where the project is, where to stage and where to put the output. */
export interface SiteBuildInput {
  projectRoot: string;
  /** The content folder to start from (the real one; copied, not changed). */
  contentDir: string;
  stagingDir: string;
  outDir: string;
  changes: readonly { path: string; content: string | null }[];
  /** The whole environment of the build process. */
  env: Record<string, string>;
  /** Stops the build (kills the child) when aborted. */
  signal?: AbortSignal;
}

export type SiteBuildResult = { ok: true } | { ok: false; message: string };

/** Builds the site; the function the worker calls (tests pass a quicker one). */
export type SiteBuilder = (input: SiteBuildInput) => Promise<SiteBuildResult>;

/** The project's build inputs besides content/ (which comes from `contentDir`). */
const BUILD_INPUTS = ['src', 'public', 'db', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/** Never copied: database files and backups (secrets and size), caches. */
const SKIPPED = /(\.db(-wal|-shm|-journal)?|\.tmp)$|^(backups|node_modules|\.astro|dist)$/;

/** A build that takes longer than this is stuck: it is stopped and the publication fails. */
export const BUILD_TIMEOUT_MS = 10 * 60_000;

/** Copies the build inputs and the content, applies the changes: the staging project. */
export function stageProject(input: SiteBuildInput): void {
  rmSync(input.stagingDir, { recursive: true, force: true });
  mkdirSync(input.stagingDir, { recursive: true });
  const copy = (from: string, to: string) => cpSync(from, to, { recursive: true, filter: (source) => !SKIPPED.test(basename(source)) });
  for (const entry of BUILD_INPUTS) {
    const from = join(input.projectRoot, entry);
    if (existsSync(from)) copy(from, join(input.stagingDir, entry));
  }
  copy(input.contentDir, join(input.stagingDir, 'content'));
  symlinkSync(join(input.projectRoot, 'node_modules'), join(input.stagingDir, 'node_modules'), 'dir');
  writePublishable(join(input.stagingDir, 'content'), input.changes);
  // The project's own configuration, with the output folder and a cache of the staging's own
  // (the default cache sits in node_modules, which is shared with the live project).
  writeFileSync(
    join(input.stagingDir, 'astro.publish.config.mjs'),
    `import base from './astro.config.mjs';\nexport default { ...base, outDir: ${JSON.stringify(input.outDir)}, cacheDir: './.astro-cache' };\n`,
  );
}

/** The real build: `astro build` on a staging copy, in a child process of the same Node. */
export const astroBuild: SiteBuilder = async (input) => {
  try {
    stageProject(input);
  } catch (error) {
    return { ok: false, message: `De build kon niet beginnen: ${error instanceof Error ? error.message : String(error)}` };
  }
  const { code, output } = await run(input);
  if (code === 0 && existsSync(join(input.outDir, 'server', 'entry.mjs'))) return { ok: true };
  if (code === 'timeout') return { ok: false, message: `De build duurde langer dan ${BUILD_TIMEOUT_MS / 60_000} minuten en is gestopt. De live site is niet veranderd.` };
  return { ok: false, message: `De build is mislukt; de live site is niet veranderd.\n${relevantLines(output, input.stagingDir)}` };
};

function run(input: SiteBuildInput): Promise<{ code: number | 'timeout' | 'aborted'; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--config', 'astro.publish.config.mjs'], {
      cwd: input.stagingDir,
      env: input.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      // Only the end matters for an error; a long log is cut from the front.
      if (output.length > 200_000) output = output.slice(-100_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let stopped: 'timeout' | 'aborted' | null = null;
    const stop = (why: 'timeout' | 'aborted') => {
      stopped = why;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => stop('timeout'), BUILD_TIMEOUT_MS);
    const onAbort = () => stop('aborted');
    input.signal?.addEventListener('abort', onAbort, { once: true });
    // The build runs in its own process group: when this process ends (SIGTERM after the grace
    // period), the build ends with it; the expired claim lets another worker build it again.
    const onExit = () => stop('aborted');
    process.once('exit', onExit);
    child.on('error', (error) => keep(Buffer.from(String(error))));
    child.on('close', (code) => {
      clearTimeout(timer);
      input.signal?.removeEventListener('abort', onAbort);
      process.removeListener('exit', onExit);
      resolve({ code: stopped ?? code ?? 1, output });
    });
  });
}

/** Control codes of coloured output. */
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

/**
 * The lines of a failed build that tell a curator what to fix: from the first error line on
 * (the content schema names the file and the field), without the staging folder's path and
 * without stack frames. At most 15 lines.
 */
export function relevantLines(output: string, stagingDir: string): string {
  const lines = output
    .replace(ANSI, '')
    .replaceAll(`${stagingDir}/`, '')
    .replaceAll(stagingDir, '')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() && !/^\s+at /.test(line) && !/node_modules\//.test(line));
  const first = lines.findIndex((line) => /error|fout|failed|mislukt|invalid|ongeldig/i.test(line));
  const picked = (first === -1 ? lines.slice(-15) : lines.slice(first, first + 15)).map((line) => line.slice(0, 300));
  return picked.join('\n');
}
