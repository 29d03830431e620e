/** HTTP behaviour of the built server: compression, caching, headers, feeds, no JavaScript on content pages. */
import { describe, expect, test } from 'vitest';
import { baseURL } from './browser.ts';

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${baseURL()}${path}`, { headers });

describe('server', () => {
  test('HTML wordt gecomprimeerd verstuurd', async () => {
    const response = await get('/praktijkvoorbeelden/postnl-pakketsorteercentra/', { 'accept-encoding': 'gzip' });
    expect(response.headers.get('content-encoding')).toBe('gzip');
  });

  test('gehashte bestanden worden een jaar gecachet, pagina’s worden opnieuw gevalideerd', async () => {
    const html = await (await get('/')).text();
    const css = html.match(/href="(\/_astro\/[^"]+\.css)"/)?.[1];
    expect(css).toBeTruthy();
    const asset = await get(css!);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await get('/')).headers.get('cache-control')).toContain('max-age=0');
  });

  test.each(['/', '/praktijkvoorbeelden/'])('beveiligingsheaders op %s (vooraf gebouwd en op aanvraag)', async (path) => {
    const response = await get(path);
    const csp = response.headers.get('content-security-policy') ?? '';
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) {
      expect(csp).toContain(directive);
    }
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBeTruthy();
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  test('inhoudspagina’s sturen geen JavaScript mee', async () => {
    for (const path of ['/', '/praktijkvoorbeelden/postnl-pakketsorteercentra/', '/instrumenten/basisbaan/', '/organisaties/postnl/', '/kaart/', '/over/']) {
      const html = await (await get(path)).text();
      expect(html, path).not.toContain('<script');
    }
  });

  test('de RSS-feed bevat de praktijkvoorbeelden', async () => {
    const response = await get('/rss.xml');
    expect(response.headers.get('content-type')).toContain('xml');
    const xml = await response.text();
    expect(xml).toContain('<link>http');
    expect(xml).toContain('/praktijkvoorbeelden/postnl-pakketsorteercentra/');
    expect(xml.match(/<item>/g)?.length).toBeGreaterThanOrEqual(7);
  });

  test('de sitemap noemt de inhoudspagina’s', async () => {
    const index = await (await get('/sitemap-index.xml')).text();
    const first = index.match(/<loc>[^<]*\/(sitemap-0\.xml)<\/loc>/)?.[1];
    const sitemap = await (await get(`/${first}`)).text();
    expect(sitemap).toContain('/praktijkvoorbeelden/postnl-pakketsorteercentra/');
    expect(sitemap).toContain('/instrumenten/basisbaan/');
  });
});
