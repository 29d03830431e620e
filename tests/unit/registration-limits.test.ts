/**
 * What a refused registration says: the network's limit (not the person's fault), the time in
 * Amsterdam when it works again, that the fields are kept; and why a live session's pass did not
 * count. Also how a typed short code is read.
 */
import { describe, expect, test } from 'vitest';
import { registrationLimitMessage, retryClock } from '#web/texts/registration-limits.ts';
import { normaliseCode } from '#features/live/live-codes.ts';

// 11 March 2027, 13:30:20 UTC = 14:30:20 in Amsterdam (winter time); 1 July: summer time.
const winter = Date.UTC(2027, 2, 11, 13, 30, 20);
const summer = Date.UTC(2027, 6, 1, 12, 0, 0);

describe('de melding bij een grens', () => {
  test('de tijd op de klok in Amsterdam, naar boven afgerond op een hele minuut', () => {
    expect(retryClock(winter, 4 * 60_000 + 30_000)).toBe('14:35');
    expect(retryClock(winter, 39_000)).toBe('14:31');
    expect(retryClock(summer, 10 * 60_000)).toBe('14:10');
  });

  test('het netwerk, niet de persoon; de tijd; de velden blijven staan', () => {
    const message = registrationLimitMessage({ limit: 'network', retryAfterMs: 4 * 60_000 + 30_000 }, winter);
    expect(message).toMatch(/^Vanaf dit netwerk zijn net veel accounts gemaakt\./);
    expect(message).toContain('wifi van een zaal');
    expect(message).toContain('om 14:35');
    expect(message).toContain('Wat u invulde staat er nog; typ alleen uw wachtwoord opnieuw.');
    expect(message).not.toMatch(/u heeft het te vaak/i);
  });

  test('een pas die niet meer telt, zegt eerst waarom', () => {
    const limit = { limit: 'network', retryAfterMs: 60_000 } as const;
    expect(registrationLimitMessage(limit, winter, { ok: false, reason: 'ended' })).toMatch(/^De live sessie van de QR-code is afgelopen.*Vanaf dit netwerk/);
    expect(registrationLimitMessage(limit, winter, { ok: false, reason: 'expired' })).toMatch(/^De link van de QR-code is te oud/);
    expect(registrationLimitMessage(limit, winter, { ok: false, reason: 'invalid' })).toMatch(/^De link van de QR-code klopt niet/);
    expect(registrationLimitMessage(limit, winter, { ok: true, sessionId: 'x' })).toMatch(/^Vanaf dit netwerk/);
  });

  test('de grens van één e-mailadres noemt het adres, met de tijd', () => {
    expect(registrationLimitMessage({ limit: 'address', retryAfterMs: 60_000 }, winter)).toMatch(/^Met dit e-mailadres .* om 14:32\./);
  });
});

describe('een getypte korte code', () => {
  test('hoofdletters of niet, met spatie of streepje; tekens die op elkaar lijken komen niet voor', () => {
    expect(normaliseCode('k7m2')).toBe('K7M2');
    expect(normaliseCode('Q8W-3ZP')).toBe('Q8W3ZP');
    expect(normaliseCode(' q8w 3zp ')).toBe('Q8W3ZP');
    for (const wrong of ['K7M', 'K7M2Q', 'K0M2', 'KOM2', 'K1M2', 'KIM2', 'KLM2', '0123456789abcdef', '']) expect(normaliseCode(wrong), wrong).toBeNull();
  });
});
