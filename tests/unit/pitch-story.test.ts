/**
 * From pitch to story: the draft case study made from a closed, matched pitch.
 * Its frontmatter passes the real case schema, names only the employers it may, picks the kind
 * of evidence from the follow-up answers, and pitch text (user Markdown) stays text in MDX: it is
 * parsed here with Sätteri, the MDX parser Astro 7 builds case files with.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { caseSchema } from '#features/catalog/schemas/case.ts';
import { provenanceOf } from '#features/catalog/provenance.ts';
import { sourceRecordMap } from './content-files.ts';
import { astroFrontmatter } from './astro-yaml.ts';
import { caseFormFileText } from '#features/editor/case-form.ts';
import {
  DRAFT_MARKER,
  blockquote,
  draftCaseFromPitch,
  storyRefusal,
  storyRefusalMessage,
  type FollowUpAnswer,
  type StoryOptions,
  type StoryPitch,
} from '#features/marketplace/pitch-story.ts';

// Astro's MDX integration (@astrojs/markdown-satteri) parses .mdx with Sätteri. Imported by a
// name TypeScript does not follow: its types augment 'hast' for the whole program (MDX nodes in
// every element), which breaks src/platform/markdown's plain-HTML code under `astro check`.
const satteri = 'satteri';
const { mdxToMdast } = (await import(/* @vite-ignore */ satteri)) as { mdxToMdast: (source: string) => { type: string; children: { type: string }[] } };

const pitch: StoryPitch = {
  id: 'poelenbrug-aan-het-werk-k3f9q2',
  title: 'Poelenbrug aan het werk',
  area: 'Poelenbrug',
  challenge: 'In de Poelenbrug wonen veel mensen die graag willen werken.\n\nWie biedt?',
  ask: 'Banen en werkervaringsplaatsen met **begeleiding**.',
  peopleSought: 10,
  publishedAt: Date.UTC(2026, 2, 2, 9),
  closedAt: Date.UTC(2026, 5, 30, 9),
};

const options: StoryOptions = {
  municipality: { id: 'zaanstad', name: 'Zaanstad', inContent: true },
  namedEmployers: [
    { id: 'albert-heijn', name: 'Albert Heijn', inContent: true },
    { id: 'demo-voorbeeldbedrijf', name: 'Voorbeeldbedrijf (demo)', inContent: false },
  ],
  facets: { targetGroups: ['bijstand', 'jongeren'], sectors: ['detailhandel'], helpKinds: ['banen', 'stage-bbl'] },
  outcome: 'matched',
  peoplePlaced: 4,
  followUps: [],
  siteUrl: 'https://praktijkplein.test',
  now: Date.UTC(2027, 0, 5, 12),
};

/** The frontmatter as Astro reads it (YAML between the first two `---` lines) and the body. */
function split(mdx: string) {
  const match = /^---\n([\s\S]*?\n)---\n([\s\S]*)$/.exec(mdx);
  if (!match) throw new Error('geen frontmatter');
  return { data: astroFrontmatter(mdx), body: match[2]! };
}

/** The draft case for a pitch, and the file the download gives: written by the editor's case serializer. */
const draft = (over: Partial<StoryOptions> = {}, pitchOver: Partial<StoryPitch> = {}) => {
  const story = draftCaseFromPitch({ ...pitch, ...pitchOver }, { ...options, ...over });
  return { ...story, mdx: caseFormFileText(story.form, story.notes) };
};

const stillAtWork: FollowUpAnswer = { monthsAfter: 6, started: 4, stillWorking: 3, answeredAt: Date.UTC(2026, 11, 31, 10) };
const nobodyLeft: FollowUpAnswer = { monthsAfter: 3, started: 2, stillWorking: 0, answeredAt: Date.UTC(2026, 8, 30, 10) };

