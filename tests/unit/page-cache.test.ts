/** The public page cache: which requests it may answer, and that a new state of the marketplace is never served stale. */
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cacheable, PageCache, withPageCache } from '#platform/page-cache.ts';
import { testDatabase, type TestDb } from '../integration/accounts/helpers.ts';
import { insertPitch } from '../integration/marketplace/helpers.ts';

const get = (path: string, headers: Record<string, string> = {}) => new Request(`http://praktijkplein.test${path}`, { headers });

describe('wat in de cache mag', () => {
  test.each([
    ['/pitches/', true],
    ['/pitches/?doelgroep=jongeren', true],
    ['/pitches/poelenbrug/', true],
    ['/zoeken/?q=basisbaan', true],
    ['/', true],
    ['/praktijkvoorbeelden/', true],
    ['/praktijkvoorbeelden/?sector=facilitair&doelgroep=afstand-arbeidsmarkt', true],
    ['/embed/gemeente/zaanstad/', true],
    ['/embed/gemeente/zaanstad/?stijl=neutraal&met=praktijkvoorbeelden', true],
    ['/organisaties/zaanstad/?stijl=neutraal&met=praktijkvoorbeelden', true],
    ['/pitches/nieuw/', false],
    ['/pitches/poelenbrug/bewerken/', false],
    ['/pitches/poelenbrug/voorbeeld/', false],
    ['/pitches/poelenbrug/meedoen/', false],
    ['/pitches/poelenbrug/aanbod/', false],
    ['/pitches/poelenbrug/aanbod.csv', false],
    ['/pitches/poelenbrug/werkgevers/', false],
    ['/pitches/poelenbrug/?_action=offers.create', false],
    ['/account/', false],
    ['/beheer/pitches/', false],
  ])('%s: %s', (path, expected) => {
    expect(cacheable(get(path), new URL(`http://x${path}`), false)).toBe(expected);
  });

  test('nooit met een sessiecookie, nooit voor een POST', () => {
    expect(cacheable(get('/pitches/'), new URL('http://x/pitches/'), true)).toBe(false);
    expect(cacheable(new Request('http://x/pitches/', { method: 'POST' }), new URL('http://x/pitches/'), false)).toBe(false);
  });
});

describe('de cache volgt de marktplaats', () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await testDatabase();
  });
  afterEach(() => t.cleanup());

  test('dezelfde pagina komt uit de cache tot er iets verandert; dan wordt hij opnieuw gemaakt', async () => {
    const store = new PageCache();
    let renders = 0;
    const render = async () => new Response(`versie ${++renders}`, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
    const url = new URL('http://x/pitches/');
    expect(await (await withPageCache(t.handle.db, get('/pitches/'), url, render, new Date(), store)).text()).toBe('versie 1');
    expect(await (await withPageCache(t.handle.db, get('/pitches/'), url, render, new Date(), store)).text()).toBe('versie 1');
    await insertPitch(t.handle.db);
    expect(await (await withPageCache(t.handle.db, get('/pitches/'), url, render, new Date(), store)).text()).toBe('versie 2');
    // Midnight in Amsterdam: closing dates may have passed, so the page is made again.
    expect(await (await withPageCache(t.handle.db, get('/pitches/'), url, render, new Date(Date.now() + 86_400_000), store)).text()).toBe('versie 3');
  });

  test('ETag en 304; een antwoord met een cookie of een fout wordt niet bewaard', async () => {
    const store = new PageCache();
    const url = new URL('http://x/pitches/');
    const first = await withPageCache(t.handle.db, get('/pitches/'), url, async () => new Response('lijst', { status: 200 }), new Date(), store);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const again = await withPageCache(t.handle.db, get('/pitches/', { 'if-none-match': etag }), url, async () => new Response('anders'), new Date(), store);
    expect(again.status).toBe(304);
    const other = new URL('http://x/pitches/?pagina=2');
    await withPageCache(t.handle.db, get('/pitches/?pagina=2'), other, async () => new Response('fout', { status: 500 }), new Date(), store);
    await withPageCache(t.handle.db, get('/pitches/?pagina=3'), new URL('http://x/pitches/?pagina=3'), async () => new Response('x', { headers: { 'set-cookie': 'a=b' } }), new Date(), store);
    expect(store.size).toBe(1);
  });

  test('een pagina die zelf zegt hoe lang hij bewaard mag worden (een inbedding) houdt dat; de rest wordt elke keer nagevraagd', async () => {
    const store = new PageCache();
    const embed = new URL('http://x/embed/gemeente/zaanstad/');
    const kept = async () => new Response('inbedding', { headers: { 'cache-control': 'public, max-age=300' } });
    expect((await withPageCache(t.handle.db, get('/embed/gemeente/zaanstad/'), embed, kept, new Date(), store)).headers.get('cache-control')).toBe('public, max-age=300');
    expect((await withPageCache(t.handle.db, get('/embed/gemeente/zaanstad/'), embed, kept, new Date(), store)).headers.get('cache-control')).toBe('public, max-age=300');
    const list = new URL('http://x/pitches/');
    expect((await withPageCache(t.handle.db, get('/pitches/'), list, async () => new Response('lijst'), new Date(), store)).headers.get('cache-control')).toBe('no-cache');
  });

  test('een grote pagina wordt één keer gezipt en zo gegeven aan wie gzip aanneemt', async () => {
    const store = new PageCache();
    const url = new URL('http://x/pitches/');
    const page = 'pitch '.repeat(1000);
    await withPageCache(t.handle.db, get('/pitches/'), url, async () => new Response(page), new Date(), store);
    const zipped = await withPageCache(t.handle.db, get('/pitches/', { 'accept-encoding': 'gzip, br' }), url, async () => new Response('anders'), new Date(), store);
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString()).toBe(page);
    const plain = await withPageCache(t.handle.db, get('/pitches/'), url, async () => new Response('anders'), new Date(), store);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(page);
  });

  test('begrensd: de oudste pagina gaat eruit', () => {
    const store = new PageCache(3);
    for (let i = 0; i < 5; i++) store.set(`k${i}`, { body: new Uint8Array(10), headers: [], etag: '"x"' });
    expect(store.size).toBe(3);
    expect(store.get('k0')).toBeUndefined();
    expect(store.get('k4')).toBeDefined();
  });
});

