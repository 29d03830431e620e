/**
 * The offer counts on a real libSQL file: one definition (offer-counts.ts) read by the public
 * list, the pitch page and the owners' offers page, so after an accept and a decline all three
 * say the same number of employers that "doen mee"; a waiting offer counts nowhere yet. Also who
 * gets which button on the pitch page, and Mijn aanbod's outcome of a closed pitch.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { emptyPitchFilter } from '#domain/pitch-filter.ts';
import { answerOffer, closePitch, offersForPitch } from '#features/marketplace/answers.ts';
import { offerCounts, offerCountsFor } from '#features/marketplace/offer-counts.ts';
import { createOffer, withdrawOffer } from '#features/marketplace/offers.ts';
import { myOffers } from '#features/marketplace/offer-views.ts';
import { loadPitchPage } from '#features/marketplace/pitch-page.ts';
import { listPitches } from '#features/marketplace/pitch-list.ts';
import { actorOf } from '../accounts/actors.ts';
import { testDatabase, type TestDb } from '../accounts/helpers.ts';
import { confirmedUser, marketplaceCast, offerForm, verifiedMember } from './helpers.ts';

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => t.cleanup());

/** Offers from PostNL, Asito and Facilicom, one waiting (Albert Heijn's unverified member); PostNL accepted, Asito declined. */
async function answered() {
  const c = await marketplaceCast(t);
  const facilicom = await verifiedMember(t, 'fien@facilicom.nl', { kind: 'employer', organisationId: 'facilicom' });
  await confirmedUser(t, 'nieuw@ah.nl', { kind: 'employer', organisationId: 'albert-heijn' });
  const made = await Promise.all([
    createOffer(t.deps(), c.postnl.actor, c.pitchId, offerForm()),
    createOffer(t.deps(), c.asito.actor, c.pitchId, offerForm()),
    createOffer(t.deps(), facilicom.actor, c.pitchId, offerForm()),
    createOffer(t.deps(), await actorOf(t, 'nieuw@ah.nl'), c.pitchId, offerForm()),
  ]);
  const [postnl, asito, fac, waiting] = made.map((m) => {
    if (!m.ok) throw new Error('offer refused');
    return m;
  });
  expect(waiting!.status).toBe('waiting-for-verification');
  expect(await answerOffer(t.deps(), c.owner.actor, postnl!.offerId, 'accept', { version: 1 })).toMatchObject({ ok: true });
  expect(await answerOffer(t.deps(), c.owner.actor, asito!.offerId, 'decline', { version: 1 })).toMatchObject({ ok: true });
  return { ...c, facilicom, facilicomOffer: fac!.offerId };
}

describe('de aantallen van het aanbod', () => {
  test('per status, ontvangen en "doen mee", gelijk op de lijst, de pitchpagina en de aanbodpagina; een wachtend aanbod telt nog niet', async () => {
    const c = await answered();
    expect(await offerCounts(t.handle.db, c.pitchId)).toEqual({
      byStatus: { offered: 1, shortlisted: 0, accepted: 1, declined: 1, withdrawn: 0 },
      received: 3,
      joined: 2,
    });
    // A withdrawn offer still was received; it no longer joins.
    const fien = await actorOf(t, 'fien@facilicom.nl');
    expect(await withdrawOffer(t.deps(), fien, c.facilicomOffer, 1)).toMatchObject({ ok: true });
    const after = await offerCounts(t.handle.db, c.pitchId);
    expect([after.byStatus.withdrawn, after.received, after.joined]).toEqual([1, 3, 1]);
    // Pitches without offers get zeros, in the same one query.
    const counts = await offerCountsFor(t.handle.db, [c.pitchId, 'zonder-aanbod']);
    expect(counts.get('zonder-aanbod')).toEqual({ byStatus: { offered: 0, shortlisted: 0, accepted: 0, declined: 0, withdrawn: 0 }, received: 0, joined: 0 });

    // The list, the pitch page and the offers page say the same number.
    const list = await listPitches(t.handle.db, { filter: { ...emptyPitchFilter(), municipalities: ['zaanstad'] }, sort: 'nieuwste', page: 1 }, new Date());
    const card = list.items.find((p) => p.id === c.pitchId);
    const page = await loadPitchPage(t.deps(), null, c.pitchId);
    const owners = await offersForPitch(t.deps(), c.owner.actor, c.pitchId);
    if (!owners.ok) throw new Error('not seen');
    expect([card?.employersJoined, page?.offers.employers, owners.counts.joined]).toEqual([1, 1, 1]);
    // "Bekijk het aanbod (n)" counts what the offers page lists under "Alle".
    const ownersPage = await loadPitchPage(t.deps(), c.owner.actor, c.pitchId);
    expect([ownersPage?.offerCounts.received, owners.offers.length, owners.counts.received]).toEqual([3, 3, 3]);
  });
});

describe('de knop op de pitchpagina', () => {
  test('de gemeente ziet het aanbod; werkgevers en bezoekers doen mee; anderen krijgen geen doodlopende knop', async () => {
    const c = await marketplaceCast(t);
    await confirmedUser(t, 'onbevestigd@zaanstad.nl', { kind: 'municipality', organisationId: 'zaanstad' });
    const unverified = await actorOf(t, 'onbevestigd@zaanstad.nl');
    const view = async (who: Parameters<typeof loadPitchPage>[1]) => {
      const page = await loadPitchPage(t.deps(), who, c.pitchId);
      return [page?.mayAnswerOffers, page?.mayOffer];
    };
    expect(await view(c.owner.actor)).toEqual([true, false]);
    expect(await view(c.colleague.actor)).toEqual([true, false]);
    expect(await view(c.postnl.actor)).toEqual([false, true]);
    expect(await view(null)).toEqual([false, true]);
    expect(await view(c.elsewhere.actor)).toEqual([false, false]);
    expect(await view(unverified)).toEqual([false, false]);
  });
});

describe('Mijn aanbod na het sluiten', () => {
  test('de werkgever leest de uitkomst en hoeveel mensen geplaatst zijn', async () => {
    const c = await answered();
    const pitch = await loadPitchPage(t.deps(), c.owner.actor, c.pitchId);
    expect(await closePitch(t.deps(), c.owner.actor, c.pitchId, { outcome: 'matched', peoplePlaced: 2, version: pitch!.pitch.version })).toEqual({ ok: true });
    const [mine] = (await myOffers(t.deps(), c.postnl.actor)) ?? [];
    expect(mine?.pitch).toMatchObject({ status: 'closed', outcome: 'matched', peoplePlaced: 2 });
    const [open] = (await myOffers(t.deps(), c.facilicom.actor)) ?? [];
    expect(open?.pitch.outcome).toBe('matched');
  });
});
