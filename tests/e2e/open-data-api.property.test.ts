/**
 * Generated requests to the open-data API on the built server: random filters (known names with
 * known and unknown values, unknown names), limits, cursors (real, tampered, made up), item ids,
 * and If-None-Match, If-Modified-Since and Accept values. Whatever comes in, the API never
 * answers 500; every refusal is problem+json that matches the document, and every answer with
 * data matches the document too. A failure prints its seed: BAD_INPUT_SEED=<seed> repeats it.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { nastyText, seedOf } from '../integration/bad-input/forms.ts';
import { api, apiGet, datasetsOf, documentChecker, fetchDocument, filtersOf, seedDemoData, type ApiDocument, type DocumentChecker } from './open-data-api-support.ts';

const RUNS = 200;
const ITEM_RUNS = 100;
const seed = seedOf();

let document: ApiDocument;
let checker: DocumentChecker;
let datasets: string[];
/** Real cursors, per dataset, from the first page of a few lists. */
const cursors = new Map<string, string[]>();
/** Real entity tags the API gave. */
const etags: string[] = [];

beforeAll(async () => {
  await seedDemoData();
  document = await fetchDocument();
  checker = documentChecker(document);
  datasets = datasetsOf(document);
  for (const dataset of datasets) {
    const response = await apiGet(api(`/${dataset}?limit=1`));
    etags.push(response.headers.get('etag')!);
    const next = ((await response.json()) as { _links: { next?: { href: string } } })._links.next;
    cursors.set(dataset, next ? [new URL(next.href).searchParams.get('cursor')!] : []);
  }
});

/** Header values a client can send at all (fetch refuses control characters). */
const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 60 });

const ifNoneMatch = () =>
  fc.oneof(
    fc.constantFrom(...etags),
    fc.constantFrom(...etags).map((etag) => `W/${etag}`),
    fc.constantFrom('*', '""', 'W/""', '"a", "b"', '"a",,"b"', ',', '"', 'W/', '"a" "b"', '* , "a"', '"ongesloten', 'W/"a', '"a"x'),
    headerText,
    headerText.map((text) => `"${text.replace(/"/g, '')}"`),
  );

const ifModifiedSince = fc.oneof(fc.date({ noInvalidDate: true }).map((date) => date.toUTCString()), headerText, fc.constant('Thu, 01 Jan 1970 00:00:00 GMT'));
const accept = fc.oneof(fc.constantFrom('application/json', '*/*', 'text/html', 'application/json;q=0', 'text/csv, */*;q=0.1', 'application/*', 'nonsense'), headerText);

/** A query for a dataset's list: its filters with good and bad values, limits, cursors, and strangers. */
function queryFor(dataset: string): fc.Arbitrary<[string, string][]> {
  const filters = filtersOf(document, dataset);
  const own = cursors.get(dataset) ?? [];
  const other = [...cursors.values()].flat();
  const pairs: fc.Arbitrary<[string, string]>[] = [
    fc.tuple(fc.constant('limit'), fc.oneof(fc.integer({ min: -5, max: 500 }).map(String), fc.constantFrom('1', '50', '200', '201', '1e2', '0x10', ' 5', '5 ', '05', '9'.repeat(40), ''), text(200))),
    fc.tuple(
      fc.constant('cursor'),
      fc.oneof(
        own.length > 0 ? fc.constantFrom(...own) : fc.constant('x.y'),
        other.length > 0 ? fc.constantFrom(...other) : fc.constant('x.y'),
        // A real cursor with one character changed.
        fc.tuple(fc.constantFrom(...(own.length > 0 ? own : ['abc.def'])), fc.nat(), fc.constantFrom('A', 'b', '-', '_', '.', '=', '%')).map(([cursor, at, char]) => {
          const index = at % cursor.length;
          return cursor.slice(0, index) + char + cursor.slice(index + 1);
        }),
        text(200),
      ),
    ),
    fc.tuple(text(200), text(200)),
  ];
  for (const filter of filters) {
    const values = filter.values.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...filter.values) }, { weight: 1, arbitrary: text(200) }) : text(200);
    pairs.push(fc.tuple(fc.constant(filter.name), values));
  }
  return fc.array(fc.oneof(...pairs), { maxLength: 5 });
}

