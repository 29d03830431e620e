/** Which methods a route allows, and charset on text, without a server. */
import { describe, expect, test } from 'vitest';
import { methodsFromSource } from '../../src/integrations/route-methods.ts';
import { refusedMethod, STATIC_ALLOW } from '#platform/http/methods.mjs';
import { staticContentType, withCharset } from '#platform/http/headers.mjs';

describe('methoden per route', () => {
  test('een pagina met formulieren neemt POST aan, een zonder niet', () => {
    expect(methodsFromSource('page', "---\nimport { actions } from 'astro:actions';\n---")).toEqual(['GET', 'HEAD', 'POST']);
    expect(methodsFromSource('page', "---\nexport const prerender = false;\n---")).toEqual(['GET', 'HEAD']);
    // A page that answers a POST itself (/afmelden/, the one-click unsubscribe).
    expect(methodsFromSource('page', "---\nif (Astro.request.method === 'POST') done = true;\n---")).toEqual(['GET', 'HEAD', 'POST']);
  });

  test('een endpoint neemt de methoden aan die het exporteert', () => {
    expect(methodsFromSource('endpoint', 'export const GET: APIRoute = async () => {}')).toEqual(['GET', 'HEAD']);
    expect(methodsFromSource('endpoint', 'export async function POST() {}\nexport const DELETE = () => {}')).toEqual(['POST', 'DELETE']);
    expect(methodsFromSource('endpoint', 'export const ALL = () => {}')).toEqual(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
    // The open-data API answers CORS preflights.
    expect(methodsFromSource('endpoint', 'export const GET = endpoint.GET;\nexport const OPTIONS = endpoint.OPTIONS;')).toEqual(['GET', 'HEAD', 'OPTIONS']);
  });

  test('onbekende methoden worden overal geweigerd, bekende alleen waar ze niet horen', () => {
    expect(refusedMethod('TRACE', null)).toEqual(STATIC_ALLOW);
    expect(refusedMethod('TRACE', { kind: 'on-demand', allow: ['GET', 'HEAD', 'POST'] })).toEqual(['GET', 'HEAD', 'POST']);
    expect(refusedMethod('POST', { kind: 'static', allow: STATIC_ALLOW })).toEqual(['GET', 'HEAD']);
    expect(refusedMethod('OPTIONS', { kind: 'on-demand', allow: ['GET', 'HEAD', 'POST'] })).toEqual(['GET', 'HEAD', 'POST']);
    expect(refusedMethod('POST', { kind: 'on-demand', allow: ['GET', 'HEAD', 'POST'] })).toBeNull();
    // An unknown URL is Astro's to answer (404).
    expect(refusedMethod('PUT', null)).toBeNull();
  });
});

describe('tekenset', () => {
  test('tekst krijgt charset=utf-8, binaire typen niet, een bestaande charset blijft', () => {
    expect(withCharset('text/html')).toBe('text/html; charset=utf-8');
    expect(withCharset('application/json')).toBe('application/json; charset=utf-8');
    expect(withCharset('text/plain;charset=UTF-8')).toBe('text/plain;charset=UTF-8');
    expect(withCharset('image/png')).toBe('image/png');
  });

  test('RSS en sitemaps krijgen hun eigen type', () => {
    expect(staticContentType('/rss.xml')).toBe('application/rss+xml; charset=utf-8');
    expect(staticContentType('/sitemap-0.xml')).toBe('application/xml; charset=utf-8');
    expect(staticContentType('/over/')).toBeUndefined();
  });
});
