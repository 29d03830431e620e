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
import { dayText, mdxFileText, parseMdxFile, yamlEntry } from './frontmatter.ts';
import { fieldMessages } from './issue-messages.ts';
import { mdxBodyProblems, mdxProblemsText } from './mdx-safety.ts';

/** What the form holds: texts and lists of texts, as typed (names, not ids). */
export interface CaseForm {
  id: string;
  title: string;
  summary: string;
  employers: string[];
  municipalities: string[];
  partners: string[];
  /** One place per line. */
  places: string;
  sectors: string[];
  targetGroups: string[];
  instruments: string[];
  /** One outcome per line. */
  outcomes: string;
  evidence: string;
  status: string;
  stand: string;
  sources: string[];
  published: string;
  updated: string;
  featured: boolean;
  body: string;
}

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

/** An empty form for a new case, dated today (YYYY-MM-DD, Europe/Amsterdam, from the caller). */
export function newCaseForm(today: string): CaseForm {
  return {
    id: '', title: '', summary: '', employers: [], municipalities: [], partners: [], places: '', sectors: [], targetGroups: [], instruments: [],
    outcomes: '', evidence: '', status: '', stand: '', sources: [], published: today, updated: '', featured: false, body: CASE_BODY_TEMPLATE,
  };
}

const organisationName = (records: readonly OrganisationRecord[], id: string) => records.find((r) => r.id === id)?.name ?? id;
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

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
    body: parsed.body,
  };
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
    published: one('published').trim(),
    updated: one('updated').trim(),
    featured: one('featured') === 'true',
    body: one('body'),
  };
}

/** A YYYY-MM-DD field as the Date the YAML will hold; anything else stays text, for the schema to refuse. */
function asDay(text: string): Date | string | undefined {
  if (!text) return undefined;
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

/** The frontmatter in the schema's order, as the file shows it. */
function caseFrontmatterText(data: Record<string, unknown>): string {
  const order: [string, 'ids' | 'lines'][] = [
    ['title', 'lines'], ['summary', 'lines'], ['employers', 'ids'], ['municipalities', 'ids'], ['partners', 'ids'], ['places', 'lines'],
    ['sectors', 'ids'], ['targetGroups', 'ids'], ['instruments', 'ids'], ['outcomes', 'lines'], ['evidence', 'ids'], ['status', 'ids'],
    ['stand', 'lines'], ['sources', 'ids'], ['published', 'ids'], ['updated', 'ids'], ['featured', 'ids'],
  ];
  return order
    .map(([key, style]) => {
      const value = data[key];
      // Evidence and status are vocabulary ids: written bare, like the files curators wrote by hand.
      if ((key === 'evidence' || key === 'status') && typeof value === 'string') return `${key}: ${value}\n`;
      return yamlEntry(key, value as never, style);
    })
    .join('');
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

  const employers = resolveOrganisations(form.employers, 'employer', records);
  const partners = resolveOrganisations(form.partners, 'partner', records);
  for (const [name, result, kind] of [['employers', employers, 'employer'], ['partners', partners, 'partner']] as const) {
    if (result.unknown.length > 0) {
      fields[name] = `Onbekende ${kindWord[kind]}: ${quoteList(result.unknown)}. Kies een naam uit de lijst, of zet de organisatie eerst bij de organisaties.`;
    }
  }
  const municipalityIds: string[] = [];
  for (const typed of form.municipalities) {
    const result = resolveTypedMunicipality(typed);
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
    sources: form.sources,
    published: asDay(form.published),
    updated: asDay(form.updated),
    featured: form.featured,
  };
  if (form.published && !/^\d{4}-\d{2}-\d{2}$/.test(form.published)) fields.published = 'Vul een datum in als JJJJ-MM-DD.';
  if (form.updated && !/^\d{4}-\d{2}-\d{2}$/.test(form.updated)) fields.updated = 'Vul een datum in als JJJJ-MM-DD.';
  if (!form.published) fields.published ??= 'Vul de datum van plaatsen in.';

  const parsed = caseSchema.safeParse(data);
  if (!parsed.success) {
    for (const [name, message] of Object.entries(fieldMessages(parsed.error.issues))) fields[name] ??= message;
  }
  const frontmatter = caseFrontmatterText(data);
  const bodyOffset = frontmatter.split('\n').length + 2;
  if (!form.body.trim()) fields.body ??= 'Schrijf de tekst van het praktijkvoorbeeld.';
  else {
    const problems = mdxBodyProblems(form.body.replace(/\r\n?/g, '\n').replace(/^\n+/, '').replace(/\s+$/, ''), bodyOffset);
    if (problems.length > 0) fields.body = mdxProblemsText(problems.map((p) => ({ ...p, line: p.line - bodyOffset })));
  }
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return { ok: true, fileText: mdxFileText(frontmatter, form.body), title: form.title };
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
