/**
 * Over plain HTTP against the built server: return paths that cannot leave the site or
 * break the page (item 1), the return path surviving a failed login (item 1), names that are
 * one line (item 5), and a session cookie that is not sent again on every response (item 12).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { baseURL } from './browser.ts';
import { goodPassword, identity, linkFromMail, mailsTo } from './accounts-support.ts';

const cookieName = 'praktijkplein_sessie';

/** One browser's worth of HTTP: one cookie jar, one client address, same-origin form posts. */
function client(ip = identity('x').ip) {
  let cookie = '';
  async function request(path: string, init: { form?: Record<string, string> } = {}) {
    const headers = new Headers({ 'x-forwarded-for': ip });
    if (cookie) headers.set('cookie', cookie);
    let body: URLSearchParams | undefined;
    if (init.form) {
      body = new URLSearchParams(init.form);
      headers.set('content-type', 'application/x-www-form-urlencoded');
      headers.set('origin', baseURL());
      headers.set('sec-fetch-site', 'same-origin');
    }
    const response = await fetch(`${baseURL()}${path}`, { headers, body, redirect: 'manual', method: init.form ? 'POST' : 'GET' });
    const set = sessionSetCookie(response);
    if (set) cookie = /max-age=0/i.test(set) || set.startsWith(`${cookieName}=;`) ? '' : set.split(';')[0]!;
    return response;
  }
  return { request, signedIn: () => cookie !== '' };
}

function sessionSetCookie(response: Response): string | undefined {
  return response.headers.getSetCookie().find((c) => c.startsWith(`${cookieName}=`));
}

/** A Location header, resolved the way a browser resolves it. */
function followed(response: Response): URL {
  return new URL(response.headers.get('location') ?? '', baseURL());
}

let person: { email: string; ip: string };
beforeAll(async () => {
  person = identity('terug');
  const c = client(person.ip);
  const registered = await c.request('/account/registreren/?_action=account.register', {
    form: { name: 'Terug Test', email: person.email, password: goodPassword, kind: 'employer', employer: 'postnl' },
  });
  expect(registered.status).toBe(303);
  const link = new URL(await linkFromMail(person.email, /Bevestig uw e-mailadres/));
  const token = link.searchParams.get('token')!;
  expect((await c.request(`/account/bevestigen/?token=${encodeURIComponent(token)}&_action=account.confirmEmail`, { form: { token } })).status).toBe(303);
});

async function signedInClient() {
  const c = client();
  const response = await c.request('/account/inloggen/?_action=account.login', { form: { email: person.email, password: goodPassword } });
  expect(response.status).toBe(303);
  expect(c.signedIn()).toBe(true);
  return c;
}

/** Raw query values as an attacker would put them in a link. */
const payloads = ['/%09/evil.example', '%2F%09%2Fevil.example', '/%0a/evil.example', '/%0d/evil.example', '/%0d%0aSet-Cookie:%20x=1', '//evil.example', '/%5Cevil.example', '/.//evil.example', 'https://evil.example/', 'javascript:alert(1)', '/%E2%82%AC', '%E2%82%AC', '/%E6%97%A5%E6%9C%AC', '/zoeken/?q=%E6%97%A5%E6%9C%AC'];

describe('terug naar de pagina van voor het inloggen (open redirect)', () => {
  test.each(payloads)('?terug=%s geeft nooit een 500, ook niet ingelogd, en stuurt nooit naar een andere site', async (payload) => {
    const visitor = await client().request(`/account/inloggen/?terug=${payload}`);
    expect(visitor.status).toBe(200);
    const html = await visitor.text();
    const next = html.match(/name="next" value="([^"]*)"/)?.[1];
    expect(next).toMatch(/^\/(?![/\\])/);

    const member = await signedInClient();
    const again = await member.request(`/account/inloggen/?terug=${payload}`);
    expect(again.status).toBe(303);
    expect(followed(again).origin).toBe(new URL(baseURL()).origin);
    expect(again.headers.get('location')).toMatch(/^\/(?![/\\])/);
  });

  test.each(payloads)('inloggen met next=%s stuurt nooit naar een andere site', async (payload) => {
    const c = client();
    const response = await c.request('/account/inloggen/?_action=account.login', { form: { email: person.email, password: goodPassword, next: decodeURIComponent(payload) } });
    expect(response.status).toBe(303);
    expect(followed(response).origin).toBe(new URL(baseURL()).origin);
    expect(response.headers.get('location')).toMatch(/^\/(?![/\\])/);
  });

  test('na een mislukte poging brengt het inloggen u nog steeds naar de gevraagde pagina', async () => {
    const c = client();
    // A signed-out visit to a personal page sends the visitor to the login page with ?terug=.
    const guarded = await c.request('/account/wachtwoord/');
    expect(guarded.status).toBe(303);
    const loginPage = followed(guarded);
    expect(loginPage.searchParams.get('terug')).toBe('/account/wachtwoord/');
    // The form posts to "?_action=account.login", relative to the login page.
    const failed = await c.request(`${loginPage.pathname}?_action=account.login`, {
      form: { email: person.email, password: 'niet mijn wachtwoord', next: loginPage.searchParams.get('terug')! },
    });
    expect(failed.status).toBe(401);
    const next = (await failed.text()).match(/name="next" value="([^"]*)"/)?.[1];
    expect(next).toBe('/account/wachtwoord/');
    const success = await c.request('/account/inloggen/?_action=account.login', { form: { email: person.email, password: goodPassword, next: next! } });
    expect(success.status).toBe(303);
    expect(success.headers.get('location')).toBe('/account/wachtwoord/');
  });
});

describe('de sessiecookie', () => {
  test('inloggen zet de cookie; daarna sturen gewone pagina’s geen Set-Cookie meer', async () => {
    const c = client();
    const login = await c.request('/account/inloggen/?_action=account.login', { form: { email: person.email, password: goodPassword } });
    expect(sessionSetCookie(login)).toMatch(new RegExp(`^${cookieName}=[^;]+`));
    for (let i = 0; i < 2; i++) {
      const page = await c.request('/account/');
      expect(page.status).toBe(200);
      expect(sessionSetCookie(page)).toBeUndefined();
    }
  });
});

describe('namen zijn één regel', () => {
  test('een naam met een eigen alinea en link: melding bij het veld, geen account en geen e-mail', async () => {
    const me = identity('injectie');
    const response = await client(me.ip).request('/account/registreren/?_action=account.register', {
      form: { name: 'Anna\n\nKlik hier: https://evil.example', email: me.email, password: goodPassword, kind: 'employer', employer: 'postnl' },
    });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Een naam past op één regel');
    expect(await mailsTo(me.email)).toHaveLength(0);
  });
});
