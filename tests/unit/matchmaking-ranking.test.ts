/** Matchmaking: each rule with its weight and Dutch reason, families that weigh one piece of evidence once, and the order. */
import { describe, expect, test } from 'vitest';
import type { EmployerFacts, PitchFacts } from '#domain/matchmaking/facts.ts';
import { lowerFirst, listWords } from '#domain/matchmaking/phrases.ts';
import { compareStrength, rankEmployers, rankPitches } from '#domain/matchmaking/ranking.ts';
import { matchReasons, matchRuleIds, matchRules, type MatchRuleId } from '#domain/matchmaking/rules.ts';

const zaanstad = { id: 'zaanstad', name: 'Zaanstad' };
const zaanstreek = { id: 'zaanstreek-waterland', name: 'Zaanstreek/Waterland' };
const noordHolland = { id: 'noord-holland', name: 'Noord-Holland' };
const nijmegen = { id: 'nijmegen', name: 'Nijmegen' };
const rijkVanNijmegen = { id: 'rijk-van-nijmegen', name: 'Rijk van Nijmegen' };

const pitch: PitchFacts = {
  id: 'poelenbrug',
  title: 'Werk in de Poelenbrug',
  municipality: zaanstad,
  region: zaanstreek,
  province: noordHolland,
  targetGroups: ['jongeren', 'arbeidsbeperking'],
  sectors: ['logistiek', 'facilitair'],
  helpKinds: ['werkervaringsplaatsen', 'mentor-buddy', 'anders'],
};

const nobody: EmployerFacts = { id: 'leeg', name: 'Leeg', knownSectors: [], profile: null, offers: [], cases: [], follows: [] };
const employer = (id: string, facts: Partial<EmployerFacts>): EmployerFacts => ({ ...nobody, id, name: facts.name ?? id, ...facts });
const noProfile = { sectors: [], regions: [], provinces: [], helpKinds: [] };

/** The one reason of this employer, as [rule, weight, text]. */
const onlyReason = (facts: Partial<EmployerFacts>) => matchReasons(pitch, employer('x', facts)).map((r) => [r.rule, r.weight, r.text]);

