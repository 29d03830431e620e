/**
 * Home of the public page cache: on-demand pages that look the same to every visitor (the pitch
 * list, a pitch page, search, the home page, organisation pages, feeds, the filtered case list,
 * the embeds) are rendered once per state of the marketplace and served from memory until that
 * state changes. The state is one number in the
 * database (data_versions, moved by triggers on every write to pitches, facets and offers) plus
 * today's date in Amsterdam (closing dates pass at midnight), so every instance sees a change
 * at once and nothing goes stale. Only for visitors without a session, only GET/HEAD, only 200
 * responses that set no cookie; bounded in entries and bytes so random query strings cannot
 * fill memory. Pages carry an ETag, and a matching If-None-Match gets 304.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { amsterdamDate } from '#domain/amsterdam-time.ts';

/** Paths whose on-demand pages are the same for every visitor without a session. */
const PUBLIC_PREFIXES = ['/pitches/', '/zoeken/', '/organisaties/', '/sitemap-pitches.xml', '/embed/'];
// The case list depends only on the built content, but filtering all cases and counting every
// facet per request made it the slowest public page under load (npm run bench).
const PUBLIC_EXACT = new Set(['/', '/praktijkvoorbeelden/', '/resultaten/']);
/** Personal or per-form pages under /pitches/: never cached. */
const PERSONAL = /^\/pitches\/(nieuw\/|[^/]+\/(bewerken|voorbeeld|meedoen|aanbod|resultaat|werkgevers)(\/|\.csv))/;

/**
 * Query parameters the public pages read. A request with any other parameter, a long value or
 * many parameters renders but is not kept: random query strings cannot push real pages out.
 */
const KNOWN_PARAMETERS = new Set(['gemeente', 'provincie', 'regio', 'doelgroep', 'sector', 'hulp', 'status', 'sorteer', 'pagina', 'q', 'soort', 'instrument', 'stijl', 'met']);
const MAX_PARAMETERS = 10;
const MAX_VALUE_LENGTH = 100;

const MAX_ENTRIES = 500;
const MAX_ENTRY_BYTES = 512 * 1024;

interface Entry {
  body: Uint8Array<ArrayBuffer>;
  /** The same body gzipped once, so a cached page costs no compression per request. */
  gzipped?: Uint8Array<ArrayBuffer>;
  headers: [string, string][];
  etag: string;
}

/** May this request be answered from (or stored in) the cache? */
export function cacheable(request: { method: string }, url: URL, hasSession: boolean): boolean {
  if (hasSession || (request.method !== 'GET' && request.method !== 'HEAD')) return false;
  if (url.searchParams.has('_action')) return false;
  const path = url.pathname;
  if (PERSONAL.test(path)) return false;
  const parameters = [...url.searchParams];
  if (parameters.length > MAX_PARAMETERS || parameters.some(([name, value]) => !KNOWN_PARAMETERS.has(name) || value.length > MAX_VALUE_LENGTH)) return false;
  return PUBLIC_EXACT.has(path) || PUBLIC_PREFIXES.some((prefix) => path.startsWith(prefix));
}

/** The marketplace's state: one primary-key read. */
export async function marketplaceVersion(db: Database): Promise<number> {
  const [row] = await db.all<{ version: number }>(sql`select version from data_versions where name = 'marketplace'`);
  return row?.version ?? 0;
}

/** A small LRU map: the oldest entry goes when a new one does not fit. */
export class PageCache {
  #entries = new Map<string, Entry>();
  #bytes = 0;
  readonly maxEntries: number;
  readonly maxBytes: number;

