/**
 * Home of what the read-only API answers, whatever the dataset: a page of a list (filters as on
 * the site, `limit`, a cursor), one item, and the entry listing the datasets. Strict: an unknown
 * parameter or value, a second `limit`, a limit out of range or a cursor that is not ours is
 * refused with a reason per parameter, never guessed at. The HTTP side (status codes, caching,
 * CORS, the rate limit) is the web layer's (src/web/open-data-api.ts).
 */
import type { Deps } from '#platform/context.ts';
import { config } from '#platform/config.ts';
import type { AnyOpenDataset, FlatValue } from './dataset.ts';
import { API_BASE_PATH, licenceBody, type IndexBody, type ItemBody, type ListBody } from './api-shapes.ts';
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
  | { ok: true; body: ListBody; ids: string[]; lastModified: number | undefined; nextHref: string | undefined }
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

/** `limit`: absent, or one whole number from 1 to MAX_LIMIT written plainly. */
function parseLimit(values: string[]): { limit: number } | { problem: string } {
  if (values.length === 0) return { limit: DEFAULT_LIMIT };
  if (values.length > 1) return { problem: 'Geef limit hoogstens één keer.' };
  const value = values[0]!;
  const limit = /^[1-9]\d{0,2}$/.test(value) ? Number(value) : NaN;
  if (!(limit <= MAX_LIMIT)) return { problem: `limit moet een heel getal van 1 tot en met ${MAX_LIMIT} zijn (standaard ${DEFAULT_LIMIT}), niet "${value.slice(0, 40)}".` };
  return { limit };
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
  const rows = await dataset.list(deps, parsed.filters);
  const ids = rows.map((row) => dataset.idOf(row));
  let start = 0;
  if (after !== undefined) {
    const position = ids.indexOf(after);
    if (position === -1) return { ok: false, reason: 'cursor', message: 'De rij waar deze cursor na verder gaat, staat niet meer in de lijst (niet meer openbaar, of de filters geven hem niet meer). Begin opnieuw zonder cursor.' };
    start = position + 1;
  }
  const end = Math.min(rows.length, start + limit.limit);
  const pagingOf = (nextCursor?: string) => {
    const query = new URLSearchParams(filterKey);
    if (limit.limit !== DEFAULT_LIMIT) query.set('limit', String(limit.limit));
    if (nextCursor) query.set('cursor', nextCursor);
    return query;
  };
  const nextHref = end < rows.length ? apiHref(deps.origin, dataset.name, pagingOf(makeCursor(dataset.name, filterKey, ids[end - 1]!))) : undefined;
  const body: ListBody = {
    licentie: licenceBody(config().network.name, deps.origin),
    _links: { self: { href: apiHref(deps.origin, dataset.name, pagingOf(cursor)) }, ...(nextHref ? { next: { href: nextHref } } : {}) },
    totaal: rows.length,
    items: rows.slice(start, end).map((row, index) => withItemLinks(deps.origin, dataset.name, ids[start + index]!, row)),
  };
  return { ok: true, body, ids: ids.slice(start, end), lastModified: dataset.lastModified(rows), nextHref };
}

/** One public row by id. */
export async function itemAnswer(deps: Deps, dataset: AnyOpenDataset, id: string): Promise<ItemResult> {
  const row = await dataset.get(deps, id);
  if (!row) return { ok: false, reason: 'not-found' };
  return {
    ok: true,
    body: {
      licentie: licenceBody(config().network.name, deps.origin),
      _links: { self: { href: itemHref(deps.origin, dataset.name, id) }, collection: { href: apiHref(deps.origin, dataset.name) } },
      item: withItemLinks(deps.origin, dataset.name, dataset.idOf(row), row),
    },
    lastModified: dataset.lastModified([row]),
  };
}

/** The API's entry: the datasets and where the document and the explanation are. */
export function apiIndex(origin: string, datasets: readonly Pick<AnyOpenDataset, 'name' | 'title' | 'description' | 'listPath'>[]): IndexBody {
  return {
    licentie: licenceBody(config().network.name, origin),
    _links: {
      self: { href: new URL(API_BASE_PATH, origin).href },
      'service-desc': { href: new URL(`${API_BASE_PATH}/openapi.json`, origin).href },
      'service-doc': { href: new URL('/api/', origin).href },
    },
    datasets: datasets.map((dataset) => ({
      naam: dataset.name,
      titel: dataset.title,
      beschrijving: dataset.description,
      _links: { self: { href: apiHref(origin, dataset.name) }, pagina: { href: new URL(dataset.listPath, origin).href } },
    })),
  };
}
