/**
 * The Dutch rules of the search: forms people type reduce to the same key as the forms pages
 * use, compounds give their parts, synonyms are added both ways, and questions lose their
 * little words. What a visitor notices: typing "basisbanen", "baantje" or "ideeën" finds the page
 * that says "basisbaan", "banen" or "ideeen".
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { foldWord, stemDutch } from '#domain/search/dutch-stem.ts';
import { compoundParts, createLexicon } from '#domain/search/compounds.ts';
import { synonymExpansions } from '#domain/search/synonyms.ts';
import { foldedWords, queryKeys, textKeys } from '#domain/search/words.ts';
import { pitchSearchKeys } from '#domain/search/pitch-keys.ts';

const key = (word: string) => stemDutch(foldWord(word));

describe('one key for the forms of a word', () => {
  test.each([
    ['baan', 'banen'],
    ['basisbaan', 'basisbanen'],
    ['baan', 'baantje'],
    ['baan', 'baantjes'],
    ['klus', 'klusjes'],
    ['klus', 'klussen'],
    ['mens', 'mensen'],
    ['kans', 'kansen'],
    ['subsidie', 'subsidies'],
    ['idee', 'ideeën'],
    ['ideeen', 'ideeën'],
    ['financieel', 'financiële'],
    ['regelluw', 'regelluwe'],
    ['sociaal', 'sociale'],
    ['stage', 'stages'],
    ['gemeente', 'gemeenten'],
    ['jongere', 'jongeren'],
    ['werkzoekende', 'werkzoekenden'],
    ['bedrijf', 'bedrijven'],
    ['huis', 'huizen'],
    ['sorteercentrum', 'sorteercentra'],
    ['mogelijkheid', 'mogelijkheden'],
    ['werkgever', 'werkgevers'],
    ['inclusief', 'inclusieve'],
    ['school', 'scholen'],
    ['reïntegratie', 'reintegratie'],
  ])('%s and %s', (a, b) => {
    expect(key(a)).toBe(key(b));
  });

  test.each([
    ['mens', 'men'],
    ['kans', 'kan'],
    ['huis', 'hui'],
  ])('%s and %s stay apart: the s is part of the word, not a plural', (a, b) => {
    expect(key(a)).not.toBe(key(b));
  });

  test('"vrije" is an inflected adjective, not a diminutive of "vri"', () => {
    expect(key('vrije')).toBe(key('vrij'));
  });

  test('keys are stable: a key reduced again stays the same for words of the field', () => {
    for (const word of ['basisbanen', 'klusjes', 'werkgevers', 'gemeenten', 'ideeën', 'sociale']) expect(key(key(word))).toBe(key(word));
  });

  test('any input gives a key without throwing, never longer than the folded word', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const folded = foldWord(text);
        expect(stemDutch(folded).length).toBeLessThanOrEqual(folded.length + 3);
      }),
      { numRuns: 300 },
    );
  });
});

describe('words of a page and of a query', () => {
  test('a hyphenated word counts as its parts and as one word on a page, as one word in a query', () => {
    expect(foldedWords('50-plussers en re-integratie')).toEqual(['50', 'plussers', '50plussers', 'en', 're', 'integratie', 'reintegratie']);
    expect(queryKeys('re-integratie')).toEqual([key('reintegratie')]);
  });

  test('a question loses its little words, a query of only little words keeps them', () => {
    expect(queryKeys('hoe krijg ik mensen uit de bijstand aan het werk')).toEqual([key('mensen'), key('bijstand'), key('werk')]);
    expect(queryKeys('wie biedt')).toEqual([key('biedt')]);
    expect(queryKeys('de')).toEqual(['de']);
  });

  test('accents and case do not matter', () => {
    expect(textKeys('Financiële IDEEËN')).toEqual(textKeys('financiele ideeen'));
  });
});

describe('compound parts', () => {
  const lexicon = createLexicon(foldedWords('subsidie loonkosten pakket sorteren centrum werk garantie jongeren pact regel'));

  test('a compound gives the parts the lexicon knows, with linking sounds', () => {
    expect(compoundParts('loonkostensubsidie', lexicon)).toEqual(expect.arrayContaining([key('subsidie'), key('loonkosten')]));
    expect(compoundParts('werkgarantie', lexicon)).toEqual(expect.arrayContaining([key('werk'), key('garantie')]));
    expect(compoundParts('jongerenpact', lexicon)).toEqual(expect.arrayContaining([key('jongere'), key('pact')]));
  });

  test('a part that splits again counts whole: "sorteercentrum" is a part of "pakketsorteercentra"', () => {
    expect(compoundParts('pakketsorteercentra', lexicon)).toEqual(expect.arrayContaining([key('pakket'), key('sorteercentrum'), key('centrum')]));
  });

  test('a word whose parts are not all known words stays whole', () => {
    expect(compoundParts('regelluw', lexicon)).toEqual([]);
    expect(compoundParts('poelenbrug', lexicon)).toEqual([]);
  });
});

describe('synonyms both ways', () => {
  test('a page that says "Wajong" gets the words of the target group, and the other way round', () => {
    const fromWajong = synonymExpansions(textKeys('Hij heeft een Wajong-uitkering en zoekt werk'));
    expect(fromWajong).toEqual(expect.arrayContaining([key('arbeidsbeperking'), key('banenafspraak')]));
    const fromLabel = synonymExpansions(textKeys('Werk voor mensen met een arbeidsbeperking'));
    expect(fromLabel).toEqual(expect.arrayContaining([key('wajong'), key('doelgroepregister')]));
  });

  test('a synonym of several words counts only when its words stand together', () => {
    expect(synonymExpansions(textKeys('van werk naar werk'))).toEqual(expect.arrayContaining([key('werkgarantie')]));
    expect(synonymExpansions(textKeys('werk naar de stad'))).not.toContain(key('werkgarantie'));
  });

  test('a page that uses no synonym gets nothing added', () => {
    expect(synonymExpansions(textKeys('Poelenbrug ligt in Zaandam'))).toEqual([]);
  });
});

describe('compound parts no page uses alone', () => {
  const lexicon = createLexicon(foldedWords('achtergrond status ouders houders werk'));

  test('a long known head vouches for a long modifier: "vluchtelingen" is a part of "vluchtelingenachtergrond"', () => {
    expect(compoundParts('vluchtelingenachtergrond', lexicon)).toEqual(expect.arrayContaining([key('vluchtelingen'), key('achtergrond')]));
  });

  test('never when known parts explain the word: "statushouders" does not give "ouders"', () => {
    expect(compoundParts('statushouders', lexicon)).not.toContain(key('ouders'));
  });
});

describe('a pitch\'s search keys', () => {
  test('the parts of its compounds and the synonyms of what it says, not its own words', () => {
    const keys = pitchSearchKeys({ title: 'Werk in de Poelenbrug', area: 'Poelenbrug', challenge: 'Wij bieden loonkostensubsidie voor mensen met een arbeidsbeperking.', ask: 'Doe mee' }).split(' ');
    expect(keys).toEqual(expect.arrayContaining([key('subsidie'), key('loonkosten'), key('wajong')]));
    expect(keys).not.toContain(key('poelenbrug'));
    expect(keys).not.toContain(key('loonkostensubsidie'));
  });
});
