/**
 * The demo marks: one wording wherever demo data shows, a title is never marked twice, and a
 * number that counts demo items among real ones says how many.
 */
import { describe, expect, test } from 'vitest';
import { demoPitchNotice, demoShareMark, pitchKicker, pitchShowcaseHeading, withDemoMark } from '#domain/demo-marks.ts';

describe('demomarkeringen', () => {
  test('een demotitel krijgt "(demo)", één keer; een echte titel blijft zoals hij is', () => {
    expect(withDemoMark('Poelenbrug: wie biedt?', true)).toBe('Poelenbrug: wie biedt? (demo)');
    expect(withDemoMark('Werkervaring in het magazijn (demo)', true)).toBe('Werkervaring in het magazijn (demo)');
    expect(withDemoMark('Werkervaring (Demo)', true)).toBe('Werkervaring (Demo)');
    expect(withDemoMark('Poelenbrug: wie biedt?', false)).toBe('Poelenbrug: wie biedt?');
  });

  test('boven een demopitch staat nooit "Pitch van gemeente …" zonder demo', () => {
    expect(pitchKicker({ municipalityName: 'Zaanstad', area: 'Poelenbrug', demo: false })).toBe('Pitch van gemeente Zaanstad · Poelenbrug');
    const demo = pitchKicker({ municipalityName: 'Zaanstad', area: 'Poelenbrug', demo: true });
    expect(demo).toMatch(/^Demopitch: geen echte pitch van gemeente Zaanstad/);
    expect(demo).not.toMatch(/^Pitch van gemeente/);
    expect(demoPitchNotice('Zaanstad')).toBe('Demopitch: een verzonnen voorbeeld. Gemeente Zaanstad heeft deze pitch niet geplaatst.');
  });

  test('een getal met demo erin: niets, "(demo)" als alles demo is, "(waarvan n demo)" als een deel het is', () => {
    expect(demoShareMark(0, 3)).toBe('');
    expect(demoShareMark(2, 2)).toBe(' (demo)');
    expect(demoShareMark(1, 3)).toBe(' (waarvan 1 demo)');
  });

  test('de kop op de homepagina: alleen demopitches lezen niet als gemeenten die iets vragen', () => {
    expect(pitchShowcaseHeading([{ demo: true }, { demo: true }])).toEqual({ heading: 'Zo ziet een pitch eruit (demo)', note: expect.stringMatching(/verzonnen voorbeelden/) });
    expect(pitchShowcaseHeading([{ demo: true }]).note).toBe('Deze pitch is een verzonnen voorbeeld. De gemeente die erin staat, heeft hem niet geplaatst.');
    expect(pitchShowcaseHeading([{ demo: false }, { demo: true }])).toEqual({ heading: 'Gemeenten vragen: wie biedt?', note: expect.stringMatching(/label Demo is een verzonnen voorbeeld/) });
    expect(pitchShowcaseHeading([{ demo: false }])).toEqual({ heading: 'Gemeenten vragen: wie biedt?', note: null });
  });
});
