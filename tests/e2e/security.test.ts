/**
 * What an attacker tries, over plain HTTP against the built server: forged cross-site posts,
 * tampered and planted session cookies, reuse after logout or password change, guessing
 * passwords, probing which addresses have accounts, injection strings, and pages they may not see.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { users } from '#db/schema.ts';
import { baseURL } from './browser.ts';
import { goodPassword, identity, linkFromMail, serverDatabase, setRole } from './accounts-support.ts';

const cookieName = 'praktijkplein_sessie';

/** A minimal HTTP client with one cookie jar and one client address, like one browser. */
function client(ip = identity('x').ip) {
  let cookie = '';
  async function request(path: string, init: RequestInit & { form?: Record<string, string> } = {}) {
    const headers = new Headers(init.headers);
    headers.set('x-forwarded-for', ip);
    if (cookie) headers.set('cookie', cookie);
    let body = init.body;
    if (init.form) {
      body = new URLSearchParams(init.form);
      headers.set('content-type', 'application/x-www-form-urlencoded');
      if (!headers.has('origin')) headers.set('origin', baseURL());
      if (!headers.has('sec-fetch-site')) headers.set('sec-fetch-site', 'same-origin');
    }
    const response = await fetch(`${baseURL()}${path}`, { ...init, headers, body, redirect: 'manual', method: init.form ? 'POST' : (init.method ?? 'GET') });
    const set = response.headers.getSetCookie().find((c) => c.startsWith(`${cookieName}=`));
    if (set) {
      const value = set.split(';')[0]!;
      cookie = value.endsWith('=') || /max-age=0/i.test(set) ? '' : value;
    }
    return response;
  }
  return {
    request,
    get cookie() {
      return cookie;
    },
    set cookie(value: string) {
      cookie = value;
    },
    lastSetCookie: async (path: string, form: Record<string, string>) => {
      const response = await request(path, { form });
      return response.headers.getSetCookie().find((c) => c.startsWith(`${cookieName}=`));
    },
  };
}

async function registerAndVerify(name: string, options: { kind?: 'municipality' | 'employer'; organisation?: string; password?: string } = {}) {
  const me = identity(name);
  const c = client(me.ip);
  const kind = options.kind ?? 'employer';
  const response = await c.request('/account/registreren/?_action=account.register', {
    form: {
      name: `${name} Test`,
      email: me.email,
      password: options.password ?? goodPassword,
      kind,
      ...(kind === 'municipality' ? { municipality: options.organisation ?? 'zaanstad' } : { employer: options.organisation ?? 'postnl' }),
    },
  });
  expect(response.status).toBe(303);
  const link = new URL(await linkFromMail(me.email, /Bevestig uw e-mailadres/));
  const token = link.searchParams.get('token')!;
  const confirmed = await c.request(`/account/bevestigen/?token=${encodeURIComponent(token)}&_action=account.confirmEmail`, { form: { token } });
  expect(confirmed.status).toBe(303);
  return { ...me, client: c };
}

async function loggedIn(email: string, ip?: string, password = goodPassword) {
  const c = client(ip);
  const response = await c.request('/account/inloggen/?_action=account.login', { form: { email, password } });
  expect(response.status).toBe(303);
  expect(c.cookie).toMatch(new RegExp(`^${cookieName}=.+`));
  return c;
}

let anna: Awaited<ReturnType<typeof registerAndVerify>>;
beforeAll(async () => {
  anna = await registerAndVerify('anna');
});

/** The page without the contents of quoted attribute values: what a browser could parse as markup. */
const outsideAttributes = (html: string) => html.replace(/="[^"]*"/g, '=""');

