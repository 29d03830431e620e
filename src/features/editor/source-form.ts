/**
 * The source form: one entry of content/sources/sources.yaml edited or added,
 * the change being the whole file with only that record's span replaced or appended
 * (src/features/editor/yaml-records.ts), checked with the collection's schema (src/features/catalog/schemas/source.ts).
 * A source is a record the repository holds: the curator types it in (title, publisher, kind,
 * date, what it supports, and where to read it: a web address or a description). A new
 * entry's id is typed or derived from the title, and must differ from every listed id and
 * page address. A report's `event` (hosts, participants) and the topics left out on purpose
 * (`leftOut`) are kept as they are in the file: the form does not edit them.
 */
import { slugify } from '#features/catalog/slug.ts';
import { sourceSchema } from '#features/catalog/schemas/source.ts';
import { sourceSlug } from '#features/catalog/sources.ts';
import { sourceKindIds } from '#features/catalog/source-kinds.ts';
import { readYaml } from '#platform/yaml.ts';
import { fieldMessages } from './issue-messages.ts';
import { recordText, replaceRecord } from './yaml-records.ts';

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
  /** Where to read it: a web address, or (`location`) a description when it is not on the web. */
  url: string;
  location: string;
}

/** An empty form for a new source. */
export function newSourceForm(): SourceForm {
  return { id: '', title: '', publisher: '', kind: '', dateText: '', dateIso: '', dateNote: '', supports: '', note: '', url: '', location: '' };
}

const recordsOf = (fileText: string): Record<string, unknown>[] => {
  const parsed = readYaml(fileText);
  return Array.isArray(parsed) ? (parsed as Record<string, unknown>[]) : [];
};

/** The id a new source gets from its title when the curator types none: the title as a page address. */
export function sourceIdFromTitle(title: string): string {
  return slugify(title).slice(0, 80).replace(/-+$/, '');
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
    url: text(record.url),
    location: text(record.location),
  };
}

/** The form from posted fields. */
export function sourceFormFromInput(input: { get(name: string): unknown }): SourceForm {
  const one = (name: string) => {
    const v = input.get(name);
    return typeof v === 'string' ? v.trim() : '';
  };
  return {
    id: one('id'), title: one('title'), publisher: one('publisher'), kind: one('kind'), dateText: one('dateText'), dateIso: one('dateIso'), dateNote: one('dateNote'),
    supports: one('supports'), note: one('note'), url: one('url'), location: one('location'),
  };
}

const fieldOf = (path: readonly PropertyKey[]) => {
  if (path[0] === 'date') return path[1] === 'iso' ? 'dateIso' : path[1] === 'note' ? 'dateNote' : 'dateText';
  return String(path[0] ?? 'id');
};

export type SourceCheck = { ok: true; fileText: string; title: string; id: string } | { ok: false; fields: Record<string, string> };

/** How a source record is written: bare where YAML allows, like the hand-written file. */
const sourceYamlStyle = { plain: ['id', 'title', 'publisher', 'kind', 'text', 'iso', 'note', 'supports', 'location', 'url', 'name', 'place', 'topic', 'reason'], flow: ['hosts'] } as const;

/**
 * Checks the form with the collection's schema and, when it passes, gives the whole new file with
 * only this entry's span replaced (`isNew`: appended) and the entry's id (for a new entry typed,
 * or derived from the title).
 */
export function checkSourceForm(form: SourceForm, fileText: string, options: { isNew: boolean }): SourceCheck {
  const fields: Record<string, string> = {};
  const listed = recordsOf(fileText);
  const id = options.isNew && !form.id ? sourceIdFromTitle(form.title) : form.id;
  const existing = listed.find((r) => r.id === id);
  if (options.isNew) {
    // Two sources may not share a page address either: foo and foo.txt would both be /bronnen/foo/.
    const taken = listed.find((r) => sourceSlug(String(r.id)) === sourceSlug(id));
    if (!id) fields.id = form.title ? 'Typ een adres voor de bron, met kleine letters, cijfers en streepjes.' : 'Schrijf de titel van de bron; het adres maken we daarvan.';
    else if (taken) fields.id = `De bron "${String(taken.id).slice(0, 80)}" staat al in de lijst. Bewerk die, of kies een ander adres.`;
    else if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) || id.length > 80) fields.id = 'Gebruik alleen kleine letters, cijfers en streepjes (hoogstens 80 tekens), bijvoorbeeld "verslag-werkconferentie-2026".';
    // Every new source says where a reader finds it.
    if (!form.url && !form.location) fields.url = 'Geef het webadres van de tekst, of beschrijf waar hij te lezen is.';
  } else if (!existing) fields.id = 'Deze bron staat niet (meer) in de lijst.';
  for (const name of ['title', 'publisher', 'dateText', 'dateIso', 'dateNote', 'url', 'location'] as const) if (/[\r\n]/.test(form[name])) fields[name] = 'Dit is één regel tekst, zonder regeleinden.';
  if (!form.dateText && (form.dateIso || form.dateNote)) fields.dateText = 'Schrijf de datum zoals de tekst hem geeft, of laat alle datumvelden leeg als de tekst geen datum noemt.';
  if (!(sourceKindIds as readonly string[]).includes(form.kind)) fields.kind ??= 'Kies wat voor tekst het is.';

  // Fields the form does not show (a report's event, the topics left out) stay as they are.
  const kept = {
    ...(existing?.event === undefined ? {} : { event: existing.event }),
    ...(existing?.leftOut === undefined ? {} : { leftOut: existing.leftOut }),
  };
  const data: Record<string, unknown> = {
    id,
    title: form.title,
    publisher: form.publisher,
    kind: form.kind,
    date: form.dateText ? { text: form.dateText, ...(form.dateIso ? { iso: form.dateIso } : {}), ...(form.dateNote ? { note: form.dateNote } : {}) } : 'onbekend',
    supports: form.supports.replace(/\s*\n\s*/g, ' '),
    ...(form.note ? { note: form.note.replace(/\s*\n\s*/g, ' ') } : {}),
    ...(form.url ? { url: form.url } : {}),
    ...(form.location ? { location: form.location } : {}),
    ...kept,
  };
  const parsed = sourceSchema.safeParse(data);
  if (!parsed.success) for (const [name, message] of Object.entries(fieldMessages(parsed.error.issues, fieldOf))) fields[name] ??= message;
  if (Object.keys(fields).length > 0) return { ok: false, fields };

  const next = replaceRecord(fileText, options.isNew ? null : id, recordText(data, sourceYamlStyle));
  if (next === null) return { ok: false, fields: { id: 'Deze bron staat niet (meer) in de lijst.' } };
  const all = recordsOf(next);
  const ids = all.map((r) => r.id);
  if (new Set(ids).size !== ids.length || !all.every((r) => sourceSchema.safeParse(r).success)) {
    return { ok: false, fields: { id: 'De lijst met bronnen zou niet meer kloppen na deze wijziging. Niets is opgeslagen.' } };
  }
  return { ok: true, fileText: next, title: form.title, id };
}
