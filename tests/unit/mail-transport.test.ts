/**
 * The console transport prints mail with its links (and their tokens) to stdout: it must never
 * run in production, where stdout is the log. SMTP is chosen whenever SMTP_URL is set.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { consoleTransport, transportFromConfig } from '#platform/mail/transport.ts';

const network = { name: 'Netwerk', email: 'redactie@netwerk.example', isExample: false };
const message = { to: 'anna@voorbeeld.nl', subject: 'Nieuw wachtwoord', body: 'https://praktijkplein.nl/account/wachtwoord-herstellen/?token=geheim' };

afterEach(() => vi.restoreAllMocks());

describe('transport', () => {
  test('in productie zonder SMTP_URL: geen console, versturen mislukt (het bericht blijft in de wachtrij)', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const write = vi.spyOn(process.stdout, 'write');
    const transport = transportFromConfig({ production: true, mail: { from: 'Praktijkplein <no-reply@praktijkplein.nl>' }, network });
    expect(transport).not.toBe(consoleTransport);
    await expect(transport.send(message)).rejects.toThrow(/SMTP_URL/);
    expect(log).not.toHaveBeenCalled();
    expect(write.mock.calls.some(([chunk]) => String(chunk).includes('geheim'))).toBe(false);
  });

  test('buiten productie zonder SMTP_URL: de console (om lokaal te proberen)', () => {
    expect(transportFromConfig({ production: false, mail: { from: 'x <x@x.nl>' }, network })).toBe(consoleTransport);
  });
});
