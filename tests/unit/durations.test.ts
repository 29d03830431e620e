/** Texts about how long something lasts come from the constants that decide it. */
import { describe, expect, test } from 'vitest';
import { TOKEN_LIFETIME_MS } from '#platform/auth/one-time-token.ts';
import { durationText } from '#platform/texts/nl.ts';
import { passwordResetMessage, verifyEmailMessage } from '#platform/mail/messages.ts';

describe('duur in woorden', () => {
  test('minuten, uren en dagen zoals mensen ze zeggen', () => {
    expect(durationText(30 * 60_000)).toBe('30 minuten');
    expect(durationText(60_000)).toBe('1 minuut');
    expect(durationText(24 * 3_600_000)).toBe('24 uur');
    expect(durationText(48 * 3_600_000)).toBe('48 uur');
    expect(durationText(7 * 24 * 3_600_000)).toBe('7 dagen');
  });

  test('de e-mail noemt de geldigheid die de link echt heeft', () => {
    expect(passwordResetMessage('a@b.nl', 'Anna', 'https://x/').body).toContain(`(${durationText(TOKEN_LIFETIME_MS['password-reset'])} geldig`);
    expect(verifyEmailMessage('a@b.nl', 'https://x/').body).toContain(`(${durationText(TOKEN_LIFETIME_MS['email-verification'])} geldig`);
    expect(passwordResetMessage('a@b.nl', 'Anna', 'https://x/').body).toContain('(30 minuten geldig');
  });
});
