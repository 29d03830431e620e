/**
 * Outbox delivery against a real libSQL file: each message goes out once with
 * two instances on one database; failures back off and wait instead of being abandoned; a dead
 * sender's claim lapses; mail with an expired link is not sent and is removed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { migrateDatabase, openDatabase, type Database, type DatabaseHandle } from '#db/client.ts';
import { outbox, securityEvents } from '#db/schema.ts';
import { newId } from '#platform/auth/crypto.ts';
import { deliverPendingMail, LEASE_MS, retryDelay } from '#platform/mail/outbox-delivery.ts';
import { runRetention } from '#features/jobs/retention.ts';
import { deleteMailFor, enqueueMail, mailFor } from '#platform/mail/outbox.ts';
import type { Transport } from '#platform/mail/transport.ts';

/** The delivery module under test; point it at src/platform/mail/outbox.ts to see the old code fail. */
const DELIVERY_MODULE = resolve('src/platform/mail/outbox-delivery.ts');
type Deliver = (db: Database, transport: Transport) => Promise<number>;

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;

let dir: string;
let handles: DatabaseHandle[] = [];
let url: string;
let db: Database;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'praktijkplein-outbox-'));
  url = `file:${join(dir, 'test.db')}`;
  const handle = await openDatabase({ url });
  await migrateDatabase(handle);
  handles = [handle];
  db = handle.db;
});
afterEach(() => {
  for (const handle of handles) handle.close();
  rmSync(dir, { recursive: true, force: true });
});

async function queue(count: number, now = Date.now()) {
  const statements = Array.from({ length: count }, (_, i) => enqueueMail(db, { to: `persoon${i}@voorbeeld.nl`, subject: `bericht ${i}`, body: 'Hallo' }, now));
  await db.batch(statements as [(typeof statements)[0], ...typeof statements]);
}

async function row(id?: string) {
  const rows = id ? await db.select().from(outbox).where(eq(outbox.id, id)) : await db.select().from(outbox);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

/** A transport that takes a few milliseconds per message, like SMTP, and counts what it sends. */
function countingTransport(counts: Map<string, number>): Transport {
  return {
    async send({ subject }) {
      await new Promise((done) => setTimeout(done, 3));
      counts.set(subject, (counts.get(subject) ?? 0) + 1);
    },
  };
}

function expectEachOnce(counts: Map<string, number> | string[], total: number) {
  const tally = Array.isArray(counts) ? counts.reduce((map, s) => map.set(s, (map.get(s) ?? 0) + 1), new Map<string, number>()) : counts;
  const twice = [...tally].filter(([, n]) => n !== 1);
  expect(twice, 'berichten die vaker dan één keer zijn verstuurd').toEqual([]);
  expect(tally.size).toBe(total);
}

describe('twee instanties op één database', () => {
  test('elke e-mail gaat precies één keer de deur uit (twee clients, elk met een eigen module)', async () => {
    await queue(60);
    // Two processes: two libSQL clients on the same file, and two instances of the module
    // (each with its own per-process run guard).
    const second = await openDatabase({ url });
    handles.push(second);
    vi.resetModules();
    const a = ((await import(DELIVERY_MODULE)) as { deliverPendingMail: Deliver }).deliverPendingMail;
    vi.resetModules();
    const b = ((await import(DELIVERY_MODULE)) as { deliverPendingMail: Deliver }).deliverPendingMail;
    expect(a).not.toBe(b);

    const counts = new Map<string, number>();
    const sentBy = [0, 0];
    for (let round = 0; round < 3; round++) {
      const [byA, byB] = await Promise.all([a(db, countingTransport(counts)), b(second.db, countingTransport(counts))]);
      sentBy[0] += byA;
      sentBy[1] += byB;
    }
    expectEachOnce(counts, 60);
    // Both really worked at the same time (otherwise this test would prove nothing).
    expect(sentBy.every((n) => n > 0)).toBe(true);
    const rows = await db.select().from(outbox);
    expect(rows.every((m) => m.status === 'sent' && m.sentAt !== null && m.attempts === 1)).toBe(true);
  });

  test('ook met twee echte processen', async () => {
    await queue(60);
    const run = () => {
      const child = spawn(process.execPath, [resolve('tests/integration/jobs/deliver-worker.ts'), url, DELIVERY_MODULE, '3'], {
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      let output = '';
      const ready = new Promise<void>((ok) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.startsWith('ready\n')) ok();
        });
      });
      const done = new Promise<string[]>((ok, fail) => {
        child.on('error', fail);
        child.on('exit', (code) => (code === 0 ? ok(JSON.parse(output.slice('ready\n'.length)) as string[]) : fail(new Error(`worker stopte met ${code}`))));
      });
      return { child, ready, done };
    };
    const workers = [run(), run()];
    // Both are started and connected before either sends, so their runs overlap.
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.child.stdin.end('go\n');
    const [first, second] = await Promise.all(workers.map((w) => w.done));
    expectEachOnce([...first!, ...second!], 60);
    // Both processes really sent (otherwise they did not overlap and this proves nothing).
    expect(first!.length).toBeGreaterThan(0);
    expect(second!.length).toBeGreaterThan(0);
    expect((await db.select().from(outbox)).every((m) => m.status === 'sent')).toBe(true);
  });
});

