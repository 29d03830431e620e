/**
 * The HTTP side of the open-data API, the same for every address under /api/v1: the rate limit
 * per source network, content negotiation, conditional requests (strong ETag from the body,
 * Last-Modified), caching, CORS, the licence and next links as `Link` headers, and every refusal
 * as problem+json. A route only says what to answer (features/open-data/api-pages.ts);
 * `openDataEndpoint` turns that into the response, and turns anything thrown into a 500 problem
 * instead of Astro's error page.
 */
import type { APIContext, APIRoute } from 'astro';
import type { Deps } from '#platform/context.ts';
import { config } from '#platform/config.ts';
import { consume } from '#platform/auth/rate-limit.ts';
import { corsHeaders, preflightHeaders } from '#platform/http/cors.ts';
import { httpDate, isNotModified, parseIfNoneMatch, strongEtag } from '#platform/http/conditional.ts';
import { problemOf, problemResponse, type InvalidParam, type ProblemKind } from '#platform/http/problem.ts';
import { openLicence } from '#features/open-data/licence.ts';
import { API_BASE_PATH, API_CACHE_CONTROL, API_VERSION, rateLimitText } from '#features/open-data/api-shapes.ts';
import type { ItemResult, ListPageResult } from '#features/open-data/api-pages.ts';
import { depsFor } from './request.ts';

/** What a route answers: data, or a kind of problem with its Dutch detail. */
export type ApiAnswer =
  | { ok: true; body: unknown; lastModified?: number; next?: string }
  | { ok: false; kind: ProblemKind; detail: string; invalidParams?: InvalidParam[] };

/** The media ranges that take JSON, most specific first; another Accept value gets 406. */
const JSON_RANGES = ['application/json', 'application/*', '*/*'];

/**
 * Whether the Accept header lets us answer JSON: no header, or a range covering
 * application/json whose weight is above 0 (the most specific range decides, RFC 9110 §12.5.1).
 */
