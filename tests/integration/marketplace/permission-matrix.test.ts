/**
 * Who may do what in the marketplace, asked through the services themselves
 * (the same calls every action, page and export makes), as a matrix of people × actions:
 * visitor, employer (verified and not), municipality member (not verified, another
 * municipality, the owner's colleague, the owner), curator and admin. "nee" means refused as
 * not found or not allowed (a record one may not see is 404); "ja" means the policy let it
 * through (the action may then still meet its lifecycle or a validation rule).
 */
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { offers } from '#db/marketplace-schema.ts';
import { organisations, users } from '#db/schema.ts';
import { newId } from '#platform/auth/crypto.ts';
import type { Actor } from '#domain/policy.ts';
import { answerOffer, closePitch, exportOffersCsv, offersForPitch } from '#features/marketplace/answers.ts';
import { publishPitch } from '#features/marketplace/moderation.ts';
import { createOffer, editOffer, withdrawOffer } from '#features/marketplace/offers.ts';
import { loadPitchPage } from '#features/marketplace/pitch-page.ts';
import { loadPitchForEditing, submitPitch } from '#features/marketplace/pitches.ts';
import { actorOf, curatorActor } from '../accounts/actors.ts';
import { testDatabase, type TestDb } from '../accounts/helpers.ts';
import { assignRole } from '#features/accounts/roles.ts';
import { confirmedUser, insertPitch, marketplaceCast, offerForm } from './helpers.ts';

type Persona = 'bezoeker' | 'werkgever-onbevestigd' | 'werkgever' | 'gemeente-onbevestigd' | 'andere-gemeente' | 'collega' | 'eigenaar' | 'curator' | 'admin';
type Verdict = 'ja' | 'nee';

let t: TestDb;
const actors = {} as Record<Persona, Actor | null>;
let ownerId: string;

beforeAll(async () => {
  t = await testDatabase();
  const cast = await marketplaceCast(t);
  ownerId = cast.owner.user.id;
  await confirmedUser(t, 'nog-niet@postnl.nl', { kind: 'employer', organisationId: 'postnl' });
  await confirmedUser(t, 'nog-niet@zaanstad.nl', { kind: 'municipality', organisationId: 'zaanstad' });
  await curatorActor(t, 'curator@netwerk.nl');
  await curatorActor(t, 'beheerder@netwerk.nl');
  await assignRole(t.deps(), 'cli', 'beheerder@netwerk.nl', 'admin');
  // Staff belong to the network's own organisation, not to a municipality.
  await t.handle.db.insert(organisations).values({ id: 'netwerk', kind: 'partner', name: 'Netwerk', verifiedAt: Date.now(), createdAt: Date.now() });
  await t.handle.db.update(users).set({ organisationId: 'netwerk' }).where(inArray(users.email, ['curator@netwerk.nl', 'beheerder@netwerk.nl']));
  const curator = await actorOf(t, 'curator@netwerk.nl');
  Object.assign(actors, {
    bezoeker: null,
    'werkgever-onbevestigd': await actorOf(t, 'nog-niet@postnl.nl'),
    werkgever: cast.postnl.actor,
    'gemeente-onbevestigd': await actorOf(t, 'nog-niet@zaanstad.nl'),
    'andere-gemeente': cast.elsewhere.actor,
    collega: cast.colleague.actor,
    eigenaar: cast.owner.actor,
    curator,
    admin: await actorOf(t, 'beheerder@netwerk.nl'),
  });
});
afterAll(() => t.cleanup());

const refused = (result: unknown): boolean =>
  result === null || result === undefined || (typeof result === 'object' && (result as { ok?: boolean; reason?: string }).ok === false && ['forbidden', 'not-found'].includes((result as { reason: string }).reason));

/** A pitch of Zaanstad (by the owner) in the given state, with one offer of Asito on it. */
async function pitchWithOffer(status: 'draft' | 'submitted' | 'published' = 'published') {
  const pitchId = await insertPitch(t.handle.db, { authorId: ownerId, status });
  const offerId = `aanbod-${newId().slice(0, 8)}`;
  const [asitoAuthor] = await t.handle.db.select().from(users).where(eq(users.email, 'anouk@asito.nl'));
  const now = Date.now();
  await t.handle.db.insert(offers).values({ id: offerId, pitchId, employerId: 'asito', authorId: asitoAuthor!.id, helpKinds: ['banen'], status: 'offered', showName: true, createdAt: now, updatedAt: now });
  return { pitchId, offerId };
}

