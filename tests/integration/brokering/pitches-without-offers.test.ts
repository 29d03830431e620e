/**
 * The brokering list on a real libSQL file: published pitches that take offers and that no
 * employer takes part in, from 14 days after publication, the oldest waiting first; a pitch with
 * an employer that answered "Ik doe mee" leaves it; per pitch its invitations counted (invited,
 * declined, not answered), the offers that came and went or wait, and the owners' suggestions,
 * with employers that do not allow invitations only counted; only the network's staff see it.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { pitchFacets, pitches } from '#db/marketplace-schema.ts';
import { outbox } from '#db/schema.ts';
import { createOffer, withdrawOffer } from '#features/marketplace/offers.ts';
import { saveEmployerProfile } from '#features/matchmaking/employer-profile.ts';
import { pitchesWithoutOffers } from '#features/brokering/pitches-without-offers.ts';
import { invitationInput } from '#features/matchmaking/invitation-input.ts';
import { declineInvitation, inviteEmployer } from '#features/matchmaking/invitations.ts';
import { noKnowledge } from '#features/matchmaking/match-inputs.ts';
import { profileInput } from '#features/matchmaking/profile-input.ts';
import { actorOf, curatorActor } from '../accounts/actors.ts';
import { testDatabase, type TestDb } from '../accounts/helpers.ts';
import { confirmedUser, insertPitch, marketplaceCast, offerForm, verifiedMember } from '../marketplace/helpers.ts';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.now();

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => t.cleanup());

const profile = (allowsInvitations: boolean) =>
  profileInput.parse({ sectors: ['logistiek'], regions: [], provinces: [], helpKinds: [], allowsInvitations: allowsInvitations ? 'true' : undefined });

/** A Zaanstad logistics pitch published `daysAgo` days ago (and open, unless said otherwise). */
async function pitchPublished(title: string, daysAgo: number, authorId: string, values: Parameters<typeof insertPitch>[1] = {}) {
  const id = await insertPitch(t.handle.db, { title, authorId, ...values });
  await t.handle.db.update(pitches).set({ publishedAt: NOW - daysAgo * DAY }).where(eq(pitches.id, id));
  await t.handle.db.insert(pitchFacets).values({ pitchId: id, facet: 'sector', value: 'logistiek' });
  return id;
}

/** The invitation mail's decline link's token. */
async function declineToken(address: string) {
  const [mail] = await t.handle.db.select().from(outbox).where(and(eq(outbox.toAddress, address), like(outbox.subject, 'Uitnodiging%')));
  return new URL(mail!.body.match(/https?:\/\/\S+\/uitnodiging\/\S*/)![0]).searchParams.get('t')!;
}

/**
 * PostNL and Albert Heijn work in logistics and allow invitations; Asito fits too but does not.
 * Zaanstad's pitches: one waiting 21 days with a withdrawn offer, one 20 days with two
 * invitations (one declined), one exactly 14 days with an offer waiting for verification; one
 * that an invited employer joined, one of 13 days, a closed one and one past its closing day.
 */
