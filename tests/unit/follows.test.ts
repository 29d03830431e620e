/** Follow and be told: matching news to follows, grouping, the digest period, the mail text. */
import { describe, expect, test } from 'vitest';
import { endOfAmsterdamDay, startOfAmsterdamDay } from '#domain/amsterdam-time.ts';
import { deliveryIsChoosable, digestPeriod, groupDigest, immediateMatches, isoWeek, matchesFollow, weeklyDigestInput, type DeliveredFollow, type Follow, type NewsItem } from '#domain/follows.ts';
import { pitchAlertMessage } from '#platform/mail/pitch-alert-messages.ts';
import { digestMessage } from '#platform/mail/digest-messages.ts';
import { caseNewsSource, activityNewsSource } from '#features/follows/news-sources.ts';
import type { Database } from '#db/client.ts';

const newPitch = (id: string, about: NewsItem['about']): NewsItem => ({ key: `pitch:${id}`, kind: 'pitch', title: `Pitch ${id}`, path: `/pitches/${id}/`, about });

const zaanstadLogistics = newPitch('a', { municipalities: ['zaanstad'], regions: ['zaanstreek-waterland'], sectors: ['logistiek'], targetGroups: ['jongeren'] });
const utrechtCare = newPitch('b', { municipalities: ['utrecht'], regions: ['midden-utrecht'], sectors: ['zorg'], targetGroups: [] });
const closedA: NewsItem = { key: 'pitch-update:a', kind: 'pitch-update', title: 'Pitch a', path: '/pitches/a/', note: 'gesloten', about: { pitch: 'a' } };

