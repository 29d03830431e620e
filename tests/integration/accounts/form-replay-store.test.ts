/**
 * A refused post kept for the page load after its redirect: shown once, only at its own page,
 * only with the cookie's secret (the database holds a hash), gone after ten minutes and in
 * retention; a second refusal of the same browser replaces the first.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formReplays } from '#db/schema.ts';
import { FORM_REPLAY_MS, keepFormReplay, takeFormReplay } from '#platform/form-replay-store.ts';
import { runRetention } from '#features/jobs/retention.ts';
import { testDatabase, type TestDb } from './helpers.ts';

let t: TestDb;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t.cleanup());

const replay = { actionName: 'offers.create', result: { type: 'error', status: 400, body: '{}' }, values: [['startsOn', '31-2-2027'], ['helpKinds', 'banen'], ['helpKinds', 'stage']] as [string, string][] };

describe('een geweigerd formulier, bewaard voor één keer laden', () => {
  test('alleen met het geheim, alleen op de eigen pagina, één keer', async () => {
    const now = Date.now();
    const secret = await keepFormReplay(t.handle.db, '/pitches/p1/meedoen/', replay, undefined, now);
    const rows = await t.handle.db.select().from(formReplays);
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(JSON.stringify(rows)).not.toContain('/pitches/');
    expect(await takeFormReplay(t.handle.db, 'een ander geheim', '/pitches/p1/meedoen/', now)).toBeNull();
    expect(await takeFormReplay(t.handle.db, secret, '/pitches/p2/meedoen/', now)).toBeNull();
    expect(await takeFormReplay(t.handle.db, secret, '/pitches/p1/meedoen/', now)).toEqual(replay);
    expect(await takeFormReplay(t.handle.db, secret, '/pitches/p1/meedoen/', now)).toBeNull();
  });

  test('na tien minuten niet meer, en de bewaartermijn ruimt het op; een tweede weigering vervangt de eerste', async () => {
    const now = Date.now();
    const first = await keepFormReplay(t.handle.db, '/pitches/nieuw/', replay, undefined, now);
    const second = await keepFormReplay(t.handle.db, '/pitches/nieuw/', replay, first, now);
    expect(await takeFormReplay(t.handle.db, first, '/pitches/nieuw/', now)).toBeNull();
    expect(await takeFormReplay(t.handle.db, second, '/pitches/nieuw/', now + FORM_REPLAY_MS + 1)).toBeNull();
    await runRetention(t.handle.db, now + FORM_REPLAY_MS + 1);
    expect(await t.handle.db.select().from(formReplays)).toEqual([]);
  });
});
