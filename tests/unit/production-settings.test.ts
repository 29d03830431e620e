/** What only production does, checked without a production deployment. */
import { describe, expect, test } from 'vitest';
import { sessionCookieName, sessionCookieOptions } from '../../src/auth/cookie.ts';
import { cacheControlFor, contentSecurityPolicy, setSecurityHeaders } from '../../src/server/headers.mjs';
import { clientIp, siteOrigin } from '../../src/actions/outcome.ts';

function headersFor(production: boolean) {
  const headers = new Map<string, string>();
  setSecurityHeaders({ setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), value) } as never, { production });
  return headers;
}

describe('in productie', () => {
  test('HSTS alleen in productie', () => {
    expect(headersFor(true).get('strict-transport-security')).toMatch(/max-age=\d{8}/);
    expect(headersFor(false).has('strict-transport-security')).toBe(false);
  });

  test('de sessiecookie is Secure met het __Host-voorvoegsel', () => {
    expect(sessionCookieName(true)).toBe('__Host-praktijkplein_sessie');
    expect(sessionCookieOptions(true)).toMatchObject({ secure: true, httpOnly: true, sameSite: 'lax', path: '/' });
    expect(sessionCookieOptions(false).secure).toBe(false);
  });

  test('links in e-mail komen uit SITE_URL, nooit uit de Host-header; zonder SITE_URL weigert productie', () => {
    const before = { ...process.env };
    try {
      process.env.SITE_URL = 'https://praktijkplein.nl/pad';
      expect(siteOrigin(new URL('https://kwaadaardig.example/account/'))).toBe('https://praktijkplein.nl');
      delete process.env.SITE_URL;
      process.env.NODE_ENV = 'production';
      expect(() => siteOrigin(new URL('https://kwaadaardig.example/'))).toThrow(/SITE_URL/);
    } finally {
      process.env = before;
    }
  });

  test('X-Forwarded-For telt alleen met TRUST_PROXY, en dan de waarde die de proxy toevoegde', () => {
    const request = new Request('http://x/', { headers: { 'x-forwarded-for': '203.0.113.9, 198.51.100.4' } });
    const before = process.env.TRUST_PROXY;
    try {
      delete process.env.TRUST_PROXY;
      expect(clientIp(request, '127.0.0.1')).toBe('127.0.0.1');
      process.env.TRUST_PROXY = '1';
      expect(clientIp(request, '127.0.0.1')).toBe('198.51.100.4');
    } finally {
      if (before === undefined) delete process.env.TRUST_PROXY;
      else process.env.TRUST_PROXY = before;
    }
  });

  test('de CSP staat Pagefind toe maar geen inline scripts of vreemde bronnen', () => {
    expect(contentSecurityPolicy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(contentSecurityPolicy).not.toContain('unsafe-inline');
    expect(cacheControlFor('/_astro/Base.abc123.css')).toContain('immutable');
    expect(cacheControlFor('/praktijkvoorbeelden/')).toContain('max-age=0');
  });
});