describe('elke regel: gewicht en reden in gewone taal', () => {
  test('deed mee aan een pitch over dezelfde doelgroep in dezelfde arbeidsmarktregio (5)', () => {
    const offers = [{ pitchId: 'andere', municipality: { id: 'wormerland', name: 'Wormerland' }, region: zaanstreek, targetGroups: ['jongeren'], sectors: [] }];
    expect(onlyReason({ offers })).toEqual([['offer-same-group-and-region', 5, 'deed mee aan een pitch over jongeren in Zaanstreek/Waterland']]);
  });

  test('deed mee aan een pitch over dezelfde doelgroep elders (3): de gemeente van die pitch wordt genoemd', () => {
    const offers = [{ pitchId: 'andere', municipality: nijmegen, region: rijkVanNijmegen, targetGroups: ['arbeidsbeperking'], sectors: [] }];
    expect(onlyReason({ offers })).toEqual([['offer-same-group', 3, 'deed mee aan een pitch over mensen met een arbeidsbeperking in Nijmegen']]);
  });

  test('deed mee aan een andere pitch in dezelfde regio, over iets anders (2)', () => {
    const offers = [{ pitchId: 'andere', municipality: zaanstad, region: zaanstreek, targetGroups: ['ouderen'], sectors: [] }];
    expect(onlyReason({ offers })).toEqual([['offer-same-region', 2, 'deed mee aan een andere pitch in Zaanstreek/Waterland']]);
  });

  test('een aanbod op deze pitch zelf is geen reden', () => {
    expect(onlyReason({ offers: [{ pitchId: 'poelenbrug', municipality: zaanstad, region: zaanstreek, targetGroups: ['jongeren'], sectors: [] }] })).toEqual([]);
  });

  test('staat in een praktijkvoorbeeld met dezelfde sector en doelgroep (4), met de link naar het voorbeeld', () => {
    const [reason] = matchReasons(pitch, employer('x', { cases: [{ id: 'schoon-werk', title: 'Schoon werk', sectors: ['facilitair'], targetGroups: ['arbeidsbeperking'] }] }));
    expect(reason).toEqual({
      rule: 'case-sector-and-group',
      weight: 4,
      text: 'werkt in de schoonmaak en facilitaire dienstverlening met mensen met een arbeidsbeperking',
      caseStudy: { id: 'schoon-werk', title: 'Schoon werk' },
    });
  });

  test('een praktijkvoorbeeld met alleen de sector of alleen de doelgroep (2)', () => {
    expect(onlyReason({ cases: [{ id: 'a', title: 'Sorteren', sectors: ['logistiek'], targetGroups: ['ouderen'] }] })).toEqual([['case-sector-or-group', 2, 'werkt in de logistiek']]);
    expect(onlyReason({ cases: [{ id: 'b', title: 'Starters', sectors: ['zorg'], targetGroups: ['jongeren'] }] })).toEqual([['case-sector-or-group', 2, 'werkt met jongeren']]);
    expect(onlyReason({ cases: [{ id: 'c', title: 'Iets anders', sectors: ['zorg'], targetGroups: ['ouderen'] }] })).toEqual([]);
  });

  test('volgt de sector in de regio van de pitch (3); alleen de sector of doelgroep (1); alleen de plaats (1)', () => {
    expect(onlyReason({ follows: [{ kind: 'sector', value: 'logistiek' }, { kind: 'region', value: 'zaanstreek-waterland' }] })).toEqual([['follows-topic-in-place', 3, 'volgt de sector logistiek in Zaanstreek/Waterland']]);
    expect(onlyReason({ follows: [{ kind: 'target-group', value: 'jongeren' }, { kind: 'municipality', value: 'zaanstad' }] })).toEqual([['follows-topic-in-place', 3, 'volgt de doelgroep jongeren in Zaanstad']]);
    expect(onlyReason({ follows: [{ kind: 'sector', value: 'facilitair' }] })).toEqual([['follows-topic', 1, 'volgt de sector schoonmaak en facilitair']]);
    expect(onlyReason({ follows: [{ kind: 'region', value: 'zaanstreek-waterland' }] })).toEqual([['follows-place', 1, 'volgt de regio Zaanstreek/Waterland']]);
    expect(onlyReason({ follows: [{ kind: 'municipality', value: 'zaanstad' }] })).toEqual([['follows-place', 1, 'volgt gemeente Zaanstad']]);
    expect(onlyReason({ follows: [{ kind: 'sector', value: 'zorg' }, { kind: 'region', value: 'rijk-van-nijmegen' }] })).toEqual([]);
  });

  test('profiel: sector (2, ook uit de kennisbank), regio (2) of anders provincie (1), soort hulp (2, nooit "iets anders")', () => {
    expect(onlyReason({ profile: { ...noProfile, sectors: ['logistiek', 'facilitair', 'zorg'] } })).toEqual([
      ['profile-sector', 2, 'werkt in de logistiek en in de schoonmaak en facilitaire dienstverlening'],
    ]);
    expect(onlyReason({ knownSectors: ['logistiek'] })).toEqual([['profile-sector', 2, 'werkt in de logistiek']]);
    expect(onlyReason({ profile: { ...noProfile, regions: ['zaanstreek-waterland'], provinces: ['noord-holland'] } })).toEqual([['profile-region', 2, 'werkt in de regio Zaanstreek/Waterland']]);
    expect(onlyReason({ profile: { ...noProfile, provinces: ['noord-holland'] } })).toEqual([['profile-province', 1, 'werkt in de provincie Noord-Holland']]);
    expect(onlyReason({ profile: { ...noProfile, helpKinds: ['mentor-buddy', 'werkervaringsplaatsen', 'banen'] } })).toEqual([
      ['profile-help-kind', 2, 'kan werkervaringsplaatsen en een mentor of buddy bieden'],
    ]);
    expect(onlyReason({ profile: { ...noProfile, helpKinds: ['anders'] } })).toEqual([]);
  });

  test('elke regel heeft een eigen naam, een positief gewicht en een samenvatting, en staat in de lijst van namen', () => {
    expect(matchRules.map((r) => r.id)).toEqual([...matchRuleIds]);
    for (const rule of matchRules) {
      expect(rule.weight).toBeGreaterThan(0);
      expect(rule.summary.length).toBeGreaterThan(10);
    }
  });
});

