/**
 * The plain-language rule (B1) for summaries (#domain/plain-language.ts): the rule itself, and
 * every case and instrument summary on the site keeping to it. The editor shows the same
 * findings beside the summary field and on the publish step.
 */
import { describe, expect, test } from 'vitest';
import { jargon, plainLanguageFindings, sentencesOf, wordsOf } from '#domain/plain-language.ts';
import { readCases, readInstruments } from './content-files.ts';

const messages = (text: string, defines?: string) => plainLanguageFindings(text, { defines }).map((f) => f.message);
const words = (n: number) => Array.from({ length: n }, (_, i) => (i === 0 ? `Woord${i}` : `woord${i}`)).join(' ');

describe('de regel', () => {
  test('een korte, gewone samenvatting is in orde', () => {
    expect(messages('Een schoonmaakbedrijf en de gemeente zetten buurtbewoners aan het werk in hun eigen wijk.')).toEqual([]);
    expect(messages('')).toEqual([]);
  });

  test('zinnen: een punt in een getal of afkorting splitst geen zin', () => {
    expect(sentencesOf('Het plan noemt 2.000 banen, bijv. in de zorg. Daarna volgt meer! Klopt dat? "Ja", zei ze.')).toEqual([
      'Het plan noemt 2.000 banen, bijv. in de zorg.',
      'Daarna volgt meer!',
      'Klopt dat?',
      '"Ja", zei ze.',
    ]);
    expect(wordsOf('Een mbo-diploma en/of 2.000 banen (in de zorg).')).toEqual(['Een', 'mbo-diploma', 'en', 'of', '2.000', 'banen', '(in', 'de', 'zorg).']);
  });

  test('een zin van meer dan 20 woorden: zegt welke zin en hoeveel woorden', () => {
    expect(messages(`Kort is goed. ${words(27)} laatste.`)).toContain('Zin 2 heeft 28 woorden; houd het bij 20 of minder.');
    expect(messages(`${words(20)}.`)).toEqual(['De zin heeft 20 woorden; houd zinnen gemiddeld bij 15 of minder. Splits hem in twee zinnen.']);
    // One too-long sentence is named once, not also as a too-high average.
    expect(messages(`${words(21)}.`)).toEqual(['De zin heeft 21 woorden; houd het bij 20 of minder.']);
  });

  test('gemiddeld meer dan 15 woorden per zin', () => {
    expect(messages(`${words(18)}. ${words(17)}.`)).toEqual(['De zinnen hebben gemiddeld 17,5 woorden; houd het gemiddelde bij 15 of minder. Maak een lange zin korter of splits hem.']);
    expect(messages(`${words(15)}. ${words(15)}.`)).toEqual([]);
  });

  test('een puntkomma', () => {
    expect(messages('Het werkt goed; iedereen doet mee.')).toEqual(['De zin heeft een puntkomma (;). Maak er twee zinnen van.']);
  });

  test('vaktaal zonder uitleg tussen haakjes direct erachter, de eerste keer', () => {
    expect(messages('Zwolle probeert regelluw werken uit.')).toEqual(['"regelluw" is vaktaal. Zet de eerste keer direct een korte uitleg tussen haakjes erachter, zoals: regelluw (uitleg in gewone woorden).']);
    expect(messages('Zwolle probeert regelluw (met weinig regels) werken uit. Regelluw werken bevalt.')).toEqual([]);
    // A longer word with the jargon in it, and the word in capitals.
    expect(messages('De loonwaardebepaling gaat naar de werkgever.')[0]).toMatch(/^"loonwaardebepaling" is vaktaal/);
    expect(messages('Ze kijken naar SEBO-keurmerken (een keurmerk voor sociaal ondernemen).')).toEqual([]);
    expect(messages('Het UWV helpt.')[0]).toMatch(/^"UWV" is vaktaal/);
    // Explained later is too late; an explanation of a whole paragraph is not short.
    expect(messages('Het breed offensief werkt. Het breed offensief (een landelijke aanpak) helpt.')[0]).toMatch(/^"breed offensief" is vaktaal/);
    expect(messages(`Garantiebaan (${words(13)}).`)[0]).toMatch(/^"Garantiebaan" is vaktaal/);
    // A definition is an explanation too; an instrument's summary explains its own title.
    expect(messages('Een garantiebaan is een baan voor iemand met een beperking.')).toEqual([]);
    expect(messages('Met loonkostensubsidie krijgt de werkgever geld.')[0]).toMatch(/^"loonkostensubsidie" is vaktaal/);
    expect(messages('Met loonkostensubsidie krijgt de werkgever geld.', 'Loonkostensubsidie')).toEqual([]);
    expect(messages('Het UWV helpt bij het loket.', 'Werkgevers Service Punt')[0]).toMatch(/^"UWV" is vaktaal/);
    // Not inside another word.
    expect(messages('Het kabbelt.')).toEqual([]);
  });

  test('de lijst met vaktaal begint met de afgesproken woorden', () => {
    expect(jargon.map((j) => j.word)).toEqual(expect.arrayContaining(['regelluw', 'loonwaarde', 'pitchronde', 'arbeidsmarktregio', 'arrangement', 'sociale onderneming', 'breed offensief', 'SEBO', 'loonkostensubsidie', 'beschut werk', 'participatiewet', 'UWV', 'BBL', 'werkgeversservicepunt', 'garantiebaan', 'centrumgemeente', 'klantmanager', 'jobcoach', 'praktijkschool']));
  });
});

describe('elke samenvatting op de site is in gewone taal (B1)', () => {
  // These fail where a summary is not yet rewritten: the message says what to change.
  const pages = [
    ...readCases().map((c) => [`content/cases/${c.id}.mdx`, c.data.summary, undefined] as const),
    ...readInstruments().map((i) => [`content/instruments/${i.id}.mdx`, i.data.summary, i.data.title] as const),
  ];

  test.each(pages)('%s', (_file, summary, title) => {
    expect(messages(summary, title)).toEqual([]);
  });
});
