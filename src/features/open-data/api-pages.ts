/**
 * Home of what the read-only API answers, whatever the dataset: a page of a list (filters as on
 * the site, `limit`, a cursor), one item, and the entry listing the datasets. Strict: an unknown
 * parameter or value, a second `limit`, a limit out of range or a cursor that is not ours is
 * refused with a reason per parameter, never guessed at. The HTTP side (status codes, caching,
 * CORS, the rate limit) is the web layer's (src/web/open-data-api.ts).
 */
import type { Deps } from '#platform/context.ts';
import { config } from '#platform/config.ts';
import { problemOf, type Problem } from '#platform/http/problem.ts';
import { pageOf, type AnyOpenDataset, type FlatValue } from './dataset.ts';
import { API_BASE_PATH, API_DOCUMENT_PATH, API_PAGE_PATH, licenceBody, type IndexBody, type ItemBody, type ListBody } from './api-shapes.ts';
import { filterKeyOf, makeCursor, readCursor } from './cursor.ts';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;
/** The API's own parameters; every other one is a filter of the dataset. */
export const PAGING_PARAMETERS = ['limit', 'cursor'] as const;

export interface ParameterProblem {
  parameter: string;
  message: string;
}

export type ListPageResult =
  | { ok: true; body: ListBody; rows: Record<string, FlatValue>[]; nextHref: string | undefined }
  | { ok: false; reason: 'invalid'; problems: ParameterProblem[] }
  | { ok: false; reason: 'cursor'; message: string };

export type ItemResult = { ok: true; body: ItemBody; lastModified: number | undefined } | { ok: false; reason: 'not-found' };

/** The address of a dataset's list (with a query) or of one item, on the site at `origin`. */
export function apiHref(origin: string, dataset: string, query?: URLSearchParams | string): string {
  const url = new URL(`${API_BASE_PATH}/${dataset}`, origin);
  url.search = query ? query.toString() : '';
  return url.href;
}

export function itemHref(origin: string, dataset: string, id: string): string {
  return new URL(`${API_BASE_PATH}/${dataset}/${encodeURIComponent(id)}`, origin).href;
}

/** Why a `limit` value is refused. */
export const limitProblem = (value: string) => `limit moet een heel getal van 1 tot en met ${MAX_LIMIT} zijn (standaard ${DEFAULT_LIMIT}), niet "${value.slice(0, 40)}".`;

/** The detail of a refusal of `count` parameters; invalid-params says which. */
export const invalidParametersDetail = (count: number) => `Dit verzoek kan zo niet worden beantwoord: ${count} ${count === 1 ? 'parameter klopt' : 'parameters kloppen'} niet.`;

/** `limit`: absent, or one whole number from 1 to MAX_LIMIT written plainly. */
function parseLimit(values: string[]): { limit: number } | { problem: string } {
  if (values.length === 0) return { limit: DEFAULT_LIMIT };
  if (values.length > 1) return { problem: 'Geef limit hoogstens één keer.' };
  const value = values[0]!;
  const limit = /^[1-9]\d{0,2}$/.test(value) ? Number(value) : NaN;
  if (!(limit <= MAX_LIMIT)) return { problem: limitProblem(value) };
  return { limit };
}

/** The example of a refusal that the document and the API page show: a limit out of range. */
export function invalidLimitExample(origin: string, dataset = 'pitches'): Problem {
  return problemOf('ongeldige-parameter', {
    origin,
    instance: `${API_BASE_PATH}/${dataset}?limit=5000`,
    detail: invalidParametersDetail(1),
    invalidParams: [{ name: 'limit', reason: limitProblem('5000') }],
  });
}

const withItemLinks = (origin: string, dataset: string, id: string, row: Record<string, FlatValue>) => ({ ...row, _links: { self: { href: itemHref(origin, dataset, id) } } });

