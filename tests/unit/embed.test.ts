/**
 * Embeds for a municipality's or an employer's own site: which addresses another site may frame
 * (and that every other address stays DENY, also when `..` in the address points elsewhere), the
 * choices a host makes in the address, the snippet a web editor pastes, and what the embed says:
 * a municipality's open pitches with their closing day, an employer's practices and named
 * pitches with where they stand, demo pitches marked as made up, and an empty state.
 */
import { describe, expect, test } from 'vitest';
import { contentSecurityPolicy, embedContentSecurityPolicy, isEmbedPath, setSecurityHeaders } from '#platform/http/headers.mjs';
import { embedPath, embedQuery, embedSnippet, parseEmbedOptions, type EmbedOptions } from '#features/embed/embed-options.ts';
import { EMBED_CASE_LIMIT, EMBED_PITCH_LIMIT, type EmbedPitchInput } from '#features/embed/embed-items.ts';
import { municipalityEmbed } from '#features/embed/municipality-embed.ts';
import { employerEmbed, type EmployerEmbedPitchInput } from '#features/embed/employer-embed.ts';

function headersFor(url: string) {
  const headers = new Map<string, string>();
  setSecurityHeaders({ setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), value) } as never, { production: true, url });
  return headers;
}

describe('wie een adres in een kader mag tonen', () => {
  test('alleen adressen onder /embed/; een pad met .. telt zoals de app het leest', () => {
    expect(isEmbedPath('/embed/gemeente/zaanstad/')).toBe(true);
    expect(isEmbedPath('/embed/gemeente/zaanstad/?stijl=neutraal')).toBe(true);
    for (const other of ['/', '/pitches/abc/', '/embed', '/embedden/', '/embed/../pitches/abc/', '/embed/%2e%2E/pitches/abc/', '/embed/..\\pitches/abc/', '//embed/gemeente/x/', '/Embed/gemeente/x/']) {
      expect(isEmbedPath(other), other).toBe(false);
    }
  });

  test('een inbedding mag in elk webkader, zonder X-Frame-Options, en laat geen script toe', () => {
    const embed = headersFor('/embed/gemeente/zaanstad/');
    expect(embed.has('x-frame-options')).toBe(false);
    expect(embed.get('content-security-policy')).toBe(embedContentSecurityPolicy);
    const directives = embedContentSecurityPolicy.split('; ');
    expect(directives).toContain('frame-ancestors https: http:');
    expect(directives).toContain("default-src 'none'");
    expect(embedContentSecurityPolicy).not.toMatch(/script-src/);
    expect(embed.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  test.each(['/pitches/abc/', '/embed/../pitches/abc/', '/account/', '/'])('%s blijft DENY', (url) => {
    const headers = headersFor(url);
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
    expect(headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });
});

describe('keuzes in het adres', () => {
  const parse = (query: string) => parseEmbedOptions(new URLSearchParams(query));

  test('standaard de stijl van Praktijkplein, alleen pitches; onbekende waarden vallen terug op de standaard', () => {
    expect(parse('')).toEqual({ style: 'praktijkplein', withCases: false });
    expect(parse('stijl=neutraal&met=praktijkvoorbeelden')).toEqual({ style: 'neutraal', withCases: true });
    expect(parse('stijl=roze&met=alles')).toEqual({ style: 'praktijkplein', withCases: false });
  });

  test('het adres noemt alleen wat van de standaard afwijkt, en leest terug wat het zegt', () => {
    const all: EmbedOptions[] = [
      { style: 'praktijkplein', withCases: false },
      { style: 'neutraal', withCases: false },
      { style: 'praktijkplein', withCases: true },
      { style: 'neutraal', withCases: true },
    ];
    expect(embedQuery(all[0]!)).toBe('');
    for (const options of all) expect(parse(embedQuery(options).slice(1))).toEqual(options);
    expect(embedPath({ kind: 'municipality', id: 'zaanstad' }, all[3]!)).toBe('/embed/gemeente/zaanstad/?stijl=neutraal&met=praktijkvoorbeelden');
    // An employer's embed always has its practices: `met` is no choice there and stays out of its address.
    expect(embedPath({ kind: 'employer', id: 'postnl' }, all[3]!)).toBe('/embed/werkgever/postnl/?stijl=neutraal');
    expect(embedPath({ kind: 'employer', id: 'postnl' }, all[2]!)).toBe('/embed/werkgever/postnl/');
  });

  test('de code om te plakken: een iframe met titel, volle breedte, vaste hoogte, lui geladen, adres van de site', () => {
    const snippet = embedSnippet('https://praktijkplein.nl', { kind: 'municipality', id: 'zaanstad', name: 'Zaanstad' }, { style: 'neutraal', withCases: true });
    expect(snippet).toBe(
      '<iframe src="https://praktijkplein.nl/embed/gemeente/zaanstad/?stijl=neutraal&amp;met=praktijkvoorbeelden" title="Open pitches en praktijkvoorbeelden van gemeente Zaanstad (Praktijkplein)" height="900" loading="lazy" style="width: 100%; border: 0;"></iframe>',
    );
    expect(embedSnippet('https://praktijkplein.nl', { kind: 'municipality', id: 'zaanstad', name: 'Zaanstad' }, { style: 'praktijkplein', withCases: false })).toMatch(/^<iframe src="https:\/\/praktijkplein\.nl\/embed\/gemeente\/zaanstad\/" title="Open pitches van gemeente Zaanstad \(Praktijkplein\)" height="600"/);
  });

  test('de code van een werkgever: zijn eigen adres en titel, en het hoge kader voor twee lijsten', () => {
    expect(embedSnippet('https://praktijkplein.nl', { kind: 'employer', id: 'postnl', name: 'PostNL' }, { style: 'praktijkplein', withCases: false })).toBe(
      '<iframe src="https://praktijkplein.nl/embed/werkgever/postnl/" title="Praktijkvoorbeelden en pitches met PostNL (Praktijkplein)" height="900" loading="lazy" style="width: 100%; border: 0;"></iframe>',
    );
  });

  test('een naam met tekens die in HTML iets betekenen breekt de code niet', () => {
    const snippet = embedSnippet('https://praktijkplein.nl', { kind: 'municipality', id: 's-hertogenbosch', name: '\'s-Hertogenbosch "&" <Den Bosch>' }, { style: 'praktijkplein', withCases: false });
    expect(snippet).toContain('title="Open pitches van gemeente \'s-Hertogenbosch &quot;&amp;&quot; &lt;Den Bosch> (Praktijkplein)"');
    // Five attributes, each value in one pair of quotes: no quote from the name got through.
    expect(snippet.match(/"/g)?.length).toBe(10);
  });
});

describe('wat de inbedding zegt', () => {
  const municipality = { id: 'zaanstad', name: 'Zaanstad' };
  const pitch = (id: string, demo = false): EmbedPitchInput => ({ id, title: `Pitch ${id}`, excerpt: `Over ${id}.`, closingDate: '2027-06-30', demo });
  const options: EmbedOptions = { style: 'praktijkplein', withCases: false };

  test('echte open pitches: van de gemeente, gelinkt, met de dag tot wanneer men kan reageren', () => {
    const view = municipalityEmbed({ municipality, pitches: [pitch('a'), pitch('b')], practices: [], options });
    expect(view.heading).toBe('Pitches van Zaanstad');
    expect(view.lead).toMatch(/^Gemeente Zaanstad zoekt werkgevers/);
    expect(view.note).toBeNull();
    expect(view.pitches[0]).toEqual({ title: 'Pitch a', href: '/pitches/a/', summary: 'Over a.', status: 'Reageren kan tot en met 30 juni 2027' });
    expect(view.empty).toBeNull();
    expect(view.allPitches).toEqual({ text: 'Alle pitches van Zaanstad op Praktijkplein', href: '/pitches/?gemeente=zaanstad' });
    expect(view.cases).toBeNull();
  });

  test('alleen demopitches lezen nergens als pitches van de gemeente', () => {
    const view = municipalityEmbed({ municipality, pitches: [pitch('a', true)], practices: [], options });
    expect(view.heading).toBe('Demopitches over Zaanstad');
    expect(view.lead).toBeNull();
    expect(view.note).toBe('Deze pitch is een verzonnen voorbeeld. Gemeente Zaanstad heeft hem niet geplaatst.');
    expect(view.pitches[0]!.title).toBe('Pitch a (demo)');
    expect(view.pitches[0]!.demoNotice).toBe('Demopitch: een verzonnen voorbeeld. Gemeente Zaanstad heeft deze pitch niet geplaatst.');
    expect(view.title).toMatch(/^Demopitches over Zaanstad/);
  });

  test('echte en demopitches samen: de kop noemt beide, alleen de demo is gemarkeerd', () => {
    const view = municipalityEmbed({ municipality, pitches: [pitch('echt'), pitch('demo', true)], practices: [], options });
    expect(view.heading).toBe('Pitches van Zaanstad en demopitches');
    expect(view.note).toMatch(/verzonnen voorbeeld/);
    expect(view.pitches.map((p) => [p.title, Boolean(p.demoNotice)])).toEqual([['Pitch echt', false], ['Pitch demo (demo)', true]]);
  });

  test('zonder open pitch: dat in gewone woorden, en waar een medewerker er een plaatst', () => {
    const view = municipalityEmbed({ municipality, pitches: [], practices: [], options });
    expect(view.pitches).toEqual([]);
    expect(view.empty).toEqual({ text: 'Gemeente Zaanstad heeft nu geen open pitch.', invite: 'Werkt u bij de gemeente?', pitchLink: { text: 'Zet een pitch op Praktijkplein', href: '/pitches/nieuw/' } });
    expect(view.allPitches).toBeNull();
  });

  test('hoogstens het maximum aan pitches en praktijkvoorbeelden; praktijkvoorbeelden alleen als erom gevraagd is', () => {
    const many = Array.from({ length: EMBED_PITCH_LIMIT + 3 }, (_, i) => pitch(`p${i}`));
    const practices = Array.from({ length: EMBED_CASE_LIMIT + 2 }, (_, i) => ({ id: `c${i}`, title: `Praktijk ${i}`, summary: 'Wat werkte.' }));
    const view = municipalityEmbed({ municipality, pitches: many, practices, options: { style: 'neutraal', withCases: true } });
    expect(view.pitches).toHaveLength(EMBED_PITCH_LIMIT);
    expect(view.cases?.items).toHaveLength(EMBED_CASE_LIMIT);
    expect(view.cases?.items[0]).toEqual({ title: 'Praktijk 0', href: '/praktijkvoorbeelden/c0/', summary: 'Wat werkte.' });
    expect(municipalityEmbed({ municipality, pitches: many, practices, options }).cases).toBeNull();
    const none = municipalityEmbed({ municipality, pitches: [], practices: [], options: { style: 'praktijkplein', withCases: true } });
    expect(none.cases?.empty).toBe('Er staat nog geen praktijkvoorbeeld van Zaanstad op Praktijkplein.');
  });
});

describe('wat de inbedding van een werkgever zegt', () => {
  const employer = { id: 'postnl', name: 'PostNL' };
  const pitch = (id: string, fields: Partial<EmployerEmbedPitchInput> = {}): EmployerEmbedPitchInput => ({
    id,
    title: `Pitch ${id}`,
    excerpt: `Over ${id}. Mail naar iemand@gemeente.nl.`,
    closingDate: '2027-06-30',
    demo: false,
    municipalityName: 'Zaanstad',
    open: true,
    ...fields,
  });
  const practice = { id: 'postnl-pakketsorteercentra', title: 'Pakketsorteercentra', summary: 'Wat werkte.' };

  test('praktijkvoorbeelden en de pitches waar hij bij naam meedoet, open en gesloten met hun stand', () => {
    const view = employerEmbed({ employer, pitches: [pitch('open'), pitch('dicht', { open: false, municipalityName: 'Amsterdam' })], practices: [practice] });
    expect(view.cases).toEqual({
      heading: 'Praktijkvoorbeelden met PostNL',
      items: [{ title: 'Pakketsorteercentra', href: '/praktijkvoorbeelden/postnl-pakketsorteercentra/', summary: 'Wat werkte.' }],
      all: { text: 'Meer over PostNL op Praktijkplein', href: '/organisaties/postnl/' },
    });
    expect(view.pitches?.heading).toBe('Pitches waar PostNL aan meedoet');
    expect(view.pitches?.lead).toMatch(/PostNL doet mee\.$/);
    expect(view.pitches?.note).toBeNull();
    expect(view.pitches?.items).toEqual([
      // On the employer's site, without the e-mail addresses a pitch's text may hold.
      { title: 'Pitch open', href: '/pitches/open/', summary: 'Over open. Mail naar [e-mailadres weggelaten].', status: 'Gemeente Zaanstad · reageren kan tot en met 30 juni 2027' },
      { title: 'Pitch dicht', href: '/pitches/dicht/', summary: 'Over dicht. Mail naar [e-mailadres weggelaten].', status: 'Gemeente Amsterdam · gesloten' },
    ]);
    expect(view.empty).toBeNull();
    expect(view.title).toBe('Praktijkvoorbeelden en pitches met PostNL | Praktijkplein');
  });

  test('een lijst zonder iets erin staat er niet: alleen praktijkvoorbeelden, of alleen pitches', () => {
    expect(employerEmbed({ employer, pitches: [], practices: [practice] }).pitches).toBeNull();
    const onlyPitches = employerEmbed({ employer, pitches: [pitch('a')], practices: [] });
    expect(onlyPitches.cases).toBeNull();
    expect(onlyPitches.pitches?.items).toHaveLength(1);
    expect(onlyPitches.empty).toBeNull();
  });

  test('zonder praktijkvoorbeeld en zonder pitch met zijn naam: één gewone zin en de weg naar zijn pagina', () => {
    const view = employerEmbed({ employer, pitches: [], practices: [] });
    expect(view.cases).toBeNull();
    expect(view.pitches).toBeNull();
    expect(view.empty).toEqual({
      heading: 'PostNL op Praktijkplein',
      text: 'Er staat nog geen praktijkvoorbeeld of pitch met PostNL op Praktijkplein.',
      more: { text: 'Meer over PostNL op Praktijkplein', href: '/organisaties/postnl/' },
    });
  });

  test('een demopitch leest nergens als een echte: de kop, de titel en de regel eronder zeggen het', () => {
    const all = employerEmbed({ employer, pitches: [pitch('d', { demo: true })], practices: [] });
    expect(all.pitches?.heading).toBe('Demopitches met PostNL');
    expect(all.pitches?.lead).toBeNull();
    expect(all.pitches?.note).toBe('Deze pitch is een verzonnen voorbeeld. De gemeente die erin staat, heeft hem niet geplaatst.');
    expect(all.pitches?.items[0]).toMatchObject({
      title: 'Pitch d (demo)',
      status: 'Over gemeente Zaanstad · reageren kan tot en met 30 juni 2027',
      demoNotice: 'Demopitch: een verzonnen voorbeeld. Gemeente Zaanstad heeft deze pitch niet geplaatst.',
    });
    const some = employerEmbed({ employer, pitches: [pitch('echt'), pitch('d', { demo: true })], practices: [] });
    expect(some.pitches?.heading).toBe('Pitches waar PostNL aan meedoet, en demopitches');
    expect(some.pitches?.items.map((item) => [item.title, Boolean(item.demoNotice)])).toEqual([['Pitch echt', false], ['Pitch d (demo)', true]]);
  });

  test('hoogstens het maximum per lijst', () => {
    const many = Array.from({ length: EMBED_PITCH_LIMIT + 2 }, (_, i) => pitch(`p${i}`));
    const practices = Array.from({ length: EMBED_CASE_LIMIT + 2 }, (_, i) => ({ ...practice, id: `c${i}` }));
    const view = employerEmbed({ employer, pitches: many, practices });
    expect(view.pitches?.items).toHaveLength(EMBED_PITCH_LIMIT);
    expect(view.cases?.items).toHaveLength(EMBED_CASE_LIMIT);
  });
});
