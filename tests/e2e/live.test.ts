/**
 * The live pitch session in a browser, on built servers of the test's
 * own that share one database file, as two app instances behind a load balancer would:
 * a curator opens a session through the form; the big screen shows a new offer made through the
 * real "Ik doe mee" form (on a 390 px phone, on the same instance and on the other one) without a
 * reload; a new employer reaches the form through the QR code's address and registers there;
 * without JavaScript "Ververs" shows the current count; the screen reconnects by itself after its
 * server restarts (and the graceful stop is not held up by the open stream); ending the session
 * turns the screen into "Sessie afgelopen" with the final tally. Axe finds nothing on any of the
 * pages. Waits are generous waits for text, never timing assertions.
 */
import { rmSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Browser as Chromium, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, type DatabaseHandle } from '#db/client.ts';
import { offers } from '#db/marketplace-schema.ts';
import { users } from '#db/schema.ts';
import { axeViolations, hasText, connectBrowser, visible } from './browser.ts';
import { goodPassword } from './accounts-support.ts';
import { startServer, type OwnServer } from './own-server.ts';
import { Browser, freshDatabase, insertPitch, offerForm, verifiedPerson, type Person } from './shared-database-support.ts';
import { signIn } from './session-support.ts';

let dir: string;
let url: string;
let handle: DatabaseHandle;
let chromium: Chromium;
let a: OwnServer;
let b: OwnServer;
const servers: OwnServer[] = [];
let curator: Person;
let employers: Person[];
let pitchId: string;
let sessionId: string;
const contexts: BrowserContext[] = [];

/** A server (on `port`, else a free one) with SITE_URL on its port (the QR code's address must be reachable). */
async function serverOn(port?: number): Promise<OwnServer> {
  const settings = (chosen: number) => ({ SITE_URL: `http://127.0.0.1:${chosen}`, TRUST_PROXY: '1' });
  const server = await startServer(url, port ? { ...settings(port), PORT: String(port) } : settings);
  servers.push(server);
  for (let i = 0; i < 200 && (await fetch(`${server.baseURL}/readyz`)).status !== 200; i++) await new Promise((resolve) => setTimeout(resolve, 100));
  return server;
}

/** A browser context on one server, from its own client address, phone-sized when asked. */
async function contextOn(server: OwnServer, ip: string, options: { phone?: boolean; javaScript?: boolean; viewport?: { width: number; height: number } } = {}) {
  const context = await chromium.newContext({
    baseURL: server.baseURL,
    locale: 'nl-NL',
    javaScriptEnabled: options.javaScript ?? true,
    viewport: options.viewport ?? (options.phone ? { width: 390, height: 844 } : { width: 1280, height: 800 }),
    extraHTTPHeaders: { 'x-forwarded-for': ip },
  });
  contexts.push(context);
  return context;
}

/** The open screen of the session on a server, marked so a reload would show. */
async function screenOn(server: OwnServer, ip: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await (await contextOn(server, ip, { viewport })).newPage();
  await page.goto(`/live/${sessionId}/`);
  await page.evaluate(() => Object.assign(window, { notReloaded: true }));
  return page;
}

const stillSamePage = (page: Page) => page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true);

/** An employer, signed in on `server`, answers "Ik doe mee" through the real form (named on the screen). */
async function offerThroughForm(server: OwnServer, employer: Person, options: { phone?: boolean } = {}) {
  const page = await (await contextOn(server, employer.ip, options)).newPage();
  await signIn(page, employer.email, handle.db);
  await page.goto(`/pitches/${pitchId}/meedoen/`);
  await page.getByLabel('Werkervaringsplaatsen').check();
  await page.getByLabel('Aantal plaatsen').fill('2');
  await page.getByLabel(/De naam van mijn organisatie mag/).check();
  await page.getByRole('button', { name: 'Aanbod versturen' }).click();
  await page.waitForURL((address) => !address.pathname.endsWith('/meedoen/'));
}

