/** What only production does, checked without a production deployment. */
import { describe, expect, test } from 'vitest';
import { sessionCookieName, sessionCookieOptions } from '#platform/auth/cookie.ts';
import { cacheControlFor, contentSecurityPolicy, setSecurityHeaders } from '#platform/http/headers.mjs';
import { clientIp, depsFor } from '#web/request.ts';
import { ConfigError, parseConfig, setConfigForTests } from '#platform/config.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A database of this test's own: a fixed path in /tmp is shared with every other checkout's run.
const testDatabaseUrl = `file:${join(mkdtempSync(join(tmpdir(), 'pp-config-test-')), 'db.sqlite')}`;

/** A production key, as `openssl rand -base64 32` makes one. */
const secret = 'c2VjcmV0LXNsZXV0ZWwtdm9vci1kZS10ZXN0LTEyMzQ=';

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

  test('links in e-mail komen uit de configuratie, nooit uit de Host-header', async () => {
    try {
      setConfigForTests(parseConfig({ NODE_ENV: 'production', SITE_URL: 'https://praktijkplein.nl/', SMTP_URL: 'smtps://u:p@smtp.voorbeeld.nl:465', NETWORK_NAME: 'Netwerk X', NETWORK_EMAIL: 'info@netwerk.example', APP_SECRET: secret, DATABASE_URL: testDatabaseUrl }));
      const request = new Request('https://kwaadaardig.example/account/', { headers: { host: 'kwaadaardig.example' } });
      expect((await depsFor({ request, clientAddress: '127.0.0.1' })).origin).toBe('https://praktijkplein.nl');
      // Outside production too: the development default, not the request.
      setConfigForTests(parseConfig({ PORT: '4400', DATABASE_URL: testDatabaseUrl }));
      expect((await depsFor({ request, clientAddress: '127.0.0.1' })).origin).toBe('http://localhost:4400');
    } finally {
      setConfigForTests(undefined);
    }
  });

  test('zonder SITE_URL, of met een ongeldige waarde, start productie niet en zegt waarom', () => {
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(/SITE_URL: is verplicht in productie/);
    expect(() => parseConfig({ NODE_ENV: 'production', SITE_URL: 'http://praktijkplein.nl', SMTP_URL: 'smtp://x' })).toThrow(/https/);
    // Without SMTP no confirmation or reset mail would ever arrive: refuse to start.
    expect(() => parseConfig({ NODE_ENV: 'production', SITE_URL: 'https://praktijkplein.nl' })).toThrow(/SMTP_URL: is verplicht in productie/);
    // A path would silently vanish from every link.
    expect(() => parseConfig({ SITE_URL: 'https://praktijkplein.nl/pad' })).toThrow(/zonder pad/);
    // A public site must say who runs it: no placeholder operator in production.
    expect(() => parseConfig({ NODE_ENV: 'production', SITE_URL: 'https://praktijkplein.nl', SMTP_URL: 'smtps://u:p@smtp.voorbeeld.nl:465' })).toThrow(/NETWORK_NAME: is verplicht in productie[\s\S]*NETWORK_EMAIL: is verplicht/);
    // Instances must share the key for what the server signs (live session passes): none in production refuses to start.
    const complete = { NODE_ENV: 'production', SITE_URL: 'https://praktijkplein.nl', SMTP_URL: 'smtps://u:p@smtp.voorbeeld.nl:465', NETWORK_NAME: 'Netwerk Inclusief Werk', CONTACT_EMAIL: 'info@netwerk.example' };
    expect(() => parseConfig(complete)).toThrow(/APP_SECRET: is verplicht in productie/);
    expect(() => parseConfig({ ...complete, APP_SECRET: 'kort' })).toThrow(/APP_SECRET moet minstens 32 tekens/);
    const production = parseConfig({ ...complete, APP_SECRET: secret });
    expect(production.appSecret).toBe(secret);
    expect(production.siteUrl).toBe('https://praktijkplein.nl');
    expect(production.network).toMatchObject({ name: 'Netwerk Inclusief Werk', email: 'info@netwerk.example', isExample: false });
    expect(parseConfig({}).network.isExample).toBe(true);
    expect(() => parseConfig({ PORT: 'vierduizend' })).toThrow(/PORT/);
    expect(() => parseConfig({ DATABASE_URL: 'postgres://x' })).toThrow(/DATABASE_URL/);
    expect(parseConfig({}).database.url).toMatch(/^file:.*db\/praktijkplein\.db$/);
  });

  test('X-Forwarded-For telt alleen met TRUST_PROXY, en dan de waarde die de proxy toevoegde', () => {
    const request = new Request('http://x/', { headers: { 'x-forwarded-for': '203.0.113.9, 198.51.100.4' } });
    try {
      setConfigForTests(parseConfig({}));
      expect(clientIp(request, '127.0.0.1')).toBe('127.0.0.1');
      setConfigForTests(parseConfig({ TRUST_PROXY: '1' }));
      expect(clientIp(request, '127.0.0.1')).toBe('198.51.100.4');
    } finally {
      setConfigForTests(undefined);
    }
  });

  test('de CSP staat Pagefind toe maar geen inline scripts of vreemde bronnen', () => {
    expect(contentSecurityPolicy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(contentSecurityPolicy).not.toContain('unsafe-inline');
    expect(cacheControlFor('/_astro/Base.abc123.css')).toContain('immutable');
    expect(cacheControlFor('/praktijkvoorbeelden/')).toContain('max-age=0');
  });
});
