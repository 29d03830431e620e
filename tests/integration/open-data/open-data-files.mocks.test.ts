/**
 * The open-data file routes (downloads and the catalogue) at the HTTP edge, without a server: a
 * failure inside one answers a short Dutch text with status 500, readable from another site and
 * never cached, instead of the site's HTML error page; and the catalogue and the downloads draw
 * from one limit per network, whose refusal says how long to wait.
 */
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { APIContext } from 'astro';
import type { Deps } from '#platform/context.ts';
import { limits } from '#platform/auth/rate-limit.ts';
import { openDataCatalogue, openDataFile, openDataFileRoute } from '#web/open-data-files.ts';
import { testDatabase, type TestDb } from '../accounts/helpers.ts';

vi.mock('astro:content', async () => (await import('./content-collections.ts')).astroContent);
// The request's dependencies are the test database's, with the network each test says.
let deps: Deps;
vi.mock('#web/request.ts', () => ({ depsFor: async () => deps }));

let t: TestDb;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t?.cleanup());

/** What a route reads of Astro's context, for `path`. */
function contextFor(path: string, params: Record<string, string> = {}): APIContext {
  const url = new URL(path, 'https://praktijkplein.test');
  return { url, params, request: new Request(url) } as unknown as APIContext;
}

describe('de open-databestanden', () => {
  test('een fout bij het maken van een bestand: 500 met een Nederlandse zin als platte tekst, niet de HTML-foutpagina', async () => {
    deps = t.deps({ ip: '198.51.100.1' });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const route = openDataFileRoute(async () => {
        throw new Error('de database viel weg');
      });
      const response = await route(contextFor('/open-data/pitches.csv', { dataset: 'pitches' }));
      expect(response.status).toBe(500);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const text = await response.text();
      expect(text).toMatch(/^Er ging aan onze kant iets mis bij het maken van dit bestand\. Probeer het later opnieuw/);
      expect(text).not.toContain('de database viel weg');
      expect(logged).toHaveBeenCalledOnce();
    } finally {
      logged.mockRestore();
    }
  });

  test('catalogus en downloads delen één limiet per netwerk; de weigering zegt hoe lang te wachten', async () => {
    deps = t.deps({ ip: '198.51.100.2' });
    const { capacity } = limits.openDataDownloadIp;
    for (let i = 0; i < capacity - 1; i++) expect((await openDataFile('json')(contextFor('/open-data/bronnen.json', { dataset: 'bronnen' }))).status).toBe(200);
    const last = await openDataCatalogue(contextFor('/open-data/catalogus.jsonld'));
    expect(last.status).toBe(200);
    expect(last.headers.get('content-type')).toBe('application/ld+json');
    const refused = await openDataCatalogue(contextFor('/open-data/catalogus.jsonld'));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.text()).toMatch(/^Er zijn vanaf uw netwerk net veel bestanden gedownload\. Probeer het over \d+ seconden? opnieuw\.\n$/);
    deps = t.deps({ ip: '198.51.100.3' });
    expect((await openDataCatalogue(contextFor('/open-data/catalogus.jsonld'))).status).toBe(200);
  });
});
