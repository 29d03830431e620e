/** A send can never outlive the outbox's claim on the message (issue 6, item 13). */
import { describe, expect, test } from 'vitest';
import { LEASE_MS } from '../../src/jobs/outbox-delivery.ts';
import { SEND_TIMEOUT_MS } from '../../src/mail/transport.ts';
import { readFileSync } from 'node:fs';

describe('versturen binnen de claim', () => {
  test('de harde grens op één verzending past ruim binnen de claim, en de SMTP-verzending gebruikt hem', () => {
    expect(SEND_TIMEOUT_MS).toBeLessThan(LEASE_MS / 2);
    const source = readFileSync('src/mail/transport.ts', 'utf8');
    expect(source).toMatch(/signal: AbortSignal\.timeout\(SEND_TIMEOUT_MS\)/);
    expect(readFileSync('src/jobs/outbox-delivery.ts', 'utf8')).toMatch(/LEASE_MARGIN_MS = SEND_TIMEOUT_MS \+/);
  });
});
