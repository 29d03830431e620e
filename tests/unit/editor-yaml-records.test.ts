/**
 * Editing one record of a YAML list: only that record's span changes,
 * comments and every other record stay byte-identical; the organisation form checks the
 * collection's schema and unique ids, with Dutch messages at the field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readYaml as parseYaml } from '#platform/yaml.ts';
import { describe, expect, test } from 'vitest';
import { organisationSchema } from '#features/catalog/schemas/organisation.ts';
import { recordSpans, replaceRecord } from '#features/editor/yaml-records.ts';
import { checkOrganisationForm, newOrganisationForm, organisationFormFromFile, type OrganisationForm } from '#features/editor/organisation-form.ts';

const organisationsText = readFileSync(join(process.cwd(), 'content', 'organisations', 'organisations.yaml'), 'utf8');
const sourcesText = readFileSync(join(process.cwd(), 'content', 'sources', 'sources.yaml'), 'utf8');
const ENGLISH = /^(Invalid|Too (big|small)|Unrecognized|Expected)|expected|received/;
const ids = (text: string) => (parseYaml(text) as { id: string }[]).map((r) => r.id);

describe('de stukken van een YAML-lijst', () => {
  test.each([['organisaties', organisationsText], ['bronnen', sourcesText]])('%s: elk record precies één stuk, samen het hele bestand op het commentaar na', (_name, text) => {
    const spans = recordSpans(text);
    expect(spans.map((s) => s.id)).toEqual(ids(text));
    // Contiguous and covering everything after the header comment.
    expect(text.slice(0, spans[0]!.start)).toMatch(/^(#.*\n)*$/);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBe(spans[i - 1]!.end);
    expect(spans.at(-1)!.end).toBe(text.length);
  });

  test('een record vervangen: alleen dat stuk verandert', () => {
    const spans = recordSpans(organisationsText);
    const target = spans[2]!;
    const next = replaceRecord(organisationsText, target.id, '- id: x\n  name: X\n  kind: employer\n')!;
    expect(next.slice(0, target.start)).toBe(organisationsText.slice(0, target.start));
    expect(next.slice(target.start + '- id: x\n  name: X\n  kind: employer\n'.length)).toBe(organisationsText.slice(target.end));
    expect(replaceRecord(organisationsText, 'bestaat-niet', '- id: x\n')).toBeNull();
  });

  test('commentaar en lege regels tussen records blijven staan', () => {
    const text = '# kop\n- id: a\n  name: A\n\n# over b\n- id: b\n  name: B\n# slot\n';
    const next = replaceRecord(text, 'a', '- id: a\n  name: Anders\n')!;
    expect(next).toBe('# kop\n- id: a\n  name: Anders\n\n# over b\n- id: b\n  name: B\n# slot\n');
    expect(replaceRecord(text, 'b', '- id: b\n  name: Bee\n')).toBe('# kop\n- id: a\n  name: A\n\n# over b\n- id: b\n  name: Bee\n# slot\n');
  });
});

describe('organisatie: bewerken en toevoegen', () => {
  test.each(ids(organisationsText))('%s: ongewijzigd opslaan geeft hetzelfde record terug', (id) => {
    const form = organisationFormFromFile(id, organisationsText)!;
    const checked = checkOrganisationForm(form, organisationsText, { isNew: false });
    if (!checked.ok) throw new Error(JSON.stringify(checked.fields));
    const before = (parseYaml(organisationsText) as unknown[]).map((r) => organisationSchema.parse(r));
    const after = (parseYaml(checked.fileText) as unknown[]).map((r) => organisationSchema.parse(r));
    expect(after).toEqual(before);
    // Only this record's span may differ in text.
    const span = recordSpans(organisationsText).find((s) => s.id === id)!;
    expect(checked.fileText.startsWith(organisationsText.slice(0, span.start))).toBe(true);
    expect(checked.fileText.endsWith(organisationsText.slice(span.end))).toBe(true);
  });

  test('een beschrijving wijzigen: de rest van het bestand blijft byte voor byte gelijk', () => {
    const form = { ...organisationFormFromFile('asito', organisationsText)!, description: 'Een nieuwe beschrijving: met een dubbele punt en "aanhalingstekens".' };
    const checked = checkOrganisationForm(form, organisationsText, { isNew: false });
    if (!checked.ok) throw new Error(JSON.stringify(checked.fields));
    const span = recordSpans(organisationsText).find((s) => s.id === 'asito')!;
    const newSpan = recordSpans(checked.fileText).find((s) => s.id === 'asito')!;
    expect(checked.fileText.slice(0, newSpan.start)).toBe(organisationsText.slice(0, span.start));
    expect(checked.fileText.slice(newSpan.end)).toBe(organisationsText.slice(span.end));
    expect((parseYaml(checked.fileText) as { id: string; description: string }[]).find((r) => r.id === 'asito')!.description).toBe(form.description);
  });

  test('een nieuwe organisatie komt achteraan; de rest blijft gelijk', () => {
    const form: OrganisationForm = { ...newOrganisationForm(), id: 'demo-bakkerij', name: 'Demobakkerij (demo)', kind: 'employer', sectors: ['detailhandel'], sources: ['werkconferentie-werkgevers-en-gemeenten.txt'] };
    const checked = checkOrganisationForm(form, organisationsText, { isNew: true });
    if (!checked.ok) throw new Error(JSON.stringify(checked.fields));
    expect(checked.fileText.startsWith(organisationsText)).toBe(true);
    expect(ids(checked.fileText).at(-1)).toBe('demo-bakkerij');
  });

  const refused = (form: OrganisationForm, isNew = true) => {
    const checked = checkOrganisationForm(form, organisationsText, { isNew });
    if (checked.ok) throw new Error('niet geweigerd');
    for (const message of Object.values(checked.fields)) expect(message).not.toMatch(ENGLISH);
    return checked.fields;
  };

  test('dubbele ids en namen, een gemeente-id, een soort buiten de lijst: Nederlands bij het veld', () => {
    const base: OrganisationForm = { ...newOrganisationForm(), id: 'demo-bakkerij', name: 'Demobakkerij', kind: 'employer' };
    expect(refused({ ...base, id: 'postnl' }).id).toMatch(/^Er is al een organisatie met het adres "postnl"/);
    expect(refused({ ...base, id: 'zaanstad' }).id).toMatch(/adres van een gemeente/);
    expect(refused({ ...base, name: 'PostNL' }).name).toMatch(/heet/);
    expect(refused({ ...base, kind: 'municipality' }).kind).toBe('Kies werkgever of partner.');
    expect(refused({ ...base, id: '../x' }).id).toMatch(/kleine letters/);
  });

  test('leeg, te kort, onbekende sector of bron', () => {
    const fields = refused({ ...newOrganisationForm(), id: 'demo-x', name: 'X', kind: 'partner', sectors: ['ruimtevaart'], sources: ['bestaat-niet.txt'] });
    expect(fields.name).toBe('Schrijf minstens 2 tekens.');
    expect(fields.sectors).toMatch(/"ruimtevaart" staat niet in de lijst sectoren/);
    expect(fields.sources).toMatch(/Onbekende bron "bestaat-niet.txt"/);
    const empty = refused(newOrganisationForm());
    expect(empty.id).toBeTruthy();
    expect(empty.kind).toBeTruthy();
  });

  test('een naam met een regeleinde en een nieuwe sleutel wordt geweigerd', () => {
    expect(refused({ ...newOrganisationForm(), id: 'demo-y', name: 'Naam\n  kind: municipality', kind: 'employer' }).name).toMatch(/één regel/);
  });
});
