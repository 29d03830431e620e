/**
 * The instrument form: an instrument file (content/instruments/<id>.mdx) read
 * into the fields a curator fills in, and back into a file once valid. The per-municipality
 * stances are a repeatable group of four fields posted as parallel lists (stanceMunicipality,
 * stanceStatement, stanceEvidence, stanceSource), so the form works without JavaScript: the page
 * shows the existing rows plus empty ones, and a row left entirely empty is simply not a stance.
 * Municipalities and organisations are typed by name and resolved to ids here; then the
 * collection's own zod schema (src/features/catalog/schemas/instrument.ts) checks the frontmatter and the body
 * goes through the MDX safety check. A file is only produced when everything passes.
 */
import { instrumentSchema } from '#features/catalog/schemas/instrument.ts';
import { loadOrganisationRecords, type OrganisationRecord } from '#features/catalog/organisations.ts';
import { placeKey } from '#features/catalog/places.ts';
import { compareSources, loadSourceRecords, sourceFileId, sourceName } from '#features/catalog/sources.ts';
import { mdxIds, readContentFile } from '#platform/content-store.ts';
import { resolveTypedMunicipality, typedMunicipalityProblem } from '#features/accounts/municipality-input.ts';
import { contentIdPattern } from '#domain/content-editing.ts';
import { instruments as instrumentVocabulary } from '#domain/facets.ts';
import { yamlText } from '#platform/yaml.ts';
import { dayText, mdxFileText, parseMdxFile } from './frontmatter.ts';
import { fieldMessages } from './issue-messages.ts';
import { mdxBodyProblems, mdxProblemsText } from './mdx-safety.ts';
import { normaliseTypedDate, typedDateProblem } from '#domain/typed-date.ts';

/** One stance as typed: the municipality by name, the rest as the file holds it. */
export interface StanceRow {
  municipality: string;
  statement: string;
  evidence: string;
  source: string;
}

/** What the instrument form holds: texts and lists of texts, as typed (names, not ids). */
export interface InstrumentForm {
  id: string;
  title: string;
  summary: string;
  stances: StanceRow[];
  targetGroups: string[];
  /** Employers and partners by name. */
  organisations: string[];
  sources: string[];
  published: string;
  updated: string;
  body: string;
}

/** The three headings every instrument page has. */
export const INSTRUMENT_BODY_TEMPLATE = [
  '## Wat is het?',
  '',
  'Algemene uitleg in eigen woorden. Zeg erbij als dit deel niet uit de bronnen komt.',
  '',
  "## Wat de programma's ervan zeggen",
  '',
  'Wat de bronnen per gemeente zeggen, vergeleken.',
  '',
  '## Waar u op let',
  '',
  'Aandachtspunten van de redactie. Zeg erbij dat het suggesties zijn, geen bevindingen uit de bronnen.',
].join('\n');

/** How many empty stance rows the form adds below the filled ones (more via "meer rijen"). */
export const EMPTY_STANCE_ROWS = 2;

/** An empty stance row. */
export const emptyStance = (): StanceRow => ({ municipality: '', statement: '', evidence: '', source: '' });

/** An empty form for a new instrument, dated today (YYYY-MM-DD in Amsterdam, from the caller). */
export function newInstrumentForm(today: string): InstrumentForm {
  return { id: '', title: '', summary: '', stances: [], targetGroups: [], organisations: [], sources: [], published: today, updated: '', body: INSTRUMENT_BODY_TEMPLATE };
}

const organisationName = (records: readonly OrganisationRecord[], id: string) => records.find((r) => r.id === id)?.name ?? id;
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** The form for an existing instrument file (ids shown as names); null when the file has no frontmatter. */
export function instrumentFormFromFile(id: string, text: string): InstrumentForm | null {
  const parsed = parseMdxFile(text);
  if (!parsed) return null;
  const { data } = parsed;
  const records = loadOrganisationRecords();
  const stances = Array.isArray(data.stances) ? (data.stances as Record<string, unknown>[]) : [];
  return {
    id,
    title: String(data.title ?? ''),
    summary: String(data.summary ?? ''),
    stances: stances.map((s) => ({
      municipality: organisationName(records, String(s?.municipality ?? '')),
      statement: String(s?.statement ?? ''),
      evidence: String(s?.evidence ?? ''),
      source: s?.source === undefined ? '' : sourceFileId(String(s.source)),
    })),
    targetGroups: strings(data.targetGroups),
    organisations: strings(data.organisations).map((o) => organisationName(records, o)),
    sources: strings(data.sources).map(sourceFileId),
    published: dayText(data.published),
    updated: dayText(data.updated),
    body: parsed.body,
  };
}

