/**
 * The open-data API as a developer meets it, on the built server: the OpenAPI document is valid
 * OpenAPI 3.1, every dataset's answers (list, item, 304, 400, 404, 406, 429) are what the
 * document says, paging sees every row once while a pitch is published mid-walk, a script on
 * another site can read it (CORS), and the examples on /api/ work as pasted.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { Validator } from '@seriousme/openapi-schema-validator';
import { connectBrowser, openPage } from './browser.ts';
import { publishedPitch } from './offers-support.ts';
import {
  api,
  apiGet,
  datasetsOf,
  documentChecker,
  fetchDocument,
  filtersOf,
  freshIp,
  onTestServer,
  seedDemoData,
  seededMemberEmail,
  type ApiDocument,
  type DocumentChecker,
} from './open-data-api-support.ts';

let document: ApiDocument;
let checker: DocumentChecker;

beforeAll(async () => {
  await seedDemoData();
  document = await fetchDocument();
  checker = documentChecker(document);
});

/** GET `url`, read the body, and check the answer against the document's operation at `template`. */
async function conforming(template: string, url: string, headers: Record<string, string> = {}, ip?: string) {
  const response = await apiGet(url, headers, ip);
  const body = await response.text();
  expect(checker.problems(template, response, body), `${url} (${response.status}): ${body.slice(0, 300)}`).toEqual([]);
  return { response, body, json: body ? (JSON.parse(body) as Record<string, unknown>) : undefined };
}

interface ListBody {
  totaal: number;
  items: { _links: { self: { href: string } } }[];
  _links: { self: { href: string }; next?: { href: string } };
}