describe('één proces', () => {
  test('een tweede aanroep tijdens een ronde sluit aan, en mail die intussen bijkwam gaat nog in dezelfde ronde mee', async () => {
    await queue(3);
    const counts = new Map<string, number>();
    const transport = countingTransport(counts);
    let joined: Promise<number> | undefined;
    const first = deliverPendingMail(db, {
      async send(message) {
        await transport.send(message);
        if (!joined) {
          // What an action does while a run is busy: queue mail and ask for delivery.
          await db.batch([enqueueMail(db, { to: 'later@voorbeeld.nl', subject: 'later', body: '.' })]);
          joined = deliverPendingMail(db, transport);
        }
      },
    });
    expect(await first).toBe(4);
    expect(await joined).toBe(4);
    expectEachOnce(counts, 4);
  });
});

describe('mislukte verzending', () => {
  test('wacht steeds langer (tot een uur), geeft na 8 pogingen niet op en verstuurt zodra het weer kan', async () => {
    let now = Date.now();
    await db.batch([enqueueMail(db, { to: 'anna@voorbeeld.nl', subject: 'Welkom', body: 'Hallo' }, now)]);
    const id = (await row()).id;
    const tries: string[] = [];
    const broken: Transport = {
      async send() {
        tries.push((await row(id)).status);
        throw new Error('Invalid login for smtps://praktijkplein:geheim123@smtp.voorbeeld.nl:465\n535 5.7.8 failed');
      },
    };
    const expectedDelays = [1, 2, 4, 8, 16, 32, 60, 60, 60, 60].map((m) => m * MINUTE);
    for (let attempt = 1; attempt <= 10; attempt++) {
      expect(await deliverPendingMail(db, broken, () => now)).toBe(0);
      const mail = await row(id);
      expect(mail).toMatchObject({ status: 'queued', attempts: attempt, sentAt: null, claimedUntil: null, nextAttemptAt: now + expectedDelays[attempt - 1]! });
      expect(mail.lastError).toContain('Invalid login');
      expect(mail.lastError).not.toContain('geheim123');
      expect(mail.lastError).not.toContain('\n');
      // Not retried before its time.
      await deliverPendingMail(db, broken, () => mail.nextAttemptAt - 1);
      expect(tries).toHaveLength(attempt);
      now = mail.nextAttemptAt;
    }
    // While a message is being sent it says so.
    expect(new Set(tries)).toEqual(new Set(['sending']));
    expect(retryDelay(30)).toBe(60 * MINUTE);

    const counts = new Map<string, number>();
    expect(await deliverPendingMail(db, countingTransport(counts), () => now)).toBe(1);
    expect(await row(id)).toMatchObject({ status: 'sent', sentAt: now, attempts: 11, lastError: null, claimedUntil: null });
    expect(counts.get('Welkom')).toBe(1);
  });

  test('een verzender die halverwege stierf: zijn claim verloopt en dan verstuurt een ander het', async () => {
    const start = Date.now();
    await db.batch([enqueueMail(db, { to: 'anna@voorbeeld.nl', subject: 'Welkom', body: 'Hallo' }, start)]);
    // What a sender leaves behind when its process is killed after claiming.
    await db.update(outbox).set({ status: 'sending', claimedUntil: start + LEASE_MS, attempts: 1 });
    const counts = new Map<string, number>();

    await deliverPendingMail(db, countingTransport(counts), () => start + LEASE_MS - 1);
    expect(counts.size).toBe(0);
    expect(await row()).toMatchObject({ status: 'sending', sentAt: null });

    await deliverPendingMail(db, countingTransport(counts), () => start + LEASE_MS + 1);
    expect(counts.get('Welkom')).toBe(1);
    expect(await row()).toMatchObject({ status: 'sent', attempts: 2 });
  });
});

