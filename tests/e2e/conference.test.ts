/**
 * The conference moment, on the shared server: a curator opens a live session; the beamer
 * computer opens the screen by its short screen code; a room of 60 new employers behind one
 * address (the venue's Wi-Fi: the same X-Forwarded-For) registers through the room code under
 * the QR code: two in Chromium (without and with JavaScript, one after a refused submit), the
 * rest as plain form posts. None is refused, and every offer waits for verification. The same
 * address without the session's pass is limited after the network's normal budget, with the
 * network's message, a time, and the fields kept; so is the plain registration page. The room
 * confirms its addresses; the curators' one mail about the room leaves by itself and the curator's
 * account counts the waiting; the curator confirms them from the live session's page (one tap in
 * Chromium, the rest as its forms post) and the screen counts all sixty. Axe finds nothing on the
 * changed pages.
 */
import { and, eq } from 'drizzle-orm';
import type { Browser as Chromium, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { offers } from '#db/marketplace-schema.ts';
import { organisations, outbox, users } from '#db/schema.ts';
import { limits } from '#platform/auth/rate-limit.ts';
import { axeViolations, connectBrowser, hasText, pageFrom, visible } from './browser.ts';
import { goodPassword, identity, linkFromMail, serverDatabase, verifyVia } from './accounts-support.ts';
import { Browser, insertPitch, verifiedPerson, type Form, type Person } from './shared-database-support.ts';
import { signIn } from './session-support.ts';
import { sharedServer } from './shared-server.ts';

let chromium: Chromium;
let curator: Person;
let pitchId: string;
let sessionId: string;
let roomCode: string;
let screenCode: string;
/** The venue's one public address: everyone in the room comes from it. */
const venue = identity('zaal').ip;
const stamp = Date.now().toString(36);
const ROOM = 60;

beforeAll(async () => {
  chromium = await connectBrowser();
  const { db } = await serverDatabase();
  const owner = await verifiedPerson(db, 'municipality', 'eigenaar');
  curator = await verifiedPerson(db, 'municipality', 'curator');
  await db.update(users).set({ role: 'curator' }).where(eq(users.id, curator.id));
  pitchId = await insertPitch(db, owner, 'published', `Werkconferentie ${stamp}: wie doet mee?`);
});

afterAll(async () => {
  await chromium?.close();
});

/** The offer-and-account form of one new employer, as the browser sends it. */
const newEmployerForm = (n: number, live?: string): Form => ({
  pitchId,
  helpKinds: ['werkervaringsplaatsen'],
  places: '1',
  startsOn: '',
  support: '',
  message: '',
  name: `Werkgever Zaal ${n}`,
  email: `zaal-${stamp}-${n}@bedrijf-${n}.nl`,
  password: goodPassword,
  employer: '',
  newEmployerName: `Zaalbedrijf ${stamp} ${n}`,
  ...(live ? { live } : {}),
});

/** A phone in the room follows the room code and fills in the form in Chromium. */
async function registerInBrowser(page: Page, n: number, options: { refusedFirst?: boolean } = {}) {
  await page.goto(`/l/${roomCode.toLowerCase()}`);
  await page.waitForURL((url) => url.pathname === `/pitches/${pitchId}/meedoen/` && url.searchParams.has('live'));
  await page.getByLabel('Werkervaringsplaatsen').check();
  await page.getByLabel('E-mailadres').fill(`zaal-${stamp}-${n}@bedrijf-${n}.nl`);
  await page.getByLabel('Wachtwoord').fill(goodPassword);
  await page.getByLabel(/Naam van een nieuwe werkgever/).fill(`Zaalbedrijf ${stamp} ${n}`);
  if (options.refusedFirst) {
    // No name: refused; the pass rides along in the hidden field, the address bar lost it.
    await page.getByRole('button', { name: 'Account maken en aanbod versturen' }).click();
    await visible(page.getByText('Fout:').first());
    expect(new URL(page.url()).searchParams.has('live')).toBe(false);
    expect(await page.locator('input[type=hidden][name=live]').count()).toBe(1);
    await page.getByLabel('Wachtwoord').fill(goodPassword);
  }
  await page.getByLabel('Uw naam').fill(`Werkgever Zaal ${n}`);
  await page.getByRole('button', { name: 'Account maken en aanbod versturen' }).click();
  await visible(page.getByRole('heading', { name: 'Kijk in uw e-mail' }));
}

describe('een werkconferentie met een live sessie', () => {
  test('de curator opent een sessie en ziet het korte adres voor de beamer en voor de zaal', async () => {
    const { page, context } = await pageFrom(chromium, curator.ip, true);
    await signIn(page, curator.email);
    await page.goto('/beheer/live/nieuw/');
    await page.getByLabel('Naam van de sessie').fill(`Werkconferentie ${stamp}`);
    await page.getByLabel(new RegExp(`Werkconferentie ${stamp}: wie doet mee\\?`)).check();
    await page.getByRole('button', { name: 'Sessie openen' }).click();
    await page.waitForURL(/\/beheer\/live\/[0-9a-f]{16}\/\?melding=live-geopend$/);
    sessionId = new URL(page.url()).pathname.split('/')[3]!;
    const text = await page.locator('#scherm').locator('..').innerText();
    screenCode = text.match(/\/live\/([2-9A-HJKMNP-Z]{6})\b/)![1]!;
    roomCode = text.match(/\/l\/([2-9A-HJKMNP-Z]{4})\b/)![1]!;
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  test('de beamer opent het scherm met de schermcode; onder de QR-code staat de code voor de zaal', async () => {
    const { page, context } = await pageFrom(chromium, '192.0.2.44', true);
    await page.goto(`/live/${screenCode}`);
    await page.waitForURL((url) => url.pathname === `/live/${sessionId}/` && url.searchParams.has('scherm'));
    expect(await page.locator('.pp-qr__url').innerText()).toMatch(new RegExp(`/l/${roomCode}$`));
    expect(await page.locator('[data-live-screen]').getAttribute('data-stream')).toMatch(new RegExp(`^/live/${sessionId}/stroom\\?scherm=`));
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
    // A code of no open session: 404 with what to check, and no violations.
    const { page: lost, context: lostContext } = await pageFrom(chromium, '192.0.2.45', true);
    const answer = await lost.goto('/l/ZZZZ');
    expect(answer?.status()).toBe(404);
    await visible(lost.getByRole('heading', { name: 'Deze code hoort niet bij een lopende live sessie' }));
    expect(await axeViolations(lost)).toEqual([]);
    await lostContext.close();
  });

  test(`${ROOM} nieuwe werkgevers vanaf één adres melden zich aan via de code van de zaal: niemand wordt geweigerd, elk aanbod wacht op bevestiging`, async () => {
    const withoutJs = await pageFrom(chromium, venue, false);
    await registerInBrowser(withoutJs.page, 0, { refusedFirst: true });
    await withoutJs.context.close();
    const withJs = await pageFrom(chromium, venue, true);
    await registerInBrowser(withJs.page, 1);
    // The form with the pass, and the answer, have no accessibility violations.
    expect(await axeViolations(withJs.page)).toEqual([]);
    await withJs.context.close();

    const { baseURL } = sharedServer();
    const room = Array.from({ length: ROOM - 2 }, (_, i) => i + 2);
    // A few phones at a time, as a room does; each follows the room code for its own pass.
    for (let start = 0; start < room.length; start += 4) {
      const answers = await Promise.all(
        room.slice(start, start + 4).map(async (n) => {
          const phone = new Browser(venue);
          const scan = await phone.request(baseURL, `/l/${roomCode}`);
          expect(scan.status).toBe(303);
          const target = new URL(scan.headers.get('location')!, baseURL);
          const live = target.searchParams.get('live')!;
          return (await phone.request(baseURL, `${target.pathname}?_action=offers.createWithAccount`, newEmployerForm(n, live))).status;
        }),
      );
      expect(answers).toEqual(answers.map(() => 303));
    }
    const { db } = await serverDatabase();
    const made = await db.select({ status: offers.status }).from(offers).where(eq(offers.pitchId, pitchId));
    expect(made).toHaveLength(ROOM);
    expect(made.every((offer) => offer.status === 'waiting-for-verification')).toBe(true);
  });

  test('zonder de pas van de sessie geldt het gewone budget van het netwerk: daarna de melding van het netwerk, met een tijd, en alles blijft ingevuld', async () => {
    const { baseURL } = sharedServer();
    const budget = limits.registerIp.capacity;
    for (let n = 0; n < budget; n++) {
      expect((await new Browser(venue).request(baseURL, `/pitches/${pitchId}/meedoen/?_action=offers.createWithAccount`, newEmployerForm(100 + n))).status).toBe(303);
    }
    const { page, context } = await pageFrom(chromium, venue, true);
    await page.goto(`/pitches/${pitchId}/meedoen/`);
    await page.getByLabel('Werkervaringsplaatsen').check();
    await page.getByLabel('Aantal plaatsen').fill('3');
    await page.getByLabel('Uw naam').fill('Zonder Pas');
    await page.getByLabel('E-mailadres').fill(`zonder-pas-${stamp}@bakkerij.nl`);
    await page.getByLabel('Wachtwoord').fill(goodPassword);
    await page.getByLabel(/Naam van een nieuwe werkgever/).fill('Bakkerij Zonder Pas');
    // The post redirects to the form's own address (no ?_action=), which answers 429 with the message.
    const refused = page.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).pathname === `/pitches/${pitchId}/meedoen/`);
    await page.getByRole('button', { name: 'Account maken en aanbod versturen' }).click();
    expect((await refused).status()).toBe(429);
    expect(page.url()).not.toContain('_action');
    await visible(page.getByText(/Vanaf dit netwerk zijn net veel accounts gemaakt\./));
    const message = await page.getByText(/Vanaf dit netwerk/).first().innerText();
    expect(message).toMatch(/kan weer om \d{2}:\d{2}\./);
    expect(message).not.toMatch(/u heeft het te vaak/i);
    expect(await page.getByLabel('Uw naam').inputValue()).toBe('Zonder Pas');
    expect(await page.getByLabel('E-mailadres').inputValue()).toBe(`zonder-pas-${stamp}@bakkerij.nl`);
    expect(await page.getByLabel(/Naam van een nieuwe werkgever/).inputValue()).toBe('Bakkerij Zonder Pas');
    expect(await page.getByLabel('Aantal plaatsen').inputValue()).toBe('3');
    expect(await page.getByLabel('Werkervaringsplaatsen').isChecked()).toBe(true);
    expect(await page.getByLabel('Wachtwoord').inputValue()).toBe('');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();

    // A pass that was tampered with counts as none: the same network message, saying why, never a 500.
    const tampered = await new Browser(venue).request(baseURL, `/pitches/${pitchId}/meedoen/?_action=offers.createWithAccount`, newEmployerForm(200, `${sessionId}.zzzzzzzz.${'A'.repeat(22)}`));
    expect(tampered.status).toBe(429);
    expect(await tampered.text()).toMatch(/De link van de QR-code klopt niet[^<]*Vanaf dit netwerk/);
  });

  test('de gewone registratiepagina zegt het net zo: de grens van het netwerk, een tijd, de velden blijven staan', async () => {
    const { baseURL } = sharedServer();
    const network = identity('kantoor').ip;
    const form = (n: number): Form => ({ name: `Mia Medewerker ${n}`, email: `mia-${stamp}-${n}@voorbeeld.nl`, password: goodPassword, kind: 'employer', employer: '', newEmployerName: `Kantoor ${stamp} ${n}` });
    const post = (n: number) => new Browser(network).request(baseURL, `/account/registreren/?soort=werkgever&_action=account.register`, form(n));
    for (let n = 0; n < limits.registerIp.capacity; n++) expect((await post(n)).status).toBe(303);
    const refused = await post(99);
    expect(refused.status).toBe(429);
    const html = await refused.text();
    expect(html).toMatch(/Vanaf dit netwerk zijn net veel accounts gemaakt\.[^<]*om \d{2}:\d{2}\./);
    expect(html).toContain(`value="mia-${stamp}-99@voorbeeld.nl"`);
    expect(html).toContain(`value="Kantoor ${stamp} 99"`);
    expect(html).not.toContain(goodPassword);
  });

  test('de zaal bevestigt haar e-mailadres; de curator krijgt één e-mail en een teller zonder verder verzoek, bevestigt vanaf de sessiepagina, en het scherm telt iedereen', async () => {
    const screen = await pageFrom(chromium, '192.0.2.46', true);
    await screen.page.goto(`/live/${screenCode}`);
    // The room, and the network's normal budget of accounts made without the pass.
    const waiting = ROOM + limits.registerIp.capacity;
    await hasText(screen.page.locator('[data-live-waiting]'), `${waiting} aanmeldingen wachten nog op bevestiging`);
    await hasText(screen.page.locator('[data-live-count]'), '0');

    // Everyone in the room confirms the address from the mail: one in Chromium, the rest as the form posts it.
    const { baseURL } = sharedServer();
    const employer = await pageFrom(chromium, venue, false);
    await verifyVia(employer.page, `zaal-${stamp}-1@bedrijf-1.nl`);
    await employer.context.close();
    const others = Array.from({ length: ROOM }, (_, n) => n).filter((n) => n !== 1);
    for (let start = 0; start < others.length; start += 6) {
      await Promise.all(others.slice(start, start + 6).map(async (n) => {
        const link = new URL(await linkFromMail(`zaal-${stamp}-${n}@bedrijf-${n}.nl`, /Bevestig uw e-mailadres/));
        const token = link.searchParams.get('token')!;
        const answer = await new Browser(venue).request(baseURL, `${link.pathname}?_action=account.confirmEmail`, { token });
        expect(answer.status).toBe(303);
      }));
    }

    // The curators' mail about the room leaves by itself (nobody asks the server anything from
    // here): one mail for the whole room, however many arrived in its minute.
    const { db } = await serverDatabase();
    const aboutRoom = async () => (await db.select().from(outbox).where(eq(outbox.toAddress, curator.email))).filter((mail) => mail.body.includes(`Zaalbedrijf ${stamp}`));
    await expect.poll(async () => (await aboutRoom()).filter((mail) => mail.status === 'sent').length, { timeout: 90_000, interval: 500 }).toBeGreaterThanOrEqual(1);
    const mails = await aboutRoom();
    expect(mails.length).toBeLessThanOrEqual(3);
    expect(mails.map((mail) => mail.body).join('\n')).toContain(`Zaalbedrijf ${stamp} 1`);

    // The curator's account counts them; the session's page lists them with a one-tap confirm.
    const desk = await pageFrom(chromium, curator.ip, true);
    await signIn(desk.page, curator.email);
    await hasText(desk.page.locator('#status-kop'), /^\d+ aanmeldingen wachten op bevestiging$/);
    expect(Number((await desk.page.locator('#status-kop').textContent())!.match(/\d+/)![0])).toBeGreaterThanOrEqual(ROOM);
    await desk.page.goto(`/beheer/live/${sessionId}/`);
    const room = desk.page.locator('[data-room-waiting]');
    const first = room.locator('[data-applicant]', { has: desk.page.getByRole('heading', { name: `Zaalbedrijf ${stamp} 1`, exact: true }) });
    await first.getByRole('button', { name: `Bevestig Zaalbedrijf ${stamp} 1 en Werkgever Zaal 1` }).click();
    await hasText(room.getByRole('status'), new RegExp(`Zaalbedrijf ${stamp} 1 is bevestigd als werkgever`));
    await hasText(screen.page.locator('[data-live-count]'), '1');
    expect(await axeViolations(desk.page)).toEqual([]);

    // The other taps, as the session page's forms post them.
    const curatorDesk = await new Browser(curator.ip).signedIn(db, curator);
    const sessionPage = `/beheer/live/${sessionId}/`;
    const organisationIds = (await db.select({ id: organisations.id, name: organisations.name }).from(organisations))
      // The room (0 to ROOM-1), not the accounts made without the pass; number 1 was confirmed above.
      .filter((organisation) => {
        const n = Number(organisation.name.slice(`Zaalbedrijf ${stamp} `.length));
        return organisation.name.startsWith(`Zaalbedrijf ${stamp} `) && n < ROOM && n !== 1;
      })
      .map((organisation) => organisation.id);
    expect(organisationIds).toHaveLength(ROOM - 1);
    for (let start = 0; start < organisationIds.length; start += 6) {
      await Promise.all(organisationIds.slice(start, start + 6).map(async (organisationId) => {
        const answer = await curatorDesk.request(baseURL, `${sessionPage}?_action=curation.verifyOrganisation`, { organisationId, decision: 'confirm', returnTo: sessionPage });
        expect(answer.status).toBe(303);
        expect(new URL(answer.headers.get('location')!, baseURL).pathname).toBe(sessionPage);
      }));
    }
    await desk.context.close();

    await hasText(screen.page.locator('[data-live-count]'), String(ROOM));
    await hasText(screen.page.locator('[data-live-waiting]'), `${limits.registerIp.capacity} aanmeldingen wachten nog op bevestiging`);
    const released = await db.select({ id: offers.id }).from(offers).where(and(eq(offers.pitchId, pitchId), eq(offers.status, 'offered')));
    expect(released).toHaveLength(ROOM);
    await screen.context.close();
  }, 180_000);
});
