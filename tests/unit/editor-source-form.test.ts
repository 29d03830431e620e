/**
 * The source form: every entry of sources.yaml reads into the form and back to
 * the same data (the event and the topics left out kept), only its span changes; a new entry is a record the curator
 * types in (its id typed or made from the title, unique, and where to read it); the schema's
 * rules come back in Dutch at the field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readYaml as parseYaml } from '#platform/yaml.ts';
import { describe, expect, test } from 'vitest';
import { sourceSchema } from '#features/catalog/schemas/source.ts';
import { recordSpans } from '#features/editor/yaml-records.ts';
import { checkSourceForm, newSourceForm, sourceFormFromFile, sourceIdFromTitle, type SourceForm } from '#features/editor/source-form.ts';

const text = readFileSync(join(process.cwd(), 'content', 'sources', 'sources.yaml'), 'utf8');
const ids = (t: string) => (parseYaml(t) as { id: string }[]).map((r) => r.id);
const ENGLISH = /^(Invalid|Too (big|small)|Unrecognized|Expected)|expected|received/;

describe('bron: bestand ↔ formulier', () => {
  test.each(ids(text))('%s: ongewijzigd opslaan geeft dezelfde gegevens; alleen dit stuk van het bestand kan anders zijn', (id) => {
    const checked = checkSourceForm(sourceFormFromFile(id, text)!, text, { isNew: false });
    if (!checked.ok) throw new Error(JSON.stringify(checked.fields));
    expect((parseYaml(checked.fileText) as unknown[]).map((r) => sourceSchema.parse(r))).toEqual((parseYaml(text) as unknown[]).map((r) => sourceSchema.parse(r)));
    const span = recordSpans(text).find((s) => s.id === id)!;
    expect(checked.fileText.startsWith(text.slice(0, span.start))).toBe(true);
    expect(checked.fileText.endsWith(text.slice(span.end))).toBe(true);
  });

  test('een nieuwe bron: de curator typt het record in; het adres komt van de titel of wordt getypt', () => {
    const form: SourceForm = {
      ...newSourceForm(),
      title: 'Een demobron over werk',
      publisher: 'Demo-uitgever (demo)',
      kind: 'verslag',
      supports: 'Een demobron die in deze test iets ondersteunt.',
      url: 'https://www.voorbeeld.nl/demobron',
    };
    const checked = checkSourceForm(form, text, { isNew: true });
    if (!checked.ok) throw new Error(JSON.stringify(checked.fields));
    expect(checked.id).toBe('een-demobron-over-werk');
    expect(sourceIdFromTitle('Één  bron: "werk" & zo!')).toBe('een-bron-werk-zo');
    // Appended: the file before it is byte-identical.
    expect(checked.fileText.startsWith(text)).toBe(true);
    expect(sourceSchema.parse((parseYaml(checked.fileText) as unknown[]).at(-1))).toMatchObject({ id: 'een-demobron-over-werk', date: 'onbekend', url: 'https://www.voorbeeld.nl/demobron' });
    // Where to read it may be a description instead of a web address.
    const described = checkSourceForm({ ...form, id: 'demo-gedrukt-verslag', url: '', location: 'Gedrukt verslag, op te vragen bij de redactie' }, text, { isNew: true });
    expect(described).toMatchObject({ ok: true, id: 'demo-gedrukt-verslag' });
  });

  test('een nieuwe bron: uniek adres, in de vorm van een adres, en met een plek om hem te lezen', () => {
    const form: SourceForm = { ...newSourceForm(), id: 'demo-bron', title: 'Een demobron', publisher: 'Demo-uitgever (demo)', kind: 'verslag', supports: 'Een demobron die in deze test iets ondersteunt.', url: 'https://www.voorbeeld.nl/' };
    // An id that is listed, also when only its page address (without .txt) is the same.
    expect(checkSourceForm({ ...form, id: ids(text)[0]! }, text, { isNew: true })).toMatchObject({ ok: false, fields: { id: expect.stringMatching(/staat al in de lijst/) } });
    expect(checkSourceForm({ ...form, id: ids(text)[0]!.replace(/\.txt$/, '') }, text, { isNew: true })).toMatchObject({ ok: false, fields: { id: expect.stringMatching(/staat al in de lijst/) } });
    expect(checkSourceForm({ ...form, id: '../geheim' }, text, { isNew: true })).toMatchObject({ ok: false, fields: { id: expect.stringMatching(/kleine letters/) } });
    expect(checkSourceForm({ ...form, id: '', title: '' }, text, { isNew: true })).toMatchObject({ ok: false, fields: { id: expect.stringMatching(/titel/) } });
    const nowhere = checkSourceForm({ ...form, url: '' }, text, { isNew: true });
    expect(nowhere).toMatchObject({ ok: false, fields: { url: expect.stringMatching(/webadres/) } });
    const badUrl = checkSourceForm({ ...form, url: 'javascript:alert(1)' }, text, { isNew: true });
    expect(badUrl).toMatchObject({ ok: false, fields: { url: expect.stringMatching(/webadres/) } });
    for (const result of [nowhere, badUrl]) if (!result.ok) for (const message of Object.values(result.fields)) expect(message).not.toMatch(ENGLISH);
  });

  test('fouten in het Nederlands bij het veld, ook in de datum', () => {
    const form: SourceForm = { ...sourceFormFromFile(ids(text)[0]!, text)!, title: 'x', kind: 'roddel', supports: 'kort', dateText: 'maart', dateIso: '21-03-2026' };
    const checked = checkSourceForm(form, text, { isNew: false });
    if (checked.ok) throw new Error('niet geweigerd');
    expect(checked.fields.title).toBe('Schrijf minstens 3 tekens.');
    expect(checked.fields.kind).toBe('Kies wat voor tekst het is.');
    expect(checked.fields.supports).toBe('Schrijf minstens 20 tekens.');
    expect(checked.fields.dateIso).toMatch(/JJJJ-MM-DD/);
    for (const message of Object.values(checked.fields)) expect(message).not.toMatch(ENGLISH);
  });
});
