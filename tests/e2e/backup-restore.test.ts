/**
 * Backup and restore end to end, as the README describes it: while a server
 * runs and another process keeps writing, `npm run db:backup` makes a copy (default name with a
 * timestamp under db/backups/, never over an existing file); the server stops; `npm run
 * db:check` finds the copy sound; the copy goes to a fresh path and a server started on it has
 * the data: the account logs in, and the rows written during the backup form one unbroken run
 * (the copy is one moment of the database, not a mix).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { like } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openDatabase, type DatabaseHandle } from '#db/client.ts';
import { securityEvents } from '#db/schema.ts';
import { newId } from '#platform/auth/crypto.ts';
import { registeredUser, strongPassword, type TestDb } from '../integration/accounts/helpers.ts';
import { startServer, type OwnServer } from './own-server.ts';

let dir: string;
const servers: OwnServer[] = [];
const handles: DatabaseHandle[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'praktijkplein-backup-'));
});
afterEach(() => {
  for (const server of servers.splice(0)) server.kill();
  for (const handle of handles.splice(0)) handle.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs a project script as an operator would (`npm run …`), without blocking this process. */
function script(file: string, args: string[], options: { cwd?: string; databaseUrl?: string } = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [resolve(file), ...args], {
      cwd: options.cwd ?? process.cwd(),
      env: { ...process.env, ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('exit', (code) => done({ code, output }));
  });
}

async function untilReady(server: OwnServer) {
  for (let i = 0; i < 200; i++) {
    if ((await fetch(`${server.baseURL}/readyz`)).status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`/readyz werd niet 200:\n${server.stdout()}`);
}

async function logIn(server: OwnServer, email: string) {
  return fetch(`${server.baseURL}/account/inloggen/?_action=account.login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.baseURL, 'sec-fetch-site': 'same-origin' },
    body: new URLSearchParams({ email, password: strongPassword }),
  });
}

const MARK = 'backup-proef-';

describe('back-up en herstel', () => {
  test('back-up terwijl de server draait en er geschreven wordt; stoppen; herstellen op een nieuw pad; de data is er en klopt', async () => {
    const dbPath = join(dir, 'praktijkplein.db');
    const url = `file:${dbPath}`;
    const server = await startServer(url);
    servers.push(server);
    await untilReady(server);

    // Data: a confirmed account, made by a second process on the same file.
    const handle = await openDatabase({ url });
    handles.push(handle);
    // What this process writes stays in the write-ahead log (no automatic checkpoint), as recent
    // writes do on a busy site: a backup that copied only the database file would miss them.
    await handle.client.execute('PRAGMA wal_autocheckpoint = 0');
    const t = { handle, url, deps: (o = {}) => ({ db: handle.db, origin: server.baseURL, ip: '192.0.2.7', ...o }), cleanup: () => undefined } as TestDb;
    const email = 'bea.backup@voorbeeld.nl';
    await registeredUser(t, email);
    expect((await logIn(server, email)).status).toBe(303);

    // Rows numbered 1, 2, 3, … written one after another, before and during the backup.
    let written = 0;
    const write = () => handle.db.insert(securityEvents).values({ id: newId(), kind: 'login-failed', detail: `${MARK}${++written}`, createdAt: Date.now() });
    for (let i = 0; i < 20; i++) await write();
    const before = written;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        await write();
        // The embedded client answers without a trip through the event loop: give way, or the
        // backup's exit is never heard.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    // Default name, from the project folder (here: a scratch folder standing in for it).
    const backup = await script('scripts/backup.ts', [], { cwd: dir, databaseUrl: url });
    writing = false;
    await writer;
    expect(backup.output).toMatch(/Back-up gemaakt: db\/backups\/praktijkplein-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.db .*integrity_check: ok/);
    expect(backup.code).toBe(0);
    expect(written, 'er werd geschreven terwijl de back-up liep').toBeGreaterThan(before);
    const [name] = readdirSync(join(dir, 'db', 'backups'));
    const copy = join(dir, 'db', 'backups', name!);

    // Never over an existing file.
    const again = await script('scripts/backup.ts', [copy], { databaseUrl: url });
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/bestaat al/);

    // Restore: stop the server, check the copy, put it in place (a fresh path), start.
    server.process.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const check = await script('scripts/db-check.ts', [copy]);
    expect(check.output).toMatch(/In orde: integrity_check ok, \d+ migraties toegepast/);
    expect(check.code).toBe(0);
    const restoredPath = join(dir, 'hersteld', 'praktijkplein.db');
    mkdirSync(join(dir, 'hersteld'));
    copyFileSync(copy, restoredPath);
    const restored = await startServer(`file:${restoredPath}`);
    servers.push(restored);
    await untilReady(restored);

    const login = await logIn(restored, email);
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toMatch(/\/account\/$/);

    const restoredDb = await openDatabase({ url: `file:${restoredPath}` });
    handles.push(restoredDb);
    expect((await restoredDb.client.execute('PRAGMA integrity_check')).rows[0]![0]).toBe('ok');
    const rows = await restoredDb.db.select({ detail: securityEvents.detail }).from(securityEvents).where(like(securityEvents.detail, `${MARK}%`));
    const numbers = rows.map((row) => Number(row.detail!.slice(MARK.length))).sort((a, b) => a - b);
    // Everything written before the backup began, and then an unbroken run: one moment in time.
    expect(numbers.length).toBeGreaterThanOrEqual(before);
    expect(numbers.length).toBeLessThanOrEqual(written);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
  });

  test('een beschadigd bestand: db:check zegt het en stopt met 1', async () => {
    const bad = join(dir, 'kapot.db');
    writeFileSync(bad, 'dit is geen database');
    const check = await script('scripts/db-check.ts', [bad]);
    expect(check.code).toBe(1);
    expect(check.output).toMatch(/Niet in orde/);
  });
});