export function acceptsJson(accept: string | null): boolean {
  if (accept === null || accept.trim() === '') return true;
  const weights = new Map<string, number>();
  for (const part of accept.split(',')) {
    const [range = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    if (!/^[\w.+*-]+\/[\w.+*-]+$/.test(range)) continue;
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(range, Number.isFinite(weight) ? weight : 0);
  }
  if (weights.size === 0) return true;
  const decisive = JSON_RANGES.find((range) => weights.has(range));
  return decisive !== undefined && weights.get(decisive)! > 0;
}

/** The problem answer for this request, with the CORS headers so a script can read it. */
function refuse(context: APIContext, kind: ProblemKind, detail: string, options: { invalidParams?: InvalidParam[]; headers?: Record<string, string> } = {}): Response {
  const problem = problemOf(kind, { origin: config().siteUrl, instance: context.url.pathname + context.url.search, detail, invalidParams: options.invalidParams });
  return problemResponse(problem, { ...corsHeaders(), 'API-Version': API_VERSION, ...options.headers });
}

/** The `Link` header: the next page, the licence and the document that describes the API. */
function linkHeader(next: string | undefined): string {
  const links = [`<${openLicence.url}>; rel="license"`, `<${new URL(`${API_BASE_PATH}/openapi.json`, config().siteUrl).href}>; rel="service-desc"`];
  return (next ? [`<${next}>; rel="next"`, ...links] : links).join(', ');
}

async function answerGet(context: APIContext, answer: (context: APIContext, deps: Deps) => Promise<ApiAnswer>): Promise<Response> {
  const deps = await depsFor(context);
  const limit = await consume(deps.db, 'openDataIp', deps.ip);
  if (!limit.allowed) {
    const seconds = Math.ceil(limit.retryAfterMs / 1000);
    return refuse(context, 'te-veel-verzoeken', `Te veel verzoeken vanaf uw netwerk (${rateLimitText()}). Probeer het over ${seconds} ${seconds === 1 ? 'seconde' : 'seconden'} opnieuw.`, {
      headers: { 'Retry-After': String(seconds) },
    });
  }
  if (!acceptsJson(context.request.headers.get('accept'))) {
    return refuse(context, 'niet-aanvaardbaar', 'De API antwoordt alleen in JSON (application/json). Vraag dat in de kopregel Accept, of laat hem weg.');
  }
  const ifNoneMatchValue = context.request.headers.get('if-none-match');
  const ifNoneMatch = ifNoneMatchValue === null ? undefined : parseIfNoneMatch(ifNoneMatchValue);
  if (ifNoneMatchValue !== null && !ifNoneMatch) {
    return refuse(context, 'ongeldige-parameter', 'De kopregel If-None-Match is geen geldige lijst van entity tags.', {
      invalidParams: [{ name: 'If-None-Match', reason: 'Stuur de ETag uit een eerder antwoord ongewijzigd terug, met de aanhalingstekens (bijvoorbeeld "abc…"), of een lijst daarvan, of *.' }],
    });
  }
  const result = await answer(context, deps);
  if (!result.ok) return refuse(context, result.kind, result.detail, { invalidParams: result.invalidParams });
  const text = JSON.stringify(result.body);
  const etag = strongEtag(text);
  const headers: Record<string, string> = {
    ...corsHeaders(),
    'Cache-Control': API_CACHE_CONTROL,
    ETag: etag,
    Link: linkHeader(result.next),
    'API-Version': API_VERSION,
    ...(result.lastModified === undefined ? {} : { 'Last-Modified': httpDate(result.lastModified) }),
  };
  if (isNotModified({ ifNoneMatch, ifModifiedSince: context.request.headers.get('if-modified-since') }, etag, result.lastModified)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(text, { status: 200, headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' } });
}

/** The GET (and so HEAD) and OPTIONS handlers of an API address that answers with `answer`. */
export function openDataEndpoint(answer: (context: APIContext, deps: Deps) => Promise<ApiAnswer>): { GET: APIRoute; OPTIONS: APIRoute } {
  return {
    GET: async (context) => {
      try {
        return await answerGet(context, answer);
      } catch (error) {
        console.error(`Open-data-API: fout bij ${context.url.pathname}:`, error);
        return refuse(context, 'serverfout', 'Er ging aan onze kant iets mis. Probeer het later opnieuw; blijft het gebeuren, meld het dan.');
      }
    },
    OPTIONS: ({ request }) => new Response(null, { status: 204, headers: preflightHeaders(request) }),
  };
}

/** The answer for a dataset name that is not in the registry. */
export function unknownDataset(name: string | undefined, known: readonly { name: string }[]): ApiAnswer {
  return { ok: false, kind: 'niet-gevonden', detail: `Er is geen dataset "${(name ?? '').slice(0, 60)}". De datasets: ${known.map((dataset) => dataset.name).join(', ')}.` };
}

/** The answer for an address under /api/v1 that is neither a list nor an item. */
export function unknownAddress(known: readonly { name: string }[]): ApiAnswer {
  return { ok: false, kind: 'niet-gevonden', detail: `Dit adres bestaat niet in de API. Een lijst staat op ${API_BASE_PATH}/<dataset>, een item op ${API_BASE_PATH}/<dataset>/<id>; de datasets: ${known.map((dataset) => dataset.name).join(', ')}.` };
}

/** A list page's result as the answer. */
export function fromListPage(page: ListPageResult): ApiAnswer {
  if (page.ok) return { ok: true, body: page.body, lastModified: page.lastModified, next: page.nextHref };
  if (page.reason === 'cursor') return { ok: false, kind: 'ongeldige-cursor', detail: page.message, invalidParams: [{ name: 'cursor', reason: page.message }] };
  const count = page.problems.length;
  return {
    ok: false,
    kind: 'ongeldige-parameter',
    detail: `Dit verzoek kan zo niet worden beantwoord: ${count} ${count === 1 ? 'parameter klopt' : 'parameters kloppen'} niet.`,
    invalidParams: page.problems.map((problem) => ({ name: problem.parameter, reason: problem.message })),
  };
}

/** An item's result as the answer. */
export function fromItem(item: ItemResult): ApiAnswer {
  if (item.ok) return { ok: true, body: item.body, lastModified: item.lastModified };
  return { ok: false, kind: 'niet-gevonden', detail: 'Er is geen openbaar item met dit id in deze dataset.' };
}

/** For addresses that take no query parameters (an item, the entry, the document): the refusal when there are some. */
export function refuseParameters(url: URL): ApiAnswer | undefined {
  const names = [...new Set(url.searchParams.keys())];
  if (names.length === 0) return undefined;
  return {
    ok: false,
    kind: 'ongeldige-parameter',
    detail: 'Dit adres neemt geen parameters aan.',
    invalidParams: names.map((name) => ({ name: name.slice(0, 60), reason: 'Onbekende parameter: alleen een lijst heeft filters, limit en cursor.' })),
  };
}

/** An address without parameters whose answer is `body` (the entry, the document). */
export function fixedResource(body: (deps: Deps) => unknown | Promise<unknown>): { GET: APIRoute; OPTIONS: APIRoute } {
  return openDataEndpoint(async ({ url }, deps) => refuseParameters(url) ?? { ok: true, body: await body(deps) });
}
