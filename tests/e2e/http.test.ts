/**
 * HTTP behaviour of the built server: compression, caching, headers, feeds, no JavaScript on
 * content pages; methods and body sizes.
 */
import http from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { baseURL } from './browser.ts';
import { sharedServer } from './shared-server.ts';
import { sessionCookie } from './session-support.ts';

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${baseURL()}${path}`, { headers });

describe('server', () => {
  test('HTML wordt gecomprimeerd verstuurd', async () => {
    const response = await get('/praktijkvoorbeelden/postnl-pakketsorteercentra/', { 'accept-encoding': 'gzip' });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    // On-demand pages are compressed per request.
    const onDemand = await get('/', { 'accept-encoding': 'gzip' });
    expect(onDemand.headers.get('content-encoding')).toBe('gzip');
  });

  test('een vooraf gebouwde pagina komt als brotli, gzip of ongecomprimeerd, met dezelfde headers', async () => {
    const path = '/praktijkvoorbeelden/postnl-pakketsorteercentra/';
    const br = await raw('GET', path, { headers: { 'accept-encoding': 'br' } });
    const gz = await raw('GET', path, { headers: { 'accept-encoding': 'gzip' } });
    const plain = await raw('GET', path);
    expect(br.headers['content-encoding']).toBe('br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    // The same page in each: the copies were made from the file, not from something older.
    const html = plain.bytes.toString('utf8');
    expect(html).toContain('</html>');
    expect(brotliDecompressSync(br.bytes).toString('utf8')).toBe(html);
    expect(gunzipSync(gz.bytes).toString('utf8')).toBe(html);
    for (const answer of [br, gz, plain]) {
      expect(answer.headers.vary).toContain('Accept-Encoding');
      expect(answer.headers['content-type']).toMatch(/^text\/html; ?charset=utf-8$/);
      for (const name of ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'cross-origin-opener-policy', 'permissions-policy', 'x-frame-options', 'cache-control']) {
        expect(answer.headers[name], name).toBe(plain.headers[name]);
        expect(answer.headers[name], name).toBeTruthy();
      }
      // Sent as the file is: a known length, not compressed again per request (chunked).
      expect(Number(answer.headers['content-length'])).toBe(answer.bytes.length);
    }
    expect(br.bytes.length).toBeLessThan(gz.bytes.length);
  });

  test('gehashte bestanden worden een jaar gecachet, pagina’s worden opnieuw gevalideerd', async () => {
    const prerendered = '/praktijkvoorbeelden/postnl-pakketsorteercentra/';
    const html = await (await get(prerendered)).text();
    const css = html.match(/href="(\/_astro\/[^"]+\.css)"/)?.[1];
    expect(css).toBeTruthy();
    const asset = await get(css!);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await get(prerendered)).headers.get('cache-control')).toContain('max-age=0');
    // On-demand pages (the home page shows featured pitches) are never stored by a shared cache.
    expect((await get('/')).headers.get('cache-control')).toBe('no-cache');
  });

  test.each(['/praktijkvoorbeelden/postnl-pakketsorteercentra/', '/'])('beveiligingsheaders op %s (vooraf gebouwd en op aanvraag)', async (path) => {
    const response = await get(path);
    const csp = response.headers.get('content-security-policy') ?? '';
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) {
      expect(csp).toContain(directive);
    }
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBeTruthy();
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  test('een openbare pagina uit de paginacache: dezelfde inhoud en headers als gerenderd, 304 op haar ETag, en nooit voor wie een sessie heeft', async () => {
    // A query of its own, so the first request renders the page and the next ones are hits.
    const path = `/pitches/?doelgroep=jongeren&pagina=${1 + (Date.now() % 97)}`;
    const rendered = await raw('GET', path);
    const hit = await raw('GET', path);
    const zipped = await raw('GET', path, { headers: { 'accept-encoding': 'gzip' } });
    const head = await raw('HEAD', path);
    expect([rendered.status, hit.status, zipped.status, head.status]).toEqual([200, 200, 200, 200]);
    expect(hit.body).toBe(rendered.body);
    expect(gunzipSync(zipped.bytes).toString('utf8')).toBe(rendered.body);
    expect(hit.headers['content-length']).toBe(String(hit.bytes.length));
    expect(head.bytes.length).toBe(0);
    for (const answer of [hit, zipped, head]) {
      expect(answer.headers.etag).toBe(rendered.headers.etag);
      for (const name of ['content-type', 'content-security-policy', 'x-frame-options', 'cache-control', 'vary']) expect(answer.headers[name], name).toBe(rendered.headers[name]);
    }
    expect((await raw('GET', path, { headers: { 'if-none-match': rendered.headers.etag as string } })).status).toBe(304);
    // A session cookie (valid or not) always goes past the cache: the page is rendered for that visitor, without an ETag.
    const withSession = await raw('GET', path, { headers: { cookie: `${sessionCookie}=onbekend` } });
    expect(withSession.status).toBe(200);
    expect(withSession.headers.etag).toBeUndefined();
  });

  test('inhoudspagina’s sturen geen JavaScript mee (alleen JSON-LD, dat de browser niet uitvoert)', async () => {
    for (const path of ['/', '/praktijkvoorbeelden/postnl-pakketsorteercentra/', '/instrumenten/basisbaan/', '/organisaties/postnl/', '/kaart/', '/over/']) {
      const html = await (await get(path)).text();
      const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
      expect(scripts.filter((tag) => tag !== '<script type="application/ld+json">'), path).toEqual([]);
    }
  });

  test('de RSS-feed bevat de praktijkvoorbeelden', async () => {
    const response = await get('/rss.xml');
    expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const xml = await response.text();
    expect(xml).toContain('<link>http');
    expect(xml).toContain('/praktijkvoorbeelden/postnl-pakketsorteercentra/');
    expect(xml.match(/<item>/g)?.length).toBeGreaterThanOrEqual(7);
  });

  test('de sitemap noemt de inhoudspagina’s', async () => {
    const indexResponse = await get('/sitemap-index.xml');
    expect(indexResponse.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const index = await indexResponse.text();
    const first = index.match(/<loc>[^<]*\/(sitemap-0\.xml)<\/loc>/)?.[1];
    const sitemapResponse = await get(`/${first}`);
    expect(sitemapResponse.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const sitemap = await sitemapResponse.text();
    expect(sitemap).toContain('/praktijkvoorbeelden/postnl-pakketsorteercentra/');
    expect(sitemap).toContain('/instrumenten/basisbaan/');
  });
});

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  bytes: Buffer;
  /** Body bytes the client had handed to the socket when the answer's headers arrived. */
  sentBeforeAnswer: number;
}

/**
 * A request through node:http: fetch refuses TRACE, and cannot show how much of a large body
 * was sent before the server answered. `body` may be a string or a generator of chunks
 * (sent chunked when no content-length header is given); writing stops once the answer is in.
 */
function raw(method: string, path: string, options: { headers?: Record<string, string>; body?: string | (() => Generator<Buffer>) } = {}): Promise<RawAnswer> {
  const url = new URL(path, baseURL());
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request(url, { method, agent: false, headers: { origin: baseURL(), 'sec-fetch-site': 'same-origin', ...options.headers } }, (res) => {
      answered = true;
      const sentBeforeAnswer = sent;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: res.statusCode!, headers: res.headers, body: bytes.toString('utf8'), bytes, sentBeforeAnswer });
      });
      res.on('error', reject);
    });
    // The server closes the connection after refusing a body: a write after that may fail.
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const body = options.body;
    if (body === undefined) return void req.end();
    if (typeof body === 'string') return void req.end(body);
    const chunks = body();
    const pump = () => {
      for (;;) {
        if (answered || req.destroyed) return void req.destroy();
        const next = chunks.next();
        if (next.done) return void req.end();
        sent += next.value.length;
        // Like a browser, read while writing: give the answer a turn between chunks.
        if (!req.write(next.value)) return void req.once('drain', () => setImmediate(pump));
      }
    };
    pump();
  });
}

const form = { 'content-type': 'application/x-www-form-urlencoded' };
let ipCounter = 0;
const freshIp = () => `10.61.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