  constructor(maxEntries = MAX_ENTRIES, maxBytes = MAX_ENTRIES * 64 * 1024) {
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: string): Entry | undefined {
    const entry = this.#entries.get(key);
    if (entry) {
      // Most recently used goes to the end.
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: Entry): void {
    if (entry.body.byteLength > MAX_ENTRY_BYTES) return;
    const old = this.#entries.get(key);
    if (old) {
      this.#bytes -= old.body.byteLength;
      this.#entries.delete(key);
    }
    this.#entries.set(key, entry);
    this.#bytes += entry.body.byteLength;
    for (const [oldest, value] of this.#entries) {
      if (this.#entries.size <= this.maxEntries && this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= value.body.byteLength;
    }
  }
}

/**
 * The cache lives on globalThis: server.mjs answers hits itself, before Astro (src/web/cached-pages.ts),
 * from its own copy of this module, while the built app's bundled copy stores what it renders.
 * `generation` moves when the served build changes, so a page rendered by the old build while
 * the switch happened is not kept.
 */
interface SharedStore {
  cache: PageCache;
  generation: number;
}
const STORE = Symbol.for('praktijkplein.page-cache');

function shared(): SharedStore {
  const holder = globalThis as typeof globalThis & { [STORE]?: SharedStore };
  holder[STORE] ??= { cache: new PageCache(), generation: 0 };
  return holder[STORE];
}

/** Forgets every page: the served build changed (its content, its stylesheet names). */
export function clearPageCache(): void {
  const store = shared();
  store.cache = new PageCache();
  store.generation++;
}

/** The key: what the page depends on (the state, the day, the address). */
export function cacheKey(version: number, now: Date, url: URL): string {
  // The same question in another order is the same page.
  const query = [...url.searchParams].sort(([a, x], [b, y]) => a.localeCompare(b) || x.localeCompare(y));
  return `${version}|${amsterdamDate(now)}|${url.pathname}?${new URLSearchParams(query)}`;
}

/** What a request brings that the answer from the cache depends on. */
export interface CacheQuestion {
  method: string;
  ifNoneMatch?: string | null;
  acceptEncoding?: string | null;
}

/** A cached page's answer, as plain values for a Response or a Node response alike. */
export interface CachedAnswer {
  status: 200 | 304;
  headers: Record<string, string>;
  body: Uint8Array | null;
}

/** The answer for a cached page (gzipped when the browser takes it), or 304 when the browser already has it. */
function answer(entry: Entry, question: CacheQuestion): CachedAnswer {
  const headers: Record<string, string> = {};
  for (const [name, value] of entry.headers) if (name !== 'content-length') headers[name] = value;
  headers.etag = entry.etag;
  // A shared cache in front must ask again each time, and keep signed-in pages apart; a page
  // that says itself how long it may be kept (an embed on another site) keeps its own word.
  headers['cache-control'] ??= 'no-cache';
  headers.vary = 'Accept-Encoding, Cookie';
  if (question.ifNoneMatch === entry.etag) return { status: 304, headers, body: null };
  const gzip = entry.gzipped && /\bgzip\b/.test(question.acceptEncoding ?? '');
  if (gzip) headers['content-encoding'] = 'gzip';
  return { status: 200, headers, body: question.method === 'HEAD' ? null : gzip ? entry.gzipped! : entry.body };
}

const asResponse = ({ status, headers, body }: CachedAnswer) => new Response(body as Uint8Array<ArrayBuffer> | null, { status, headers });

const questionOf = (request: Request): CacheQuestion => ({
  method: request.method,
  ifNoneMatch: request.headers.get('if-none-match'),
  acceptEncoding: request.headers.get('accept-encoding'),
});

/** The cached answer for a request the caller found `cacheable`, or undefined when the page is not (or no longer) kept. */
export async function cachedAnswer(db: Database, url: URL, question: CacheQuestion, now = new Date(), store = shared().cache): Promise<CachedAnswer | undefined> {
  const hit = store.get(cacheKey(await marketplaceVersion(db), now, url));
  return hit && answer(hit, question);
}

/**
 * Serves the page from the cache, or renders it with `render` and keeps it when it may be kept.
 * `render` is the rest of the middleware chain.
 */
export async function withPageCache(db: Database, request: Request, url: URL, render: () => Promise<Response>, now = new Date(), store = shared().cache): Promise<Response> {
  const key = cacheKey(await marketplaceVersion(db), now, url);
  const hit = store.get(key);
  if (hit) return asResponse(answer(hit, questionOf(request)));
  const generation = shared().generation;
  const response = await render();
  if (response.status !== 200 || response.headers.has('set-cookie') || request.method !== 'GET') return response;
  // Rendered by a build that is no longer served: give it, do not keep it.
  if (shared().generation !== generation) return response;
  const body = new Uint8Array(await response.arrayBuffer());
  const gzipped = body.byteLength > 1024 ? new Uint8Array(gzipSync(body)) : undefined;
  const entry: Entry = { body, gzipped, headers: [...response.headers.entries()], etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
  store.set(key, entry);
  return asResponse(answer(entry, questionOf(request)));
}
