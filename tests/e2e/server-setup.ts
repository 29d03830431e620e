/**
 * Global setup of the e2e project: the real built server (server.mjs over dist/), once per test
 * worker, each on a free port with its own temporary database, and the one Chromium every test
 * file connects to (browser.ts). A test file talks to its worker's server only (shared-server.ts),
 * so files that run side by side never see each other's pitches, mail or rate limits. All stop
 * afterwards, each server's whole process group with it.
 */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { startServer, type OwnServer } from './own-server.ts';
import { chromiumPath } from './chromium-path.ts';

/** One shared server, as a test file sees it. */
export interface SharedServer {
  baseURL: string;
  /** The server's database, so tests can read the outbox as a person reads their mail. */
  databaseUrl: string;
  /** A file that collects the server's stdout and stderr, so tests can check what it logs. */
  serverLog: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** One server per test worker; shared-server.ts picks the worker's own. */
    servers: SharedServer[];
    /** The shared Chromium, for `chromium.connect` (browser.ts). */
    browserWsEndpoint: string;
  }
}

/** Debian's Chromium (chromium-path.ts says which build), with the flags this closed network needs. */
const chromiumLaunchOptions = {
  executablePath: chromiumPath(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

const servers: OwnServer[] = [];
let browserServer: BrowserServer | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject) {
  if (!existsSync('dist/server/entry.mjs')) throw new Error('Bouw de site eerst: npm test doet dat vanzelf.');
  const root = mkdtempSync(join(tmpdir(), 'praktijkplein-e2e-'));
  dataDir = root;
  const browserStarted = chromium.launchServer(chromiumLaunchOptions);
  // As many servers as the run has workers (vitest.config.ts): one per worker.
  const workers = project.vitest.config.maxWorkers;
  const shared = await Promise.all(Array.from({ length: workers }, (_, index) => startShared(root, index + 1)));
  browserServer = await browserStarted;
  project.provide('servers', shared);
  project.provide('browserWsEndpoint', browserServer.wsEndpoint());
}

async function startShared(root: string, number: number): Promise<SharedServer> {
  const databaseUrl = `file:${join(root, `e2e-${number}.db`)}`;
  const serverLog = join(root, `server-${number}.log`);
  // TRUST_PROXY lets each test send its own X-Forwarded-For, so per-IP limits don't leak between tests.
  // PUBLISHING=off: this server runs from the checkout; a publish would write its content/ and commit into it.
  const server = await startServer(databaseUrl, { TRUST_PROXY: '1', PUBLISHING: 'off' }, { logFile: serverLog });
  servers.push(server);
  // The first page renders (database migrated, the page code loaded) before any test asks.
  const deadline = Date.now() + 30_000;
  while (!(await fetch(`${server.baseURL}/`).then((response) => response.ok, () => false))) {
    if (server.process.exitCode !== null || Date.now() > deadline) throw new Error(`De server startte niet:\n${server.stdout()}\n${server.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { baseURL: server.baseURL, databaseUrl, serverLog };
}

export async function teardown() {
  await browserServer?.close();
  await Promise.all(servers.filter((server) => server.process.exitCode === null).map(async (server) => {
    // The server logs its graceful stop: wait for it (at most 15 s) before removing its log.
    server.process.kill('SIGTERM');
    await Promise.race([server.exited, new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
    server.kill();
  }));
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
