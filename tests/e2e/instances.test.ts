/**
 * Several instances on one database: two built servers on different ports
 * share one SQLite file in WAL mode, as two app processes behind a reverse proxy would. A
 * session made on one works on the other (and ends on both); an offer made on one shows on the
 * other at once, also on the public pitch page it had in its page cache; a rate limit counts the
 * tries on both together; the outbox, delivered by both through real local SMTP servers (one per
 * process, so the test knows who sent what), sends each message exactly once; and writes on both at the same moment never fail (no 500, no
 * SQLITE_BUSY in either log).
 */
import { rmSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, type DatabaseHandle } from '#db/client.ts';
import { startSmtpSink, type SmtpSink } from '../integration/mail/smtp-sink.ts';
import { startServer, type OwnServer } from './own-server.ts';
import { Browser, freshDatabase, insertPitch, offerForm, pitchEditForm, registrationForm, verifiedPerson, type Person } from './shared-database-support.ts';

let dir: string;
let url: string;
/** Where A and B deliver their mail. */
let sinkA: SmtpSink;
let sinkB: SmtpSink;
let a: OwnServer;
let b: OwnServer;
/** The test's own client on the file (a third process's view, for the outbox). */
let handle: DatabaseHandle;
let owner: Person;
let employers: Person[];
let pitchIds: string[];
let drafts: string[];

