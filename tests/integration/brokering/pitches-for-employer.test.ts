/**
 * "Pitches voor u" on a real libSQL file: the open pitches ranked for an employer with the
 * matchmaking rules' reasons (its profile, its earlier offer, a colleague's follow), best first
 * and ties by title even where the newest pitch would come first; closed pitches, pitches past
 * their closing day and pitches it already offered on are left out; an invitation shows; only
 * the employer's verified members see it.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { pitchFacets } from '#db/marketplace-schema.ts';
import { pitchInvitations } from '#db/matchmaking-schema.ts';
import { followThing } from '#features/follows/follows.ts';
import { createOffer } from '#features/marketplace/offers.ts';
import { saveEmployerProfile } from '#features/matchmaking/employer-profile.ts';
import { noKnowledge } from '#features/matchmaking/match-inputs.ts';
import { pitchesForEmployer } from '#features/brokering/pitches-for-employer.ts';
import { profileInput } from '#features/matchmaking/profile-input.ts';
import { newId } from '#platform/auth/crypto.ts';
import { actorOf, curatorActor } from '../accounts/actors.ts';
import { testDatabase, type TestDb } from '../accounts/helpers.ts';
import { confirmedUser, insertPitch, marketplaceCast, offerForm, verifiedMember } from '../marketplace/helpers.ts';

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => t.cleanup());

/** A pitch with facets; published and open unless said otherwise. */
async function pitch(title: string, municipalityId: string, facets: { sector?: string; helpKind?: string }, values: Parameters<typeof insertPitch>[1] = {}) {
  const id = await insertPitch(t.handle.db, { title, municipalityId, ...values });
  const rows = [
    ...(facets.sector ? [{ pitchId: id, facet: 'sector' as const, value: facets.sector }] : []),
    ...(facets.helpKind ? [{ pitchId: id, facet: 'help-kind' as const, value: facets.helpKind }] : []),
  ];
  if (rows.length > 0) await t.handle.db.insert(pitchFacets).values(rows);
  return id;
}

/**
 * PostNL works in logistics in Zaanstreek/Waterland and can offer work-experience places; it
 * took part in a Zaanstad pitch; a colleague follows the care sector.
 */
async function cast() {
  const people = await marketplaceCast(t);
  const { postnl, owner } = people;
  expect(await saveEmployerProfile(t.deps(), postnl.actor, profileInput.parse({ sectors: ['logistiek'], regions: ['zaanstreek-waterland'], provinces: [], helpKinds: ['werkervaringsplaatsen'] }))).toMatchObject({ ok: true });
  const colleague = await verifiedMember(t, 'collega@postnl.nl', { kind: 'employer', organisationId: 'postnl' });
  expect(await followThing(t.deps(), colleague.actor, { kind: 'sector', value: 'zorg' })).toMatchObject({ ok: true });
  const year = new Date().getFullYear();
  const ids = {
    haven: await pitch('Havenwerk in Zaanstad', 'zaanstad', { sector: 'logistiek', helpKind: 'werkervaringsplaatsen' }),
    zorg: await pitch('Zorg in Wormerland', 'wormerland', { sector: 'zorg' }),
    aardappels: await pitch('Aardappels sorteren in Utrecht', 'utrecht', { sector: 'logistiek' }),
    // Newer than "Aardappels" and as strong a match: the title decides, not the newest first.
    magazijn: await pitch('Magazijn in Utrecht', 'utrecht', { sector: 'logistiek' }),
    maastricht: await pitch('Onderwijs in Maastricht', 'maastricht', { sector: 'onderwijs' }),
    gesloten: await pitch('Gesloten logistiek', 'zaanstad', { sector: 'logistiek' }, { status: 'closed' }),
    verlopen: await pitch('Verlopen logistiek', 'zaanstad', { sector: 'logistiek' }, { closingDate: `${year - 1}-12-31` }),
    alAanbod: await pitch('Logistiek waar PostNL al meedoet', 'zaanstad', { sector: 'logistiek' }),
  };
  expect(await createOffer(t.deps(), postnl.actor, ids.alAanbod, offerForm())).toMatchObject({ ok: true });
  await t.handle.db.insert(pitchInvitations).values({ id: newId(), pitchId: ids.haven, employerId: 'postnl', invitedBy: owner.user.id, status: 'invited', createdAt: Date.now() });
  return { ...people, colleague, ids };
}