/** The form from posted fields (FormData entries); stance rows come from four parallel lists. */
export function instrumentFormFromInput(input: { get(name: string): unknown; getAll(name: string): unknown[] }): InstrumentForm {
  const one = (name: string) => {
    const v = input.get(name);
    return typeof v === 'string' ? v : '';
  };
  const all = (name: string) => input.getAll(name).map((v) => (typeof v === 'string' ? v : ''));
  const many = (name: string) => all(name).map((v) => v.trim()).filter(Boolean);
  const municipalities = all('stanceMunicipality');
  const statements = all('stanceStatement');
  const evidence = all('stanceEvidence');
  const sources = all('stanceSource');
  const rows = Math.max(municipalities.length, statements.length, evidence.length, sources.length);
  const stances: StanceRow[] = [];
  for (let i = 0; i < Math.min(rows, 200); i++) {
    const row = { municipality: (municipalities[i] ?? '').trim(), statement: (statements[i] ?? '').trim(), evidence: evidence[i] ?? '', source: sources[i] ?? '' };
    // An untouched empty row is not a stance (the form always offers a few).
    if (row.municipality || row.statement || row.evidence || row.source) stances.push(row);
  }
  return {
    id: one('id').trim(),
    title: one('title').trim(),
    summary: one('summary').trim(),
    stances,
    targetGroups: many('targetGroups'),
    organisations: many('organisations'),
    sources: many('sources'),
    published: normaliseTypedDate(one('published')),
    updated: normaliseTypedDate(one('updated')),
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

/** How an instrument's frontmatter is written: ids bare, statements quoted, lists of ids on one line. */
const instrumentYamlStyle = { plain: ['municipality', 'evidence', 'source'], flow: ['targetGroups', 'organisations', 'sources'] } as const;

/** The frontmatter in the files' order (each stance too: municipality, statement, evidence, source). */
function instrumentFrontmatterText(data: Record<string, unknown>): string {
  const stances = (data.stances as Record<string, unknown>[]).map((s) => ({ municipality: String(s.municipality ?? ''), statement: String(s.statement ?? ''), evidence: String(s.evidence ?? ''), source: String(s.source ?? '') }));
  return yamlText({ ...data, stances }, instrumentYamlStyle);
}

const stanceFieldNames = { municipality: 'stanceMunicipality', statement: 'stanceStatement', evidence: 'stanceEvidence', source: 'stanceSource' } as const;

/** The message key of one stance field: the posted field's name and the row (from 0), e.g. `stanceSource.2`. */
export function stanceFieldKey(index: number, field: keyof typeof stanceFieldNames): string {
  return `${stanceFieldNames[field]}.${index}`;
}

/**
 * The page's sources in the file's order: those the stances cite, in the stances' order, then
 * the others as given. A browser posts checkboxes in the list's order, not the file's; without
 * this, saving an unchanged instrument would reorder its source list on the page.
 */
function orderedSources(sources: readonly string[], stances: readonly { source: string }[]): string[] {
  const cited = stances.map((s) => s.source).filter((id) => sources.includes(id));
  return [...new Set([...cited, ...sources])];
}

/** The form field a schema issue belongs to: `stanceSource.2` for a stance's field, else the key. */
export function instrumentFieldOf(path: readonly PropertyKey[]): string {
  if (path[0] === 'stances' && typeof path[1] === 'number') {
    const field = String(path[2] ?? 'municipality');
    return field in stanceFieldNames ? stanceFieldKey(path[1], field as keyof typeof stanceFieldNames) : stanceFieldKey(path[1], 'municipality');
  }
  return String(path[0] ?? 'form');
}

export type InstrumentCheck = { ok: true; fileText: string; title: string } | { ok: false; fields: Record<string, string> };

/**
 * Checks a filled-in form with the same rules as the build and, when all pass, gives the file
 * text. `isNew`: the id is checked for its form and against `existingIds` (no overwriting).
 * Messages for a stance's field are keyed `<posted field>.<row>` (row counted from 0).
 */
export function checkInstrumentForm(form: InstrumentForm, options: { isNew: boolean; existingIds: ReadonlySet<string> }): InstrumentCheck {
  const fields: Record<string, string> = {};
  const records = loadOrganisationRecords();
  if (options.isNew) {
    if (!form.id) fields.id = 'Kies het instrument waarover de pagina gaat.';
    else if (!contentIdPattern.test(form.id) || form.id.length > 80) fields.id = 'Kies een instrument uit de lijst (alleen kleine letters, cijfers en streepjes).';
    else if (options.existingIds.has(form.id)) fields.id = `Er is al een instrument met het adres "${form.id}". Kies een ander adres, of bewerk dat instrument.`;
    // The build refuses an instrument page whose id is not in the vocabulary (it is also a filter of cases).
    else if (!(instrumentVocabulary.ids as readonly string[]).includes(form.id)) fields.id = `"${form.id.slice(0, 80)}" staat niet in de lijst met instrumenten. Kies een instrument uit de lijst; een nieuw soort instrument is ook een filter en wordt eerst door een ontwikkelaar toegevoegd (src/domain/facets.ts).`;
  }
  if (/[\r\n]/.test(form.title)) fields.title = 'Dit is één regel tekst, zonder regeleinden.';

  const organisationIds: string[] = [];
  const unknownOrganisations: string[] = [];
  for (const typed of form.organisations) {
    const key = placeKey(typed);
    const found = records.find((r) => (r.kind === 'employer' || r.kind === 'partner') && (r.id === typed || placeKey(r.name) === key));
    if (found) organisationIds.push(found.id);
    else unknownOrganisations.push(typed);
  }
  if (unknownOrganisations.length > 0) {
    fields.organisations = `Onbekende organisatie: ${unknownOrganisations.map((n) => `"${n.slice(0, 60)}"`).join(', ')}. Kies een werkgever of partner uit de lijst, of zet de organisatie eerst bij de organisaties.`;
  }

  const stances = form.stances.map((row, index) => {
    let municipality = row.municipality;
    if (!row.municipality) fields[stanceFieldKey(index, 'municipality')] = 'Vul de gemeente in.';
    else {
      const result = resolveTypedMunicipality(row.municipality);
      if (result.ok) municipality = result.municipality.id;
      else fields[stanceFieldKey(index, 'municipality')] = result.reason === 'unknown' ? `Onbekende gemeente: "${row.municipality.slice(0, 60)}". Typ de naam van een gemeente of een plaats erin, zoals "Zaanstad" of "Zaandam".` : typedMunicipalityProblem(row.municipality, result);
    }
    // The schema's own cross-field rule, checked here too: zod skips a refinement while other
    // fields fail, and the curator should see every problem at once.
    if (row.source && !form.sources.includes(row.source)) fields[stanceFieldKey(index, 'source')] = `Bron "${row.source.slice(0, 80)}" staat niet bij de bronnen van deze pagina. Kies hem ook onder Bronnen.`;
    return { municipality, statement: row.statement.replace(/\s*\n\s*/g, ' '), evidence: row.evidence, source: row.source };
  });

  const data: Record<string, unknown> = {
    title: form.title,
    summary: form.summary.replace(/\s*\n\s*/g, ' '),
    stances,
    targetGroups: form.targetGroups,
    organisations: [...new Set(organisationIds)],
    sources: orderedSources(form.sources, stances),
    published: asDay(form.published),
    updated: asDay(form.updated),
  };
  const publishedProblem = typedDateProblem(form.published);
  const updatedProblem = typedDateProblem(form.updated);
  if (publishedProblem) fields.published = publishedProblem;
  if (updatedProblem) fields.updated = updatedProblem;
  if (!form.published) fields.published ??= 'Vul de datum van plaatsen in.';

  const parsed = instrumentSchema.safeParse(data);
  if (!parsed.success) {
    for (const [name, message] of Object.entries(fieldMessages(parsed.error.issues, instrumentFieldOf))) fields[name] ??= message;
  }
  const frontmatter = instrumentFrontmatterText(data);
  const bodyOffset = frontmatter.split('\n').length + 2;
  if (!form.body.trim()) fields.body ??= 'Schrijf de tekst van de pagina.';
  else {
    const problems = mdxBodyProblems(form.body.replace(/\r\n?/g, '\n').replace(/^\n+/, '').replace(/\s+$/, ''), bodyOffset);
    if (problems.length > 0) fields.body = mdxProblemsText(problems.map((p) => ({ ...p, line: p.line - bodyOffset })));
  }
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return { ok: true, fileText: mdxFileText(frontmatter, form.body), title: form.title };
}

/** The rows the form shows: the filled ones plus `extra` empty ones (at least EMPTY_STANCE_ROWS). */
export function stanceRowsToShow(form: InstrumentForm, extra = EMPTY_STANCE_ROWS): StanceRow[] {
  const more = Math.min(Math.max(extra, EMPTY_STANCE_ROWS), 20);
  return [...form.stances, ...Array.from({ length: more }, emptyStance)];
}

/** A form read back from a refused post (the page's form state), so the input is kept. */
export function instrumentFormFromState(values: Record<string, string>, lists: Record<string, string[]>): InstrumentForm {
  return instrumentFormFromInput({ get: (name) => values[name] ?? null, getAll: (name) => lists[name] ?? [] });
}

/** Every instrument file with its title, by title (for the editor's overview). */
export function instrumentList(): { id: string; title: string }[] {
  return mdxIds('instruments')
    .map((id) => ({ id, title: String(parseMdxFile(readContentFile(`instruments/${id}.mdx`)?.text ?? '')?.data.title ?? id) }))
    .sort((a, b) => a.title.localeCompare(b.title, 'nl'));
}

/** Instruments from the vocabulary that have no page yet: the only ids a new instrument page can take. */
export function instrumentsWithoutPage(): { id: string; label: string }[] {
  const existing = new Set(mdxIds('instruments'));
  return instrumentVocabulary.terms.filter((term) => !existing.has(term.id)).map(({ id, label }) => ({ id, label }));
}

/** The choices the instrument form offers: organisation names, the source list, the ids still free. */
export function instrumentFormChoices() {
  const records = loadOrganisationRecords();
  const collator = new Intl.Collator('nl');
  return {
    freeIds: instrumentsWithoutPage(),
    organisations: records.filter((r) => r.kind === 'employer' || r.kind === 'partner').map((r) => r.name).sort(collator.compare),
    sources: loadSourceRecords().sort(compareSources).map((s) => ({ id: s.id, label: `${sourceName(s)}: ${s.title}` })),
  };
}