async function ready(server: OwnServer) {
  for (let i = 0; i < 200; i++) {
    if ((await fetch(`${server.baseURL}/readyz`)).status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`/readyz werd niet 200:\n${server.stdout()}\n${server.stderr()}`);
}

beforeAll(async () => {
  const fresh = await freshDatabase('instances');
  dir = fresh.dir;
  url = fresh.url;
  const { db } = fresh.handle;
  owner = await verifiedPerson(db, 'municipality', 'eigenaar');
  employers = [];
  for (let i = 0; i < 22; i++) employers.push(await verifiedPerson(db, 'employer', 'werkgever'));
  pitchIds = [await insertPitch(db, owner, 'published', 'Samen aan het werk in Kogerveld'), await insertPitch(db, owner, 'published', 'Werk in de Poelenbrug')];
  drafts = [];
  for (let i = 0; i < 20; i++) drafts.push(await insertPitch(db, owner, 'draft', `Concept ${i}`));
  fresh.handle.close();

  [sinkA, sinkB] = await Promise.all([startSmtpSink(), startSmtpSink()]);
  // TRUST_PROXY lets each browser have its own address.
  [a, b] = await Promise.all([startServer(url, { TRUST_PROXY: '1', SMTP_URL: sinkA.url }), startServer(url, { TRUST_PROXY: '1', SMTP_URL: sinkB.url })]);
  await Promise.all([ready(a), ready(b)]);
  handle = await openDatabase({ url });
});

/** Stops a server gracefully (SIGTERM: its mail deliveries finish), so the SMTP sink closes on no open connection. */
async function stop(server: OwnServer | undefined) {
  if (!server?.process.pid || server.process.exitCode !== null) return;
  server.process.kill('SIGTERM');
  const timer = setTimeout(() => server.kill(), 15_000);
  await server.exited;
  clearTimeout(timer);
}

afterAll(async () => {
  await Promise.all([stop(a), stop(b)]);
  handle?.close();
  await sinkA?.close();
  await sinkB?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The text of a page, and its status and ETag. */
async function page(browser: Browser, server: OwnServer, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.baseURL}${path}`, { headers: { 'x-forwarded-for': browser.ip, ...(browser.cookie ? { cookie: browser.cookie } : {}), ...headers }, redirect: 'manual' });
  return { status: response.status, etag: response.headers.get('etag'), location: response.headers.get('location'), text: await response.text() };
}

describe('twee app-processen op één databasebestand', () => {
  test('een sessie van A werkt op B, en uitloggen op B beëindigt hem ook op A', async () => {
    const person = employers[0]!;
    const browser = await new Browser(person.ip).logIn(a.baseURL, person.email);
    const onB = await page(browser, b, '/account/');
    expect(onB.status).toBe(200);
    expect(onB.text).toContain(person.name);

    const cookie = browser.cookie;
    const logout = await browser.request(b.baseURL, '/account/?_action=account.logout', {});
    expect([logout.status, logout.headers.get('location')]).toEqual([303, '/account/inloggen/?melding=uitgelogd']);
    const stale = new Browser(person.ip);
    stale.cookie = cookie;
    const onA = await page(stale, a, '/account/');
    expect(onA.status).toBe(303);
    expect(onA.location).toMatch(/^\/account\/inloggen\//);
  });

  test('een aanbod op A staat meteen op B: op de openbare pitchpagina uit B’s paginacache en bij de eigenaar', async () => {
    const [pitchId] = pitchIds as [string];
    const employer = employers[1]!;
    const visitor = new Browser('192.0.2.10');
    // B (and A) render the public page and keep it: a second request with its ETag gets 304.
    const before = await page(visitor, b, `/pitches/${pitchId}/`);
    expect(before.status).toBe(200);
    expect(before.text).not.toContain(employer.organisationName);
    expect((await page(visitor, b, `/pitches/${pitchId}/`, { 'if-none-match': before.etag! })).status, 'de pagina staat in B’s cache').toBe(304);
    expect((await page(visitor, a, `/pitches/${pitchId}/`)).status).toBe(200);

    const browser = await new Browser(employer.ip).signedIn(handle.db, employer);
    const offer = await browser.request(a.baseURL, `/pitches/${pitchId}/meedoen/?_action=offers.create`, offerForm(pitchId, 'Wij doen mee vanaf A'));
    expect([offer.status, offer.headers.get('location')]).toEqual([303, '/account/mijn-aanbod/?melding=aanbod-verstuurd']);

    // At once, on B: the cached page is not served any more (not even as 304), the new one names the employer.
    const after = await page(visitor, b, `/pitches/${pitchId}/`, { 'if-none-match': before.etag! });
    expect(after.status).toBe(200);
    expect(after.etag).not.toBe(before.etag);
    expect(after.text).toContain(`onder wie ${employer.organisationName}`);
    // The owner, signed in on B, sees the offer on the pitch's offer page.
    const ownerOnB = await new Browser(owner.ip).signedIn(handle.db, owner);
    const offers = await page(ownerOnB, b, `/pitches/${pitchId}/aanbod/`);
    expect(offers.status).toBe(200);
    expect(offers.text).toContain(employer.organisationName);
    expect(offers.text).toContain('Wij doen mee vanaf A');
  });

  test('een limiet telt over beide: foute wachtwoorden om en om op A en B lopen na evenveel pogingen vast als op één', async () => {
    const tries = async (person: Person, servers: OwnServer[]) => {
      const browser = new Browser(person.ip);
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const response = await browser.request(servers[i % servers.length]!.baseURL, '/account/inloggen/?_action=account.login', { email: person.email, password: `fout wachtwoord ${i}` });
        await response.arrayBuffer();
        statuses.push(response.status);
      }
      return statuses;
    };
    const onOne = await tries(employers[2]!, [a]);
    const onBoth = await tries(employers[3]!, [a, b]);
    expect(onOne).toEqual([401, 401, 401, 401, 401, 429]);
    expect(onBoth).toEqual(onOne);
  });

  test('de outbox verstuurt elke e-mail precies één keer terwijl beide processen bezorgen', async () => {
    const count = 40;
    const addresses = Array.from({ length: count }, (_, i) => `tweeling-${i}-${Date.now().toString(36)}@voorbeeld.nl`);
    // All at once, half through A and half through B: each queues its mail and starts delivering.
    const answers = await Promise.all(
      addresses.map(async (email, i) => {
        const browser = new Browser(`203.0.113.${i + 1}`);
        const response = await browser.request((i % 2 ? b : a).baseURL, '/account/registreren/?_action=account.register', registrationForm(`Tweeling ${i}`, email));
        await response.arrayBuffer();
        return `${response.status} ${response.headers.get('location')}`;
      }),
    );
    expect(new Set(answers)).toEqual(new Set(['303 /account/registreren/verstuurd/']));

    // Until the outbox holds none of them unsent (at most 30 s), and everything sent has arrived.
    const list = sql.join(addresses.map((address) => sql`${address}`), sql`, `);
    const received = () => [...sinkA.received, ...sinkB.received];
    const recipient = (mail: (typeof sinkA.received)[number]) => (mail.to && !Array.isArray(mail.to) ? (mail.to.value[0]?.address ?? '') : '');
    const arrivedFor = () => received().filter((mail) => addresses.includes(recipient(mail)));
    for (let i = 0; i < 300; i++) {
      const [row] = await handle.db.all<{ queued: number; total: number }>(sql`select sum(status <> 'sent') as queued, count(*) as total from outbox where to_address in (${list})`);
      if (row!.total === count && row!.queued === 0 && arrivedFor().length >= count) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // A second copy would come from the other process at about the same time, maybe later. Each
    // process sends one message after another (older first), so once a process has delivered a
    // mail queued after all of these, everything it sent before has arrived: register markers on
    // both until each process has delivered one (each process triggers its own delivery at once).
    const markers: string[] = [];
    const delivered = (sink: SmtpSink) => sink.received.some((mail) => markers.includes(recipient(mail)));
    for (let round = 0; round < 10 && !(delivered(sinkA) && delivered(sinkB)); round++) {
      const batch = [a, b].map((_, i) => `merkteken-${round}-${i}-${Date.now().toString(36)}@voorbeeld.nl`);
      markers.push(...batch);
      await Promise.all(
        [a, b].map(async (server, i) => {
          const response = await new Browser(`198.18.${round}.${i + 1}`).request(server.baseURL, '/account/registreren/?_action=account.register', registrationForm(`Merkteken ${round}-${i}`, batch[i]!));
          await response.arrayBuffer();
        }),
      );
      for (let i = 0; i < 200 && !batch.every((address) => received().some((mail) => recipient(mail) === address)); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect([delivered(sinkA), delivered(sinkB)], 'A en B hebben elk na deze berichten nog een e-mail bezorgd').toEqual([true, true]);

    const arrived = arrivedFor();
    const perAddress = new Map<string, number>();
    for (const mail of arrived) {
      perAddress.set(recipient(mail), (perAddress.get(recipient(mail)) ?? 0) + 1);
    }
    expect([...perAddress.entries()].filter(([, n]) => n !== 1), 'adressen die niet precies één e-mail kregen').toEqual([]);
    expect(perAddress.size).toBe(count);
    expect(new Set(arrived.map((mail) => mail.messageId)).size).toBe(count);
    expect(arrived.every((mail) => mail.subject === 'Bevestig uw e-mailadres voor Praktijkplein')).toBe(true);
    const [row] = await handle.db.all<{ sent: number }>(sql`select count(*) as sent from outbox where to_address in (${list}) and status = 'sent' and attempts = 1`);
    expect(row!.sent, 'elk bericht in één poging verstuurd').toBe(count);
  });

  test('gelijktijdig schrijven op beide: elk verzoek slaagt, geen 500 en geen SQLITE_BUSY in de logboeken', async () => {
    const [first, second] = pitchIds as [string, string];
    // Employers 4..21 are signed in; then offers, draft edits and page views on both at once.
    const signedIn = await Promise.all(employers.slice(4).map((person) => new Browser(person.ip).signedIn(handle.db, person)));
    const ownerBrowser = await new Browser(owner.ip).signedIn(handle.db, owner);
    const visitor = new Browser('192.0.2.20');
    const requests: Promise<string>[] = [];
    const expectAnswer = async (promise: Promise<Response>, success: string) => {
      const response = await promise;
      await response.arrayBuffer();
      const got = `${response.status} ${response.headers.get('location') ?? ''}`.trim();
      return got === success ? 'ok' : got;
    };
    signedIn.forEach((browser, i) => {
      for (const pitchId of [first, second]) {
        const server = (i + (pitchId === first ? 0 : 1)) % 2 ? b : a;
        requests.push(expectAnswer(browser.request(server.baseURL, `/pitches/${pitchId}/meedoen/?_action=offers.create`, offerForm(pitchId, `Gelijktijdig ${i}`)), '303 /account/mijn-aanbod/?melding=aanbod-verstuurd'));
      }
    });
    drafts.forEach((pitchId, i) => {
      const server = i % 2 ? b : a;
      requests.push(expectAnswer(ownerBrowser.request(server.baseURL, `/pitches/${pitchId}/bewerken/?_action=pitches.save`, pitchEditForm(pitchId, 1, `Tweemaal bewerkt ${i}`, owner)), `303 /pitches/${pitchId}/bewerken/?melding=pitch-opgeslagen`));
    });
    for (let i = 0; i < 20; i++) {
      requests.push(expectAnswer(visitor.request((i % 2 ? b : a).baseURL, i % 4 < 2 ? `/pitches/${first}/` : '/pitches/'), '200'));
    }
    const outcomes = await Promise.all(requests);
    expect(outcomes.filter((outcome) => outcome !== 'ok')).toEqual([]);

    const [offers] = await handle.db.all<{ n: number }>(sql`select count(*) as n from offers where message like 'Gelijktijdig %'`);
    expect(offers!.n).toBe(signedIn.length * 2);
    const [edits] = await handle.db.all<{ n: number }>(sql`select count(*) as n from pitches where title like 'Tweemaal bewerkt %' and version = 2`);
    expect(edits!.n).toBe(drafts.length);
    for (const server of [a, b]) {
      const log = `${server.stdout()}\n${server.stderr()}`;
      expect(log).not.toMatch(/SQLITE_BUSY|database is locked/i);
      expect(log).not.toMatch(/"status":5\d\d/);
    }
  });
});
