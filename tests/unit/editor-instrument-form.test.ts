/**
 * The instrument form: every instrument file reads into the form and back to
 * the same data and text, stances included; the schema's rules come back as Dutch messages
 * beside their fields, a stance's problem beside that stance's field (`stanceSource.1`); empty rows are no stances.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { instrumentSchema } from '#features/catalog/schemas/instrument.ts';
import { checkInstrumentForm, instrumentFormFromFile, instrumentFormFromInput, newInstrumentForm, stanceRowsToShow, type InstrumentForm } from '#features/editor/instrument-form.ts';
import { parseMdxFile } from '#features/editor/frontmatter.ts';

const dir = join(process.cwd(), 'content', 'instruments');
const files = readdirSync(dir).filter((f) => f.endsWith('.mdx'));
const existing = { isNew: false, existingIds: new Set<string>() };
const ENGLISH = /^(Invalid|Too (big|small)|Unrecognized|Expected)|expected|received/;
const SOURCE = 'utrecht-verkiezingsprogramma-werk.txt';

/** A valid new instrument to vary. */
const valid = (): InstrumentForm => ({
  ...newInstrumentForm('2026-11-26'),
  id: 'omscholing',
  title: 'Een nieuw instrument',
  summary: 'Een instrument waarmee een gemeente werkgevers helpt om mensen aan het werk te krijgen.',
  stances: [{ municipality: 'Utrecht', statement: 'Het programma wil dit instrument vaker inzetten.', evidence: 'ambitie', source: SOURCE }],
  targetGroups: ['bijstand'],
  sources: [SOURCE],
});

const refused = (form: InstrumentForm, isNew = true) => {
  const checked = checkInstrumentForm(form, { isNew, existingIds: new Set(['basisbaan']) });
  if (checked.ok) throw new Error('niet geweigerd');
  return checked.fields;
};

describe('instrument: bestand ↔ formulier', () => {
  test('er zijn instrumenten met standpunten om te testen', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(files.some((f) => (parseMdxFile(readFileSync(join(dir, f), 'utf8'))!.data.stances as unknown[] | undefined)?.length)).toBe(true);
  });

  test.each(files)('%s: terug naar een bestand met dezelfde gegevens en tekst', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const form = instrumentFormFromFile(file.replace(/\.mdx$/, ''), text)!;
    const checked = checkInstrumentForm(form, existing);
    if (!checked.ok) throw new Error(JSON.stringify(checked.fields));
    const before = parseMdxFile(text)!;
    const after = parseMdxFile(checked.fileText)!;
    expect(instrumentSchema.parse(after.data)).toEqual(instrumentSchema.parse(before.data));
    expect(after.body).toBe(before.body);
    const again = checkInstrumentForm(instrumentFormFromFile(form.id, checked.fileText)!, existing);
    expect(again.ok && again.fileText).toBe(checked.fileText);
  });

  test('een nieuw instrument: een gemeente bij naam wordt haar id, de tekst begint met de koppen', () => {
    const checked = checkInstrumentForm({ ...valid(), stances: [{ ...valid().stances[0]!, municipality: 'Zaandam' }], sources: [SOURCE] }, { isNew: true, existingIds: new Set() });
    if (!checked.ok) throw new Error(JSON.stringify(checked.fields));
    const data = instrumentSchema.parse(parseMdxFile(checked.fileText)!.data);
    expect(data.stances[0]!.municipality).toBe('zaanstad');
    expect(parseMdxFile(checked.fileText)!.body).toContain('## Waar u op let');
  });

  test.each(files)('%s: ook met de bronnen in de volgorde van de lijst (zoals een browser ze stuurt) dezelfde volgorde als het bestand', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const form = instrumentFormFromFile(file.replace(/\.mdx$/, ''), text)!;
    const checked = checkInstrumentForm({ ...form, sources: [...form.sources].sort() }, existing);
    if (!checked.ok) throw new Error(JSON.stringify(checked.fields));
    expect(instrumentSchema.parse(parseMdxFile(checked.fileText)!.data).sources).toEqual(instrumentSchema.parse(parseMdxFile(text)!.data).sources);
  });

  test('gepost als losse lijsten: lege rijen tellen niet, ingevulde rijen blijven op volgorde', () => {
    const post = new FormData();
    for (const [k, v] of Object.entries({ id: 'x', title: 'Titel', summary: 's', published: '2026-11-26', body: 'b' })) post.set(k, v);
    for (const row of [['Utrecht', 'Eerste standpunt.', 'ambitie', SOURCE], ['', '', '', ''], ['Zaanstad', 'Tweede.', '', ''], ['', '', '', '']]) {
      post.append('stanceMunicipality', row[0]!);
      post.append('stanceStatement', row[1]!);
      post.append('stanceEvidence', row[2]!);
      post.append('stanceSource', row[3]!);
    }
    const form = instrumentFormFromInput(post);
    expect(form.stances.map((s) => s.municipality)).toEqual(['Utrecht', 'Zaanstad']);
    expect(form.stances[1]).toEqual({ municipality: 'Zaanstad', statement: 'Tweede.', evidence: '', source: '' });
    // The form shows the filled rows plus two empty ones; "meer rijen" asks for more.
    expect(stanceRowsToShow(form)).toHaveLength(4);
    expect(stanceRowsToShow(form, 5)).toHaveLength(7);
  });
});