describe('de stand van de marktplaats', () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await testDatabase();
  });
  afterEach(() => t.cleanup());

  test('elke wijziging van pitches, facetten, aanbod en organisatienamen verzet de teller', async () => {
    const { marketplaceVersion } = await import('#platform/page-cache.ts');
    const { offers, pitchFacets, pitches } = await import('#db/marketplace-schema.ts');
    const { organisations } = await import('#db/schema.ts');
    const { eq } = await import('drizzle-orm');
    const db = t.handle.db;
    const steps: [string, () => Promise<unknown>][] = [
      ['pitch erbij', () => insertPitch(db, { title: 'Eerste' })],
      ['pitch gewijzigd', () => db.update(pitches).set({ title: 'Tweede' })],
      ['facet erbij', async () => db.insert(pitchFacets).values({ pitchId: (await db.select().from(pitches))[0]!.id, facet: 'sector', value: 'zorg' })],
      ['facet weg', () => db.delete(pitchFacets)],
      [
        'aanbod erbij',
        async () =>
          db.insert(offers).values({ id: 'a1', pitchId: (await db.select().from(pitches))[0]!.id, employerId: 'postnl', helpKinds: ['banen'], status: 'offered', createdAt: 1, updatedAt: 1 }),
      ],
      ['aanbod gewijzigd', () => db.update(offers).set({ status: 'accepted' })],
      ['gemeente hernoemd', () => db.update(organisations).set({ name: 'Zaanstad (nieuw)' }).where(eq(organisations.id, 'zaanstad'))],
      ['aanbod weg', () => db.delete(offers)],
      ['pitch weg', () => db.delete(pitches)],
    ];
    for (const [what, step] of steps) {
      const before = await marketplaceVersion(db);
      await step();
      expect(await marketplaceVersion(db), what).toBeGreaterThan(before);
    }
  });

  test('onbekende of lange queryparameters worden niet bewaard; dezelfde vraag in een andere volgorde is dezelfde pagina', async () => {
    const url = (q: string) => new URL(`http://x/pitches/${q}`);
    expect(cacheable(get('/pitches/?r=123'), url('?r=123'), false)).toBe(false);
    expect(cacheable(get('/pitches/'), url(`?q=${'x'.repeat(101)}`), false)).toBe(false);
    expect(cacheable(get('/pitches/'), url('?doelgroep=jongeren&sector=zorg'), false)).toBe(true);
    const { cacheKey } = await import('#platform/page-cache.ts');
    expect(cacheKey(1, new Date(0), url('?sector=zorg&doelgroep=jongeren'))).toBe(cacheKey(1, new Date(0), url('?doelgroep=jongeren&sector=zorg')));
  });
});
