/**
 * A room full of new employers behind one address: with the pass of a running live session
 * (from its room code) a hundred accounts with offers from one network all go through; without
 * it, or with a pass that is expired, tampered with or of an ended session, the network's normal
 * limit applies. Short codes find only open sessions.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { eq } from 'drizzle-orm';
import { offers } from '#db/marketplace-schema.ts';
import { checkLivePass, livePass, LIVE_PASS_MS, openSessionByCode, roomCode, screenCode } from '#features/live/live-codes.ts';
import { endLiveSession, openLiveSession } from '#features/live/live-sessions.ts';
import { registerWithOffer } from '#features/marketplace/offer-with-account.ts';
import { limits } from '#platform/auth/rate-limit.ts';
import { testDatabase, type TestDb } from '../accounts/helpers.ts';
import { curatorActor } from '../accounts/actors.ts';
import { insertPitch, offerForm, verifiedMember } from '../marketplace/helpers.ts';

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => t.cleanup());

/** One public address for the whole room (the venue's Wi-Fi). */
const venue = '203.0.113.7';
const now = Date.UTC(2027, 2, 11, 13, 0);
/** Hashing is not under test: a fast stand-in keeps a hundred registrations quick. */
const fastHash = async (password: string) => `test:${password.length}`;

async function runningSession() {
  const owner = await verifiedMember(t, 'eigenaar@zaanstad.nl', { kind: 'municipality', organisationId: 'zaanstad' });
  const pitchId = await insertPitch(t.handle.db, { authorId: owner.user.id });
  const curator = await curatorActor(t);
  const opened = await openLiveSession(t.deps({ now }), curator, { title: 'Werkconferentie', pitchIds: [pitchId] });
  if (!opened.ok) throw new Error('niet geopend');
  return { pitchId, curator, sessionId: opened.id };
}

/** One new employer from the venue registers with an offer, with or without a live session's liveSessionId. */
function newEmployer(pitchId: string, n: number, at: number, liveSessionId?: string) {
  return registerWithOffer(
    t.deps({ ip: venue, now: at, hashPassword: fastHash }),
    pitchId,
    { name: `Werkgever Nummer ${n}`, email: `baas${n}@bedrijf${n}.nl`, password: 'een lange zin als wachtwoord', newEmployerName: `Bedrijf ${n}`, liveSessionId },
    offerForm(),
  );
}

describe('de pas van een lopende live sessie', () => {
  test('geldig zolang de sessie loopt en de pas niet verlopen is; verlopen, beëindigd of veranderd telt niet', async () => {
    const { sessionId, curator } = await runningSession();
    const pass = livePass(sessionId, now);
    expect(await checkLivePass(t.handle.db, pass, now + 60_000)).toEqual({ ok: true, sessionId });
    expect(await checkLivePass(t.handle.db, pass, now + LIVE_PASS_MS + 1)).toEqual({ ok: false, reason: 'expired' });
    // Changed anywhere: the session, the expiry (to last longer) or the tag.
    const [id, expiry, tag] = pass.split('.') as [string, string, string];
    const otherId = `${id.slice(0, 15)}${id.endsWith('0') ? '1' : '0'}`;
    for (const forged of [`${otherId}.${expiry}.${tag}`, `${id}.${(parseInt(expiry, 36) + 864e5).toString(36)}.${tag}`, `${id}.${expiry}.${tag.slice(0, 21)}${tag.endsWith('A') ? 'B' : 'A'}`, '', 'x'.repeat(5000), `${id}..${tag}`]) {
      expect(await checkLivePass(t.handle.db, forged, now)).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await endLiveSession(t.deps({ now }), curator, sessionId)).toEqual({ ok: true });
    expect(await checkLivePass(t.handle.db, pass, now + 60_000)).toEqual({ ok: false, reason: 'ended' });
  });

  test('honderd nieuwe werkgevers vanaf één adres binnen tien minuten: allemaal binnen, hun aanbod wacht op bevestiging', async () => {
    const { pitchId, sessionId } = await runningSession();
    const results = [];
    for (let n = 0; n < 100; n++) results.push(await newEmployer(pitchId, n, now + n * 6_000, sessionId));
    expect(results.filter((result) => !result.ok)).toEqual([]);
    const waiting = await t.handle.db.select({ status: offers.status }).from(offers).where(eq(offers.pitchId, pitchId));
    expect(waiting).toHaveLength(100);
    expect(new Set(waiting.map((offer) => offer.status))).toEqual(new Set(['waiting-for-verification']));
    // The session's budget is its own, and bounded: the network's normal limit is untouched.
    expect(limits.registerLiveSessionIp.capacity).toBeLessThanOrEqual(500);
    expect((await newEmployer(pitchId, 100, now + 600_000)).ok).toBe(true);
  });

  test('zonder pas: na het gewone budget van het netwerk geweigerd, met de tijd tot het weer kan', async () => {
    const { pitchId } = await runningSession();
    const budget = limits.registerIp.capacity;
    for (let n = 0; n < budget; n++) expect((await newEmployer(pitchId, n, now)).ok).toBe(true);
    const refused = await newEmployer(pitchId, budget, now);
    expect(refused).toMatchObject({ ok: false, reason: 'rate-limited', limit: 'network' });
    expect(refused.ok === false && 'retryAfterMs' in refused && refused.retryAfterMs).toBeGreaterThan(0);
    // Nothing was written for the refused one.
    expect(await t.handle.db.select().from(offers).where(eq(offers.pitchId, pitchId))).toHaveLength(budget);
  });

  test('de korte codes vinden alleen een lopende sessie', async () => {
    const { sessionId, curator } = await runningSession();
    const room = roomCode(sessionId);
    const screen = screenCode(sessionId);
    expect(room).toMatch(/^[2-9A-HJKMNP-Z]{4}$/);
    expect(screen).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(await openSessionByCode(t.handle.db, room.toLowerCase())).toMatchObject({ id: sessionId, kind: 'room' });
    expect(await openSessionByCode(t.handle.db, `${screen.slice(0, 3)} ${screen.slice(3)}`)).toMatchObject({ id: sessionId, kind: 'screen' });
    expect(await openSessionByCode(t.handle.db, 'O0I1')).toBeNull();
    expect(await endLiveSession(t.deps({ now }), curator, sessionId)).toEqual({ ok: true });
    expect(await openSessionByCode(t.handle.db, room)).toBeNull();
    expect(await openSessionByCode(t.handle.db, screen)).toBeNull();
  });
});