describe('verlopen links', () => {
  test('mail met een verlopen link wordt niet verstuurd maar als mislukt bewaard, en een dag later verwijderd', async () => {
    const start = Date.now();
    const link = { body: 'Uw link: https://praktijkplein.test/account/bevestigen/?token=abc' };
    await db.batch([
      enqueueMail(db, { to: 'laat@voorbeeld.nl', subject: 'verloopt', expiresAt: start + 30 * MINUTE, ...link }, start),
      enqueueMail(db, { to: 'op-tijd@voorbeeld.nl', subject: 'nog geldig', expiresAt: start + 48 * 60 * MINUTE, ...link }, start),
      enqueueMail(db, { to: 'bericht@voorbeeld.nl', subject: 'zonder link', body: 'Uw lidmaatschap is bevestigd.' }, start),
    ]);
    const [late] = await db.select().from(outbox).where(eq(outbox.subject, 'verloopt'));
    // The first try fails; the link of one of them expires before the retry.
    await deliverPendingMail(db, { send: async () => { throw new Error('SMTP weg'); } }, () => start);
    const later = start + 31 * MINUTE;
    const counts = new Map<string, number>();
    await deliverPendingMail(db, countingTransport(counts), () => later);
    expect([...counts.keys()].sort()).toEqual(['nog geldig', 'zonder link']);
    expect(await row(late!.id)).toMatchObject({ status: 'failed', sentAt: null, lastError: 'verlopen (laatste fout: SMTP weg)' });

    // Failed mail is kept a day after its link expired, sent mail a day after sending.
    await runRetention(db, later + 1);
    expect((await db.select().from(outbox)).map((m) => m.subject).sort()).toEqual(['nog geldig', 'verloopt', 'zonder link']);
    await runRetention(db, start + 30 * MINUTE + DAY + 1);
    expect((await db.select().from(outbox)).map((m) => m.subject).sort()).toEqual(['nog geldig', 'zonder link']);
    await runRetention(db, later + DAY + 1);
    expect(await db.select().from(outbox)).toEqual([]);
  });

  test('onverstuurde mail met een verlopen link verwijderen de bewaartermijnen meteen (niet onder een levende verzender vandaan)', async () => {
    const start = Date.now();
    const expiresAt = start + 30 * MINUTE;
    await db.batch([
      enqueueMail(db, { to: 'a@voorbeeld.nl', subject: 'in de wachtrij', body: 'link', expiresAt }, start),
      enqueueMail(db, { to: 'b@voorbeeld.nl', subject: 'wordt verstuurd', body: 'link', expiresAt }, start),
      enqueueMail(db, { to: 'c@voorbeeld.nl', subject: 'zonder link', body: 'bericht' }, start),
    ]);
    const after = expiresAt + MINUTE;
    await db.update(outbox).set({ status: 'sending', claimedUntil: after + LEASE_MS, attempts: 1 }).where(eq(outbox.subject, 'wordt verstuurd'));
    await runRetention(db, after);
    expect((await db.select().from(outbox)).map((m) => m.subject).sort()).toEqual(['wordt verstuurd', 'zonder link']);
    await runRetention(db, after + LEASE_MS + 1);
    expect((await db.select().from(outbox)).map((m) => m.subject)).toEqual(['zonder link']);
  });
});

describe('vragen over mail', () => {
  test('mailFor en deleteMailFor vinden mail op account-id en op elk adres, zonder op hoofdletters te letten', async () => {
    const now = Date.now();
    await db.batch([
      enqueueMail(db, { to: 'oud@voorbeeld.nl', subject: 'oud adres', body: '.', userId: 'u1' }, now),
      enqueueMail(db, { to: 'Nieuw@Voorbeeld.nl', subject: 'nieuw adres', body: '.' }, now + 1),
      enqueueMail(db, { to: 'ander@voorbeeld.nl', subject: 'iemand anders', body: '.', userId: 'u2' }, now + 2),
    ]);
    const owner = { userId: 'u1', addresses: ['nieuw@voorbeeld.nl'] };
    expect((await mailFor(db, owner)).map((m) => m.subject)).toEqual(['oud adres', 'nieuw adres']);
    expect(await mailFor(db, {})).toEqual([]);
    await db.batch([deleteMailFor(db, {})]);
    expect(await db.select().from(outbox)).toHaveLength(3);
    await db.batch([deleteMailFor(db, owner)]);
    expect((await db.select().from(outbox)).map((m) => m.subject)).toEqual(['iemand anders']);
  });
});

describe('beveiligingsmeldingen', () => {
  test('worden na 90 dagen verwijderd', async () => {
    const now = Date.now();
    await db.insert(securityEvents).values([
      { id: newId(), kind: 'login.failed', emailHint: 'an***@voorbeeld.nl', createdAt: now - 91 * DAY },
      { id: newId(), kind: 'login.failed', emailHint: 'an***@voorbeeld.nl', createdAt: now - 89 * DAY },
    ]);
    await runRetention(db, now);
    expect((await db.select().from(securityEvents)).map((e) => e.createdAt)).toEqual([now - 89 * DAY]);
  });
});
