/**
 * Home of the public page cache: on-demand pages that look the same to every visitor (the pitch
 * list, a pitch page, search, the home page, organisation pages, feeds, the filtered case list)
 * are rendered once per state of the marketplace and served from memory until that state changes. The state is one number in the
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
const PUBLIC_PREFIXES = ['/pitches/', '/zoeken/', '/organisaties/', '/sitemap-pitches.xml'];
// The case list depends only on the built content, but filtering all cases and counting every
// facet per request made it the slowest public page under load (npm run bench).
const PUBLIC_EXACT = new Set(['/', '/praktijkvoorbeelden/', '/resultaten/']);
/** Personal or per-form pages under /pitches/: never cached. */
const PERSONAL = /^\/pitches\/(nieuw\/|[^/]+\/(bewerken|voorbeeld|meedoen|aanbod|resultaat)(\/|\.csv))/;

/**
 * Query parameters the public pages read. A request with any other parameter, a long value or
 * many parameters renders but is not kept: random query strings cannot push real pages out.
 */
const KNOWN_PARAMETERS = new Set(['gemeente', 'provincie', 'regio', 'doelgroep', 'sector', 'hulp', 'status', 'sorteer', 'pagina', 'q', 'soort', 'instrument']);
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
export function cacheable(request: Request, url: URL, hasSession: boolean): boolean {
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

const cache = new PageCache();

/** The key: what the page depends on (the state, the day, the address). */
export function cacheKey(version: number, now: Date, url: URL): string {
  // The same question in another order is the same page.
  const query = [...url.searchParams].sort(([a, x], [b, y]) => a.localeCompare(b) || x.localeCompare(y));
  return `${version}|${amsterdamDate(now)}|${url.pathname}?${new URLSearchParams(query)}`;
}

/** The response for a cached page (gzipped when the browser takes it), or 304 when the browser already has it. */
function answer(entry: Entry, request: Request): Response {
  const headers = new Headers(entry.headers);
  headers.set('ETag', entry.etag);
  // A shared cache in front must ask again each time, and keep signed-in pages apart.
  headers.set('Cache-Control', 'no-cache');
  headers.set('Vary', 'Accept-Encoding, Cookie');
  if (request.headers.get('if-none-match') === entry.etag) return new Response(null, { status: 304, headers });
  const gzip = entry.gzipped && /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
  if (gzip) headers.set('Content-Encoding', 'gzip');
  headers.delete('content-length');
  return new Response(request.method === 'HEAD' ? null : gzip ? entry.gzipped! : entry.body, { status: 200, headers });
}

/**
 * Serves the page from the cache, or renders it with `render` and keeps it when it may be kept.
 * `render` is the rest of the middleware chain.
 */
export async function withPageCache(db: Database, request: Request, url: URL, render: () => Promise<Response>, now = new Date(), store = cache): Promise<Response> {
  const key = cacheKey(await marketplaceVersion(db), now, url);
  const hit = store.get(key);
  if (hit) return answer(hit, request);
  const response = await render();
  if (response.status !== 200 || response.headers.has('set-cookie') || request.method !== 'GET') return response;
  const body = new Uint8Array(await response.arrayBuffer());
  const gzipped = body.byteLength > 1024 ? new Uint8Array(gzipSync(body)) : undefined;
  const entry: Entry = { body, gzipped, headers: [...response.headers.entries()], etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
  store.set(key, entry);
  return answer(entry, request);
}
