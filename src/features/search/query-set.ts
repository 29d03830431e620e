/**
 * The query set (content/search-queries.yaml): Dutch searches a newcomer types, each with the
 * page that must be among the first five results. The search test runs them against /zoeken/
 * (without JavaScript) and the search-as-you-type box (with it); this module only reads and checks
 * the file, so a curator's mistake fails with the entry's number and query, not deep in a test.
 *
 * `kind` says what the query exercises. The morphological kinds (samenstelling, meervoud,
 * verkleinwoord, verbuiging, diakriet) type a form that is NOT literally on the expected page;
 * `why` carries the evidence. For `typfout` the runner may follow the "Bedoelde u …?" suggestion
 * once before looking for the page; for every other kind the page must be found directly.
 * `titel` (the page title as typed) is a control only.
 */
import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { readYaml } from '#platform/yaml.ts';
import { MAX_QUERY_LENGTH } from '#domain/search-query.ts';

export const queryKinds = [
  'samenstelling',
  'meervoud',
  'verkleinwoord',
  'verbuiging',
  'diakriet',
  'typfout',
  'plaats',
  'organisatie',
  'synoniem',
  'vraag',
  'pitch',
  'bron',
  'titel',
] as const;
export type QueryKind = (typeof queryKinds)[number];

/** The kinds of page a query may expect, by their first path segment. */
export const expectedSections = ['praktijkvoorbeelden', 'instrumenten', 'organisaties', 'bronnen', 'pitches'] as const;
export type ExpectedSection = (typeof expectedSections)[number];

const expectPattern = new RegExp(`^/(${expectedSections.join('|')})/[a-z0-9]+(?:-[a-z0-9]+)*/$`);

/** Search syntax people do not type: quotes, wildcards, boolean words, +/- before a word. */
const operatorPattern = /["*]|(^|\s)[+-]\S|\b(AND|OR|NOT)\b/;

export const searchQuerySchema = z.strictObject({
  query: z
    .string()
    .trim()
    .min(2, 'een zoekvraag van minstens 2 tekens')
    .max(MAX_QUERY_LENGTH, `hooguit ${MAX_QUERY_LENGTH} tekens, zoals het zoekveld`)
    .refine((q) => !operatorPattern.test(q), 'geen zoekoperatoren (aanhalingstekens, *, AND/OR, + of - voor een woord): typ zoals een bezoeker'),
  expect: z.string().regex(expectPattern, `een adres als /instrumenten/basisbaan/: /${expectedSections.join('/, /')}/ gevolgd door een id en een /`),
  kind: z.enum(queryKinds, { error: (issue) => `onbekende soort "${String(issue.input)}"; kies uit ${queryKinds.join(', ')}` }),
  why: z.string().trim().min(3).max(300).optional(),
});
export type SearchQueryEntry = z.infer<typeof searchQuerySchema>;

/** What counts as the same query: case, accents kept apart (they are a test of their own), spacing ignored. */
export const queryKey = (query: string) => query.trim().toLowerCase().replace(/\s+/g, ' ');

/** The section and id of an expected address: /organisaties/zaanstad/ → organisaties, zaanstad. */
export function expectedPage(url: string): { section: ExpectedSection; id: string } {
  const [, section, id] = url.split('/');
  return { section: section as ExpectedSection, id: id! };
}

/**
 * Reads and checks the query set. Throws one error naming the file, the entry (number and query)
 * and what is wrong; a query that appears twice is an error too.
 */
export function loadQuerySet(path: string): SearchQueryEntry[] {
  let data: unknown;
  try {
    data = readYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: geen geldige YAML: ${(error as Error).message}`, { cause: error });
  }
  if (!Array.isArray(data)) throw new Error(`${path}: verwacht een lijst met zoekvragen ("- query: …")`);
  const seen = new Map<string, number>();
  return data.map((raw, index) => {
    const number = index + 1;
    const label = typeof raw === 'object' && raw !== null && 'query' in raw ? ` ("${String((raw as { query: unknown }).query)}")` : '';
    const result = searchQuerySchema.safeParse(raw);
    if (!result.success) {
      const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'vraag'}: ${issue.message}`).join('; ');
      throw new Error(`${path}: vraag ${number}${label}: ${problems}`);
    }
    const key = queryKey(result.data.query);
    const first = seen.get(key);
    if (first) throw new Error(`${path}: vraag ${number}${label} staat er al als vraag ${first}`);
    seen.set(key, number);
    return result.data;
  });
}