async function cast() {
  const people = await marketplaceCast(t);
  const { owner, postnl, asito } = people;
  const albert = await verifiedMember(t, 'kees@albertheijn.nl', { kind: 'employer', organisationId: 'albert-heijn' });
  await saveEmployerProfile(t.deps(), postnl.actor, profile(true));
  await saveEmployerProfile(t.deps(), albert.actor, profile(true));
  await saveEmployerProfile(t.deps(), asito.actor, profile(false));
  const author = owner.user.id;
  const ids = {
    withdrawn: await pitchPublished('Ingetrokken aanbod', 21, author),
    invited: await pitchPublished('Twee uitnodigingen', 20, author),
    fourteen: await pitchPublished('Precies twee weken', 14, author),
    joined: await pitchPublished('Albert Heijn doet mee', 20, author),
    thirteen: await pitchPublished('Dertien dagen', 13, author),
    closed: await pitchPublished('Gesloten', 30, author, { status: 'closed' }),
    expired: await pitchPublished('Verlopen', 30, author, { closingDate: '2020-01-31' }),
  };
  const invite = (pitchId: string, employerId: string) => inviteEmployer(t.deps(), owner.actor, pitchId, invitationInput.parse({ employerId }), noKnowledge);

  const offer = await createOffer(t.deps(), asito.actor, ids.withdrawn, offerForm());
  if (!offer.ok) throw new Error(JSON.stringify(offer));
  expect(await withdrawOffer(t.deps(), asito.actor, offer.offerId, 1)).toMatchObject({ ok: true });

  expect(await invite(ids.invited, 'postnl')).toMatchObject({ ok: true });
  expect(await invite(ids.invited, 'albert-heijn')).toMatchObject({ ok: true });
  expect(await declineInvitation(t.deps(), await declineToken(postnl.user.email))).toEqual({ ok: true });

  await confirmedUser(t, 'nieuw@albertheijn.nl', { kind: 'employer', organisationId: 'albert-heijn' });
  expect(await createOffer(t.deps(), await actorOf(t, 'nieuw@albertheijn.nl'), ids.fourteen, offerForm())).toMatchObject({ ok: true });

  expect(await invite(ids.joined, 'albert-heijn')).toMatchObject({ ok: true });
  expect(await createOffer(t.deps(), albert.actor, ids.joined, offerForm())).toMatchObject({ ok: true });
  return { ...people, albert, ids };
}

describe('pitches zonder aanbod', () => {
  test('vanaf 14 dagen, wie het langst wacht eerst; wie een werkgever heeft die meedoet, staat er niet op', async () => {
    const { ids } = await cast();
    const result = await pitchesWithoutOffers(t.deps({ now: NOW }), await curatorActor(t), noKnowledge);
    if (!result.ok) throw new Error('geweigerd');
    expect(result.pitches.map((p) => [p.title, p.daysWaiting])).toEqual([
      ['Ingetrokken aanbod', 21],
      ['Twee uitnodigingen', 20],
      ['Precies twee weken', 14],
    ]);
    expect(result.total).toBe(3);
    expect(result.pitches.map((p) => p.id)).not.toContain(ids.joined);
  });

  test('per pitch: de uitnodigingen geteld, aanbod dat niet meedoet, en de voorstellen zoals de gemeente ze ziet', async () => {
    await cast();
    const result = await pitchesWithoutOffers(t.deps({ now: NOW }), await curatorActor(t), noKnowledge);
    if (!result.ok) throw new Error('geweigerd');
    const [withdrawn, invited, fourteen] = result.pitches;
    expect(invited!.invitations).toEqual({ invited: 2, joined: 0, declined: 1, open: 1 });
    expect(withdrawn!.invitations).toEqual({ invited: 0, joined: 0, declined: 0, open: 0 });
    expect([withdrawn!.offersEnded, withdrawn!.offersWaiting]).toEqual([1, 0]);
    expect([fourteen!.offersEnded, fourteen!.offersWaiting]).toEqual([0, 1]);
    // Named: only employers that allow invitations and were not invited yet; Asito is only counted.
    // Albert Heijn's part in the other Zaanstad pitch counts for it.
    expect(fourteen!.suggestions.map((s) => [s.name, s.reasons.map((r) => r.text)])).toEqual([
      ['Albert Heijn', ['deed mee aan een andere pitch in Zaanstreek/Waterland', 'werkt in de logistiek']],
      ['PostNL', ['werkt in de logistiek']],
    ]);
    expect(fourteen!.hiddenCount).toBe(1);
    expect(invited!.suggestions).toEqual([]);
    expect(invited!.hiddenCount).toBe(1);
    expect(JSON.stringify(result)).not.toMatch(/asito/i);
  });

  test('niets te makelen: een lege lijst', async () => {
    await marketplaceCast(t);
    expect(await pitchesWithoutOffers(t.deps({ now: NOW }), await curatorActor(t), noKnowledge)).toEqual({ ok: true, pitches: [], total: 0 });
  });

  test('alleen het netwerk: de gemeente, een werkgever en een bezoeker krijgen een weigering', async () => {
    const { owner, postnl } = await cast();
    for (const who of [owner.actor, postnl.actor, null]) expect(await pitchesWithoutOffers(t.deps({ now: NOW }), who, noKnowledge)).toEqual({ ok: false, reason: 'forbidden' });
  });
});
