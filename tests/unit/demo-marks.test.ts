/**
 * The demo marks: one wording wherever demo data shows, a title is never marked twice, and a
 * number that counts demo items among real ones says how many.
 */
import { describe, expect, test } from 'vitest';
import { demoPitchNotice, demoShareMark, offerRecipient, municipalityPitchesHeading, pitchFeedText, pitchKicker, pitchListHeading, pitchShowcaseHeading, withDemoMark } from '#domain/demo-marks.ts';

describe('demomarkeringen', () => {
  test('aanbod op een demopitch gaat volgens de pagina niet naar de gemeente', () => {
    expect(offerRecipient(false)).toBe('de gemeente');
    expect(offerRecipient(true)).toMatch(/demopitch \(niet naar de gemeente\)/);
  });

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

  test('de lijst met pitches: alleen demopitches lezen niet als gemeenten die iets vragen; een mix noemt beide', () => {
    expect(pitchListHeading([{ demo: true }, { demo: true }])).toEqual({
      heading: 'Zo zien pitches eruit (demo)',
      lead: 'In een pitch vraagt een gemeente werkgevers om mee te doen met banen, leerplekken of begeleiding.',
      note: 'Deze pitches zijn verzonnen voorbeelden. De gemeenten die erin staan, hebben ze niet geplaatst.',
    });
    expect(pitchListHeading([{ demo: true }]).heading).toBe('Zo ziet een pitch eruit (demo)');
    expect(pitchListHeading([{ demo: true }]).note).toBe('Deze pitch is een verzonnen voorbeeld. De gemeente die erin staat, heeft hem niet geplaatst.');
    expect(pitchListHeading([{ demo: false }, { demo: true }])).toEqual({
      heading: 'Pitches van gemeenten en demopitches',
      lead: 'Gemeenten vragen werkgevers om mee te doen met banen, leerplekken of begeleiding. Kies een pitch en zeg "Ik doe mee".',
      note: 'Een pitch met het label Demo is een verzonnen voorbeeld, niet van de gemeente zelf.',
    });
    expect(pitchListHeading([{ demo: false }])).toMatchObject({ heading: 'Pitches van gemeenten', note: null });
    // An empty list (nothing found) is no demo list.
    expect(pitchListHeading([])).toMatchObject({ heading: 'Pitches van gemeenten', note: null });
  });

  test('de pagina van een gemeente: alleen demopitches heten niet "Pitches van" die gemeente; een mix noemt beide', () => {
    const demo = { demo: true };
    const real = { demo: false };
    expect(municipalityPitchesHeading('Nijmegen', [demo])).toEqual({
      heading: 'Demopitches over Nijmegen',
      note: 'Deze pitch is een verzonnen voorbeeld. Gemeente Nijmegen heeft hem niet geplaatst.',
      allLink: 'Alle pitches over Nijmegen',
    });
    expect(municipalityPitchesHeading('Zaanstad', [demo, demo]).note).toBe('Deze pitches zijn verzonnen voorbeelden. Gemeente Zaanstad heeft ze niet geplaatst.');
    const mixed = municipalityPitchesHeading('Zaanstad', [real, demo]);
    expect(mixed.heading).toBe('Pitches van Zaanstad en demopitches');
    expect(mixed.note).toMatch(/label Demo is een verzonnen voorbeeld\. Gemeente Zaanstad heeft die niet geplaatst/);
    expect(mixed.allLink).toBe('Alle pitches over Zaanstad');
    expect(municipalityPitchesHeading('Zoetermeer', [real])).toEqual({ heading: 'Pitches van Zoetermeer', note: null, allLink: 'Alle pitches van Zoetermeer' });
    expect(municipalityPitchesHeading('Wormerland', [])).toEqual({ heading: 'Pitches van Wormerland', note: null, allLink: 'Alle pitches van Wormerland' });
  });

  test('de pitchfeed: met alleen demo-items heet hij "demopitches over", niet "pitches van gemeente …"', () => {
    const onlyDemo = pitchFeedText([{ demo: true }, { demo: true }], 'Amsterdam');
    expect(onlyDemo.title).toBe('Praktijkplein: demopitches over gemeente Amsterdam');
    expect(onlyDemo.title).not.toMatch(/pitches van/);
    expect(onlyDemo.description).toBe('Verzonnen voorbeelden van pitches. Gemeente Amsterdam heeft ze niet geplaatst.');
    expect(pitchFeedText([{ demo: false }, { demo: true }], 'Amsterdam')).toEqual({
      title: 'Praktijkplein: pitches van gemeente Amsterdam en demopitches',
      description: 'Nieuwe pitches van gemeente Amsterdam: uitdagingen waar werkgevers op kunnen reageren. Een pitch met (demo) in de titel is een verzonnen voorbeeld.',
    });
    expect(pitchFeedText([{ demo: false }], 'Amsterdam')).toEqual({
      title: 'Praktijkplein: pitches van gemeente Amsterdam',
      description: 'Nieuwe pitches van gemeente Amsterdam: uitdagingen waar werkgevers op kunnen reageren.',
    });
    expect(pitchFeedText([]).title).toBe('Praktijkplein: pitches van gemeenten');
    expect(pitchFeedText([{ demo: true }]).title).toBe('Praktijkplein: demopitches over gemeenten');
  });
});