describe('families: één bewijs telt één keer', () => {
  test('een aanbod over dezelfde doelgroep in dezelfde regio telt niet ook als "zelfde doelgroep" en "zelfde regio"', () => {
    const offers = [
      { pitchId: 'a', municipality: zaanstad, region: zaanstreek, targetGroups: ['jongeren'], sectors: [] },
      { pitchId: 'b', municipality: nijmegen, region: rijkVanNijmegen, targetGroups: ['jongeren'], sectors: [] },
    ];
    expect(onlyReason({ offers }).map(([rule]) => rule)).toEqual(['offer-same-group-and-region']);
  });

  test('alle soorten bewijs samen: de score is de som van de gewichten, de sterkste reden eerst', () => {
    const all = employer('alles', {
      knownSectors: ['logistiek'],
      profile: { sectors: [], regions: ['zaanstreek-waterland'], provinces: [], helpKinds: ['werkervaringsplaatsen'] },
      offers: [{ pitchId: 'a', municipality: zaanstad, region: zaanstreek, targetGroups: ['jongeren'], sectors: [] }],
      cases: [{ id: 'c', title: 'C', sectors: ['logistiek'], targetGroups: ['jongeren'] }],
      follows: [{ kind: 'sector', value: 'logistiek' }],
    });
    const [match] = rankEmployers(pitch, [all]);
    expect(match!.reasons.map((r) => r.rule)).toEqual<MatchRuleId[]>(['offer-same-group-and-region', 'case-sector-and-group', 'profile-sector', 'profile-region', 'profile-help-kind', 'follows-topic']);
    expect(match!.score).toBe(5 + 4 + 2 + 2 + 2 + 1);
  });
});