/** One page of a dataset's list for the query `params`. */
export async function listPage(deps: Deps, dataset: AnyOpenDataset, params: URLSearchParams): Promise<ListPageResult> {
  const problems: ParameterProblem[] = [];
  const limit = parseLimit(params.getAll('limit'));
  if ('problem' in limit) problems.push({ parameter: 'limit', message: limit.problem });
  const cursors = params.getAll('cursor');
  if (cursors.length > 1) problems.push({ parameter: 'cursor', message: 'Geef cursor hoogstens één keer.' });
  const filterParams = new URLSearchParams([...params].filter(([name]) => !(PAGING_PARAMETERS as readonly string[]).includes(name)));
  const parsed = dataset.parseFilters(filterParams, { strict: true });
  if (!parsed.ok) problems.push(...parsed.problems);
  if (problems.length > 0 || !parsed.ok || 'problem' in limit) return { ok: false, reason: 'invalid', problems };

  // The filters as the dataset itself writes them, in one order: the same question gives the same links and cursors.
  const filterKey = filterKeyOf(dataset.queryOf(parsed.filters));
  const cursor = cursors[0];
  const after = cursor === undefined ? undefined : readCursor(cursor, dataset.name, filterKey);
  if (cursor !== undefined && after === undefined) {
    return { ok: false, reason: 'cursor', message: 'Deze cursor is niet geldig voor deze dataset met deze filters. Gebruik de next-link uit het vorige antwoord ongewijzigd, of begin zonder cursor.' };
  }
  const page = await pageOf(dataset, deps, parsed.filters, { after, limit: limit.limit });
  if (!page) return { ok: false, reason: 'cursor', message: 'De rij waar deze cursor na verder gaat, staat niet meer in de lijst (niet meer openbaar, of de filters geven hem niet meer). Begin opnieuw zonder cursor.' };
  const ids = page.rows.map((row) => dataset.idOf(row));
  const pagingOf = (nextCursor?: string) => {
    const query = new URLSearchParams(filterKey);
    if (limit.limit !== DEFAULT_LIMIT) query.set('limit', String(limit.limit));
    if (nextCursor) query.set('cursor', nextCursor);
    return query;
  };
  const last = ids.at(-1);
  const nextHref = page.more && last !== undefined ? apiHref(deps.origin, dataset.name, pagingOf(makeCursor(dataset.name, filterKey, last))) : undefined;
  const body: ListBody = {
    licentie: licenceBody(config().network.name, deps.origin, dataset.attribution),
    _links: { self: { href: apiHref(deps.origin, dataset.name, pagingOf(cursor)) }, ...(nextHref ? { next: { href: nextHref } } : {}) },
    totaal: page.total,
    items: page.rows.map((row, index) => withItemLinks(deps.origin, dataset.name, ids[index]!, row)),
  };
  return { ok: true, body, rows: page.rows, nextHref };
}

/** One public row by id. */
export async function itemAnswer(deps: Deps, dataset: AnyOpenDataset, id: string): Promise<ItemResult> {
  const row = await dataset.get(deps, id);
  return row ? { ok: true, body: itemBody(deps.origin, dataset, row), lastModified: dataset.modifiedOf?.(row) } : { ok: false, reason: 'not-found' };
}

/** The answer for one row of the dataset (its item address, or an example made from a list's row). */
export function itemBody(origin: string, dataset: AnyOpenDataset, row: Record<string, FlatValue>): ItemBody {
  const id = dataset.idOf(row);
  return {
    licentie: licenceBody(config().network.name, origin, dataset.attribution),
    _links: { self: { href: itemHref(origin, dataset.name, id) }, collection: { href: apiHref(origin, dataset.name) } },
    item: withItemLinks(origin, dataset.name, id, row),
  };
}

/** The API's entry: the datasets and where the document and the explanation are. */
export function apiIndex(origin: string, datasets: readonly Pick<AnyOpenDataset, 'name' | 'title' | 'description' | 'listPath'>[]): IndexBody {
  return {
    licentie: licenceBody(config().network.name, origin),
    _links: {
      self: { href: new URL(API_BASE_PATH, origin).href },
      'service-desc': { href: new URL(API_DOCUMENT_PATH, origin).href },
      'service-doc': { href: new URL(API_PAGE_PATH, origin).href },
    },
    datasets: datasets.map((dataset) => ({
      naam: dataset.name,
      titel: dataset.title,
      beschrijving: dataset.description,
      _links: { self: { href: apiHref(origin, dataset.name) }, pagina: { href: new URL(dataset.listPath, origin).href } },
    })),
  };
}