describe('instrument: dezelfde regels als de build, in het Nederlands', () => {
  test('elk verplicht veld leeg: een Nederlandse melding bij dat veld', () => {
    const fields = refused({ ...newInstrumentForm(''), body: '' });
    for (const name of ['id', 'title', 'summary', 'sources', 'published', 'body']) {
      expect(fields[name], name).toBeTruthy();
      expect(fields[name], name).not.toMatch(ENGLISH);
    }
  });

  test('een standpunt met fouten: elke melding bij het veld van die rij', () => {
    const fields = refused({
      ...valid(),
      stances: [valid().stances[0]!, { municipality: 'Atlantis', statement: 'Kort', evidence: 'gerucht', source: 'amsterdam-verkiezingsprogramma-werk.txt' }],
    });
    expect(fields['stanceMunicipality.1']).toBe('Onbekende gemeente: "Atlantis". Typ de naam van een gemeente of een plaats erin, zoals "Zaanstad" of "Zaandam".');
    expect(fields['stanceStatement.1']).toBe('Schrijf minstens 10 tekens.');
    expect(fields['stanceEvidence.1']).toMatch(/"gerucht" staat niet in de lijst soorten bewijs/);
    // The schema's own rule: a stance's source must be among the page's sources.
    expect(fields['stanceSource.1']).toMatch(/staat niet bij de bronnen van deze pagina/);
    expect(Object.keys(fields).filter((k) => k.endsWith('.0'))).toEqual([]);
    for (const message of Object.values(fields)) expect(message).not.toMatch(ENGLISH);
  });

  test('een standpunt zonder gemeente, een onbekende organisatie of doelgroep', () => {
    const fields = refused({ ...valid(), stances: [{ ...valid().stances[0]!, municipality: '' }], organisations: ['Nergensbond'], targetGroups: ['marsbewoners'] });
    expect(fields['stanceMunicipality.0']).toBe('Vul de gemeente in.');
    expect(fields.organisations).toMatch(/^Onbekende organisatie: "Nergensbond"/);
    expect(fields.targetGroups).toMatch(/"marsbewoners" staat niet in de lijst doelgroepen/);
  });

  test('een adres dat al bestaat of niet mag; een onveilige tekst', () => {
    expect(refused({ ...valid(), id: 'basisbaan' }).id).toMatch(/Er is al een instrument/);
    expect(refused({ ...valid(), id: '../geheim' }).id).toMatch(/kleine letters/);
    // The build refuses a page for an instrument that is not in the vocabulary (it is also a filter).
    expect(refused({ ...valid(), id: 'proefplaatsing' }).id).toMatch(/^"proefplaatsing" staat niet in de lijst met instrumenten/);
    expect(refused({ ...valid(), body: '## Wat is het?\n\n{process.exit()}' }).body).toMatch(/^Regel 3: Accolades/);
  });

  test('een verklaring met --- en een nieuwe sleutel blijft tekst', () => {
    const form = valid();
    form.stances[0]!.statement = 'Een standpunt van genoeg tekens.\n---\nfeatured: true';
    const checked = checkInstrumentForm(form, { isNew: true, existingIds: new Set() });
    if (!checked.ok) throw new Error(JSON.stringify(checked.fields));
    const parsed = parseMdxFile(checked.fileText)!;
    expect(Object.keys(parsed.data)).not.toContain('featured');
    expect((parsed.data.stances as { statement: string }[])[0]!.statement).toBe('Een standpunt van genoeg tekens. --- featured: true');
  });
});
