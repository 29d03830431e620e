/**
 * Running a live session against a real libSQL file: who may open, switch and
 * end it; which pitches it takes; and the tally the screen shows, read from the offers table by
 * the public pitch page's rule (waiting offers apart and never named; named only with consent).
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog } from '#db/schema.ts';
import { offers } from '#db/marketplace-schema.ts';
import { endLiveSession, liveCandidates, listLiveSessions, openLiveSession, showPitch } from '#features/live/live-sessions.ts';
import { liveMarker, liveSnapshot } from '#features/live/live-tally.ts';
import { createOffer } from '#features/marketplace/offers.ts';
import { testDatabase, type TestDb } from '../accounts/helpers.ts';
import { curatorActor } from '../accounts/actors.ts';
import { confirmedUser, insertPitch, marketplaceCast, offerForm } from '../marketplace/helpers.ts';
import { actorOf } from '../accounts/actors.ts';

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => t.cleanup());

async function setting() {
  const cast = await marketplaceCast(t);
  const curator = await curatorActor(t);
  const second = await insertPitch(t.handle.db, { authorId: cast.owner.user.id, title: 'Samen aan het werk in Kogerveld' });
  return { ...cast, curator, second };
}

describe('een live sessie openen, wisselen en beëindigen', () => {
  test('alleen een curator opent een sessie; werkgevers, gemeenten en bezoekers niet', async () => {
    const { curator, owner, postnl, pitchId } = await setting();
    for (const actor of [null, owner.actor, postnl.actor]) {
      expect(await openLiveSession(t.deps(), actor, { title: 'Werkconferentie', pitchIds: [pitchId] })).toEqual({ ok: false, reason: 'forbidden' });
      expect(await listLiveSessions(t.deps(), actor)).toBeNull();
      expect(await liveCandidates(t.deps(), actor)).toBeNull();
    }
    const opened = await openLiveSession(t.deps(), curator, { title: 'Werkconferentie', pitchIds: [pitchId] });
    expect(opened.ok).toBe(true);
    expect((await listLiveSessions(t.deps(), curator))!.map((s) => [s.title, s.status, s.pitchCount])).toEqual([['Werkconferentie', 'open', 1]]);
  });

  test('alleen gepubliceerde pitches die nog aanbod aannemen; een naam is verplicht', async () => {
    const { curator, pitchId, owner } = await setting();
    const draft = await insertPitch(t.handle.db, { authorId: owner.user.id, status: 'submitted' });
    const past = await insertPitch(t.handle.db, { authorId: owner.user.id, closingDate: '2020-01-01' });
    expect((await liveCandidates(t.deps(), curator))!.map((p) => p.id)).not.toEqual(expect.arrayContaining([draft]));
    expect((await liveCandidates(t.deps(), curator))!.map((p) => p.id)).not.toEqual(expect.arrayContaining([past]));
    for (const pitchIds of [[draft], [past], [pitchId, 'bestaat-niet']]) {
      const result = await openLiveSession(t.deps(), curator, { title: 'Werkconferentie', pitchIds });
      expect(result).toMatchObject({ ok: false, reason: 'invalid', fields: { pitchIds: expect.stringContaining('niet (meer) gepubliceerd') } });
    }
    expect(await openLiveSession(t.deps(), curator, { title: ' x ', pitchIds: [] })).toMatchObject({
      ok: false,
      fields: { title: expect.stringContaining('minstens 3 tekens'), pitchIds: 'Kies minstens één pitch.' },
    });
  });

  test('wisselen van pitch en beëindigen verhogen de versie; beëindigd is definitief; elke stap staat in het logboek', async () => {
    const { curator, pitchId, second } = await setting();
    const opened = await openLiveSession(t.deps(), curator, { title: 'Werkconferentie', pitchIds: [pitchId, second] });
    if (!opened.ok) throw new Error('niet geopend');
    const id = opened.id;
    expect((await liveSnapshot(t.handle.db, id))!.currentPitchId).toBe(pitchId);
    const before = await liveMarker(t.handle.db, id);

    expect(await showPitch(t.deps(), curator, id, second)).toEqual({ ok: true });
    expect((await liveSnapshot(t.handle.db, id))!.currentPitchId).toBe(second);
    expect(await liveMarker(t.handle.db, id)).not.toBe(before);
    expect(await showPitch(t.deps(), curator, id, 'andere-pitch')).toEqual({ ok: false, reason: 'not-in-session' });

    expect(await endLiveSession(t.deps(), curator, id)).toEqual({ ok: true });
    const ended = await liveSnapshot(t.handle.db, id);
    expect([ended!.status, typeof ended!.endedAt]).toEqual(['ended', 'number']);
    expect(await endLiveSession(t.deps(), curator, id)).toEqual({ ok: false, reason: 'ended' });
    expect(await showPitch(t.deps(), curator, id, pitchId)).toEqual({ ok: false, reason: 'ended' });

    const logged = await t.handle.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, id));
    expect(logged.map((row) => row.action).sort()).toEqual(['live.ended', 'live.opened', 'live.shown']);
  });
});

describe('de stand op het scherm', () => {
  test('telt aanbod zoals de pitchpagina: per werkgever, met naam alleen met toestemming; wachtend aanbod apart en zonder naam', async () => {
    const { curator, pitchId, postnl, asito } = await setting();
    const opened = await openLiveSession(t.deps(), curator, { title: 'Werkconferentie', pitchIds: [pitchId] });
    if (!opened.ok) throw new Error('niet geopend');
    const tally = async () => {
      const [pitch] = (await liveSnapshot(t.handle.db, opened.id))!.pitches;
      return { employers: pitch!.employers, named: pitch!.named, waiting: pitch!.waiting };
    };
    expect(await tally()).toEqual({ employers: 0, named: [], waiting: 0 });

    const marker = await liveMarker(t.handle.db, opened.id);
    expect((await createOffer(t.deps(), postnl.actor, pitchId, offerForm({ showName: 'true' }))).ok).toBe(true);
    expect(await liveMarker(t.handle.db, opened.id), 'een aanbod verschuift de markering die de stroom leest').not.toBe(marker);
    expect((await createOffer(t.deps(), asito.actor, pitchId, offerForm({ showName: undefined }))).ok).toBe(true);
    expect(await tally()).toEqual({ employers: 2, named: ['PostNL'], waiting: 0 });

    // A new account at an employer: its offer waits for a confirmation.
    await confirmedUser(t, 'nieuw@voorbeeld-werkgever.nl', { kind: 'employer', newEmployerName: 'Nieuwe Bakkerij' });
    const newcomer = await actorOf(t, 'nieuw@voorbeeld-werkgever.nl');
    const waiting = await createOffer(t.deps(), newcomer, pitchId, offerForm({ showName: 'true' }));
    expect(waiting).toMatchObject({ ok: true, status: 'waiting-for-verification' });
    expect(await tally()).toEqual({ employers: 2, named: ['PostNL'], waiting: 1 });

    // A withdrawn offer no longer counts.
    await t.handle.db.update(offers).set({ status: 'withdrawn' }).where(eq(offers.employerId, 'postnl'));
    expect(await tally()).toEqual({ employers: 1, named: [], waiting: 1 });
  });

  test('een onbekende sessie heeft geen stand en geen markering', async () => {
    expect(await liveSnapshot(t.handle.db, 'bestaat-niet')).toBeNull();
    expect(await liveMarker(t.handle.db, 'bestaat-niet')).toBeNull();
  });
});