describe('een concept-praktijkvoorbeeld uit een pitch', () => {
  test('de frontmatter komt uit de pitch en voldoet aan het schema van praktijkvoorbeelden zoals het is', () => {
    const { fileName, mdx } = draft();
    expect(fileName).toBe('zaanstad-poelenbrug-aan-het-werk.mdx');
    const parsed = caseSchema.safeParse(split(mdx).data);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data).toMatchObject({
      title: 'Poelenbrug aan het werk',
      municipalities: ['zaanstad'],
      places: ['Poelenbrug'],
      sectors: ['detailhandel'],
      targetGroups: ['bijstand', 'jongeren'],
      // Kinds of help are no instruments: the curator picks them (a hint is in the comment).
      instruments: [],
      partners: [],
      evidence: 'ervaring',
      status: 'lopend',
      // The pitch is the origin, not a source text it does not appear in.
      pitch: { id: 'poelenbrug-aan-het-werk-k3f9q2', title: 'Poelenbrug aan het werk', closedOn: new Date('2026-06-30') },
      sources: [],
      featured: false,
    });
    expect(mdx).not.toContain('werkconferentie');
    expect(parsed.data!.published.toISOString().slice(0, 10)).toBe('2027-01-05');
    expect(parsed.data!.summary).toContain('Zaanstad');
    expect(parsed.data!.outcomes).toEqual(['Bij het sluiten van de pitch op 30 juni 2026 meldde de gemeente: gelukt, 4 mensen geplaatst.']);
    expect(mdx).toContain('# TODO (curator): welke instrumenten zijn gebruikt? De pitch vroeg om: Banen, Stage- en BBL-plaatsen. Denk aan: bbl-bedrijfsschool.');
  });

  test('het schema weigert een praktijkvoorbeeld zonder bron én zonder pitch; met alleen de pitch is het geldig', () => {
    const { data } = split(draft().mdx);
    expect(caseSchema.safeParse(data).success).toBe(true);
    const { pitch: _pitch, ...withoutPitch } = data;
    const refused = caseSchema.safeParse(withoutPitch);
    expect(refused.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['sources: noem minstens één bron, of de pitch waar het voorbeeld uit komt (pitch)']);
    // A source alone is still enough, as for every case so far.
    expect(caseSchema.safeParse({ ...withoutPitch, sources: ['werkconferentie-werkgevers-en-gemeenten'] }).success).toBe(true);
    // The pitch field is strict: a wrong id, a missing day or an extra key is refused.
    const pitchOf = data.pitch as Record<string, unknown>;
    expect(caseSchema.safeParse({ ...data, pitch: { ...pitchOf, id: 'Poelenbrug aan het werk' } }).success).toBe(false);
    expect(caseSchema.safeParse({ ...data, pitch: { id: pitchOf.id, title: pitchOf.title } }).success).toBe(false);
    expect(caseSchema.safeParse({ ...data, pitch: { ...pitchOf, url: 'https://elders.test/' } }).success).toBe(false);
  });

  test('de pagina zegt dat het voorbeeld uit de pitch komt, met een link naar de pitch en de sluitdatum', () => {
    const data = caseSchema.parse(split(draft().mdx).data);
    const p = provenanceOf(data, sourceRecordMap());
    expect(p.source).toBeNull();
    expect(p.origin).toEqual({
      kind: 'pitch',
      lead: 'Uit een pitch op Praktijkplein:',
      name: 'Poelenbrug aan het werk',
      href: '/pitches/poelenbrug-aan-het-werk-k3f9q2/',
      dateText: 'gesloten op 30 juni 2026',
      iso: '2026-06-30',
      hosts: [],
    });
    // The sentence CaseProvenance.astro renders from these fields.
    expect(`${p.origin.lead} ${p.origin.name}, ${p.origin.dateText}. ${p.note}.`).toBe(
      'Uit een pitch op Praktijkplein: Poelenbrug aan het werk, gesloten op 30 juni 2026. De vraag van een gemeente aan werkgevers op dit platform.',
    );
    expect(`${p.standLabel}: ${p.stand}`).toBe('Stand van zaken (bij het sluiten van de pitch op 30 juni 2026): liep nog');
    // With a source text added by the curator, the pitch stays the origin and the source is listed below.
    const withSource = provenanceOf({ ...data, sources: ['werkconferentie-werkgevers-en-gemeenten.txt'] }, sourceRecordMap());
    expect(withSource.origin.href).toBe('/pitches/poelenbrug-aan-het-werk-k3f9q2/');
    expect(withSource.note).toBe('De vraag van een gemeente aan werkgevers op dit platform; en 1 bron (zie onder)');
  });

  test('de tekst heeft de vier kopjes van een praktijkvoorbeeld, met de pitch als citaat en een opdracht voor de curator', () => {
    const { body } = split(draft().mdx);
    const headings = [...body.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    const existing = readFileSync('content/cases/zaanstad-poelenbrug-wie-biedt.mdx', 'utf8');
    expect(headings).toEqual([...existing.matchAll(/^## (.+)$/gm)].map((m) => m[1]));
    expect(headings).toEqual(['De situatie', 'De aanpak', 'Wat het laat werken', 'Wat u kunt overnemen']);
    expect(body).toContain('> In de Poelenbrug wonen veel mensen die graag willen werken.\n>\n> Wie biedt?');
    expect(body).toContain('> Banen en werkervaringsplaatsen met \\*\\*begeleiding\\*\\*.');
    expect(body).toContain('[Poelenbrug aan het werk](https://praktijkplein.test/pitches/poelenbrug-aan-het-werk-k3f9q2/)');
    expect(body).toContain('gepubliceerd op 2 maart 2026 en gesloten op 30 juni 2026, met de uitkomst gelukt');
    expect(body.split(DRAFT_MARKER).length - 1).toBeGreaterThanOrEqual(5);
  });

  test('alleen werkgevers uit de organisatielijst staan in employers; een onbekende staat als opdracht in een opmerking', () => {
    const { data, body } = split(draft().mdx);
    expect(data.employers).toEqual(['albert-heijn']);
    const mdx = draft().mdx;
    expect(mdx).toMatch(/^# {3}- Voorbeeldbedrijf \(demo\) \(id in de database: demo-voorbeeldbedrijf\)$/m);
    expect(body).toContain('genoemd willen worden: Albert Heijn, Voorbeeldbedrijf (demo).');
    // Nobody named: the employers list stays empty and the text says not to name them.
    const none = split(draft({ namedEmployers: [] }).mdx);
    expect(none.data.employers).toEqual([]);
    expect(none.body).toContain('noem hen niet bij naam');
    expect(none.body).not.toContain('Albert Heijn');
  });

  test('evidence: resultaat alleen als een vervolgantwoord mensen meldt die nog aan het werk zijn, anders ervaring', () => {
    expect(split(draft({ followUps: [] }).mdx).data.evidence).toBe('ervaring');
    expect(split(draft({ followUps: [nobodyLeft] }).mdx).data.evidence).toBe('ervaring');
    expect(split(draft({ followUps: [nobodyLeft, stillAtWork] }).mdx).data.evidence).toBe('resultaat');
  });

  test('de vervolgantwoorden staan als uitkomsten, in volgorde van maanden, met de datum van het antwoord', () => {
    const { data } = split(draft({ followUps: [stillAtWork, nobodyLeft] }).mdx);
    expect(data.outcomes).toEqual([
      'Bij het sluiten van de pitch op 30 juni 2026 meldde de gemeente: gelukt, 4 mensen geplaatst.',
      'Na 3 maanden meldde de gemeente op 30 september 2026: 2 begonnen, 0 nog aan het werk.',
      'Na 6 maanden meldde de gemeente op 31 december 2026: 4 begonnen, 3 nog aan het werk.',
    ]);
    expect(caseSchema.safeParse(split(draft({ followUps: [stillAtWork, nobodyLeft] }).mdx).data).success).toBe(true);
  });

  test('een gemeente buiten de CBS-lijst wordt een opdracht, geen id die het schema weigert', () => {
    const { data } = split(draft({ municipality: { id: 'gotham', name: 'Gotham', inContent: false } }).mdx);
    expect(data.municipalities).toEqual([]);
    expect(caseSchema.safeParse(data).success).toBe(true);
  });

  test('alleen een gesloten pitch met (deels) een match wordt een verhaal', () => {
    expect(storyRefusal({ status: 'closed', outcome: 'matched', demo: false })).toBeNull();
    expect(storyRefusal({ status: 'closed', outcome: 'partly', demo: false })).toBeNull();
    expect(storyRefusal({ status: 'closed', outcome: 'not-matched', demo: false })).toBe('not-matched');
    expect(storyRefusal({ status: 'published', outcome: null, demo: false })).toBe('not-closed');
  });

  test('een demopitch wordt nooit een verhaal, ook niet gesloten met een match; de melding zegt waarom', () => {
    for (const outcome of ['matched', 'partly', 'not-matched', null] as const) {
      expect(storyRefusal({ status: 'closed', outcome, demo: true })).toBe('demo');
    }
    expect(storyRefusal({ status: 'published', outcome: null, demo: true })).toBe('demo');
    expect(storyRefusalMessage.demo).toMatch(/^Van een demopitch kunt u geen praktijkvoorbeeld maken: .*verzonnen/);
  });
});

/** Every node type in an mdast tree. */
function nodeTypes(node: { type: string; children?: unknown[] }, into = new Set<string>()): Set<string> {
  into.add(node.type);
  for (const child of (node.children ?? []) as { type: string }[]) nodeTypes(child, into);
  return into;
}

/** The text of a tree: what a reader of the rendered page sees. */
function textOf(node: { type: string; value?: string; children?: unknown[] }): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  const parts = ((node.children ?? []) as { type: string }[]).map(textOf);
  return node.type === 'blockquote' || node.type === 'root' ? parts.join('\n\n') : parts.join('');
}

const hostile = [
  "import fs from 'node:fs'",
  'export const secret = process.env',
  '{process.exit(1)}',
  '<script>alert(1)</script> <Kop /> <!-- commentaar -->',
  '# geen kop',
  '- geen lijst',
  '1. geen genummerde lijst',
  '    geen code',
  '```js',
  'x',
  '```',
  '**vet** _schuin_ [link](javascript:alert(1)) ![beeld](x.png) &amp; &#123; | a | b |',
  '---',
  '===',
  '> geen citaat',
  '$x$ ~~weg~~ ^sup^ \\ eind  ',
  '}',
].join('\n');

describe('pitchtekst blijft tekst in MDX', () => {
  test('vijandige pitchtekst wordt geen MDX-code, HTML, kop, lijst of code, en leest zoals hij getypt is', () => {
    const { mdx } = draft({}, { challenge: hostile, ask: hostile, title: 'Werk {in} <Poelenbrug> "x" ---' });
    const tree = mdxToMdast(mdx);
    const types = nodeTypes(tree);
    for (const code of ['mdxjsEsm', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'html', 'code', 'inlineCode', 'emphasis', 'strong', 'image', 'delete', 'table', 'thematicBreak', 'math', 'inlineMath']) {
      expect(types.has(code), code).toBe(false);
    }
    // The four headings are the only ones; the quotes hold the text literally.
    const headings = tree.children.filter((n) => n.type === 'heading');
    expect(headings).toHaveLength(4);
    const quotes = tree.children.filter((n) => n.type === 'blockquote');
    expect(quotes).toHaveLength(2);
    const expected = hostile.split('\n').map((line) => line.trim()).join('\n');
    for (const quote of quotes) expect(textOf(quote)).toBe(expected);
    // The only link is ours, to the pitch.
    const links: string[] = [];
    (function walk(n: { type: string; url?: string; children?: unknown[] }) {
      if (n.type === 'link') links.push(n.url!);
      for (const c of (n.children ?? []) as (typeof n)[]) walk(c);
    })(tree);
    expect(links).toEqual(['https://praktijkplein.test/pitches/poelenbrug-aan-het-werk-k3f9q2/']);
    // The title survives the frontmatter exactly.
    expect(split(mdx).data.title).toBe('Werk {in} <Poelenbrug> "x" ---');
  });

  test('regeleinden en stuurtekens in een naam breken de frontmatter niet open', () => {
    const sneaky = 'Evil\n---\ntitle: gekaapt\u2028# x\u0085';
    const { mdx } = draft({ namedEmployers: [{ id: 'demo-x', name: sneaky, inContent: false }], municipality: { id: 'gotham', name: sneaky, inContent: false } }, { title: `Titel ${sneaky}` });
    const { data } = split(mdx);
    expect(caseSchema.safeParse(data).success).toBe(true);
    expect(data.title).toBe('Titel Evil --- title: gekaapt # x');
    expect(mdx.match(/^---$/gm)).toHaveLength(2);
  });

  test('lege regels in een citaat blijven alinea\'s; een lege tekst wordt "(leeg)"', () => {
    expect(blockquote('a\r\n\r\n\r\nb\n\n')).toBe('> a\n>\n> b');
    expect(blockquote('  \n ')).toBe('> (leeg)');
  });
});

describe('een concept wordt niet per ongeluk gepubliceerd', () => {
  test(`geen praktijkvoorbeeld in content/cases bevat nog "${DRAFT_MARKER}"`, () => {
    const files = readdirSync('content/cases').filter((f) => f.endsWith('.mdx'));
    expect(files.length).toBeGreaterThan(0);
    const drafts = files.filter((f) => readFileSync(join('content/cases', f), 'utf8').includes(DRAFT_MARKER));
    expect(drafts, 'vul de opdrachten voor de curator in en haal ze weg').toEqual([]);
  });
});