describe('grote verzoeken (punt 3)', () => {
  test('een urlencoded POST van 1 MB krijgt 413, zonder dat de server hem leest', async () => {
    const body = `email=${'a'.repeat(1024 * 1024)}&password=x`;
    const answer = await raw('POST', '/account/inloggen/?_action=account.login', {
      headers: { ...form, 'content-length': String(Buffer.byteLength(body)), 'x-forwarded-for': freshIp() },
      body,
    });
    expect(answer.status).toBe(413);
    expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(answer.body).toContain('te groot');
    expect(answer.body).not.toMatch(/at .*\.m?js/);
  });

  test('een chunked POST zonder Content-Length krijgt 413 zodra hij te groot wordt, lang voor het einde', async () => {
    const total = 100 * 1024 * 1024;
    const piece = Buffer.alloc(64 * 1024, 'a');
    const answer = await raw('POST', '/account/inloggen/?_action=account.login', {
      headers: { ...form, 'x-forwarded-for': freshIp() },
      body: function* () {
        yield Buffer.from('email=');
        for (let sent = 0; sent < total; sent += piece.length) yield piece;
      },
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toContain('te groot');
    // The answer came while the client was still sending: the server stopped reading early.
    expect(answer.sentBeforeAnswer).toBeLessThan(total / 4);
  });

  test('daarna draait de server gewoon door, en een normaal formulier werkt (ook chunked)', async () => {
    expect((await get('/')).status).toBe(200);
    for (const chunked of [false, true]) {
      const body = 'email=iemand%40voorbeeld.nl&password=niet-het-goede-wachtwoord';
      const answer = await raw('POST', '/account/inloggen/?_action=account.login', {
        headers: { ...form, 'x-forwarded-for': freshIp(), ...(chunked ? {} : { 'content-length': String(body.length) }) },
        body: chunked ? function* () { yield Buffer.from(body.slice(0, 10)); yield Buffer.from(body.slice(10)); } : body,
      });
      expect(answer.status, chunked ? 'chunked' : 'met Content-Length').toBe(401);
      expect(answer.body).toContain('klopt niet');
      // The page read the (small) body again to put the address back in the field.
      expect(answer.body).toContain('value="iemand@voorbeeld.nl"');
    }
  });
});

describe('methoden (punt 9)', () => {
  const log = () => readFileSync(sharedServer().serverLog, 'utf8');

  test('TRACE geeft 405 met Allow op elke soort adres, zonder stacktrace in het log', async () => {
    const before = log().length;
    for (const [path, allow] of [
      ['/', 'GET, HEAD'],
      ['/over/', 'GET, HEAD'],
      ['/account/inloggen/', 'GET, HEAD, POST'],
      ['/praktijkvoorbeelden/', 'GET, HEAD'],
      ['/bestaat-niet/', 'GET, HEAD'],
    ]) {
      const answer = await raw('TRACE', path);
      expect(answer.status, path).toBe(405);
      expect(answer.headers.allow, path).toBe(allow);
    }
    const added = log().slice(before);
    expect(added).not.toMatch(/TypeError|Could not render|\n\s+at /);
  });

  test.each(['PUT', 'DELETE', 'PATCH', 'OPTIONS'])('%s op een pagina op aanvraag geeft 405 met Allow, niet de pagina', async (method) => {
    const withForms = await raw(method, '/account/inloggen/', { headers: form, body: '' });
    expect(withForms.status).toBe(405);
    expect(withForms.headers.allow).toBe('GET, HEAD, POST');
    expect(withForms.body).not.toContain('<html');
    const withoutForms = await raw(method, '/praktijkvoorbeelden/', { headers: form, body: '' });
    expect(withoutForms.status).toBe(405);
    expect(withoutForms.headers.allow).toBe('GET, HEAD');
  });

  test('een API-route staat alleen haar eigen methoden toe', async () => {
    const answer = await raw('POST', '/account/gegevens.json', { headers: form, body: '' });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET, HEAD');
  });

  test('POST naar een vooraf gebouwde pagina of een bestand geeft 405 met Allow: GET, HEAD', async () => {
    const css = (await (await get('/')).text()).match(/href="(\/_astro\/[^"]+\.css)"/)?.[1];
    expect(css).toBeTruthy();
    for (const path of ['/', '/over/', '/over', '/praktijkvoorbeelden/postnl-pakketsorteercentra/', '/rss.xml', css!]) {
      const answer = await raw('POST', path, { headers: { ...form, 'x-forwarded-for': freshIp() }, body: 'a=b' });
      expect(answer.status, path).toBe(405);
      expect(answer.headers.allow, path).toBe('GET, HEAD');
    }
  });

  test('/_image staat uit: 404', async () => {
    expect((await get('/_image')).status).toBe(404);
    expect((await get('/_image?href=%2Ffavicon.svg&w=100&f=png')).status).toBe(404);
  });

  test('HTML gaat met charset=utf-8, vooraf gebouwd en op aanvraag', async () => {
    for (const path of ['/', '/over/', '/praktijkvoorbeelden/', '/account/inloggen/']) {
      const type = (await get(path)).headers.get('content-type') ?? '';
      expect(type, path).toMatch(/^text\/html;\s*charset=utf-8$/i);
    }
  });

  test('Astro-sessies staan uit: geen sessiedriver in de build en geen sessiecookie', async () => {
    const serverFiles = readdirSync('dist/server', { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.mjs'))
      .map((entry) => join(entry.parentPath, entry.name));
    expect(serverFiles.length).toBeGreaterThan(0);
    const withDriver = serverFiles.filter((file) => /unstorage\/drivers|"sessionConfig":\{/.test(readFileSync(file, 'utf8')));
    expect(withDriver).toEqual([]);
    const answer = await raw('POST', '/account/inloggen/?_action=account.login', {
      headers: { ...form, 'x-forwarded-for': freshIp() },
      body: 'email=iemand%40voorbeeld.nl&password=x',
    });
    expect(String(answer.headers['set-cookie'] ?? '')).not.toMatch(/astro-session/);
  });
});