beforeAll(async () => {
  const fresh = await freshDatabase('live');
  dir = fresh.dir;
  url = fresh.url;
  const { db } = fresh.handle;
  const owner = await verifiedPerson(db, 'municipality', 'eigenaar');
  curator = await verifiedPerson(db, 'municipality', 'curator');
  await db.update(users).set({ role: 'curator' }).where(eq(users.id, curator.id));
  employers = [];
  for (let i = 0; i < 5; i++) employers.push(await verifiedPerson(db, 'employer', 'werkgever'));
  pitchId = await insertPitch(db, owner, 'published', 'Poelenbrug: wie biedt live?');
  fresh.handle.close();
  // One after the other: two cores, and each start migrates and warms up.
  a = await serverOn();
  b = await serverOn();
  handle = await openDatabase({ url });
  chromium = await connectBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await chromium?.close();
  for (const server of servers) server.kill();
  handle?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('een live pitchsessie', () => {
  test('een curator opent een sessie via het formulier; de beheerpagina’s hebben geen toegankelijkheidsfouten', async () => {
    const page = await (await contextOn(a, curator.ip)).newPage();
    await signIn(page, curator.email, handle.db);
    await page.goto('/beheer/live/');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Nieuwe sessie' }).click();
    await page.waitForURL(/\/beheer\/live\/nieuw\/$/);
    expect(await axeViolations(page)).toEqual([]);
    // Refused first (no pitch chosen): the message, and still no violations.
    await page.getByLabel('Naam van de sessie').fill('Werkconferentie in de Poelenbrug');
    await page.getByRole('button', { name: 'Sessie openen' }).click();
    await visible(page.getByText('Kies minstens één pitch.'));
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel(/Poelenbrug: wie biedt live\?/).check();
    await page.getByRole('button', { name: 'Sessie openen' }).click();
    await page.waitForURL(/\/beheer\/live\/[0-9a-f]{16}\/\?melding=live-geopend$/);
    sessionId = new URL(page.url()).pathname.split('/')[3]!;
    await visible(page.getByText('De sessie is geopend.'));
    expect(await axeViolations(page)).toEqual([]);
    // The screen's short address for the beamer leads to the screen with its key (a reserved stream slot).
    expect(await page.getByRole('link', { name: /\/live\/[2-9A-HJKMNP-Z]{6}$/ }).getAttribute('href')).toMatch(new RegExp(`^/live/${sessionId}/\\?scherm=[A-Za-z0-9_-]{22}$`));
  });

  test('het scherm toont zonder herladen het aanbod dat een werkgever op een telefoon via het echte formulier doet, met naam', async () => {
    const screen = await screenOn(a, '192.0.2.1');
    await hasText(screen.locator('[data-live-count]'), '0');
    const employer = employers[0]!;
    await offerThroughForm(a, employer, { phone: true });
    await hasText(screen.locator('[data-live-count]'), '1');
    await hasText(screen.locator('[data-live-names]'), employer.organisationName);
    await hasText(screen.locator('[data-live-label]'), 'werkgever doet mee');
    // Announced politely for screen readers, with the new name.
    expect(await screen.getByRole('status').innerText()).toContain(`Nieuw: ${employer.organisationName}`);
    expect(await stillSamePage(screen), 'zonder herladen').toBe(true);
  });

  test('twee instanties op één database: een aanbod via B verschijnt op het scherm van A (en van B)', async () => {
    const onA = await screenOn(a, '192.0.2.2');
    const onB = await screenOn(b, '192.0.2.3');
    await hasText(onA.locator('[data-live-count]'), '1');
    const employer = employers[1]!;
    await offerThroughForm(b, employer);
    for (const screen of [onA, onB]) {
      await hasText(screen.locator('[data-live-count]'), '2');
      await hasText(screen.locator('[data-live-names]'), new RegExp(employer.organisationName));
      expect(await stillSamePage(screen)).toBe(true);
    }
  });

  test('een nieuwe werkgever volgt de QR-link op een telefoon en meldt zich aan in hetzelfde formulier; het scherm telt het mee zodra het bevestigd is', async () => {
    const screen = await screenOn(a, '192.0.2.4');
    const qrTarget = await screen.locator('.pp-qr__url').getAttribute('href');
    // The QR code holds the session's short room address, which leads to the pitch's form with the session's pass.
    expect(qrTarget).toMatch(new RegExp(`^${a.baseURL}/l/[2-9A-HJKMNP-Z]{4}$`));
    expect(await screen.locator('.pp-qr svg').count(), 'de QR-code staat als SVG in de pagina').toBe(1);

    const phone = await (await contextOn(a, '192.0.2.5', { phone: true })).newPage();
    await phone.goto(qrTarget!);
    expect(new URL(phone.url()).pathname).toBe(`/pitches/${pitchId}/meedoen/`);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'past op 390 px').toBe(true);
    await phone.getByLabel('Werkervaringsplaatsen').check();
    await phone.getByLabel(/De naam van mijn organisatie mag/).check();
    await phone.getByLabel('Uw naam').fill('Nina Nieuw');
    const email = `nina-${Date.now().toString(36)}@bakkerij-voorbeeld.nl`;
    await phone.getByLabel('E-mailadres').fill(email);
    await phone.getByLabel('Wachtwoord').fill(goodPassword);
    await phone.getByLabel(/Naam van een nieuwe werkgever/).fill('Bakkerij Nieuw Begin');
    await phone.getByRole('button', { name: 'Account maken en aanbod versturen' }).click();
    await visible(phone.getByRole('heading', { name: 'Kijk in uw e-mail' }));

    // Waiting for a confirmation: a number on the screen, no name.
    await hasText(screen.locator('[data-live-waiting]'), '1 aanmelding wacht nog op bevestiging');
    expect(await screen.locator('[data-live-names]').innerText()).not.toContain('Bakkerij Nieuw Begin');
    // Once confirmed (what a curator's verification does to the waiting offer), it counts, named.
    const [person] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    await handle.db.update(offers).set({ status: 'offered' }).where(eq(offers.authorId, person!.id));
    await hasText(screen.locator('[data-live-count]'), '3');
    await hasText(screen.locator('[data-live-names]'), /Bakkerij Nieuw Begin/);
    expect(await screen.locator('[data-live-waiting]').innerText()).toBe('');
    expect(await stillSamePage(screen)).toBe(true);
  });

  test('zonder JavaScript toont het scherm de stand, en “Ververs” de nieuwe stand', async () => {
    const page = await (await contextOn(a, '192.0.2.6', { javaScript: false })).newPage();
    await page.goto(`/live/${sessionId}/`);
    expect(await page.locator('[data-live-count]').innerText()).toBe('3');
    const employer = employers[2]!;
    const browser = await new Browser(employer.ip).signedIn(handle.db, employer);
    const offer = await browser.request(a.baseURL, `/pitches/${pitchId}/meedoen/?_action=offers.create`, offerForm(pitchId, 'Wij doen mee'));
    expect(offer.status).toBe(303);
    await page.getByRole('link', { name: 'Ververs' }).click();
    await page.waitForLoadState();
    expect(await page.locator('[data-live-count]').innerText()).toBe('4');
    expect(await page.locator('[data-live-names]').innerText()).toContain(employer.organisationName);
  });

  test('op 1280×720 en 1920×1080 past één pitch zonder scrollen; axe vindt niets op het scherm', async () => {
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]) {
      const screen = await screenOn(a, '192.0.2.7', viewport);
      await hasText(screen.locator('[data-live-count]'), '4');
      const fits = await screen.evaluate(() => [document.documentElement.scrollHeight <= window.innerHeight, document.documentElement.scrollWidth <= window.innerWidth]);
      expect(fits, `${viewport.width}×${viewport.height}`).toEqual([true, true]);
      expect(await axeViolations(screen)).toEqual([]);
    }
  });

  test('valt de server weg, dan meldt het scherm “verbinding herstellen…” en pakt het de draad vanzelf weer op; het stoppen wacht niet op de open stroom', async () => {
    const first = await serverOn();
    const { port } = first;
    const screen = await screenOn(first, '192.0.2.8');
    await hasText(screen.locator('[data-live-count]'), '4');
    const connection = screen.locator('[data-live-connection]');
    expect(await connection.isHidden()).toBe(true);

    first.process.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const stopped = first.stdout().split('\n').find((line) => line.includes('"Server gestopt"'));
    expect(stopped, 'de server logt zijn stop').toBeTruthy();
    expect(JSON.parse(stopped!), 'geen verbinding hoefde na de wachttijd te worden afgebroken').not.toHaveProperty('cut');
    // The request log still has the stream's line, written when it ended.
    const streamLine = first.stdout().split('\n').find((line) => line.includes(`"/live/${sessionId}/stroom"`));
    expect(JSON.parse(streamLine!)).toMatchObject({ method: 'GET', status: 200 });
    await visible(connection);
    expect(await connection.innerText()).toBe('verbinding herstellen…');

    // The same address comes back (a restart); an offer made meanwhile shows without a reload.
    const employer = employers[3]!;
    const again = await serverOn(port);
    const browser = await new Browser(employer.ip).signedIn(handle.db, employer);
    expect((await browser.request(again.baseURL, `/pitches/${pitchId}/meedoen/?_action=offers.create`, { ...offerForm(pitchId, 'Na de herstart'), showName: 'true' })).status).toBe(303);
    await hasText(screen.locator('[data-live-count]'), '5');
    await hasText(screen.locator('[data-live-names]'), new RegExp(employer.organisationName));
    await connection.waitFor({ state: 'hidden', timeout: 10_000 });
    expect(await stillSamePage(screen)).toBe(true);
  });

  test('de curator beëindigt de sessie na bevestigen; het scherm toont vanzelf “Sessie afgelopen” met de eindstand', async () => {
    const screen = await screenOn(b, '192.0.2.9');
    await hasText(screen.locator('[data-live-count]'), '5');
    const page = await (await contextOn(a, curator.ip)).newPage();
    await signIn(page, curator.email, handle.db);
    await page.goto(`/beheer/live/${sessionId}/`);
    await page.getByRole('link', { name: 'Sessie beëindigen…' }).click();
    await visible(page.getByText('Weet u het zeker?'));
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ja, sessie beëindigen' }).click();
    await visible(page.getByText('De sessie is beëindigd.'));

    await visible(screen.getByRole('heading', { level: 1, name: 'Sessie afgelopen' }));
    const final = await screen.locator('.pp-final__pitch').innerText();
    expect(final).toContain('Poelenbrug: wie biedt live?');
    expect(final).toMatch(/5\s+werkgevers doen mee/);
    expect(final).toContain(employers[0]!.organisationName);
    expect(await axeViolations(screen)).toEqual([]);
    // The stream of an ended session sends the final state and ends (EventSource may reconnect; it ends again).
    const stream = await fetch(`${a.baseURL}/live/${sessionId}/stroom`);
    expect(await stream.text()).toContain('"status":"ended"');
  });
});