describe('CSRF', () => {
  test('een formulier van een andere site wordt geweigerd (Origin)', async () => {
    const c = client();
    const response = await c.request('/account/inloggen/?_action=account.login', {
      form: { email: anna.email, password: goodPassword },
      headers: { origin: 'https://kwaadaardig.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(response.status).toBe(403);
    expect(c.cookie).toBe('');
  });

  test('Sec-Fetch-Site cross-site wordt geweigerd, ook met een kloppende Origin', async () => {
    const c = await loggedIn(anna.email);
    const response = await c.request('/account/?_action=account.logoutEverywhere', { form: {}, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(response.status).toBe(403);
    expect((await c.request('/account/')).status).toBe(200);
  });

  test('een GET verandert niets: de bevestigingslink openen bevestigt niet', async () => {
    const me = identity('gerrit');
    const c = client(me.ip);
    await c.request('/account/registreren/?_action=account.register', { form: { name: 'Gerrit', email: me.email, password: goodPassword, kind: 'employer', employer: 'postnl' } });
    const link = await linkFromMail(me.email, /Bevestig uw e-mailadres/);
    expect((await c.request(new URL(link).pathname + new URL(link).search)).status).toBe(200);
    const { db } = await serverDatabase();
    const [user] = await db.select().from(users).where(eq(users.email, me.email));
    expect(user!.emailVerifiedAt).toBeNull();
  });
});

describe('sessies', () => {
  test('de cookie is HttpOnly, SameSite=Lax, Path=/', async () => {
    const c = client();
    const set = await c.lastSetCookie('/account/inloggen/?_action=account.login', { email: anna.email, password: goodPassword });
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Lax/i);
    expect(set).toMatch(/Path=\//i);
  });

  test('een vervalste cookie geeft geen toegang en wordt gewist', async () => {
    const c = await loggedIn(anna.email);
    const [name, value] = c.cookie.split('=');
    c.cookie = `${name}=${value!.slice(0, -4)}AAAA`;
    const response = await c.request('/account/');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toContain('/account/inloggen/');
    expect(response.headers.getSetCookie().join(';')).toMatch(new RegExp(`${cookieName}=;|Max-Age=0|Expires=Thu, 01 Jan 1970`, 'i'));
  });

  test('een vooraf geplante sessie wordt bij inloggen vervangen (geen fixatie)', async () => {
    const c = client();
    const planted = `${'a'.repeat(22)}.${'b'.repeat(43)}`;
    c.cookie = `${cookieName}=${planted}`;
    await c.request('/account/inloggen/?_action=account.login', { form: { email: anna.email, password: goodPassword } });
    expect(c.cookie).not.toContain(planted);
    const attacker = client();
    attacker.cookie = `${cookieName}=${planted}`;
    expect((await attacker.request('/account/')).status).toBe(303);
  });

  test('na uitloggen werkt de oude cookie niet meer', async () => {
    const c = await loggedIn(anna.email);
    const stolen = c.cookie;
    await c.request('/account/?_action=account.logout', { form: {} });
    const thief = client();
    thief.cookie = stolen;
    expect((await thief.request('/account/')).status).toBe(303);
  });

  test('een wachtwoordwijziging beëindigt sessies elders; "overal uitloggen" ook', async () => {
    const bob = await registerAndVerify('bob');
    const phone = await loggedIn(bob.email);
    const laptop = await loggedIn(bob.email);
    const changed = await laptop.request('/account/wachtwoord/?_action=account.changePassword', { form: { currentPassword: goodPassword, newPassword: 'nog een heel ander wachtwoord' } });
    expect(changed.status).toBe(303);
    expect((await phone.request('/account/')).status).toBe(303);
    expect((await laptop.request('/account/')).status).toBe(200);
    await laptop.request('/account/?_action=account.logoutEverywhere', { form: {} });
    expect((await laptop.request('/account/')).status).toBe(303);
  });
});

describe('misbruik', () => {
  test('na vijf foute wachtwoorden volgt 429 met een Nederlandse melding, ook voor een onbekend adres', async () => {
    const victim = await registerAndVerify('doelwit');
    for (const email of [victim.email, identity('bestaat-niet').email]) {
      const c = client();
      for (let i = 0; i < 5; i++) {
        expect((await c.request('/account/inloggen/?_action=account.login', { form: { email, password: `fout-${i}-wachtwoord` } })).status).toBe(401);
      }
      const blocked = await c.request('/account/inloggen/?_action=account.login', { form: { email, password: goodPassword } });
      expect(blocked.status).toBe(429);
      expect(await blocked.text()).toMatch(/te vaak achter elkaar geprobeerd\. Probeer het over \d+ seconden opnieuw/);
    }
  });

  test('inloggen verraadt niet of een adres bestaat: zelfde status en melding', async () => {
    const wrongForExisting = await client().request('/account/inloggen/?_action=account.login', { form: { email: anna.email, password: 'helemaal niet goed' } });
    const wrongForMissing = await client().request('/account/inloggen/?_action=account.login', { form: { email: identity('niemand').email, password: 'helemaal niet goed' } });
    expect(wrongForExisting.status).toBe(wrongForMissing.status);
    const message = (html: string) => html.match(/<div class="utrecht-alert[\s\S]*?<\/div>/)?.[0];
    const existingMessage = message(await wrongForExisting.text());
    expect(existingMessage).toMatch(/Het e-mailadres of het wachtwoord klopt niet/);
    expect(message(await wrongForMissing.text())).toBe(existingMessage);
  });

  test('registreren en wachtwoord vergeten verraden niet of een adres bestaat', async () => {
    const existing = await client().request('/account/registreren/?_action=account.register', { form: { name: 'Nog een Anna', email: anna.email, password: goodPassword, kind: 'employer', employer: 'postnl' } });
    const fresh = await client().request('/account/registreren/?_action=account.register', { form: { name: 'Nieuwe Anna', email: identity('nieuw').email, password: goodPassword, kind: 'employer', employer: 'postnl' } });
    expect([existing.status, existing.headers.get('location')]).toEqual([fresh.status, fresh.headers.get('location')]);
    const resetExisting = await client().request('/account/wachtwoord-vergeten/?_action=account.requestReset', { form: { email: anna.email } });
    const resetMissing = await client().request('/account/wachtwoord-vergeten/?_action=account.requestReset', { form: { email: identity('niemand').email } });
    expect([resetExisting.status, resetExisting.headers.get('location')]).toEqual([resetMissing.status, resetMissing.headers.get('location')]);
  });

  test('SQL- en scriptstrings in elk veld worden opgeslagen en inert getoond', async () => {
    const evil = `"><script>alert('x')</script>'; DROP TABLE users; --`;
    const me = identity('evil');
    const c = client(me.ip);
    const response = await c.request('/account/registreren/?_action=account.register', {
      form: { name: evil, email: me.email, password: goodPassword, kind: 'employer', newEmployerName: `${evil} BV` },
    });
    expect(response.status).toBe(303);
    const { db } = await serverDatabase();
    const [stored] = await db.select().from(users).where(eq(users.email, me.email));
    expect(stored!.name).toBe(evil);
    // The e-mail field is shown back after a failed login: the payload must come back escaped.
    const badLogin = await client().request('/account/inloggen/?_action=account.login', { form: { email: `${evil}@y.nl' OR '1'='1`, password: 'wat dan ook' } });
    const html = await badLogin.text();
    // It comes back inside its attribute: the quote is escaped, so no element can start there.
    expect(html).toContain(`value="&quot;><script>alert('x')</script>`);
    expect(outsideAttributes(html)).not.toMatch(/<script/i);
    const link = new URL(await linkFromMail(me.email, /Bevestig/));
    const token = link.searchParams.get('token')!;
    await c.request(`/account/bevestigen/?token=${encodeURIComponent(token)}&_action=account.confirmEmail`, { form: { token } });
    const mine = await loggedIn(me.email, me.ip);
    const page = await (await mine.request('/account/')).text();
    expect(page).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;');
    expect(outsideAttributes(page)).not.toMatch(/<script/i);
    expect((await db.select().from(users)).length).toBeGreaterThan(1);
  });

  test('onzin en te lange invoer geven een nette 4xx, nooit een 500', async () => {
    const c = client();
    const attempts: Record<string, string>[] = [
      { email: 'a'.repeat(10_000), password: 'x' },
      { email: '', password: '' },
      { kind: 'niets', name: '\u0000', email: 'x@y.nl', password: 'p'.repeat(5000) },
    ];
    for (const form of attempts) {
      for (const path of ['/account/inloggen/?_action=account.login', '/account/registreren/?_action=account.register']) {
        const response = await c.request(path, { form });
        expect(response.status, `${path} ${JSON.stringify(form).slice(0, 40)}`).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
      }
    }
    const token = await c.request('/account/wachtwoord-herstellen/?token=%27%20OR%201%3D1');
    expect(token.status).toBe(400);
  });
});

describe('headers', () => {
  test.each(['/', '/account/inloggen/'])('%s heeft de beveiligingsheaders', async (path) => {
    const response = await client().request(path);
    const csp = response.headers.get('content-security-policy')!;
    for (const part of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) expect(csp).toContain(part);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('referrer-policy')).toBeTruthy();
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  test('accountpagina’s worden nooit gecachet; pagina’s met een token lekken hem niet via Referer', async () => {
    const c = await loggedIn(anna.email);
    expect((await c.request('/account/')).headers.get('cache-control')).toBe('no-store');
    expect((await client().request('/account/inloggen/')).headers.get('cache-control')).toBe('no-store');
    const tokenPage = await client().request('/account/wachtwoord-herstellen/?token=x');
    expect(tokenPage.headers.get('referrer-policy')).toBe('strict-origin');
  });
});

describe('rollen × pagina’s en acties', () => {
  test('wie wat mag zien en doen', async () => {
    const member = await registerAndVerify('lid', { kind: 'municipality' });
    const curator = await registerAndVerify('cura');
    const admin = await registerAndVerify('admin');
    await setRole(curator.email, 'curator');
    await setRole(admin.email, 'admin');
    const sessions = {
      bezoeker: client(),
      werkgever: await loggedIn(anna.email),
      gemeente: await loggedIn(member.email),
      curator: await loggedIn(curator.email),
      admin: await loggedIn(admin.email),
    };
    const expected: Record<string, Record<keyof typeof sessions, number>> = {
      '/account/': { bezoeker: 303, werkgever: 200, gemeente: 200, curator: 200, admin: 200 },
      '/account/wachtwoord/': { bezoeker: 303, werkgever: 200, gemeente: 200, curator: 200, admin: 200 },
      '/account/gegevens.json': { bezoeker: 303, werkgever: 200, gemeente: 200, curator: 200, admin: 200 },
      '/beheer/': { bezoeker: 303, werkgever: 403, gemeente: 403, curator: 200, admin: 200 },
    };
    for (const [path, byRole] of Object.entries(expected)) {
      for (const [role, status] of Object.entries(byRole)) {
        expect((await sessions[role as keyof typeof sessions].request(path)).status, `${role} ${path}`).toBe(status);
      }
    }
    // Forging the curator's form as a plain member is refused by the policy inside the action.
    const { db } = await serverDatabase();
    const [target] = await db.select().from(users).where(eq(users.email, member.email));
    const visitor = await sessions.bezoeker.request('/beheer/?_action=curation.verifyMember', { form: { userId: target!.id } });
    expect([visitor.status, visitor.headers.get('location')]).toEqual([303, '/account/inloggen/?terug=%2Fbeheer%2F%3F_action%3Dcuration.verifyMember']);
    for (const role of ['werkgever', 'gemeente'] as const) {
      const response = await sessions[role].request('/beheer/?_action=curation.verifyMember', { form: { userId: target!.id } });
      expect(response.status, role).toBe(403);
    }
    const [still] = await db.select().from(users).where(eq(users.email, member.email));
    expect(still!.membershipVerifiedAt).toBeNull();
    const ok = await sessions.curator.request('/beheer/?_action=curation.verifyMember', { form: { userId: target!.id } });
    expect(ok.status).toBe(303);
  });
});
