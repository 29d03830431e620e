/**
 * The source form: every entry of sources.yaml reads into the form and back to
 * the same data (the event kept), only its span changes; a new entry must be an unlisted file of
 * ../shared/sources; the schema's rules come back in Dutch at the field.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { sourceSchema } from '#features/catalog/schemas/source.ts';
import { recordSpans } from '#features/editor/yaml-records.ts';
import { checkSourceForm, newSourceForm, sourceFormFromFile, unlistedSourceFiles, type SourceForm } from '#features/editor/source-form.ts';

const text = readFileSync(join(process.cwd(), 'content', 'sources', 'sources.yaml'), 'utf8');
const ids = (t: string) => (parseYaml(t) as { id: string }[]).map((r) => r.id);
const ENGLISH = /^(Invalid|Too (big|small)|Unrecognized|Expected)|expected|received/;

describe('bron: bestand ↔ formulier', () => {
  test.each(ids(text))('%s: ongewijzigd opslaan geeft dezelfde gegevens; alleen dit stuk van het bestand kan anders zijn', (id) => {
    const checked = checkSourceForm(sourceFormFromFile(id, text)!, text, { isNew: false, available: [] });
    if (!checked.ok) throw new Error(JSON.stringify(checked.fields));
    expect((parseYaml(checked.fileText) as unknown[]).map((r) => sourceSchema.parse(r))).toEqual((parseYaml(text) as unknown[]).map((r) => sourceSchema.parse(r)));
    const span = recordSpans(text).find((s) => s.id === id)!;
    expect(checked.fileText.startsWith(text.slice(0, span.start))).toBe(true);
    expect(checked.fileText.endsWith(text.slice(span.end))).toBe(true);
  });

  test('een nieuwe bron: alleen een bestand uit shared/sources dat nog niet in de lijst staat', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-sources-'));
    try {
      writeFileSync(join(dir, 'werkconferentie-werkgevers-en-gemeenten.txt'), 'al in de lijst');
      writeFileSync(join(dir, 'demo-nieuwe-bron.txt'), 'nieuw');
      writeFileSync(join(dir, 'README.md'), 'geen bron');
      expect(unlistedSourceFiles(text, dir)).toEqual(['demo-nieuwe-bron.txt']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const form: SourceForm = { ...newSourceForm(), id: 'demo-nieuwe-bron.txt', title: 'Een demobron', publisher: 'Demo-uitgever (demo)', kind: 'verslag', supports: 'Een demobron die in deze test iets ondersteunt.' };
    const checked = checkSourceForm(form, text, { isNew: true, available: ['demo-nieuwe-bron.txt'] });
    if (!checked.ok) throw new Error(JSON.stringify(checked.fields));
    expect(checked.fileText.startsWith(text)).toBe(true);
    expect(sourceSchema.parse((parseYaml(checked.fileText) as unknown[]).at(-1))).toMatchObject({ id: 'demo-nieuwe-bron.txt', date: 'onbekend' });
    const refused = checkSourceForm({ ...form, id: 'verzonnen.txt' }, text, { isNew: true, available: ['demo-nieuwe-bron.txt'] });
    expect(refused).toMatchObject({ ok: false, fields: { id: expect.stringMatching(/^Kies een bestand uit de lijst/) } });
    expect(checkSourceForm({ ...form, id: ids(text)[0]! }, text, { isNew: true, available: [] })).toMatchObject({ ok: false, fields: { id: expect.stringMatching(/staat al in de lijst/) } });
  });

  test('fouten in het Nederlands bij het veld, ook in de datum', () => {
    const form: SourceForm = { ...sourceFormFromFile(ids(text)[0]!, text)!, title: 'x', kind: 'roddel', supports: 'kort', dateText: 'maart', dateIso: '21-03-2026' };
    const checked = checkSourceForm(form, text, { isNew: false, available: [] });
    if (checked.ok) throw new Error('niet geweigerd');
    expect(checked.fields.title).toBe('Schrijf minstens 3 tekens.');
    expect(checked.fields.kind).toBe('Kies wat voor tekst het is.');
    expect(checked.fields.supports).toBe('Schrijf minstens 20 tekens.');
    expect(checked.fields.dateIso).toMatch(/JJJJ-MM-DD/);
    for (const message of Object.values(checked.fields)) expect(message).not.toMatch(ENGLISH);
  });
});