/** Each action, done by one actor on fresh records; returns the service's answer. */
const actions: Record<string, (actor: Actor | null) => Promise<unknown>> = {
  'een concept bekijken': async (actor) => loadPitchPage(t.deps(), actor, (await pitchWithOffer('draft')).pitchId),
  'een ingediende pitch bekijken': async (actor) => loadPitchPage(t.deps(), actor, (await pitchWithOffer('submitted')).pitchId),
  'een gepubliceerde pitch bekijken': async (actor) => loadPitchPage(t.deps(), actor, (await pitchWithOffer()).pitchId),
  'een concept bewerken': async (actor) => loadPitchForEditing(t.deps(), actor, (await pitchWithOffer('draft')).pitchId),
  'een concept indienen': async (actor) => submitPitch(t.deps(), actor, (await pitchWithOffer('draft')).pitchId, 1),
  'een pitch publiceren': async (actor) => publishPitch(t.deps(), actor, (await pitchWithOffer('submitted')).pitchId, 1),
  'het aanbod bekijken': async (actor) => offersForPitch(t.deps(), actor, (await pitchWithOffer()).pitchId),
  'het aanbod als CSV': async (actor) => exportOffersCsv(t.deps(), actor, (await pitchWithOffer()).pitchId),
  'aanbod accepteren': async (actor) => answerOffer(t.deps(), actor, (await pitchWithOffer()).offerId, 'accept', { version: 1, message: null }),
  'de pitch sluiten': async (actor) => closePitch(t.deps(), actor, (await pitchWithOffer()).pitchId, { outcome: 'matched', peoplePlaced: 1, version: 1 }),
  'aanbod doen': async (actor) => createOffer(t.deps({ ip: `203.0.113.${Math.floor(Math.random() * 250)}` }), actor, (await pitchWithOffer()).pitchId, offerForm()),
  'aanbod van Asito wijzigen': async (actor) => editOffer(t.deps(), actor, (await pitchWithOffer()).offerId, 1, offerForm()),
  'aanbod van Asito intrekken': async (actor) => withdrawOffer(t.deps(), actor, (await pitchWithOffer()).offerId, 1),
};

const J = 'ja' as const;
const N = 'nee' as const;
// prettier-ignore
const expected: Record<string, Record<Persona, Verdict>> = {
  'een concept bekijken':            { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: N, 'gemeente-onbevestigd': N, 'andere-gemeente': N, collega: J, eigenaar: J, curator: N, admin: N },
  'een ingediende pitch bekijken':   { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: N, 'gemeente-onbevestigd': N, 'andere-gemeente': N, collega: J, eigenaar: J, curator: J, admin: J },
  'een gepubliceerde pitch bekijken':{ bezoeker: J, 'werkgever-onbevestigd': J, werkgever: J, 'gemeente-onbevestigd': J, 'andere-gemeente': J, collega: J, eigenaar: J, curator: J, admin: J },
  'een concept bewerken':            { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: N, 'gemeente-onbevestigd': N, 'andere-gemeente': N, collega: J, eigenaar: J, curator: N, admin: N },
  'een concept indienen':            { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: N, 'gemeente-onbevestigd': N, 'andere-gemeente': N, collega: J, eigenaar: J, curator: N, admin: N },
  'een pitch publiceren':            { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: N, 'gemeente-onbevestigd': N, 'andere-gemeente': N, collega: N, eigenaar: N, curator: J, admin: J },
  'het aanbod bekijken':             { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: N, 'gemeente-onbevestigd': N, 'andere-gemeente': N, collega: J, eigenaar: J, curator: N, admin: N },
  'het aanbod als CSV':              { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: N, 'gemeente-onbevestigd': N, 'andere-gemeente': N, collega: J, eigenaar: J, curator: N, admin: N },
  'aanbod accepteren':               { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: N, 'gemeente-onbevestigd': N, 'andere-gemeente': N, collega: J, eigenaar: J, curator: N, admin: N },
  'de pitch sluiten':                { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: N, 'gemeente-onbevestigd': N, 'andere-gemeente': N, collega: J, eigenaar: J, curator: N, admin: N },
  'aanbod doen':                     { bezoeker: N, 'werkgever-onbevestigd': J, werkgever: J, 'gemeente-onbevestigd': N, 'andere-gemeente': N, collega: N, eigenaar: N, curator: N, admin: N },
  'aanbod van Asito wijzigen':       { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: N, 'gemeente-onbevestigd': N, 'andere-gemeente': N, collega: N, eigenaar: N, curator: N, admin: N },
  'aanbod van Asito intrekken':      { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: N, 'gemeente-onbevestigd': N, 'andere-gemeente': N, collega: N, eigenaar: N, curator: N, admin: N },
};

describe('rechten in de pitchmarkt: personen × acties, via de services', () => {
  test('de matrix noemt elke actie', () => {
    expect(Object.keys(expected).sort()).toEqual(Object.keys(actions).sort());
  });

  for (const [action, run] of Object.entries(actions)) {
    test(action, async () => {
      const verdicts = {} as Record<Persona, Verdict>;
      for (const persona of Object.keys(expected[action]!) as Persona[]) {
        verdicts[persona] = refused(await run(actors[persona])) ? N : J;
      }
      expect(verdicts).toEqual(expected[action]);
    });
  }

  test('Asito zelf mag zijn aanbod wijzigen en intrekken', async () => {
    const asito = await actorOf(t, 'anouk@asito.nl');
    expect(refused(await editOffer(t.deps(), asito, (await pitchWithOffer()).offerId, 1, offerForm()))).toBe(false);
    expect(refused(await withdrawOffer(t.deps(), asito, (await pitchWithOffer()).offerId, 1))).toBe(false);
  });
});
