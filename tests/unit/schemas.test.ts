/** The content schemas reject what a curator could get wrong, naming the field and the reason. */
import { describe, expect, test } from 'vitest';
import { caseSchema } from '#features/catalog/schemas/case.ts';
import { instrumentSchema } from '#features/catalog/schemas/instrument.ts';

const validCase = {
  title: 'Een goed voorbeeld',
  summary: 'Een korte samenvatting in gewone taal.',
  employers: ['postnl'],
  municipalities: ['zaanstad'],
  partners: ['dnz'],
  sectors: ['logistiek'],
  targetGroups: ['arbeidsbeperking'],
  instruments: ['basisbaan'],
  evidence: 'resultaat',
  status: 'lopend',
  sources: ['werkconferentie-werkgevers-en-gemeenten.txt'],
  published: '2026-11-22',
};

function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('caseSchema', () => {
  test('accepteert een goed praktijkvoorbeeld', () => {
    expect(caseSchema.safeParse(validCase).success).toBe(true);
  });

  test.each([
    ['een onbekende werkgever', { employers: ['acme'] }, /^employers\.0: onbekende werkgever "acme"/],
    ['een onbekende gemeente', { municipalities: ['atlantis'] }, /^municipalities\.0: onbekende gemeente "atlantis"/],
    ['een werkgever als partner', { partners: ['postnl'] }, /^partners\.0: onbekende partner "postnl"/],
    ['een instrument buiten de lijst', { instruments: ['wondermiddel'] }, /^instruments\.0: "wondermiddel" staat niet in de lijst instrumenten/],
    ['een doelgroep buiten de lijst', { targetGroups: ['iedereen'] }, /^targetGroups\.0: "iedereen" staat niet in de lijst doelgroepen/],
    ['een onbekende bron', { sources: ['blog.txt'] }, /^sources\.0: onbekende bron "blog.txt"/],
    ['geen bron', { sources: [] }, /^sources: noem minstens één bron/],
    ['een onbekend veld', { quote: 'Iets wat iemand zei' }, /quote/],
    ['een onbekende soort bewijs', { evidence: 'gerucht' }, /^evidence: "gerucht"/],
  ])('weigert %s', (_name, change, expected) => {
    expect(issues(caseSchema.safeParse({ ...validCase, ...change })).join('\n')).toMatch(expected);
  });

  test('weigert een ontbrekende bronnenlijst', () => {
    const { sources: _sources, ...withoutSources } = validCase;
    expect(issues(caseSchema.safeParse(withoutSources)).join('\n')).toMatch(/^sources:/);
  });
});

describe('instrumentSchema', () => {
  const validInstrument = {
    title: 'Basisbaan',
    summary: 'Een baan met een fatsoenlijk loon voor wie moeilijk werk vindt.',
    stances: [{ municipality: 'utrecht', statement: 'Het programma wil basisbanen.', evidence: 'ambitie', source: 'utrecht-verkiezingsprogramma-werk.txt' }],
    sources: ['utrecht-verkiezingsprogramma-werk.txt'],
    published: '2026-11-22',
  };

  test('accepteert een goed instrument', () => {
    expect(instrumentSchema.safeParse(validInstrument).success).toBe(true);
  });

  test('weigert een uitspraak waarvan de bron niet in de bronnen van de pagina staat', () => {
    const result = instrumentSchema.safeParse({ ...validInstrument, sources: ['amsterdam-verkiezingsprogramma-werk.txt'] });
    expect(issues(result).join('\n')).toMatch(/^stances\.0\.source: bron "utrecht-verkiezingsprogramma-werk.txt" staat niet in sources/);
  });

  test('weigert een uitspraak van een onbekende gemeente', () => {
    const result = instrumentSchema.safeParse({ ...validInstrument, stances: [{ ...validInstrument.stances[0], municipality: 'gotham' }] });
    expect(issues(result).join('\n')).toMatch(/^stances\.0\.municipality: onbekende gemeente "gotham"/);
  });
});