describe('pitches voor een werkgever', () => {
  test('gerangschikt met redenen uit het profiel, het eerdere aanbod en wat een collega volgt; gelijk sterk op titel', async () => {
    const { postnl, ids } = await cast();
    const result = await pitchesForEmployer(t.deps(), postnl.actor, noKnowledge);
    if (!result.ok) throw new Error('geweigerd');
    expect(result.employerName).toBe('PostNL');
    expect(result.pitches.map((p) => [p.card.title, p.score, p.reasons.map((r) => r.text)])).toEqual([
      ['Havenwerk in Zaanstad', 8, ['deed mee aan een andere pitch in Zaanstreek/Waterland', 'werkt in de logistiek', 'werkt in de regio Zaanstreek/Waterland', 'kan werkervaringsplaatsen bieden']],
      ['Zorg in Wormerland', 5, ['deed mee aan een andere pitch in Zaanstreek/Waterland', 'werkt in de regio Zaanstreek/Waterland', 'volgt de sector zorg en welzijn']],
      // The cast's own Zaanstad pitch, without facets: only its place fits.
      ['Werk in de Poelenbrug', 4, ['deed mee aan een andere pitch in Zaanstreek/Waterland', 'werkt in de regio Zaanstreek/Waterland']],
      ['Aardappels sorteren in Utrecht', 2, ['werkt in de logistiek']],
      ['Magazijn in Utrecht', 2, ['werkt in de logistiek']],
    ]);
    expect(result.matching).toBe(5);
    expect(result.pitches.map((p) => p.invited)).toEqual([true, false, false, false, false]);
    expect(result.pitches[0]!.card.id).toBe(ids.haven);
    expect(result.pitches.every((p) => p.card.open)).toBe(true);
    expect([result.profileEmpty, result.followsNothing]).toEqual([false, false]);
  });

  test('begrensd: de besten, en hoeveel er in totaal passen; bij gelijke sterkte op de grens wint de titel', async () => {
    const { postnl } = await cast();
    const result = await pitchesForEmployer(t.deps(), postnl.actor, noKnowledge, 4);
    expect(result.ok && result.pitches.map((p) => p.card.title)).toEqual(['Havenwerk in Zaanstad', 'Zorg in Wormerland', 'Werk in de Poelenbrug', 'Aardappels sorteren in Utrecht']);
    expect(result.ok && result.matching).toBe(5);
  });

  test('een werkgever zonder profiel, aanbod of volgen: geen pitches, en de pagina weet wat zou helpen', async () => {
    const { asito } = await cast();
    const result = await pitchesForEmployer(t.deps(), asito.actor, noKnowledge);
    expect(result).toMatchObject({ ok: true, employerName: 'Asito', pitches: [], matching: 0, profileEmpty: true, followsNothing: true });
  });

  test('alleen bevestigde leden van de werkgever: niet de gemeente, niet het netwerk, niet wie nog wacht, niet een bezoeker', async () => {
    const { owner } = await cast();
    await confirmedUser(t, 'nieuw@postnl.nl', { kind: 'employer', organisationId: 'postnl' });
    const waiting = await actorOf(t, 'nieuw@postnl.nl');
    const curator = await curatorActor(t);
    for (const who of [owner.actor, curator, waiting, null]) expect(await pitchesForEmployer(t.deps(), who, noKnowledge)).toEqual({ ok: false, reason: 'forbidden' });
  });
});
