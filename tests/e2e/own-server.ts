/**
 * A built server of a test's own (server.mjs over dist/), on a free port with the database the
 * test gives it, for tests that stop, break or read the log of a server: the shared e2e server
 * (server-setup.ts, started the same way) must keep running for the other tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * A port nobody listens on at this moment (for an address that must not answer). Another
 * process may take it before it is used: servers started here retry on another port then.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface OwnServer {
  baseURL: string;
  port: number;
  process: ChildProcess;
  /** Everything written to stdout so far. */
  stdout(): string;
  /** Everything written to stderr so far. */
  stderr(): string;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  exited: Promise<number | string>;
  /** Kills the process group if it still runs (for afterEach). */
  kill(): void;
}

/** Settings of a server; a function when a setting names the server's own port (SITE_URL). */
export type ServerEnv = Record<string, string> | ((port: number) => Record<string, string>);

export interface StartOptions {
  /** Another copy of the project to run from. */
  cwd?: string;
  /** A file that also collects stdout and stderr. */
  logFile?: string;
}

/** server.mjs says this (and exits 1) when its port is taken. */
const PORT_TAKEN = /al in gebruik/;

/**
 * Starts server.mjs with `DATABASE_URL` (and more settings) and waits until /healthz answers.
 * `env.PORT` picks the port (a restart on the same address); otherwise a free one is used, and
 * if another process takes it between the probe and the server's listen, another port is tried.
 */
export async function startServer(databaseUrl: string, env: ServerEnv = {}, { cwd, logFile }: StartOptions = {}): Promise<OwnServer> {
  for (let attempt = 1; ; attempt++) {
    const fixed = typeof env === 'function' ? undefined : env.PORT;
    const port = fixed ? Number(fixed) : await freePort();
    const settings = typeof env === 'function' ? env(port) : env;
    const started = await startOn(port, { ...settings, PORT: String(port) }, databaseUrl, cwd, logFile);
    if (started.ok) return started.server;
    if (!fixed && attempt < 5 && PORT_TAKEN.test(started.output)) continue;
    throw new Error(`De server startte niet:\n${started.output}`);
  }
}

async function startOn(port: number, env: Record<string, string>, databaseUrl: string, cwd: string | undefined, logFile: string | undefined): Promise<{ ok: true; server: OwnServer } | { ok: false; output: string }> {
  const child = spawn(process.execPath, ['server.mjs'], {
    cwd,
    env: { ...process.env, HOST: '127.0.0.1', DATABASE_URL: databaseUrl, NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk;
    if (logFile) appendFileSync(logFile, chunk);
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    err += chunk;
    if (logFile) appendFileSync(logFile, chunk);
  });
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'onbekend')));
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${baseURL}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) {
      // Let the last output arrive (the pipes may close after the exit event).
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { ok: false, output: `${out}\n${err}` };
    }
    if (Date.now() > deadline) {
      killGroup(child);
      return { ok: false, output: `${out}\n${err}` };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    ok: true,
    server: {
      baseURL,
      port,
      process: child,
      stdout: () => out,
      stderr: () => err,
      exited,
      kill: () => killGroup(child),
    },
  };
}

function killGroup(child: ChildProcess) {
  if (child.exitCode === null && child.signalCode === null && child.pid) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
