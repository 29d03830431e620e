/** A send can never outlive the outbox's claim on the message. */
import { describe, expect, test } from 'vitest';
import { LEASE_MS } from '#platform/mail/outbox-delivery.ts';
import { SEND_TIMEOUT_MS } from '#platform/mail/transport.ts';
import { readFileSync } from 'node:fs';

describe('versturen binnen de claim', () => {
  test('de harde grens op één verzending past ruim binnen de claim, en de SMTP-verzending gebruikt hem', () => {
    expect(SEND_TIMEOUT_MS).toBeLessThan(LEASE_MS / 2);
    const source = readFileSync('src/platform/mail/transport.ts', 'utf8');
    expect(source).toMatch(/signal: AbortSignal\.timeout\(SEND_TIMEOUT_MS\)/);
    expect(readFileSync('src/platform/mail/outbox-delivery.ts', 'utf8')).toMatch(/LEASE_MARGIN_MS = SEND_TIMEOUT_MS \+/);
  });
});