describe('de volgorde', () => {
  const strong = employer('b-sterk', { name: 'Bakkerij', offers: [{ pitchId: 'a', municipality: zaanstad, region: zaanstreek, targetGroups: ['jongeren'], sectors: [] }] });
  const twoReasons = employer('a-twee', { name: 'Alfa', profile: { ...noProfile, regions: ['zaanstreek-waterland'], helpKinds: ['werkervaringsplaatsen'] }, follows: [{ kind: 'sector', value: 'logistiek' }] });
  const oneStrongReason = employer('c-een', { name: 'Cesar', cases: [{ id: 'c', title: 'C', sectors: ['logistiek'], targetGroups: ['ouderen'] }], follows: [{ kind: 'municipality', value: 'zaanstad' }], knownSectors: [] });

  test('hoogste score eerst; wie geen reden heeft, of alleen de soort hulp, staat er niet in', () => {
    const onlyHelp = employer('hulp', { profile: { ...noProfile, helpKinds: ['werkervaringsplaatsen', 'mentor-buddy'] } });
    expect(matchReasons(pitch, onlyHelp)).toHaveLength(1);
    const ranked = rankEmployers(pitch, [nobody, onlyHelp, twoReasons, strong]);
    expect(ranked.map((m) => [m.subject.id, m.score])).toEqual([
      ['a-twee', 5],
      ['b-sterk', 5],
    ]);
  });

  test('gelijke score: meer redenen eerst, dan de sterkste reden, dan de naam, dan de id; de invoervolgorde doet niet ter zake', () => {
    const sameScoreFewerReasons = employer('d', { name: 'Delta', offers: [{ pitchId: 'a', municipality: zaanstad, region: zaanstreek, targetGroups: ['jongeren'], sectors: [] }] });
    const twin1 = employer('z-1', { name: 'Zelfde', knownSectors: ['logistiek'] });
    const twin2 = employer('z-0', { name: 'Zelfde', knownSectors: ['logistiek'] });
    const early = employer('e', { name: 'Echo', knownSectors: ['logistiek'] });
    const input = [twin1, sameScoreFewerReasons, early, twoReasons, oneStrongReason, twin2];
    const expected = ['a-twee', 'd', 'c-een', 'e', 'z-0', 'z-1'];
    expect(rankEmployers(pitch, input).map((m) => m.subject.id)).toEqual(expected);
    expect(rankEmployers(pitch, [...input].reverse()).map((m) => m.subject.id)).toEqual(expected);
  });

  test('gelijke score en evenveel redenen: de sterkste reden beslist, vóór de naam', () => {
    const evenly = employer('a', { name: 'Aa', profile: { ...noProfile, sectors: ['logistiek'], helpKinds: ['mentor-buddy'] } });
    const stronger = employer('z', { name: 'Zz', profile: { ...noProfile, provinces: ['noord-holland'] }, follows: [{ kind: 'sector', value: 'logistiek' }, { kind: 'region', value: 'zaanstreek-waterland' }] });
    expect(rankEmployers(pitch, [evenly, stronger]).map((m) => [m.subject.id, m.score, m.reasons.map((r) => r.weight)])).toEqual([
      ['z', 4, [3, 1]],
      ['a', 4, [2, 2]],
    ]);
  });

  test('de andere kant op: pitches voor een werkgever, met dezelfde regels', () => {
    const other: PitchFacts = { ...pitch, id: 'nijmegen', title: 'Jongeren in Nijmegen', municipality: nijmegen, region: rijkVanNijmegen, province: null, sectors: [], targetGroups: ['jongeren'] };
    const unrelated: PitchFacts = { ...other, id: 'niets', title: 'Niets', targetGroups: ['ouderen'] };
    const bakery = employer('bakkerij', { profile: { ...noProfile, regions: ['zaanstreek-waterland'], sectors: ['logistiek'], helpKinds: ['mentor-buddy'] }, follows: [{ kind: 'target-group', value: 'jongeren' }] });
    const ranked = rankPitches(bakery, [unrelated, other, pitch]);
    // "Niets" shares only the kind of help: no match, this way round either.
    expect(ranked.map((m) => [m.subject.id, m.score, m.reasons.map((r) => r.text)])).toEqual([
      ['poelenbrug', 7, ['werkt in de logistiek', 'werkt in de regio Zaanstreek/Waterland', 'kan een mentor of buddy bieden', 'volgt de doelgroep jongeren']],
      ['nijmegen', 3, ['kan een mentor of buddy bieden', 'volgt de doelgroep jongeren']],
    ]);
  });

  test('de sterkte (zonder naam) is het begin van de volgorde: wie alleen op sterkte de besten houdt, mist er geen', () => {
    const employers = [twoReasons, strong, oneStrongReason, employer('e', { name: 'Echo', knownSectors: ['logistiek'] }), employer('f', { name: 'Aap', knownSectors: ['facilitair'] })];
    const ranked = rankEmployers(pitch, employers);
    for (let i = 1; i < ranked.length; i++) expect(compareStrength(ranked[i - 1]!, ranked[i]!)).toBeLessThanOrEqual(0);
    // Echo and Aap are equally strong: the name decides between them, never the strength.
    const [echo, aap] = [ranked.find((m) => m.subject.id === 'e')!, ranked.find((m) => m.subject.id === 'f')!];
    expect(compareStrength(echo, aap)).toBe(0);
    expect(ranked.indexOf(aap)).toBeLessThan(ranked.indexOf(echo));
  });
});

describe('woorden', () => {
  test('kleine letter vooraan, behalve bij een afkorting; opsommingen met "en"', () => {
    expect(lowerFirst('Logistiek')).toBe('logistiek');
    expect(lowerFirst('ICT')).toBe('ICT');
    expect(lowerFirst('50-plussers')).toBe('50-plussers');
    expect(listWords(['a'])).toBe('a');
    expect(listWords(['a', 'b', 'c'])).toBe('a, b en c');
  });
});
