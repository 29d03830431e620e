/**
 * The case form: a case file read into the fields a curator fills in, and
 * the fields turned back into a file once valid. Organisations and municipalities are typed by
 * name (with suggestions) and resolved to ids here; an unknown name is named beside its field
 * ("Onbekende gemeente: …"). Then the collection's own zod schema (src/features/catalog/schemas/case.ts) checks
 * the frontmatter, and the body goes through the MDX safety check: the file is only produced
 * when all three pass, so nothing invalid can reach the publish step.
 */
import { caseSchema } from '#features/catalog/schemas/case.ts';
import { loadGeo } from '#features/catalog/geo.ts';
import { loadOrganisationRecords, type OrganisationRecord } from '#features/catalog/organisations.ts';
import { placeKey } from '#features/catalog/places.ts';
import { compareSources, loadSourceRecords, sourceFileId, sourceName } from '#features/catalog/sources.ts';
import { resolveTypedMunicipality, typedMunicipalityProblem } from '#features/accounts/municipality-input.ts';
import { contentIdPattern } from '#domain/content-editing.ts';
import type { CaseForm, CaseNotes, CasePitch } from '#domain/case-form.ts';
import { yamlText } from '#platform/yaml.ts';
import { dayText, mdxFileText, parseMdxFile } from './frontmatter.ts';
import { fieldMessages } from './issue-messages.ts';
import { mdxBodyProblems, mdxProblemsText } from './mdx-safety.ts';
import { normaliseTypedDate, typedDateProblem } from '#domain/typed-date.ts';

export type { CaseForm, CaseNotes, CasePitch } from '#domain/case-form.ts';

/** The four headings every case has (README, "Een praktijkvoorbeeld toevoegen"). */
export const CASE_BODY_TEMPLATE = [
  '## De situatie',
  '',
  'Wat speelde er, bij wie? Schrijf in eigen woorden wat de bron vertelt.',
  '',
  '## De aanpak',
  '',
  'Wat deden de werkgever, de gemeente en de partners?',
  '',
  '## Wat het laat werken',
  '',
  'Wat maakte het verschil, volgens de bron?',
  '',
  '## Wat u kunt overnemen',
  '',
  'Suggesties van de redactie, afgeleid van dit voorbeeld.',
].join('\n');

/** An empty form for a new case, dated today (YYYY-MM-DD in Amsterdam, from the caller). */
export function newCaseForm(today: string): CaseForm {
  return {
    id: '', title: '', summary: '', employers: [], municipalities: [], partners: [], places: '', sectors: [], targetGroups: [], instruments: [],
    outcomes: '', evidence: '', status: '', stand: '', sources: [], published: today, updated: '', featured: false, body: CASE_BODY_TEMPLATE,
  };
}

const organisationName = (records: readonly OrganisationRecord[], id: string) => records.find((r) => r.id === id)?.name ?? id;
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** A form whose organisations and municipalities may be ids, with their names shown instead (unknown ids stay). */
export function withOrganisationNames(form: CaseForm): CaseForm {
  const records = loadOrganisationRecords();
  const names = (ids: readonly string[]) => ids.map((id) => organisationName(records, id));
  return { ...form, employers: names(form.employers), municipalities: names(form.municipalities), partners: names(form.partners) };
}

/** The form for an existing case file (ids shown as names); null when the file has no frontmatter. */
export function caseFormFromFile(id: string, text: string): CaseForm | null {
  const parsed = parseMdxFile(text);
  if (!parsed) return null;
  const { data } = parsed;
  const records = loadOrganisationRecords();
  return {
    id,
    title: String(data.title ?? ''),
    summary: String(data.summary ?? ''),
    employers: strings(data.employers).map((o) => organisationName(records, o)),
    municipalities: strings(data.municipalities).map((o) => organisationName(records, o)),
    partners: strings(data.partners).map((o) => organisationName(records, o)),
    places: strings(data.places).join('\n'),
    sectors: strings(data.sectors),
    targetGroups: strings(data.targetGroups),
    instruments: strings(data.instruments),
    outcomes: strings(data.outcomes).join('\n'),
    evidence: String(data.evidence ?? ''),
    status: String(data.status ?? ''),
    stand: data.stand === undefined ? '' : String(data.stand),
    sources: strings(data.sources).map(sourceFileId),
    published: dayText(data.published),
    updated: dayText(data.updated),
    featured: data.featured === true,
    ...pitchOf(data.pitch),
    body: parsed.body,
  };
}

/** The pitch field of a file as the form keeps it (nothing when there is none). */
function pitchOf(value: unknown): { pitch?: CasePitch } {
  if (!value || typeof value !== 'object') return {};
  const pitch = value as Record<string, unknown>;
  return { pitch: { id: String(pitch.id ?? ''), title: String(pitch.title ?? ''), closedOn: dayText(pitch.closedOn) } };
}

