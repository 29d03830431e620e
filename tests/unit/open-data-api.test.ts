/** The open-data API's HTTP rules without a server: entity tags and conditions, Accept, cursors, problem answers. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isNotModified, parseIfNoneMatch, strongEtag } from '#platform/http/conditional.ts';
import { problemKinds, problemOf, problemSchema } from '#platform/http/problem.ts';
import { filterKeyOf, makeCursor, readCursor } from '#features/open-data/cursor.ts';
import { acceptsJson } from '#web/open-data-api.ts';

describe('If-None-Match (RFC 9110 §13.1.2)', () => {
  const etag = strongEtag('{"a":1}');

  test('de eigen tag, zwak of in een lijst, en * gelden als ongewijzigd', () => {
    for (const value of [etag, `W/${etag}`, `"x", ${etag}`, ` ${etag} ,`, '*']) {
      expect(isNotModified({ ifNoneMatch: parseIfNoneMatch(value), ifModifiedSince: null }, etag, undefined), value).toBe(true);
    }
    expect(isNotModified({ ifNoneMatch: parseIfNoneMatch('"iets anders"'), ifModifiedSince: null }, etag, undefined)).toBe(false);
  });

  test('een waarde buiten de grammatica wordt herkend (en dan geweigerd, niet genegeerd)', () => {
    for (const value of ['abc', '"open', 'W/abc', '* , "a"', '"a" "b"', '', ',', '"a"x', `${'"a",'.repeat(60)}"b"`]) expect(parseIfNoneMatch(value), value).toBeUndefined();
    // A comma inside a tag is one of etagc's characters.
    expect(parseIfNoneMatch('"a,b", W/"c"')).toEqual({ any: false, tags: ['"a,b"', '"c"'] });
  });

  test('If-Modified-Since telt alleen zonder If-None-Match, per hele seconde, en alleen als HTTP-datum', () => {
    const changed = Date.UTC(2027, 0, 5, 10, 0, 0, 700);
    const at = (ms: number) => new Date(ms).toUTCString();
    expect(isNotModified({ ifNoneMatch: undefined, ifModifiedSince: at(changed) }, etag, changed)).toBe(true);
    expect(isNotModified({ ifNoneMatch: undefined, ifModifiedSince: at(changed - 1000) }, etag, changed)).toBe(false);
    expect(isNotModified({ ifNoneMatch: undefined, ifModifiedSince: '2027-01-05' }, etag, changed)).toBe(false);
    expect(isNotModified({ ifNoneMatch: parseIfNoneMatch('"ander"'), ifModifiedSince: at(changed) }, etag, changed)).toBe(false);
    expect(isNotModified({ ifNoneMatch: undefined, ifModifiedSince: at(changed) }, etag, undefined)).toBe(false);
  });
});

describe('Accept', () => {
  test('geen kopregel, JSON of een jokerteken met gewicht boven 0: JSON mag', () => {
    for (const value of [null, '', 'application/json', '*/*', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'application/*', 'onzin']) expect(acceptsJson(value), String(value)).toBe(true);
  });

  test('alleen andere typen, of JSON uitdrukkelijk met q=0: 406', () => {
    for (const value of ['text/csv', 'text/html', 'application/json;q=0, text/html', 'application/json;q=0, */*']) expect(acceptsJson(value), value).toBe(false);
  });
});

describe('cursors', () => {
  const filters = filterKeyOf(new URLSearchParams('status=open&gemeente=zaanstad'));

  test('een cursor geeft de rij terug waar hij na verder gaat, ook voor de filters in een andere volgorde', () => {
    const cursor = makeCursor('pitches', filters, 'demo-zaanstad-poelenbrug');
    expect(readCursor(cursor, 'pitches', filterKeyOf(new URLSearchParams('gemeente=zaanstad&status=open')))).toBe('demo-zaanstad-poelenbrug');
  });

  test('voor een andere dataset of andere filters geldt hij niet', () => {
    const cursor = makeCursor('pitches', filters, 'demo-zaanstad-poelenbrug');
    expect(readCursor(cursor, 'bronnen', filters)).toBeUndefined();
    expect(readCursor(cursor, 'pitches', filterKeyOf(new URLSearchParams('status=gesloten')))).toBeUndefined();
  });

  test('elke verandering van één teken maakt hem ongeldig', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.nat(), fc.constantFrom(...'ABCxyz019-_.=%'), (id, at, char) => {
        const cursor = makeCursor('pitches', filters, id);
        const index = at % cursor.length;
        const changed = cursor.slice(0, index) + char + cursor.slice(index + 1);
        expect(readCursor(changed, 'pitches', filters)).toBe(changed === cursor ? id : undefined);
      }),
      { numRuns: 200 },
    );
  });
});

describe('problem+json (RFC 9457)', () => {
  test('elk soort probleem heeft een vaste status en titel, en een type dat naar de uitleg op /api/ wijst', () => {
    for (const [kind, { status, title }] of Object.entries(problemKinds)) {
      const problem = problemOf(kind as keyof typeof problemKinds, { origin: 'https://praktijkplein.example', instance: '/api/v1/x', detail: 'Uitleg.' });
      expect(problemSchema.parse(problem)).toEqual({ type: `https://praktijkplein.example/api/#${kind}`, title, status, detail: 'Uitleg.', instance: '/api/v1/x' });
    }
  });

  test('een heel lang verzoekadres wordt in instance afgekapt', () => {
    const problem = problemOf('niet-gevonden', { origin: 'https://praktijkplein.example', instance: `/api/v1/${'x'.repeat(5000)}`, detail: 'Weg.' });
    expect(problem.instance.length).toBeLessThanOrEqual(500);
  });
});