describe('het OpenAPI-document', () => {
  test('is geldig OpenAPI 3.1 (volgens het schema van OpenAPI zelf)', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  test('beschrijft elke dataset met lijst en item, de CC BY 4.0-licentie en het netwerk als contact', () => {
    const info = (document as unknown as { info: { license: { identifier: string }; contact: { email: string } } }).info;
    expect(info.license.identifier).toBe('CC-BY-4.0');
    expect(info.contact.email).toMatch(/@/);
    expect(document.servers[0]!.url).toMatch(/\/api\/v1$/);
    const datasets = datasetsOf(document);
    expect(datasets.length).toBeGreaterThanOrEqual(2);
    for (const dataset of datasets) {
      const responses = document.paths[`/${dataset}`]!.get.responses;
      expect(Object.keys(responses).sort()).toEqual(['200', '304', '400', '406', '429', '500']);
      expect(Object.keys(document.paths[`/${dataset}/{id}`]!.get.responses).sort()).toEqual(['200', '304', '400', '404', '406', '429', '500']);
    }
    // 429 promises Retry-After, as the API sends it.
    expect(document.components.responses.TeVeelVerzoeken!.headers!['Retry-After']).toEqual({ $ref: '#/components/headers/RetryAfter' });
  });

  test('de voorbeelden in het document kloppen met hun eigen schema', () => {
    let examples = 0;
    for (const item of [...Object.values(document.paths).map((path) => path.get.responses), document.components.responses]) {
      for (const response of Object.values(item)) {
        for (const media of Object.values((response as { content?: Record<string, { schema: Record<string, unknown>; examples?: Record<string, { value: unknown }> }> }).content ?? {})) {
          for (const example of Object.values(media.examples ?? {})) {
            examples++;
            expect(checker.schemaProblems(media.schema, example.value)).toEqual([]);
          }
        }
      }
    }
    // Problems of every kind, and a page and an item of every dataset (all have rows: the demo data).
    expect(examples).toBeGreaterThanOrEqual(5 + 2 * datasetsOf(document).length);
    // The checker is not vacuous: an answer without its licence, or a problem without status, fails.
    const list = document.paths[`/${datasetsOf(document)[0]}`]!.get.responses['200'] as unknown as { content: Record<string, { schema: Record<string, unknown>; examples: Record<string, { value: Record<string, unknown> }> }> };
    const { licentie: _dropped, ...withoutLicence } = list.content['application/json']!.examples.voorbeeld!.value;
    expect(checker.schemaProblems(list.content['application/json']!.schema, withoutLicence)).not.toEqual([]);
    expect(checker.schemaProblems({ $ref: '#/components/schemas/Probleem' }, { type: 'https://x.example/', title: 'x', detail: 'x', instance: '/' })).not.toEqual([]);
  });
});

describe('elk adres antwoordt zoals het document zegt', () => {
  test('de ingang en het document zelf', async () => {
    const { json } = await conforming('/', api());
    expect((json!.datasets as { naam: string }[]).map((dataset) => dataset.naam)).toEqual(datasetsOf(document));
    await conforming('/openapi.json', api('/openapi.json'));
  });

  test('elke dataset: lijst, item, 304 op de ETag, 400, 404 en 406', async () => {
    for (const dataset of datasetsOf(document)) {
      const list = await conforming(`/${dataset}`, api(`/${dataset}?limit=2`));
      const page = list.json as unknown as ListBody;
      expect(page.items.length, `${dataset} heeft rijen (demodata)`).toBeGreaterThan(0);
      expect(list.response.headers.get('link')).toContain('rel="license"');
      if (page.totaal > 2) expect(list.response.headers.get('link')).toContain(`<${page._links.next!.href}>; rel="next"`);

      // 304: the same question with the ETag it got; the weak form and a list count too (RFC 9110 weak comparison).
      const etag = list.response.headers.get('etag')!;
      expect(etag).toMatch(/^"[^"]+"$/);
      for (const ifNoneMatch of [etag, `W/${etag}`, `"ander", ${etag}`, '*']) {
        const again = await conforming(`/${dataset}`, api(`/${dataset}?limit=2`), { 'if-none-match': ifNoneMatch });
        expect(again.response.status).toBe(304);
      }
      const lastModified = list.response.headers.get('last-modified');
      if (lastModified) expect((await conforming(`/${dataset}`, api(`/${dataset}?limit=2`), { 'if-modified-since': lastModified })).response.status).toBe(304);

      const itemHref = onTestServer(page.items[0]!._links.self.href);
      const item = await conforming(`/${dataset}/{id}`, itemHref);
      expect(item.response.status).toBe(200);
      const itemEtag = item.response.headers.get('etag')!;
      expect((await conforming(`/${dataset}/{id}`, itemHref, { 'if-none-match': itemEtag })).response.status).toBe(304);

      const unknown = await conforming(`/${dataset}`, api(`/${dataset}?onbekend=1&limit=500`));
      expect(unknown.response.status).toBe(400);
      expect((unknown.json!['invalid-params'] as { name: string }[]).map((parameter) => parameter.name).sort()).toEqual(['limit', 'onbekend']);
      expect((await conforming(`/${dataset}`, api(`/${dataset}`), { 'if-none-match': 'geen-etag' })).response.status).toBe(400);
      expect((await conforming(`/${dataset}/{id}`, api(`/${dataset}/bestaat-niet-${Date.now()}`))).response.status).toBe(404);
      expect((await conforming(`/${dataset}`, api(`/${dataset}`), { accept: 'text/csv' })).response.status).toBe(406);
    }
  });

  test('een filter met een waarde van de site geeft alleen wat de site met dat filter toont', async () => {
    for (const dataset of datasetsOf(document)) {
      for (const filter of filtersOf(document, dataset).filter((parameter) => parameter.values.length > 0).slice(0, 3)) {
        const { response } = await conforming(`/${dataset}`, api(`/${dataset}?${new URLSearchParams({ [filter.name]: filter.values[0]! })}`));
        expect(response.status).toBe(200);
      }
    }
  });

  test('na de limiet per netwerk: 429 met Retry-After, ook voor een /64-buur in IPv6', async () => {
    const network = `2001:db8:4e:${Math.floor(Math.random() * 0xffff).toString(16)}`;
    let refused: { response: Response; body: string } | undefined;
    for (let i = 0; i < 200 && !refused; i++) {
      // Every address of the /64 draws from one bucket.
      const response = await apiGet(api(), {}, `${network}::${(i + 1).toString(16)}`);
      const body = await response.text();
      if (response.status === 429) refused = { response, body };
      else expect(response.status).toBe(200);
    }
    expect(refused, 'de limiet gaat ergens in').toBeDefined();
    const { response, body } = refused!;
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(checker.problems('/', response, body)).toEqual([]);
    expect(JSON.parse(body).title).toBe('Te veel verzoeken');
    // Another network is not affected.
    expect((await apiGet(api(), {}, freshIp())).status).toBe(200);
  });

  test('andere methoden: 405 als problem+json met Allow; OPTIONS beantwoordt een CORS-preflight', async () => {
    const post = await fetch(api('/pitches'), { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': freshIp() }, body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(post.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(post.headers.get('access-control-allow-origin')).toBe('*');
    expect(checker.schemaProblems({ $ref: '#/components/schemas/Probleem' }, await post.json())).toEqual([]);

    const preflight = await fetch(api('/pitches'), {
      method: 'OPTIONS',
      headers: { origin: 'https://gemeente.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match', 'x-forwarded-for': freshIp() },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('if-none-match');
  });

  test('een adres onder /api/v1 dat niet bestaat: 404 als problem+json, niet de HTML-pagina', async () => {
    const response = await apiGet(api('/pitches/een/twee'));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(checker.schemaProblems({ $ref: '#/components/schemas/Probleem' }, await response.json())).toEqual([]);
  });
});

describe('bladeren', () => {
  test('elke rij één keer, zonder gaten, ook als er intussen een pitch gepubliceerd wordt', async () => {
    // Enough pitches for several pages of two.
    for (let i = 0; i < 3; i++) await publishedPitch(seededMemberEmail(), `Werk in de Poelenbrug, deel ${i + 1}`);
    const everything = (await (await apiGet(api('/pitches?limit=200'))).json()) as ListBody;
    const before = everything.items.map((item) => item._links.self.href);
    expect(before.length).toBeGreaterThanOrEqual(5);

    const walked: string[] = [];
    let next: string | undefined = api('/pitches?limit=2');
    let newcomer: string | undefined;
    let pages = 0;
    while (next) {
      const { json } = await conforming('/pitches', next);
      const page = json as unknown as ListBody;
      walked.push(...page.items.map((item) => item._links.self.href));
      // After the first page a new pitch goes to the top of the newest-first list.
      newcomer ??= await publishedPitch(seededMemberEmail(), 'Nieuw tijdens het bladeren');
      next = page._links.next ? onTestServer(page._links.next.href) : undefined;
      pages++;
    }
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(walked).toEqual(before);
    // A new walk starts with it.
    const fresh = (await (await apiGet(api('/pitches?limit=1'))).json()) as ListBody;
    expect(fresh.items[0]!._links.self.href).toMatch(new RegExp(`/pitches/${newcomer}$`));
  });

  test('een veranderde cursor, of een cursor met andere filters, geeft 400 met uitleg', async () => {
    const first = (await (await apiGet(api('/pitches?limit=1'))).json()) as ListBody;
    const next = new URL(first._links.next!.href);
    const cursor = next.searchParams.get('cursor')!;
    const tampered = `${cursor.slice(0, -1)}${cursor.endsWith('A') ? 'B' : 'A'}`;
    for (const query of [`limit=1&cursor=${tampered}`, `limit=1&status=gesloten&cursor=${cursor}`, 'cursor=niet-van-ons']) {
      const { response, json } = await conforming('/pitches', api(`/pitches?${query}`));
      expect(response.status).toBe(400);
      expect(json!.type).toMatch(/\/api\/#ongeldige-cursor$/);
    }
  });
});

describe('vanuit de browser op een andere website', () => {
  let browser: Browser;
  let otherSite: Server;
  let otherOrigin = '';
  beforeAll(async () => {
    browser = await connectBrowser();
    // A page of another origin: its own server on another port, without the site's CSP.
    otherSite = createServer((_request, response) => response.end('<!doctype html><html lang="nl"><title>Gemeentesite</title><p>Onze pitches</p></html>'));
    await new Promise<void>((resolve) => otherSite.listen(0, '127.0.0.1', resolve));
    otherOrigin = `http://127.0.0.1:${(otherSite.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => otherSite?.close(resolve));
  });

  test('fetch leest de lijst, de ETag, een 304 en een foutmelding zonder CORS-blokkade', async () => {
    // No client address header here: an extra request header would need a preflight of its own.
    const { context, page } = await openPage(browser);
    await page.goto(otherOrigin);
    const result = await page.evaluate(async (url) => {
      const list = await fetch(`${url}/pitches?limit=1`);
      const body = await list.json();
      const etag = list.headers.get('etag');
      // If-None-Match is not a safelisted header: this one goes through a preflight first.
      const again = await fetch(`${url}/pitches?limit=1`, { headers: { 'If-None-Match': etag ?? '' }, cache: 'no-store' });
      const refused = await fetch(`${url}/pitches?onbekend=1`);
      return { status: list.status, items: body.items.length, etag, link: list.headers.get('link'), againStatus: again.status, refusedStatus: refused.status, detail: (await refused.json()).detail };
    }, api());
    expect(result.status).toBe(200);
    expect(result.items).toBe(1);
    expect(result.etag).toMatch(/^"/);
    expect(result.link).toContain('rel="next"');
    expect(result.againStatus).toBe(304);
    expect(result.refusedStatus).toBe(400);
    expect(result.detail).toMatch(/parameter/);
    await context.close();
  });
});

describe('de API-pagina', () => {
  test('het type van elk probleem opent zijn uitleg op /api/', async () => {
    const html = await (await fetch(onTestServer('http://x/api/'))).text();
    const types = Object.values(document.components.responses).flatMap((response) =>
      Object.values((response as { content?: Record<string, { examples?: Record<string, { value: { type: string } }> }> }).content ?? {}).flatMap((media) => Object.values(media.examples ?? {}).map((example) => example.value.type)),
    );
    const cursor = (await (await apiGet(api('/pitches?cursor=x.y'))).json()) as { type: string };
    const method = (await (await fetch(api('/pitches'), { method: 'DELETE', headers: { 'x-forwarded-for': freshIp() } })).json()) as { type: string };
    for (const type of [...types, cursor.type, method.type]) {
      const anchor = new URL(type).hash.slice(1);
      expect(anchor, type).not.toBe('');
      expect(html, type).toContain(`id="${anchor}"`);
    }
  });

  test('elk voorbeeldadres op /api/ werkt zoals het er staat', async () => {
    const html = await (await fetch(`${onTestServer('http://x/api/')}`)).text();
    const blocks = [...html.matchAll(/<pre[^>]*data-api-example[^>]*>\s*<code[^>]*>([\s\S]*?)<\/code>\s*<\/pre>/g)].map((match) => match[1]!.replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/&quot;/g, '"'));
    expect(blocks.length).toBeGreaterThanOrEqual(datasetsOf(document).length + 4);
    const addresses = blocks.flatMap((block) => [...block.matchAll(/'(https?:\/\/[^']+)'/g)].map((match) => match[1]!));
    expect(addresses.length).toBeGreaterThanOrEqual(blocks.length);
    for (const address of addresses) {
      const url = new URL(address);
      const template = url.pathname === '/api/v1' ? '/' : url.pathname.slice('/api/v1'.length);
      const { response } = await conforming(template, onTestServer(address));
      expect(response.status, address).toBe(200);
    }
  });
});
