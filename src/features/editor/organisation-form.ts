/**
 * The organisation form: one employer or partner of
 * content/organisations/organisations.yaml edited or added. The change is the whole YAML file
 * with only that record's span replaced or appended (src/features/editor/yaml-records.ts), checked with
 * the collection's own schema (src/features/catalog/schemas/organisation.ts) and for unique ids (municipalities
 * from the CBS list share the id space), so nothing invalid reaches the publish step.
 */
import { organisationSchema } from '#features/catalog/schemas/organisation.ts';
import { loadGeo } from '#features/catalog/geo.ts';
import { sourceFileId } from '#features/catalog/sources.ts';
import { contentIdPattern } from '#domain/content-editing.ts';
import { fieldMessages } from './issue-messages.ts';
import { readYaml } from '#platform/yaml.ts';
import { recordSpans, recordText, replaceRecord } from './yaml-records.ts';

/** The kinds a curator can give a listed organisation (municipalities come from the CBS list). */
export const editableOrganisationKinds = [
  { id: 'employer', label: 'Werkgever' },
  { id: 'partner', label: 'Partner (bijvoorbeeld een sociaal werkbedrijf of netwerkorganisatie)' },
] as const;

/** What the organisation form holds. */
export interface OrganisationForm {
  id: string;
  name: string;
  kind: string;
  description: string;
  sectors: string[];
  size: string;
  sources: string[];
}

/** An empty form for a new organisation. */
export function newOrganisationForm(): OrganisationForm {
  return { id: '', name: '', kind: '', description: '', sectors: [], size: '', sources: [] };
}

/** The listed records of the file, as parsed (for lists and uniqueness). */
export function organisationRecordsOf(fileText: string): Record<string, unknown>[] {
  const parsed = readYaml(fileText);
  return Array.isArray(parsed) ? (parsed as Record<string, unknown>[]) : [];
}

/** The form for one record of the file; null when there is no such id. */
export function organisationFormFromFile(id: string, fileText: string): OrganisationForm | null {
  const record = organisationRecordsOf(fileText).find((r) => r.id === id);
  if (!record) return null;
  return {
    id,
    name: String(record.name ?? ''),
    kind: String(record.kind ?? ''),
    description: record.description === undefined ? '' : String(record.description),
    sectors: Array.isArray(record.sectors) ? record.sectors.map(String) : [],
    size: record.size === undefined ? '' : String(record.size),
    sources: Array.isArray(record.sources) ? record.sources.map((s) => sourceFileId(String(s))) : [],
  };
}

/** The form from posted fields. */
export function organisationFormFromInput(input: { get(name: string): unknown; getAll(name: string): unknown[] }): OrganisationForm {
  const one = (name: string) => {
    const v = input.get(name);
    return typeof v === 'string' ? v.trim() : '';
  };
  const many = (name: string) => input.getAll(name).filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter(Boolean);
  return { id: one('id'), name: one('name'), kind: one('kind'), description: one('description'), sectors: many('sectors'), size: one('size'), sources: many('sources') };
}

/** The record as YAML, in the file's key order; optional keys only when filled. */
export function organisationRecordText(data: { id: string; name: string; kind: string; description?: string; sectors?: string[]; size?: string; sources?: string[] }): string {
  const { id, name, kind, description, sectors, size, sources } = data;
  // Bare where YAML allows, as the hand-written file; empty lists are left out like empty texts.
  return recordText(
    { id, name, kind, description: description || undefined, sectors: sectors?.length ? sectors : undefined, size: size || undefined, sources: sources?.length ? sources : undefined },
    { plain: ['id', 'name', 'kind', 'description', 'size', 'sectors', 'sources'], flow: ['sectors', 'sources'] },
  );
}

export type OrganisationCheck = { ok: true; fileText: string; title: string } | { ok: false; fields: Record<string, string> };

/**
 * Checks the form with the collection's rules and, when all pass, gives the whole new file:
 * `fileText` with only this record's span replaced (`isNew`: appended). Ids must stay unique
 * across the listed organisations and the municipalities.
 */
export function checkOrganisationForm(form: OrganisationForm, fileText: string, options: { isNew: boolean }): OrganisationCheck {
  const fields: Record<string, string> = {};
  const listed = organisationRecordsOf(fileText);
  if (options.isNew) {
    const municipalityIds = new Set(loadGeo().municipalities.map((m) => m.id));
    if (!form.id) fields.id = 'Kies een adres voor de pagina, bijvoorbeeld "bakkerij-de-molen".';
    else if (!contentIdPattern.test(form.id) || form.id.length > 80) fields.id = 'Gebruik alleen kleine letters, cijfers en streepjes (hoogstens 80 tekens), bijvoorbeeld "bakkerij-de-molen".';
    else if (listed.some((r) => r.id === form.id)) fields.id = `Er is al een organisatie met het adres "${form.id}". Kies een ander adres, of bewerk die organisatie.`;
    else if (municipalityIds.has(form.id)) fields.id = `"${form.id}" is het adres van een gemeente. Kies een ander adres.`;
  } else if (!listed.some((r) => r.id === form.id)) {
    fields.id = 'Deze organisatie staat niet (meer) in de lijst.';
  }
  if (!editableOrganisationKinds.some((k) => k.id === form.kind)) fields.kind = 'Kies werkgever of partner.';
  for (const name of ['name', 'description'] as const) if (/[\r\n]/.test(form[name])) fields[name] = 'Dit is één regel tekst, zonder regeleinden.';
  const sameName = listed.find((r) => r.id !== form.id && typeof r.name === 'string' && r.name.toLowerCase() === form.name.toLowerCase());
  if (sameName) fields.name ??= `Er is al een organisatie die "${form.name}" heet. Bewerk die, of maak de naam duidelijker.`;

  const data = {
    id: form.id,
    name: form.name,
    kind: form.kind,
    description: form.description || undefined,
    sectors: form.sectors.length > 0 ? form.sectors : undefined,
    size: form.size || undefined,
    sources: form.sources.length > 0 ? form.sources : undefined,
  };
  const parsed = organisationSchema.safeParse(data);
  if (!parsed.success) for (const [name, message] of Object.entries(fieldMessages(parsed.error.issues))) fields[name] ??= message;
  if (Object.keys(fields).length > 0) return { ok: false, fields };

  const next = replaceRecord(fileText, options.isNew ? null : form.id, organisationRecordText(data));
  if (next === null) return { ok: false, fields: { id: 'Deze organisatie staat niet (meer) in de lijst.' } };
  // The whole file once more, as the build reads it: every record valid, every id once.
  const all = organisationRecordsOf(next);
  const ids = all.map((r) => r.id);
  if (new Set(ids).size !== ids.length || !all.every((r) => organisationSchema.safeParse(r).success)) {
    return { ok: false, fields: { id: 'De lijst met organisaties zou niet meer kloppen na deze wijziging. Niets is opgeslagen.' } };
  }
  return { ok: true, fileText: next, title: form.name };
}

/** The listed organisations by name (for the editor's overview). */
export function organisationList(fileText: string): { id: string; name: string; kind: string }[] {
  return recordSpans(fileText)
    .map((span) => organisationRecordsOf(fileText.slice(span.start, span.end))[0])
    .filter((r): r is Record<string, unknown> => Boolean(r))
    .map((r) => ({ id: String(r.id), name: String(r.name), kind: String(r.kind) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}