describe('nieuws bij wat u volgt', () => {
  test('een bericht past bij een gemeente, regio, sector of doelgroep die het noemt, en bij niets anders', () => {
    expect(matchesFollow(zaanstadLogistics, { kind: 'municipality', value: 'zaanstad' })).toBe(true);
    expect(matchesFollow(zaanstadLogistics, { kind: 'region', value: 'zaanstreek-waterland' })).toBe(true);
    expect(matchesFollow(zaanstadLogistics, { kind: 'sector', value: 'logistiek' })).toBe(true);
    expect(matchesFollow(zaanstadLogistics, { kind: 'target-group', value: 'jongeren' })).toBe(true);
    expect(matchesFollow(zaanstadLogistics, { kind: 'municipality', value: 'utrecht' })).toBe(false);
    expect(matchesFollow(zaanstadLogistics, { kind: 'sector', value: 'zorg' })).toBe(false);
    // A new pitch is not news "about" itself for someone who follows a pitch of the same id.
    expect(matchesFollow(zaanstadLogistics, { kind: 'pitch', value: 'a' })).toBe(false);
  });

  test('nieuws over een bestaande pitch gaat alleen naar wie die pitch volgt, niet naar wie de gemeente volgt', () => {
    expect(matchesFollow(closedA, { kind: 'pitch', value: 'a' })).toBe(true);
    expect(matchesFollow(closedA, { kind: 'municipality', value: 'zaanstad' })).toBe(false);
  });

  test('gegroepeerd per wat u volgt, elk bericht één keer, onder het meest specifieke', () => {
    const follows: Follow[] = [
      { kind: 'sector', value: 'logistiek' },
      { kind: 'municipality', value: 'zaanstad' },
      { kind: 'pitch', value: 'a' },
      { kind: 'sector', value: 'zorg' },
    ];
    const groups = groupDigest(follows, [zaanstadLogistics, utrechtCare, closedA, zaanstadLogistics]);
    expect(groups.map((g) => [g.follow.kind, g.follow.value, g.items.map((i) => i.key)])).toEqual([
      ['pitch', 'a', ['pitch-update:a']],
      ['municipality', 'zaanstad', ['pitch:a']],
      // "Sector logistiek" has nothing left: the Zaanstad pitch is already listed above.
      ['sector', 'zorg', ['pitch:b']],
    ]);
    const keys = groups.flatMap((g) => g.items.map((i) => i.key));
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('niets nieuw, of niets dat past: geen groepen (en dus geen e-mail)', () => {
    expect(groupDigest([{ kind: 'municipality', value: 'zaanstad' }], [])).toEqual([]);
    expect(groupDigest([{ kind: 'municipality', value: 'almere' }], [zaanstadLogistics, utrechtCare])).toEqual([]);
    expect(groupDigest([], [zaanstadLogistics])).toEqual([]);
  });
});

describe('de week van het overzicht', () => {
  test('ISO-weken, ook rond de jaarwisseling', () => {
    expect(isoWeek('2026-03-02')).toBe('2026-W10');
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
  });

  test('een nieuwe week begint maandag om 07:00 Amsterdamse tijd, in winter- en zomertijd', () => {
    // Winter time (UTC+1): Monday 2 March 2026, 06:59 and 07:00 local.
    expect(digestPeriod(Date.parse('2026-03-02T05:59:00Z'))).toBe('2026-W09');
    expect(digestPeriod(Date.parse('2026-03-02T06:00:00Z'))).toBe('2026-W10');
    // Summer time (UTC+2): Monday 6 April 2026.
    expect(digestPeriod(Date.parse('2026-04-06T04:59:00Z'))).toBe('2026-W14');
    expect(digestPeriod(Date.parse('2026-04-06T05:00:00Z'))).toBe('2026-W15');
    // Sunday night still belongs to the week.
    expect(digestPeriod(Date.parse('2026-03-08T22:30:00Z'))).toBe('2026-W10');
  });

  test('begin en eind van een kalenderdag in Amsterdam, ook op de dag van de klokwissel', () => {
    expect(new Date(startOfAmsterdamDay('2026-03-02')).toISOString()).toBe('2026-03-01T23:00:00.000Z');
    expect(new Date(endOfAmsterdamDay('2026-03-02')).toISOString()).toBe('2026-03-02T22:59:59.999Z');
    expect(new Date(endOfAmsterdamDay('2026-03-29')).toISOString()).toBe('2026-03-29T21:59:59.999Z');
  });
});

describe('bronnen', () => {
  const db = {} as Database;
  const week = { from: Date.parse('2026-03-02T06:00:00Z'), to: Date.parse('2026-03-09T06:00:00Z') };

  test('een praktijkvoorbeeld is nieuws in het eerste overzicht na het eind van zijn publicatiedag', async () => {
    const source = caseNewsSource([
      { id: 'oud', title: 'Oud', published: '2026-03-01', municipalities: [], regions: [], sectors: ['zorg'], targetGroups: [], evidence: 'resultaat', status: 'lopend' },
      { id: 'deze-week', title: 'Deze week', published: '2026-03-04', municipalities: ['zaanstad'], regions: [], sectors: [], targetGroups: [], evidence: 'resultaat', status: 'lopend' },
      // Published on the Monday of the digest itself: next week's news (the day has not ended).
      { id: 'maandag', title: 'Maandag', published: '2026-03-09', municipalities: [], regions: [], sectors: [], targetGroups: [], evidence: 'resultaat', status: 'lopend' },
    ]);
    expect((await source.itemsBetween(db, week.from, week.to)).map((i) => i.key)).toEqual(['case:deze-week']);
  });

  test('een nieuw plan heet in het overzicht een plan, geen praktijkvoorbeeld', async () => {
    const about = { published: '2026-03-04', municipalities: ['amsterdam'], regions: [], sectors: [], targetGroups: [] };
    const source = caseNewsSource([
      { id: 'praktijk', title: 'Praktijk', ...about, evidence: 'resultaat', status: 'lopend' },
      { id: 'programma', title: 'Verkiezingsprogramma', ...about, evidence: 'ambitie', status: 'voornemen' },
      { id: 'gepitcht', title: 'Gepitchte vraag', ...about, evidence: 'pitch', status: 'gepitcht' },
    ]);
    expect((await source.itemsBetween(db, week.from, week.to)).map((i) => [i.key, i.note])).toEqual([
      ['case:praktijk', 'Nieuw praktijkvoorbeeld'],
      ['case:programma', 'Nieuw plan'],
      ['case:gepitcht', 'Nieuw plan'],
    ]);
  });

  test('activiteiten uit de kalender: op gemeente (en haar regio), sector en doelgroep', async () => {
    const source = activityNewsSource(async () => [
      { id: 'x', title: 'Meet & greet', startsAt: Date.parse('2026-03-20T15:00:00Z'), municipalityId: 'zaanstad', targetGroups: ['jongeren'], sectors: [], path: '/activiteiten/x/' },
    ]);
    const [item] = await source.itemsBetween(db, week.from, week.to);
    expect(item).toMatchObject({ key: 'activity:x', path: '/activiteiten/x/', about: { municipalities: ['zaanstad'], regions: ['zaanstreek-waterland'], targetGroups: ['jongeren'] } });
  });
});

describe('de e-mail', () => {
  test('per groep een kop, elk bericht met een link van SITE_URL, en afmelden met List-Unsubscribe-kopregels', () => {
    const message = digestMessage({
      to: 'anna@voorbeeld.nl',
      name: 'Anna',
      userId: 'u1',
      origin: 'https://praktijkplein.test',
      unsubscribeToken: 'abc.def',
      sections: [{ label: 'Gemeente Zaanstad', group: { follow: { kind: 'municipality', value: 'zaanstad' }, items: [zaanstadLogistics] } }],
    });
    expect(message.subject).toBe('Nieuw bij wat u volgt op Praktijkplein: 1 nieuw bericht');
    expect(message.body).toContain('== Gemeente Zaanstad ==');
    expect(message.body).toContain('https://praktijkplein.test/pitches/a/');
    expect(message.body).toContain('https://praktijkplein.test/afmelden/?t=abc.def');
    expect(message.headers).toEqual({ 'List-Unsubscribe': '<https://praktijkplein.test/afmelden/?t=abc.def>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
  });
});

describe('meteen, wekelijks of niets', () => {
  const follows: DeliveredFollow[] = [
    { kind: 'sector', value: 'logistiek', delivery: 'immediate' },
    { kind: 'region', value: 'zaanstreek-waterland', delivery: 'immediate' },
    { kind: 'target-group', value: 'jongeren', delivery: 'weekly' },
    { kind: 'municipality', value: 'utrecht', delivery: 'none' },
  ];

  test('een nieuwe pitch die bij twee "meteen"-onderwerpen past, noemt ze allebei (de meest specifieke eerst); wekelijks en niets tellen niet', () => {
    expect(immediateMatches(follows, zaanstadLogistics)).toEqual([
      { kind: 'region', value: 'zaanstreek-waterland', delivery: 'immediate' },
      { kind: 'sector', value: 'logistiek', delivery: 'immediate' },
    ]);
    expect(immediateMatches(follows, utrechtCare)).toEqual([]);
    // A followed pitch cannot be "meteen": its news is weekly.
    expect(immediateMatches([{ kind: 'pitch', value: 'a', delivery: 'immediate' }], closedA)).toEqual([]);
    expect(deliveryIsChoosable('pitch')).toBe(false);
    expect(deliveryIsChoosable('sector')).toBe(true);
  });

  test('het weekoverzicht laat "niets" weg en een pitch die al meteen gemaild is; de rest blijft zoals het was', () => {
    const caseNews: NewsItem = { key: 'case:c', kind: 'case', title: 'Praktijk', path: '/praktijkvoorbeelden/c/', about: { sectors: ['logistiek'], municipalities: ['utrecht'] } };
    const input = weeklyDigestInput(follows, [zaanstadLogistics, utrechtCare, caseNews], new Set(['pitch:a']));
    expect(input.follows).toEqual([
      { kind: 'sector', value: 'logistiek' },
      { kind: 'region', value: 'zaanstreek-waterland' },
      { kind: 'target-group', value: 'jongeren' },
    ]);
    expect(input.items.map((item) => item.key)).toEqual(['pitch:b', 'case:c']);
    // The case about logistics still reaches the "meteen" follow weekly; Utrecht ("niets") gets nothing.
    expect(groupDigest(input.follows, input.items)).toEqual([{ follow: { kind: 'sector', value: 'logistiek' }, items: [caseNews] }]);
    // Not mailed at once (published before "meteen" was chosen): the digest still lists it.
    expect(weeklyDigestInput(follows, [zaanstadLogistics], new Set()).items).toEqual([zaanstadLogistics]);
  });

  test('de e-mail van meteen: de pitch, waarom, "Ik doe mee", waar u het wijzigt, en afmelden met één klik', () => {
    const message = pitchAlertMessage({
      to: 'lezer@postnl.nl',
      name: 'Lea',
      userId: 'u1',
      origin: 'https://praktijkplein.test',
      pitch: { ...zaanstadLogistics, title: 'Werk in de haven', note: 'Nieuwe pitch van gemeente Zaanstad' },
      pitchId: 'a',
      followLabels: ['Arbeidsmarktregio Zaanstreek/Waterland', 'Sector logistiek'],
      unsubscribeToken: 'abc.def',
    });
    expect(message.subject).toBe('Nieuwe pitch: Werk in de haven');
    expect(message.body).toContain('Hij past bij wat u volgt: Arbeidsmarktregio Zaanstreek/Waterland, Sector logistiek.');
    expect(message.body).toContain('https://praktijkplein.test/pitches/a/meedoen/');
    expect(message.body).toContain('https://praktijkplein.test/account/volgen/');
    expect(message.body).toContain('https://praktijkplein.test/afmelden/meteen/?t=abc.def');
    expect(message.headers).toEqual({ 'List-Unsubscribe': '<https://praktijkplein.test/afmelden/meteen/?t=abc.def>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
  });
});
