/**
 * The case form: every case file reads into the form and back to the
 * same data and text; the schema's rules come back as Dutch messages beside their fields; a
 * title cannot inject frontmatter.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { astroYamlLoad as parseYaml } from './astro-yaml.ts';
import { describe, expect, test } from 'vitest';
import { caseSchema } from '#features/catalog/schemas/case.ts';
import { caseFormFromFile, checkCaseForm, newCaseForm, type CaseForm } from '#features/editor/case-form.ts';
import { parseMdxFile } from '#features/editor/frontmatter.ts';
import { yamlText } from '#platform/yaml.ts';

const dir = join(process.cwd(), 'content', 'cases');
const files = readdirSync(dir).filter((f) => f.endsWith('.mdx'));
const existing = { isNew: false, existingIds: new Set<string>() };
const ENGLISH = /^(Invalid|Too (big|small)|Unrecognized|Expected)|expected|received/;

/** A valid new case to vary. */
const valid = (): CaseForm => ({
  ...newCaseForm('2026-11-26'),
  id: 'nieuw-voorbeeld',
  title: 'Een nieuw praktijkvoorbeeld',
  summary: 'Een werkgever en een gemeente werkten samen aan banen voor mensen met een arbeidsbeperking.',
  employers: ['PostNL'],
  municipalities: ['Zaandam'],
  sectors: ['logistiek'],
  evidence: 'ervaring',
  status: 'lopend',
  sources: ['werkconferentie-werkgevers-en-gemeenten.txt'],
});

describe('praktijkvoorbeeld: bestand ↔ formulier', () => {
  test.each(files)('%s: terug naar een bestand met dezelfde gegevens en tekst', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const form = caseFormFromFile(file.replace(/\.mdx$/, ''), text)!;
    const checked = checkCaseForm(form, existing);
    if (!checked.ok) throw new Error(JSON.stringify(checked.fields));
    const before = parseMdxFile(text)!;
    const after = parseMdxFile(checked.fileText)!;
    expect(caseSchema.parse(after.data)).toEqual(caseSchema.parse(before.data));
    expect(after.body).toBe(before.body);
    // And writing what we wrote changes nothing (no drift on every save).
    const again = checkCaseForm(caseFormFromFile(form.id, checked.fileText)!, existing);
    expect(again.ok && again.fileText).toBe(checked.fileText);
  });

  test('een nieuw voorbeeld: namen worden ids, plaatsen worden gemeenten', () => {
    const checked = checkCaseForm(valid(), { isNew: true, existingIds: new Set() });
    if (!checked.ok) throw new Error(JSON.stringify(checked.fields));
    const data = caseSchema.parse(parseMdxFile(checked.fileText)!.data);
    expect(data.employers).toEqual(['postnl']);
    expect(data.municipalities).toEqual(['zaanstad']);
    expect(parseMdxFile(checked.fileText)!.body).toContain('## Wat u kunt overnemen');
  });
});

