/** After login a person only ever goes to a path on this site (open redirect). */
import { describe, expect, test } from 'vitest';
import { DEFAULT_RETURN_PATH, safeReturnPath } from '#web/return-path.ts';

const origin = 'https://praktijkplein.nl';

/** What a browser would do with the value as a Location header on our site. */
function followedBy(location: string): URL {
  // WHATWG URL parsing is what browsers apply to Location (tabs/newlines stripped, `\` as `/`).
  return new URL(location, origin);
}

const hostile = [
  '/\t/evil.example',
  '/%09/evil.example',
  '/\n/evil.example',
  '/%0a/evil.example',
  '/\r/evil.example',
  '/%0d/evil.example',
  '/%0D%0ASet-Cookie:%20x=1',
  '/\r\nSet-Cookie: x=1',
  '//evil.example',
  '///evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '/\\/evil.example',
  '/%2F%2Fevil.example',
  '/%2f/evil.example',
  '/%5Cevil.example',
  '/%5cevil.example',
  '/.//evil.example',
  '/%2e//evil.example',
  '/./\\evil.example',
  ' //evil.example',
  '\t//evil.example',
  '/\u0000/evil.example',
  '/\u202e/evil.example',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'https://evil.example/',
  'http://praktijkplein.nl/account/',
  // Only paths are accepted, even to our own origin: there is no reason to send a full URL.
  'https://praktijkplein.nl/account/wachtwoord/',
  'https://praktijkplein.nl.evil.example/',
  'https://praktijkplein.nl@evil.example/',
  '//praktijkplein.nl@evil.example/',
  'evil.example',
  '%2F%2Fevil.example',
  '/%E0%A4%A',
  // Encoded slashes that only show after the parser removed a dot segment, or after a second decode.
  '/./%2F/evil.example',
  '/%2e/%2fevil.example',
  '/%2E/%2F%2Fevil.example',
  '/./%5C/evil.example',
  '/%252F%252Fevil.example',
  '/%252f/evil.example',
  '/%25252F%25252Fevil.example',
  '/./%2509/evil.example',
  '',
  '/' + 'a'.repeat(5000),
];

describe('safeReturnPath', () => {
  test.each(hostile)('%j wordt de standaardpagina', (value) => {
    expect(safeReturnPath(value, origin)).toBe(DEFAULT_RETURN_PATH);
  });

  const ownPaths: [string, string][] = [
    ['/account/', '/account/'],
    ['/beheer/?tab=leden', '/beheer/?tab=leden'],
    ['/praktijkvoorbeelden/?sector=zorg&doelgroep=wajong#resultaten', '/praktijkvoorbeelden/?sector=zorg&doelgroep=wajong#resultaten'],
    // Non-Latin-1 characters come back percent-encoded, so a Location header can always carry them.
    ['/zoeken/?q=€', '/zoeken/?q=%E2%82%AC'],
    ['/zoeken/?q=日本', '/zoeken/?q=%E6%97%A5%E6%9C%AC'],
    ['/日本/', '/%E6%97%A5%E6%9C%AC/'],
    ['/a/../account/', '/account/'],
    // An encoded slash inside a path (not at its start) is harmless and stays.
    ['/zoeken/a%2Fb/', '/zoeken/a%2Fb/'],
    ['/zoeken/?q=%252F%252F', '/zoeken/?q=%252F%252F'],
    // A path that merely looks like a scheme stays a (not found) page on this site.
    ['/javascript:alert(1)', '/javascript:alert(1)'],
  ];
  test.each(ownPaths)('%j blijft een pad op de site: %j', (value, expected) => {
    expect(safeReturnPath(value, origin)).toBe(expected);
  });

  test('elke uitkomst is een pad op de eigen site dat in een Location-header past', () => {
    const many = [...hostile, ...ownPaths.map(([value]) => value), undefined, null, '/€', '/%', '/?a=\u0085', '/#\u2028'];
    for (const value of many) {
      const path = safeReturnPath(value, origin);
      expect(path, String(value)).toMatch(/^\/(?![/\\])/);
      expect(followedBy(path).origin, String(value)).toBe(origin);
      // Only printable ASCII: Headers would throw (a 500) on anything else.
      expect(path, String(value)).toMatch(/^[\x21-\x7e]+$/);
      expect(() => new Headers({ location: path })).not.toThrow();
    }
  });
});
