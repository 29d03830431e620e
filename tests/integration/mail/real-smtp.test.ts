/**
 * Real mail: the outbox delivery job sends through the real SMTP transport
 * (nodemailer) to a local SMTP server started here, and the test reads what arrives: Dutch
 * characters intact in subject, sender name and text; From is MAIL_FROM and Reply-To the
 * network's mailbox; one plain-text part; links from SITE_URL. A refused connection (nobody
 * listening) or one dropped in the middle of DATA leaves the message queued for a retry, with
 * its next attempt in the future, and the retry delivers it.
 */
import { createServer, type Server } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { outbox } from '#db/schema.ts';
import { register } from '#features/accounts/registration.ts';
import { deliverPendingMail, FIRST_RETRY_MS } from '#platform/mail/outbox-delivery.ts';
import { enqueueMail } from '#platform/mail/outbox.ts';
import { smtpTransport, transportFromConfig } from '#platform/mail/transport.ts';
import { strongPassword, testDatabase, type TestDb } from '../accounts/helpers.ts';
import { startSmtpSink, type SmtpSink } from './smtp-sink.ts';

const SITE_URL = 'https://praktijkplein.test';
const MAIL_FROM = 'Praktijkplein – Netwerk Zaanstreek <no-reply@praktijkplein.test>';
const NETWORK_EMAIL = 'redactie@netwerk-zaanstreek.example';
const DUTCH = 'Café-overleg over één reïntegratietraject: ’s ochtends, € 12,50 per uur';

let t: TestDb;
let sink: SmtpSink;
const closers: Array<() => unknown> = [];

beforeEach(async () => {
  t = await testDatabase();
  sink = await startSmtpSink();
});
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await sink.close();
  t.cleanup();
});

async function rows() {
  return t.handle.db.select().from(outbox);
}

async function queueDutchMail(to = 'zoë@voorbeeld.nl') {
  await enqueueMail(t.handle.db, { to, subject: DUTCH, body: `Hallo,\n\n${DUTCH}.\n\nBekijk het op ${SITE_URL}/pitches/` });
}