describe('praktijkvoorbeeld: dezelfde regels als de build, in het Nederlands', () => {
  const refused = (form: CaseForm, isNew = true) => {
    const checked = checkCaseForm(form, { isNew, existingIds: new Set(['postnl-pakketsorteercentra']) });
    if (checked.ok) throw new Error('niet geweigerd');
    return checked.fields;
  };

  test('een bewerking met een gemaakte id (../…) wordt geweigerd: een id wordt nooit een pad buiten de map', () => {
    for (const id of ['../../../etc/passwd', 'a/b', 'Hoofdletters', '']) expect(refused({ ...valid(), id }, false).id).toBeTruthy();
  });

  test('elk verplicht veld leeg: een Nederlandse melding bij dat veld', () => {
    const fields = refused({ ...newCaseForm(''), body: '' });
    for (const name of ['id', 'title', 'summary', 'evidence', 'status', 'sources', 'published', 'body']) {
      expect(fields[name], name).toBeTruthy();
      expect(fields[name], name).not.toMatch(ENGLISH);
    }
  });

  test('te kort, te lang, geen geldige datum', () => {
    const fields = refused({ ...valid(), title: 'Kort', summary: 'x'.repeat(301), updated: '31-11-2026' });
    expect(fields.title).toBe('Schrijf minstens 5 tekens.');
    expect(fields.summary).toBe('Schrijf hoogstens 300 tekens.');
    expect(fields.updated).toMatch(/31 november 2026 bestaat niet/);
  });

  test('waarden buiten de lijst en onbekende verwijzingen: het veld en de waarde genoemd', () => {
    const fields = refused({ ...valid(), sectors: ['ruimtevaart'], evidence: 'gerucht', status: 'misschien', sources: ['bestaat-niet.txt'], instruments: ['wondermiddel'] });
    expect(fields.sectors).toMatch(/"ruimtevaart" staat niet in de lijst sectoren/);
    expect(fields.instruments).toMatch(/"wondermiddel" staat niet in de lijst instrumenten/);
    expect(fields.evidence).toMatch(/"gerucht" staat niet in de lijst soorten bewijs/);
    expect(fields.status).toMatch(/"misschien" staat niet in de lijst statussen/);
    expect(fields.sources).toMatch(/Onbekende bron "bestaat-niet.txt"/);
    for (const message of Object.values(fields)) expect(message).not.toMatch(ENGLISH);
  });

  test('een onbekende gemeente, werkgever of partner: het veld en de naam genoemd', () => {
    const fields = refused({ ...valid(), municipalities: ['Zaanstad', 'Atlantis'], employers: ['Bestaat Niet BV'], partners: ['Nergensbond'] });
    expect(fields.municipalities).toBe('Onbekende gemeente: "Atlantis". Typ de naam van een gemeente of een plaats erin, zoals "Zaanstad" of "Zaandam".');
    expect(fields.employers).toMatch(/^Onbekende werkgever: "Bestaat Niet BV"/);
    expect(fields.partners).toMatch(/^Onbekende partner: "Nergensbond"/);
  });

  test('een adres dat al bestaat of niet mag', () => {
    expect(refused({ ...valid(), id: 'postnl-pakketsorteercentra' }).id).toMatch(/Er is al een praktijkvoorbeeld/);
    expect(refused({ ...valid(), id: '../geheim' }).id).toMatch(/kleine letters/);
  });

  test('een onveilige tekst: de regel genoemd bij het veld Tekst', () => {
    expect(refused({ ...valid(), body: '## De situatie\n\n{process.exit()}' }).body).toMatch(/^Regel 3: Accolades/);
  });
});

describe('frontmatter-injectie', () => {
  test('een titel met regeleinden en --- wordt geweigerd', () => {
    expect(checkCaseForm({ ...valid(), title: 'Titel\n---\nimport fs from "fs"' }, { isNew: true, existingIds: new Set() })).toMatchObject({ ok: false, fields: { title: expect.stringMatching(/één regel/) } });
  });

  test.each([
    ['regeleinden en ---', 'a\n---\nfeatured: true\nb'],
    ['een YAML-tag', "!!js/function 'function () { return process.exit() }'"],
    ['een anker en een sleutel', '&a x: *a'],
    ['aanhalingstekens en een backslash', 'zeg "hallo" \\ dag'],
  ])('%s blijft tekst binnen het veld', (_name, value) => {
    const data = parseYaml(yamlText({ title: value, summary: 'ok' })) as Record<string, unknown>;
    expect(data).toEqual({ title: value, summary: 'ok' });
  });

  test('een samenvatting met --- en een nieuwe sleutel voegt geen sleutel toe', () => {
    const checked = checkCaseForm({ ...valid(), summary: 'Een samenvatting van genoeg tekens.\n---\nfeatured: true' }, { isNew: true, existingIds: new Set() });
    if (!checked.ok) throw new Error(JSON.stringify(checked.fields));
    const parsed = parseMdxFile(checked.fileText)!;
    expect(parsed.data.featured).toBe(false);
    expect(parsed.body.startsWith('## De situatie')).toBe(true);
  });
});