/** The form from posted fields (FormData entries: one value, or several for checkboxes and repeated inputs). */
export function caseFormFromInput(input: { get(name: string): unknown; getAll(name: string): unknown[] }): CaseForm {
  const one = (name: string) => {
    const v = input.get(name);
    return typeof v === 'string' ? v : '';
  };
  const many = (name: string) => input.getAll(name).filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter(Boolean);
  return {
    id: one('id').trim(),
    title: one('title').trim(),
    summary: one('summary').trim(),
    employers: many('employers'),
    municipalities: many('municipalities'),
    partners: many('partners'),
    places: one('places'),
    sectors: many('sectors'),
    targetGroups: many('targetGroups'),
    instruments: many('instruments'),
    outcomes: one('outcomes'),
    evidence: one('evidence'),
    status: one('status'),
    stand: one('stand').trim(),
    sources: many('sources'),
    published: normaliseTypedDate(one('published')),
    updated: normaliseTypedDate(one('updated')),
    featured: one('featured') === 'true',
    // A case from a pitch carries its origin through the form in hidden fields.
    ...(one('pitchId') ? { pitch: { id: one('pitchId').trim(), title: one('pitchTitle').trim(), closedOn: one('pitchClosedOn').trim() } } : {}),
    body: one('body'),
  };
}