/** A port where nothing listens. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** An SMTP server that accepts the envelope, answers DATA with 354 and then cuts the connection at the first byte of the message. */
async function droppingServer(): Promise<{ port: number; dropped: () => number }> {
  let dropped = 0;
  const server: Server = createServer((socket) => {
    let inData = false;
    socket.write('220 localhost ESMTP\r\n');
    socket.on('data', (chunk) => {
      if (inData) {
        dropped++;
        socket.destroy();
        return;
      }
      for (const line of chunk.toString('latin1').split('\r\n').filter(Boolean)) {
        const command = line.slice(0, 4).toUpperCase();
        if (command === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (command === 'QUIT') {
          socket.end('221 bye\r\n');
        } else {
          socket.write('250 ok\r\n');
        }
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(resolve)));
  return { port: (server.address() as { port: number }).port, dropped: () => dropped };
}

describe('echte e-mail via SMTP', () => {
  test('wat aankomt: Nederlandse tekens heel, From en Reply-To goed, platte tekst, links van SITE_URL', async () => {
    const registered = await register(t.deps({ origin: SITE_URL }), {
      name: 'Zoë d’Hondt-Hélène',
      email: 'zoe.dhondt@voorbeeld.nl',
      password: strongPassword,
      kind: 'municipality',
      organisationId: 'zaanstad',
    });
    expect(registered.ok).toBe(true);
    await queueDutchMail();

    // Through the configuration, as the server builds it: SMTP_URL, MAIL_FROM, NETWORK_EMAIL.
    const transport = transportFromConfig({
      production: true,
      mail: { smtpUrl: sink.url, from: MAIL_FROM },
      network: { name: 'Netwerk Zaanstreek', email: NETWORK_EMAIL, isExample: false },
    });
    expect(await deliverPendingMail(t.handle.db, transport)).toBe(2);
    expect((await rows()).map((row) => row.status)).toEqual(['sent', 'sent']);

    const dutch = await sink.waitFor(/Café/);
    expect(dutch.subject).toBe(DUTCH);
    expect(dutch.text).toContain(`${DUTCH}.`);
    expect(dutch.to && !Array.isArray(dutch.to) ? dutch.to.value[0]!.address : undefined).toBe('zoë@voorbeeld.nl');

    const confirm = await sink.waitFor(/Bevestig uw e-mailadres/);
    for (const mail of [dutch, confirm]) {
      expect(mail.from?.value).toEqual([{ name: 'Praktijkplein – Netwerk Zaanstreek', address: 'no-reply@praktijkplein.test' }]);
      expect(mail.replyTo?.value.map((v) => v.address)).toEqual([NETWORK_EMAIL]);
      // One plain-text part in UTF-8, no HTML.
      expect(mail.html).toBe(false);
      const type = mail.headers.get('content-type') as { value: string; params: Record<string, string> };
      expect(type.value).toBe('text/plain');
      expect(type.params.charset?.toLowerCase()).toBe('utf-8');
      const links = mail.text!.match(/https?:\/\/\S+/g) ?? [];
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) expect(link.startsWith(`${SITE_URL}/`), link).toBe(true);
    }
    // What arrives is, character for character, what the app queued.
    const queued = await rows();
    for (const mail of [dutch, confirm]) {
      const row = queued.find((r) => r.subject === mail.subject);
      expect(mail.text!.trimEnd()).toBe(row!.body.trimEnd());
    }
    expect(confirm.text).toMatch(new RegExp(`${SITE_URL}/account/bevestigen/\\?token=\\S+`));
  });

  test('geweigerde verbinding: het bericht blijft in de wachtrij met een volgende poging later, en die komt aan', async () => {
    await queueDutchMail();
    const before = Date.now();
    const refused = smtpTransport({ url: `smtp://127.0.0.1:${await closedPort()}`, from: MAIL_FROM, replyTo: NETWORK_EMAIL });
    expect(await deliverPendingMail(t.handle.db, refused)).toBe(0);

    const [waiting] = await rows();
    expect(waiting!.status).toBe('queued');
    expect(waiting!.attempts).toBe(1);
    expect(waiting!.nextAttemptAt).toBeGreaterThan(before);
    expect(waiting!.lastError).toMatch(/ECONNREFUSED/);
    // Not due before its time.
    const good = smtpTransport({ url: sink.url, from: MAIL_FROM, replyTo: NETWORK_EMAIL });
    expect(await deliverPendingMail(t.handle.db, good)).toBe(0);
    expect(sink.received).toHaveLength(0);

    const later = () => Date.now() + FIRST_RETRY_MS + 1000;
    expect(await deliverPendingMail(t.handle.db, good, later)).toBe(1);
    expect((await sink.waitFor(/Café/)).subject).toBe(DUTCH);
    expect(sink.received).toHaveLength(1);
    expect((await rows())[0]!.status).toBe('sent');
  });

  test('verbinding valt weg midden in DATA: het bericht blijft in de wachtrij, niet verloren, en komt bij de volgende poging heel aan', async () => {
    await queueDutchMail();
    const before = Date.now();
    const dropping = await droppingServer();
    const transport = smtpTransport({ url: `smtp://127.0.0.1:${dropping.port}`, from: MAIL_FROM, replyTo: NETWORK_EMAIL });
    expect(await deliverPendingMail(t.handle.db, transport)).toBe(0);
    expect(dropping.dropped()).toBe(1);

    const [waiting] = await t.handle.db.select().from(outbox).where(eq(outbox.toAddress, 'zoë@voorbeeld.nl'));
    expect(waiting!.status).toBe('queued');
    expect(waiting!.attempts).toBe(1);
    expect(waiting!.nextAttemptAt).toBeGreaterThan(before);
    expect(waiting!.lastError).toBeTruthy();

    const good = smtpTransport({ url: sink.url, from: MAIL_FROM, replyTo: NETWORK_EMAIL });
    expect(await deliverPendingMail(t.handle.db, good, () => Date.now() + FIRST_RETRY_MS + 1000)).toBe(1);
    const arrived = await sink.waitFor(/Café/);
    expect(arrived.text).toContain(DUTCH);
  });
});