/**
 * Any text, cut so a whole request stays under Node's 16 KiB limit on the request line and
 * headers: a longer one is refused (431) by the HTTP parser before the app sees it.
 */
const text = (maxLength: number) => nastyText.map((value) => value.slice(0, maxLength));

/** Lone surrogates cannot be sent as UTF-8; what a client would send instead. */
const wellFormed = (text: string) => text.replace(/[\uD800-\uDFFF]/g, '\uFFFD');

/**
 * The document's path for an address as the client sent it (after the URL parser resolved `.` and
 * `..`): the entry, a list or an item of a known dataset; undefined for anything else.
 */
function templateOf(pathname: string): string | undefined {
  const rest = pathname.replace(/^\/api\/v1\/?/, '');
  if (rest === '') return '/';
  const [dataset = '', id, ...more] = rest.split('/');
  if (!datasets.includes(dataset) || more.length > 0) return undefined;
  return id === undefined || id === '' ? `/${dataset}` : `/${dataset}/{id}`;
}

async function expectSane(template: string | undefined, response: Response, body: string, context: string) {
  expect(response.status, context).toBeLessThan(500);
  if (response.status >= 400) {
    expect(response.headers.get('content-type'), context).toMatch(/^application\/problem\+json/);
    const problem = JSON.parse(body) as { status: number; title: string; 'invalid-params'?: unknown[] };
    expect(problem.status, context).toBe(response.status);
    expect(checker.schemaProblems({ $ref: '#/components/schemas/Probleem' }, problem), context).toEqual([]);
    if (problem.title === 'Ongeldige parameter') expect(problem['invalid-params']?.length, context).toBeGreaterThan(0);
  }
  // Whatever the document describes for this address (data, 304, problems) must hold too.
  if (template && response.status !== 405) expect(checker.problems(template, response, body), context).toEqual([]);
}

describe('gegenereerde verzoeken aan de API', () => {
  test('lijsten: willekeurige filters, limits, cursors en kopregels geven nooit 500, altijd een beschreven antwoord', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...datasets).chain((dataset) => fc.record({ dataset: fc.constant(dataset), query: queryFor(dataset) })),
        fc.option(ifNoneMatch(), { nil: undefined }),
        fc.option(ifModifiedSince, { nil: undefined }),
        fc.option(accept, { freq: 4, nil: undefined }),
        async ({ dataset, query }, inm, ims, acceptValue) => {
          const search = new URLSearchParams(query.map(([name, value]) => [wellFormed(name), wellFormed(value)]));
          const headers: Record<string, string> = {};
          if (inm !== undefined) headers['if-none-match'] = inm;
          if (ims !== undefined) headers['if-modified-since'] = ims;
          if (acceptValue !== undefined) headers.accept = acceptValue;
          const url = api(`/${dataset}?${search}`);
          const response = await apiGet(url, headers);
          const body = await response.text();
          await expectSane(`/${dataset}`, response, body, `${url} ${JSON.stringify(headers)} → ${response.status} ${body.slice(0, 300)}`);
        },
      ),
      { numRuns: RUNS, seed },
    );
  });

  test('items en onbekende adressen: willekeurige ids en datasetnamen geven 200, 304, 400 of 404, nooit 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...datasets) }, { weight: 1, arbitrary: text(200) }),
        fc.oneof(text(1000), fc.constantFrom('..', '.', '%', '%2F', 'a/b', ' ', 'x'.repeat(400))),
        fc.option(ifNoneMatch(), { nil: undefined }),
        async (dataset, id, inm) => {
          const url = api(`/${encodeURIComponent(wellFormed(dataset))}/${encodeURIComponent(wellFormed(id))}`);
          const response = await apiGet(url, inm === undefined ? {} : { 'if-none-match': inm });
          const body = await response.text();
          const context = `${url} ${inm ?? ''} → ${response.status} ${body.slice(0, 300)}`;
          expect([200, 304, 400, 404], context).toContain(response.status);
          await expectSane(templateOf(new URL(url).pathname), response, body, context);
        },
      ),
      { numRuns: ITEM_RUNS, seed },
    );
  });
});
