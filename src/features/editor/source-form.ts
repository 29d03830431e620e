/**
 * The source form: one entry of content/sources/sources.yaml edited or added,
 * the change being the whole file with only that record's span replaced or appended
 * (src/features/editor/yaml-records.ts), checked with the collection's schema (src/features/catalog/schemas/source.ts).
 * The existing rule stays: every source is a text file in ../shared/sources (checked by
 * tests/unit/geo-and-content.test.ts), so a new entry's id is picked from the files there that
 * are not listed yet; a curator cannot invent a source. A report's `event` (hosts, participants)
 * is kept as it is in the file: the form does not edit it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { dump, load as parseYaml } from 'js-yaml';
import { sourceSchema } from '#features/catalog/schemas/source.ts';
import { sourceKindIds } from '#features/catalog/source-kinds.ts';
import { fieldMessages } from './issue-messages.ts';
import { replaceRecord } from './yaml-records.ts';

/** The folder of source texts beside the project (the server and the tests run from its root). */
export const sharedSourcesDir = join(process.cwd(), '..', 'shared', 'sources');

/** What the source form holds. `dateText` empty means the text gives no date (`onbekend`). */
export interface SourceForm {
  id: string;
  title: string;
  publisher: string;
  kind: string;
  dateText: string;
  dateIso: string;
  dateNote: string;
  supports: string;
  note: string;
}

/** An empty form for a new source. */
export function newSourceForm(): SourceForm {
  return { id: '', title: '', publisher: '', kind: '', dateText: '', dateIso: '', dateNote: '', supports: '', note: '' };
}

const recordsOf = (fileText: string): Record<string, unknown>[] => {
  const parsed = parseYaml(fileText);
  return Array.isArray(parsed) ? (parsed as Record<string, unknown>[]) : [];
};

/** Text files in ../shared/sources that sources.yaml does not list yet: the ids a new entry can take. */
export function unlistedSourceFiles(fileText: string, dir = sharedSourcesDir): string[] {
  if (!existsSync(dir)) return [];
  const listed = new Set(recordsOf(fileText).map((r) => String(r.id)));
  return readdirSync(dir).filter((f) => /^[a-z0-9-]+\.txt$/.test(f) && !listed.has(f)).sort();
}

/** The form for one entry of the file; null when there is no such id. */
export function sourceFormFromFile(id: string, fileText: string): SourceForm | null {
  const record = recordsOf(fileText).find((r) => r.id === id);
  if (!record) return null;
  const date = record.date && typeof record.date === 'object' ? (record.date as Record<string, unknown>) : null;
  const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  return {
    id,
    title: text(record.title),
    publisher: text(record.publisher),
    kind: text(record.kind),
    dateText: date ? text(date.text) : '',
    dateIso: date ? text(date.iso) : '',
    dateNote: date ? text(date.note) : '',
    supports: text(record.supports),
    note: text(record.note),
  };
}

/** The form from posted fields. */
export function sourceFormFromInput(input: { get(name: string): unknown }): SourceForm {
  const one = (name: string) => {
    const v = input.get(name);
    return typeof v === 'string' ? v.trim() : '';
  };
  return { id: one('id'), title: one('title'), publisher: one('publisher'), kind: one('kind'), dateText: one('dateText'), dateIso: one('dateIso'), dateNote: one('dateNote'), supports: one('supports'), note: one('note') };
}

const fieldOf = (path: readonly PropertyKey[]) => {
  if (path[0] === 'date') return path[1] === 'iso' ? 'dateIso' : path[1] === 'note' ? 'dateNote' : 'dateText';
  return String(path[0] ?? 'id');
};

export type SourceCheck = { ok: true; fileText: string; title: string } | { ok: false; fields: Record<string, string> };

/**
 * Checks the form with the collection's schema and, when it passes, gives the whole new file with
 * only this entry's span replaced (`isNew`: appended). A new id must be an unlisted file of
 * ../shared/sources (`available`, from unlistedSourceFiles).
 */
export function checkSourceForm(form: SourceForm, fileText: string, options: { isNew: boolean; available: readonly string[] }): SourceCheck {
  const fields: Record<string, string> = {};
  const existing = recordsOf(fileText).find((r) => r.id === form.id);
  if (options.isNew) {
    if (!form.id) fields.id = 'Kies het bestand van de bron.';
    else if (existing) fields.id = `De bron "${form.id.slice(0, 80)}" staat al in de lijst. Bewerk die.`;
    else if (!options.available.includes(form.id)) fields.id = 'Kies een bestand uit de lijst: elke bron is een tekst in de map met bronnen (shared/sources). Een nieuwe tekst zet een beheerder eerst in die map.';
  } else if (!existing) fields.id = 'Deze bron staat niet (meer) in de lijst.';
  for (const name of ['title', 'publisher', 'dateText', 'dateIso', 'dateNote'] as const) if (/[\r\n]/.test(form[name])) fields[name] = 'Dit is één regel tekst, zonder regeleinden.';
  if (!form.dateText && (form.dateIso || form.dateNote)) fields.dateText = 'Schrijf de datum zoals de tekst hem geeft, of laat alle datumvelden leeg als de tekst geen datum noemt.';
  if (!(sourceKindIds as readonly string[]).includes(form.kind)) fields.kind ??= 'Kies wat voor tekst het is.';

  // Fields the form does not show (a report's event) stay as they are.
  const kept = existing?.event === undefined ? {} : { event: existing.event };
  const data: Record<string, unknown> = {
    id: form.id,
    title: form.title,
    publisher: form.publisher,
    kind: form.kind,
    date: form.dateText ? { text: form.dateText, ...(form.dateIso ? { iso: form.dateIso } : {}), ...(form.dateNote ? { note: form.dateNote } : {}) } : 'onbekend',
    supports: form.supports.replace(/\s*\n\s*/g, ' '),
    ...(form.note ? { note: form.note.replace(/\s*\n\s*/g, ' ') } : {}),
    ...kept,
  };
  const parsed = sourceSchema.safeParse(data);
  if (!parsed.success) for (const [name, message] of Object.entries(fieldMessages(parsed.error.issues, fieldOf))) fields[name] ??= message;
  if (Object.keys(fields).length > 0) return { ok: false, fields };

  // js-yaml writes the record: every string quoted where YAML needs it, never a tag or an anchor.
  const recordText = dump([data], { lineWidth: -1, noRefs: true });
  const next = replaceRecord(fileText, options.isNew ? null : form.id, recordText);
  if (next === null) return { ok: false, fields: { id: 'Deze bron staat niet (meer) in de lijst.' } };
  const all = recordsOf(next);
  const ids = all.map((r) => r.id);
  if (new Set(ids).size !== ids.length || !all.every((r) => sourceSchema.safeParse(r).success)) {
    return { ok: false, fields: { id: 'De lijst met bronnen zou niet meer kloppen na deze wijziging. Niets is opgeslagen.' } };
  }
  return { ok: true, fileText: next, title: form.title };
}
