/**
 * Operations on servers of the test's own: a graceful stop on SIGTERM lets a
 * request under way finish with its normal answer, refuses new connections, closes the database
 * and exits 0; /healthz and /readyz tell a load balancer whether the process lives and whether
 * it can serve (database reachable, every migration applied).
 */
import http from 'node:http';
import { connect } from 'node:net';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { freePort, startServer, type OwnServer } from './own-server.ts';

let dir: string;
let servers: OwnServer[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'praktijkplein-ops-'));
  servers = [];
});
afterEach(() => {
  for (const server of servers) server.kill();
  rmSync(dir, { recursive: true, force: true });
});

async function start(databaseUrl: string, env: Record<string, string> = {}) {
  const server = await startServer(databaseUrl, env);
  servers.push(server);
  return server;
}

/** Waits (up to 20 s) until the server answers /readyz with 200. */
async function untilReady(server: OwnServer) {
  for (let i = 0; i < 200; i++) {
    if ((await fetch(`${server.baseURL}/readyz`)).status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`/readyz werd niet 200:\n${server.stdout()}`);
}

/** True when a new TCP connection to the port is refused. */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

interface Answer {
  status: number;
  body: string;
}

describe('stoppen met SIGTERM', () => {
  test('een verzoek dat loopt krijgt zijn gewone antwoord; daarna geen nieuwe verbindingen, de database dicht, exitcode 0', async () => {
    const dbPath = join(dir, 'app.db');
    const server = await start(`file:${dbPath}`);
    await untilReady(server);

    // A login form whose body arrives slowly, as from a person on a bad connection. With
    // `Expect: 100-continue` the server says when it has taken the request on (its checkContinue
    // handler), so the signal is sent while the request is certainly under way.
    const body = 'email=iemand%40voorbeeld.nl&password=niet-het-goede-wachtwoord';
    const request = http.request(`${server.baseURL}/account/inloggen/?_action=account.login`, {
      method: 'POST',
      agent: false,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': String(Buffer.byteLength(body)),
        expect: '100-continue',
        origin: server.baseURL,
        'sec-fetch-site': 'same-origin',
      },
    });
    const answer = new Promise<Answer>((resolve, reject) => {
      request.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body: text }));
        res.on('error', reject);
      });
      request.on('error', reject);
    });
    // A failure is reported where the answer is awaited, not as an unhandled rejection before.
    answer.catch(() => undefined);
    const accepted = new Promise<void>((resolve) => request.once('continue', () => resolve()));
    request.flushHeaders();
    await accepted;
    request.write(body.slice(0, 20));

    server.process.kill('SIGTERM');
    // The listener closes first: poll until a new connection is refused (at most 10 s).
    let closed = false;
    for (let i = 0; i < 100 && !closed; i++) {
      closed = await refused(server.port);
      if (!closed) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(closed, 'na SIGTERM wordt een nieuwe verbinding geweigerd').toBe(true);

    // Only now does the rest of the body arrive; the request still gets its normal answer.
    request.end(body.slice(20));
    const { status, body: page } = await answer;
    expect(status).toBe(401);
    expect(page).toContain('klopt niet');

    expect(await server.exited).toBe(0);
    const lines = server.stdout().trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const login = lines.findIndex((line) => line.type === 'request' && line.method === 'POST' && line.status === 401);
    const stopped = lines.findIndex((line) => line.msg === 'Server gestopt');
    expect(login).toBeGreaterThan(-1);
    expect(stopped).toBeGreaterThan(login);
    // Before closing, the server folds the write-ahead log into the database file (a checkpoint
    // that truncates it): the database was closed, not dropped with the process.
    expect(existsSync(dbPath)).toBe(true);
    const wal = `${dbPath}-wal`;
    expect(existsSync(wal) ? statSync(wal).size : 0, 'het WAL-bestand is leeg of weg').toBe(0);
  });
});

describe('/healthz en /readyz', () => {
  test('een gemigreerde database: allebei 200 "ok", nooit gecachet; andere methoden 405', async () => {
    const server = await start(`file:${join(dir, 'app.db')}`);
    await untilReady(server);
    for (const path of ['/healthz', '/readyz']) {
      const response = await fetch(`${server.baseURL}${path}`);
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toBe('ok\n');
      expect(response.headers.get('cache-control'), path).toBe('no-store');
      expect(response.headers.get('x-request-id'), path).toBeTruthy();
      const post = await fetch(`${server.baseURL}${path}`, { method: 'POST' });
      expect(post.status, path).toBe(405);
      expect(post.headers.get('allow'), path).toBe('GET, HEAD');
    }
  });

  test('een database waarop de migraties niet toegepast (kunnen) worden: /readyz 503 met de reden, /healthz 200', async () => {
    // A database that something else already uses: the first migration cannot create its table.
    const path = join(dir, 'vreemd.db');
    const other = createClient({ url: `file:${path}` });
    await other.execute('create table organisations (iets text)');
    other.close();

    const server = await start(`file:${path}`);
    const ready = await fetch(`${server.baseURL}/readyz`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get('cache-control')).toBe('no-store');
    expect(await ready.text()).toMatch(/database niet bijgewerkt: \d+ van \d+ migraties ontbreken/);
    const live = await fetch(`${server.baseURL}/healthz`);
    expect(live.status).toBe(200);
    expect(await live.text()).toBe('ok\n');
  });

  test('een onbereikbare database: /readyz 503, /healthz 200', async () => {
    const server = await start(`http://127.0.0.1:${await freePort()}`);
    const ready = await fetch(`${server.baseURL}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.text()).toMatch(/database onbereikbaar/);
    expect((await fetch(`${server.baseURL}/healthz`)).status).toBe(200);
  });
});