/** A YYYY-MM-DD field as the Date the YAML will hold; anything else stays text, for the schema to refuse. */
function asDay(typed: string): Date | string | undefined {
  if (!typed) return undefined;
  const text = normaliseTypedDate(typed);
  const date = new Date(`${text}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text) ? date : text;
}

const lines = (text: string) => text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim()).filter(Boolean);

/** Organisation names (or ids) → ids of one kind; unknown names collected for the field's message. */
function resolveOrganisations(typed: readonly string[], kind: 'employer' | 'partner', records: readonly OrganisationRecord[]) {
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const text of typed) {
    const key = placeKey(text);
    const found = records.find((r) => r.kind === kind && (r.id === text || placeKey(r.name) === key));
    if (found) ids.push(found.id);
    else unknown.push(text);
  }
  return { ids: [...new Set(ids)], unknown };
}

const kindWord = { employer: 'werkgever', partner: 'partner' } as const;
const quoteList = (names: readonly string[]) => names.map((n) => `"${n.slice(0, 60)}"`).join(', ');

/** How a case's frontmatter is written: vocabulary ids bare, lists of ids on one line. */
const caseYamlStyle = {
  plain: ['evidence', 'status', 'id', 'closedOn'],
  flow: ['employers', 'municipalities', 'partners', 'sectors', 'targetGroups', 'instruments', 'sources'],
} as const;

/**
 * The case's frontmatter data in the schema's order, from a form: organisation names resolved
 * to ids (unknown names collected per field), dates as the Dates the YAML holds.
 */
function caseFrontmatterData(form: CaseForm, records: readonly OrganisationRecord[]): { data: Record<string, unknown>; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  const employers = resolveOrganisations(form.employers, 'employer', records);
  const partners = resolveOrganisations(form.partners, 'partner', records);
  for (const [name, result, kind] of [['employers', employers, 'employer'], ['partners', partners, 'partner']] as const) {
    if (result.unknown.length > 0) {
      fields[name] = `Onbekende ${kindWord[kind]}: ${quoteList(result.unknown)}. Kies een naam uit de lijst, of zet de organisatie eerst bij de organisaties.`;
    }
  }
  const municipalityIds: string[] = [];
  const municipalities = loadGeo().municipalities;
  for (const typed of form.municipalities) {
    // An id (from a generated draft) is taken as it is; a typed name is looked up.
    const byId = municipalities.find((m) => m.id === typed);
    const result = byId ? ({ ok: true, municipality: byId } as const) : resolveTypedMunicipality(typed);
    if (result.ok) municipalityIds.push(result.municipality.id);
    else {
      fields.municipalities ??= result.reason === 'unknown' ? `Onbekende gemeente: "${typed.slice(0, 60)}". Typ de naam van een gemeente of een plaats erin, zoals "Zaanstad" of "Zaandam".` : typedMunicipalityProblem(typed, result);
    }
  }
  const data: Record<string, unknown> = {
    title: form.title,
    summary: form.summary.replace(/\s*\n\s*/g, ' '),
    employers: employers.ids,
    municipalities: [...new Set(municipalityIds)],
    partners: partners.ids,
    places: lines(form.places),
    sectors: form.sectors,
    targetGroups: form.targetGroups,
    instruments: form.instruments,
    outcomes: lines(form.outcomes),
    evidence: form.evidence || undefined,
    status: form.status || undefined,
    stand: form.stand || undefined,
    pitch: form.pitch ? { id: form.pitch.id, title: form.pitch.title, closedOn: asDay(form.pitch.closedOn) } : undefined,
    sources: form.sources,
    published: asDay(form.published),
    updated: asDay(form.updated),
    featured: form.featured,
  };
  return { data, fields };
}

/** The one way a case file is written: frontmatter from the form (with `notes` as comments), then the body. */
function caseFileText(data: Record<string, unknown>, body: string, notes: CaseNotes = {}): string {
  return mdxFileText(yamlText(data, { ...caseYamlStyle, comments: notes }), body);
}

/**
 * A form as a case file without the checks: for a generated draft (from a pitch) that the
 * curator downloads and finishes by hand. Names that do not resolve are left out.
 */
export function caseFormFileText(form: CaseForm, notes: CaseNotes = {}): string {
  return caseFileText(caseFrontmatterData(form, loadOrganisationRecords()).data, form.body, notes);
}

export type CaseCheck = { ok: true; fileText: string; title: string } | { ok: false; fields: Record<string, string> };

/**
 * Checks a filled-in form with the same rules as the build and, when all pass, gives the file
 * text. `isNew`: the id is checked for its form and against `existingIds` (no overwriting).
 */
export function checkCaseForm(form: CaseForm, options: { isNew: boolean; existingIds: ReadonlySet<string> }): CaseCheck {
  const fields: Record<string, string> = {};
  const records = loadOrganisationRecords();
  if (options.isNew) {
    if (!form.id) fields.id = 'Kies een adres voor de pagina, bijvoorbeeld "zaanstad-schoonmaak-in-de-wijk".';
    else if (!contentIdPattern.test(form.id) || form.id.length > 80) fields.id = 'Gebruik alleen kleine letters, cijfers en streepjes (hoogstens 80 tekens), bijvoorbeeld "zaanstad-schoonmaak-in-de-wijk".';
    else if (options.existingIds.has(form.id)) fields.id = `Er is al een praktijkvoorbeeld met het adres "${form.id}". Kies een ander adres, of bewerk dat voorbeeld.`;
  } else if (!contentIdPattern.test(form.id) || form.id.length > 80) {
    // An edit names an existing page: a crafted id (../…) must never become a path.
    fields.id = 'Dit praktijkvoorbeeld bestaat niet. Open het opnieuw via Inhoud bewerken.';
  }
  // One-line fields stay one line (a crafted post could send a newline; the file would be fine, the page not).
  for (const name of ['title', 'stand'] as const) if (/[\r\n]/.test(form[name])) fields[name] = 'Dit is één regel tekst, zonder regeleinden.';

  const resolved = caseFrontmatterData(form, records);
  const data = resolved.data;
  for (const [name, message] of Object.entries(resolved.fields)) fields[name] ??= message;
  const publishedProblem = typedDateProblem(form.published);
  const updatedProblem = typedDateProblem(form.updated);
  if (publishedProblem) fields.published = publishedProblem;
  if (updatedProblem) fields.updated = updatedProblem;
  if (!form.published) fields.published ??= 'Vul de datum van plaatsen in.';

  const parsed = caseSchema.safeParse(data);
  if (!parsed.success) {
    for (const [name, message] of Object.entries(fieldMessages(parsed.error.issues))) fields[name] ??= message;
  }
  const frontmatter = yamlText(data, caseYamlStyle);
  const bodyOffset = frontmatter.split('\n').length + 2;
  if (!form.body.trim()) fields.body ??= 'Schrijf de tekst van het praktijkvoorbeeld.';
  else {
    const problems = mdxBodyProblems(form.body.replace(/\r\n?/g, '\n').replace(/^\n+/, '').replace(/\s+$/, ''), bodyOffset);
    if (problems.length > 0) fields.body = mdxProblemsText(problems.map((p) => ({ ...p, line: p.line - bodyOffset })));
  }
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return { ok: true, fileText: caseFileText(data, form.body), title: form.title };
}

/** Municipality names for the type-to-find list. */
export function municipalityNames(): string[] {
  return loadGeo().municipalities.map((m) => m.name);
}

/** The choices the case form offers: names to type (with suggestions) and the source list. */
export function caseFormChoices() {
  const records = loadOrganisationRecords();
  const collator = new Intl.Collator('nl');
  const names = (kind: 'employer' | 'partner') => records.filter((r) => r.kind === kind).map((r) => r.name).sort(collator.compare);
  return {
    employers: names('employer'),
    partners: names('partner'),
    municipalities: municipalityNames(),
    sources: loadSourceRecords().sort(compareSources).map((s) => ({ id: s.id, label: `${sourceName(s)}: ${s.title}` })),
  };
}

/** A form read back from a refused post (the page's form state), so the input is kept. */
export function caseFormFromState(values: Record<string, string>, lists: Record<string, string[]>): CaseForm {
  return caseFormFromInput({ get: (name) => values[name] ?? null, getAll: (name) => lists[name] ?? [] });
}
