/**
 * Starts the real built server (server.mjs over dist/) on a free port for the e2e project,
 * with its own temporary database, and stops its whole process group afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from './own-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    /** The server's database, so tests can read the outbox as a person reads their mail. */
    databaseUrl: string;
    /** A file that collects the server's stdout and stderr, so tests can check what it logs. */
    serverLog: string;
  }
}


let server: ChildProcess | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject) {
  if (!existsSync('dist/server/entry.mjs')) throw new Error('Bouw de site eerst: npm test doet dat vanzelf.');
  const port = await freePort();
  dataDir = mkdtempSync(join(tmpdir(), 'praktijkplein-e2e-'));
  const databaseUrl = `file:${join(dataDir, 'e2e.db')}`;
  server = spawn(process.execPath, ['server.mjs'], {
    // TRUST_PROXY lets each test send its own X-Forwarded-For, so per-IP limits don't leak between tests.
    // PUBLISHING=off: this server runs from the checkout; a publish would write its content/ and commit into it.
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, TRUST_PROXY: '1', NODE_ENV: 'test', PUBLISHING: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const serverLog = join(dataDir, 'server.log');
  const collect = (chunk: Buffer) => {
    output += chunk;
    appendFileSync(serverLog, chunk);
  };
  server.stdout!.on('data', collect);
  server.stderr!.on('data', collect);
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const response = await fetch(`${baseURL}/`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (server.exitCode !== null || Date.now() > deadline) throw new Error(`De server startte niet:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  project.provide('baseURL', baseURL);
  project.provide('databaseUrl', databaseUrl);
  project.provide('serverLog', serverLog);
}

export async function teardown() {
  if (server?.pid && server.exitCode === null) {
    // The server logs its graceful stop: wait for it (at most 15 s) before removing its log.
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    try {
      process.kill(-server.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
    } catch {
      // already gone
    }
    server.stdout?.removeAllListeners('data');
    server.stderr?.removeAllListeners('data');
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
