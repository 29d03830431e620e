/**
 * "Pitches voor u" hands the matchmaking rules only the few earlier offers that can decide the
 * offer rules for a pitch (domain/matchmaking/offer-lookup.ts). For random employers with many
 * offers and random pitches, the reasons (and so the score) are exactly those the rules give
 * with every offer. No database.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { EmployerFacts, OfferFact, PitchFacts, Place } from '#domain/matchmaking/facts.ts';
import { offerLookup } from '#domain/matchmaking/offer-lookup.ts';
import { matchReasons } from '#domain/matchmaking/rules.ts';

const regions: Place[] = [
  { id: 'zaanstreek-waterland', name: 'Zaanstreek/Waterland' },
  { id: 'midden-utrecht', name: 'Midden-Utrecht' },
  { id: 'rijk-van-nijmegen', name: 'Rijk van Nijmegen' },
];
const municipalities: { place: Place; region: Place | null }[] = [
  { place: { id: 'zaanstad', name: 'Zaanstad' }, region: regions[0]! },
  { place: { id: 'wormerland', name: 'Wormerland' }, region: regions[0]! },
  { place: { id: 'utrecht', name: 'Utrecht' }, region: regions[1]! },
  { place: { id: 'nijmegen', name: 'Nijmegen' }, region: regions[2]! },
  // A municipality missing from the CBS list: no region.
  { place: { id: 'atlantis', name: 'Atlantis' }, region: null },
];
const groups = ['jongeren', 'arbeidsbeperking', 'ouderen', 'arbeidsmigranten'];

const someGroups = fc.subarray(groups);
const place = fc.constantFrom(...municipalities);
const offer = fc.record({ at: place, targetGroups: someGroups, n: fc.nat(1000) }).map(
  ({ at, targetGroups, n }): OfferFact => ({ pitchId: `eerder-${n}`, municipality: at.place, region: at.region, targetGroups, sectors: [] }),
);
const pitch = fc.record({ at: place, targetGroups: someGroups }).map(
  ({ at, targetGroups }): PitchFacts => ({ id: 'deze', title: 'Deze pitch', municipality: at.place, region: at.region, province: null, targetGroups, sectors: [], helpKinds: [] }),
);

describe('de aanbiedingen die ertoe doen', () => {
  test('met alleen de opgezochte aanbiedingen geven de regels dezelfde redenen als met alle', () => {
    fc.assert(
      fc.property(fc.array(offer, { maxLength: 60 }), fc.array(pitch, { minLength: 1, maxLength: 10 }), (offers, pitches) => {
        const employer: EmployerFacts = { id: 'w', name: 'Werkgever', knownSectors: [], profile: null, offers, cases: [], follows: [] };
        const lookup = offerLookup(offers);
        for (const p of pitches) {
          const few = lookup(p);
          expect(few.length).toBeLessThanOrEqual(3);
          expect(matchReasons(p, { ...employer, offers: few })).toEqual(matchReasons(p, employer));
        }
      }),
      { numRuns: 300 },
    );
  });

  test('de eerste in de volgorde van de werkgever telt: de reden noemt de gemeente van die aanbieding', () => {
    const at = (i: number) => municipalities[i]!;
    const offers: OfferFact[] = [
      { pitchId: 'a', municipality: at(2).place, region: at(2).region, targetGroups: ['ouderen'], sectors: [] },
      { pitchId: 'b', municipality: at(3).place, region: at(3).region, targetGroups: ['jongeren'], sectors: [] },
      { pitchId: 'c', municipality: at(2).place, region: at(2).region, targetGroups: ['jongeren'], sectors: [] },
    ];
    const zaanstad: PitchFacts = { id: 'deze', title: 'Deze', municipality: at(0).place, region: at(0).region, province: null, targetGroups: ['jongeren'], sectors: [], helpKinds: [] };
    expect(offerLookup(offers)(zaanstad).map((o) => o.pitchId)).toEqual(['b']);
    expect(matchReasons(zaanstad, { id: 'w', name: 'W', knownSectors: [], profile: null, offers: offerLookup(offers)(zaanstad), cases: [], follows: [] }).map((r) => r.text)).toEqual([
      'deed mee aan een pitch over jongeren in Nijmegen',
    ]);
  });
});
