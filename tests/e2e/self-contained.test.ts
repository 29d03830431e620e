/**
 * Nothing outside the repository at run time: a copy of the built project in a folder with no
 * `shared/` beside it (no source texts, no data from elsewhere) starts, and a curator opens the
 * editor's "Nieuwe bron" page and gets the form. The copy reuses the dist/ already built for
 * the e2e run and links node_modules; its database is a fresh one of this test's own.
 */
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { users } from '#db/schema.ts';
import type { DatabaseHandle } from '#db/client.ts';
import { startServer, type OwnServer } from './own-server.ts';
import { Browser, freshDatabase, verifiedPerson, type Person } from './shared-database-support.ts';

/** What server.mjs needs of the project: the build, the code it loads from source, the content, the migrations. */
const NEEDED = ['dist', 'src', 'db', 'content', 'package.json', 'server.mjs'];

let dir: string;
let database: { dir: string; url: string; handle: DatabaseHandle };
let server: OwnServer | undefined;
let curator: Person;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'praktijkplein-los-'));
  for (const entry of NEEDED) cpSync(entry, join(dir, entry), { recursive: true, filter: (source) => !/\.db(-wal|-shm)?$|\/backups$/.test(source) });
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
  database = await freshDatabase('los');
  curator = await verifiedPerson(database.handle.db, 'municipality', 'curator');
  await database.handle.db.update(users).set({ role: 'curator' }).where(eq(users.id, curator.id));
  // The copy's own content folder, whatever the environment of the test run says.
  server = await startServer(database.url, { TRUST_PROXY: '1', PUBLISHING: 'off', CONTENT_DIR: '', SOURCES_TEXT_DIR: '' }, { cwd: dir });
}, 60_000);

afterAll(async () => {
  server?.kill();
  database?.handle.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (database) rmSync(database.dir, { recursive: true, force: true });
});

describe('een kopie van het project zonder iets ernaast', () => {
  test('er staat geen shared/ naast de kopie', () => {
    expect(existsSync(join(dirname(dir), 'shared'))).toBe(false);
    expect(existsSync(join(dir, '..', 'shared', 'sources'))).toBe(false);
  });

  test('de server start en een curator krijgt het formulier voor een nieuwe bron', async () => {
    const browser = await new Browser(curator.ip).logIn(server!.baseURL, curator.email);
    const response = await browser.request(server!.baseURL, '/beheer/inhoud/bron/nieuw/');
    const html = await response.text();
    expect(response.status, html.slice(0, 500)).toBe(200);
    expect(html).toContain('<h1 class="utrecht-heading-1">Nieuwe bron</h1>');
    for (const field of ['title', 'id', 'publisher', 'kind', 'supports', 'url', 'location']) expect(html).toMatch(new RegExp(`name="${field}"`));
    expect(html).not.toContain('shared/sources');
    // The public pages read the copy's own content too.
    const sources = await browser.request(server!.baseURL, '/bronnen/werkconferentie-werkgevers-en-gemeenten/');
    expect(sources.status).toBe(200);
  });
});
