/**
 * The mail loop: mail queued with nobody asking for delivery afterwards goes out within the
 * loop's interval, and mail that waits (notBefore) goes once it is due, not before. Two
 * instances turning at the same moment send each message once, keyed mail included.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { migrateDatabase, openDatabase, type Database, type DatabaseHandle } from '#db/client.ts';
import { outbox } from '#db/schema.ts';
import { enqueueJoinedMail, enqueueMail } from '#platform/mail/outbox.ts';
import type { Transport } from '#platform/mail/transport.ts';
import { MAIL_LOOP_INTERVAL_MS, mailLoopTurn, startMailLoop, stopMailLoop } from '#features/jobs/mail-loop.ts';

let dir: string;
let handles: DatabaseHandle[] = [];
let url: string;
let db: Database;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'praktijkplein-mail-loop-'));
  url = `file:${join(dir, 'test.db')}`;
  const handle = await openDatabase({ url });
  await migrateDatabase(handle);
  handles = [handle];
  db = handle.db;
});
afterEach(() => {
  stopMailLoop();
  for (const handle of handles) handle.close();
  rmSync(dir, { recursive: true, force: true });
});

function recording(sent: string[]): Transport {
  return {
    async send({ subject }) {
      await new Promise((done) => setTimeout(done, 2));
      sent.push(subject);
    },
  };
}

describe('de lus', () => {
  test('loopt hoogstens elke 30 seconden', () => {
    expect(MAIL_LOOP_INTERVAL_MS).toBeLessThanOrEqual(30_000);
  });

  test('één ronde met een vaste klok: wachtende mail gaat pas als hij aan de beurt is', async () => {
    const t0 = 1_900_000_000_000;
    await db.batch([
      enqueueMail(db, { to: 'a@voorbeeld.nl', subject: 'nu', body: 'x' }, t0),
      enqueueMail(db, { to: 'b@voorbeeld.nl', subject: 'straks', body: 'x', notBefore: t0 + 45_000 }, t0),
    ]);
    const sent: string[] = [];
    expect(await mailLoopTurn(db, { transport: recording(sent), clock: () => t0 })).toBe(1);
    expect(sent).toEqual(['nu']);
    // The next turn, one interval later, is still before it is due.
    expect(await mailLoopTurn(db, { transport: recording(sent), clock: () => t0 + MAIL_LOOP_INTERVAL_MS })).toBe(0);
    // The turn after it is due sends it: at most one interval after its time.
    expect(await mailLoopTurn(db, { transport: recording(sent), clock: () => t0 + 45_000 + MAIL_LOOP_INTERVAL_MS })).toBe(1);
    expect(sent).toEqual(['nu', 'straks']);
  });

  test('een ronde die mislukt, gooit niet: de volgende probeert het opnieuw', async () => {
    await db.batch([enqueueMail(db, { to: 'a@voorbeeld.nl', subject: 'nu', body: 'x' })]);
    const failing: Transport = { send: async () => Promise.reject(new Error('smtp weg')) };
    expect(await mailLoopTurn(db, { transport: failing })).toBe(0);
    const [row] = await db.select().from(outbox);
    expect(row).toMatchObject({ status: 'queued', lastError: 'smtp weg' });
  });

  test('gestart: mail die daarna in de wachtrij komt, gaat zonder dat iemand erom vraagt de deur uit', async () => {
    const sent: string[] = [];
    startMailLoop(db, { intervalMs: 25, transport: recording(sent) });
    await db.batch([
      enqueueMail(db, { id: 'meteen', to: 'a@voorbeeld.nl', subject: 'meteen', body: 'x' }),
      enqueueMail(db, { id: 'zo', to: 'b@voorbeeld.nl', subject: 'zo', body: 'x', notBefore: Date.now() + 150 }),
    ]);
    const status = async (id: string) => (await db.select({ status: outbox.status }).from(outbox).where(eq(outbox.id, id)))[0]?.status;
    await expect.poll(() => status('meteen'), { timeout: 5000, interval: 20 }).toBe('sent');
    await expect.poll(() => status('zo'), { timeout: 5000, interval: 20 }).toBe('sent');
    expect(sent.sort()).toEqual(['meteen', 'zo']);
  });
});

describe('twee instanties tegelijk', () => {
  test('elke e-mail precies één keer, ook samengevoegde en vervangende', async () => {
    const second = await openDatabase({ url });
    handles.push(second);
    const statements = [
      ...Array.from({ length: 30 }, (_, i) => enqueueMail(db, { to: `p${i}@voorbeeld.nl`, subject: `los ${i}`, body: 'x' })),
      ...Array.from({ length: 5 }, (_, i) => enqueueMail(db, { to: `o${i}@voorbeeld.nl`, subject: `antwoord ${i}`, body: 'x', replaces: `antwoord:${i}` })),
      ...Array.from({ length: 5 }, (_, i) =>
        enqueueJoinedMail(db, { to: `c${i}@voorbeeld.nl`, subject: `samen ${i}`, body: 'kop\n- een\nslot', replaces: `samen:${i}` }, { line: '\n- een', tail: '\nslot' }),
      ),
    ];
    await db.batch(statements as [(typeof statements)[0], ...typeof statements]);
    const sent: string[] = [];
    for (let round = 0; round < 3; round++) {
      await Promise.all([mailLoopTurn(db, { transport: recording(sent) }), mailLoopTurn(second.db, { transport: recording(sent) })]);
    }
    expect(sent).toHaveLength(40);
    expect(new Set(sent).size).toBe(40);
    expect((await db.select().from(outbox)).every((m) => m.status === 'sent')).toBe(true);
  });
});

describe('sleutels in de wachtrij', () => {
  test('samenvoegen voegt een regel toe voor de slottekst, één keer; na verzending begint een nieuwe', async () => {
    const mail = (line: string) =>
      enqueueJoinedMail(db, { to: 'c@voorbeeld.nl', subject: 'samen', body: `kop${line}\nslot`, replaces: 'samen', notBefore: Date.now() + 1000 }, { line, tail: '\nslot' });
    await db.batch([mail('\n- een'), mail('\n- twee'), mail('\n- een')]);
    const [row, ...more] = await db.select().from(outbox);
    expect(more).toEqual([]);
    expect(row!.body).toBe('kop\n- een\n- twee\nslot');
    await db.update(outbox).set({ status: 'sent' });
    await db.batch([mail('\n- drie')]);
    expect((await db.select().from(outbox).where(eq(outbox.status, 'queued'))).map((r) => r.body)).toEqual(['kop\n- drie\nslot']);
  });
});
