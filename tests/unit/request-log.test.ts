/** What the request log may hold (src/platform/http/request-log.mjs): paths without query values or addresses, safe request ids. */
import { describe, expect, test } from 'vitest';
import { loggablePath, requestIdFor } from '#platform/http/request-log.mjs';

describe('loggablePath', () => {
  test.each([
    ['/', '/'],
    ['/zoeken/?q=wajong', '/zoeken/?q='],
    ['/pitches/?sector=zorg&sector=bouw&q=poel', '/pitches/?sector=&sector=&q='],
    ['/account/wachtwoord-herstellen/?token=abc.def&_action=account.resetPassword', '/account/wachtwoord-herstellen/?token=&_action='],
    ['/account/inloggen/?terug=%2Faccount%2F', '/account/inloggen/?terug='],
    ['/organisaties/anna@zaanstad.nl/', '/organisaties/[e-mail]/'],
    ['/organisaties/anna%40zaanstad.nl/', '/organisaties/[e-mail]/'],
    ['/x?anna@zaanstad.nl', '/x?[…]='],
    ['/x?Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1u', '/x?[…]='],
    ['/x#geheim', '/x'],
    ['http://praktijkplein.nl/zoeken/?q=geheim', '/zoeken/?q='],
    ['*', '*'],
    ['/%E0%A4%A', '/%E0%A4%A'],
  ])('%s → %s', (target, logged) => {
    expect(loggablePath(target)).toBe(logged);
  });

  test('een heel lang pad wordt afgekort', () => {
    expect(loggablePath(`/${'a'.repeat(5000)}`).length).toBeLessThanOrEqual(301);
  });
});

describe('requestIdFor', () => {
  test('een kort, gewoon id van een proxy blijft', () => {
    expect(requestIdFor('f3a9c2e1-proxy.7')).toBe('f3a9c2e1-proxy.7');
  });
  test.each([undefined, '', 'anna@zaanstad.nl', 'a b', 'x'.repeat(65), '<script>', 'regel\nnieuw'])('%j wordt een nieuwe UUID', (incoming) => {
    expect(requestIdFor(incoming)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
