/** The brokering list's rules: when a pitch has waited long enough, and how its invitations and offers are counted and worded. */
import { describe, expect, test } from 'vitest';
import { BROKER_AFTER_DAYS, brokerCutoff, daysWaiting, invitationTallyText, offersOutsideText, tallyInvitations } from '#domain/matchmaking/brokering.ts';

const DAY = 24 * 60 * 60 * 1000;
const now = Date.parse('2026-03-20T10:00:00Z');

describe('wachten', () => {
  test('na precies 14 dagen staat een pitch op de lijst, een minuut eerder nog niet', () => {
    expect(BROKER_AFTER_DAYS).toBe(14);
    const publishedExactly = now - 14 * DAY;
    expect(publishedExactly <= brokerCutoff(now)).toBe(true);
    expect(publishedExactly + 60_000 <= brokerCutoff(now)).toBe(false);
  });

  test('hele dagen sinds publicatie', () => {
    expect(daysWaiting(now - 14 * DAY - 3 * 60 * 60 * 1000, now)).toBe(14);
    expect(daysWaiting(now - 20 * DAY, now)).toBe(20);
    expect(daysWaiting(now + DAY, now)).toBe(0);
  });
});

describe('tellen en zeggen', () => {
  test('elke uitnodiging telt als uitgenodigd, en ook als doet mee, doet niet mee of nog geen antwoord', () => {
    expect(tallyInvitations(['invited', 'declined', 'declined', 'joined'])).toEqual({ invited: 4, joined: 1, declined: 2, open: 1 });
    expect(invitationTallyText({ invited: 4, joined: 1, declined: 2, open: 1 })).toBe('4 uitgenodigd: 1 doet mee, 2 doen niet mee, 1 nog geen antwoord');
    expect(invitationTallyText(tallyInvitations(['declined']))).toBe('1 uitgenodigd: 1 doet niet mee');
    expect(invitationTallyText(tallyInvitations([]))).toBe('Nog niemand uitgenodigd');
  });

  test('aanbod dat niet meedoet: ingetrokken of afgewezen, of wachtend op bevestiging; niets als er niets kwam', () => {
    expect(offersOutsideText(0, 0)).toBe('');
    expect(offersOutsideText(1, 0)).toBe('Het aanbod van 1 werkgever is ingetrokken of afgewezen');
    expect(offersOutsideText(2, 1)).toBe('Het aanbod van 2 werkgevers is ingetrokken of afgewezen; het aanbod van 1 werkgever wacht tot die werkgever is bevestigd');
    expect(offersOutsideText(0, 3)).toBe('Het aanbod van 3 werkgevers wacht tot die werkgevers zijn bevestigd');
  });
});
