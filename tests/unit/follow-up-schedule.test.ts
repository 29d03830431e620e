/** The outcome follow-up schedule: 3, 6 and 12 months after the Amsterdam closing day, month ends clamped. */
import { describe, expect, test } from 'vitest';
import { addMonthsToDay } from '#domain/amsterdam-time.ts';
import { checkFollowUpAnswer, FOLLOW_UP_MAX_PEOPLE, followUpSchedule, isDue, isFollowedUp } from '#domain/follow-up-schedule.ts';

/** A moment given as Amsterdam wall-clock time with its offset. */
const at = (iso: string) => Date.parse(iso);
const days = (closedAt: number) => followUpSchedule(closedAt).map((f) => `${f.monthsAfter}:${f.dueOn}`);

describe('het schema van de vervolgvragen', () => {
  test('drie vragen: 3, 6 en 12 maanden na de sluitingsdag', () => {
    expect(days(at('2026-01-15T10:00:00+01:00'))).toEqual(['3:2026-04-15', '6:2026-07-15', '12:2027-01-15']);
  });

  test('sluiten op 31 augustus: 30 november, de laatste dag van februari, 31 augustus', () => {
    expect(days(at('2025-08-31T12:00:00+02:00'))).toEqual(['3:2025-11-30', '6:2026-02-28', '12:2026-08-31']);
    // In a leap year February has 29 days.
    expect(days(at('2027-08-31T12:00:00+02:00'))).toEqual(['3:2027-11-30', '6:2028-02-29', '12:2028-08-31']);
  });

  test('29 februari plus 12 maanden is 28 februari; 30 november plus 3 maanden is 28 februari', () => {
    expect(addMonthsToDay('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonthsToDay('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonthsToDay('2025-12-31', 6)).toBe('2026-06-30');
    expect(addMonthsToDay('2025-10-31', 3)).toBe('2026-01-31');
  });

  test('de sluitingsdag is die in Amsterdam, niet in UTC', () => {
    // 23:30 UTC on 31 March is already 1 April in Amsterdam (summer time, UTC+2).
    expect(days(at('2026-03-31T23:30:00Z'))[0]).toBe('3:2026-07-01');
    // 23:30 UTC on 31 December is 1 January in Amsterdam (winter time, UTC+1).
    expect(days(at('2025-12-31T23:30:00Z'))[0]).toBe('3:2026-04-01');
  });

  test('een vraag is open vanaf het begin van haar dag in Amsterdam', () => {
    expect(isDue('2026-04-15', at('2026-04-14T23:59:00+02:00'))).toBe(false);
    expect(isDue('2026-04-15', at('2026-04-15T00:00:00+02:00'))).toBe(true);
    expect(isDue('2026-04-15', at('2026-04-14T22:30:00Z'))).toBe(true);
  });

  test('alleen gematcht en deels gematcht worden gevolgd', () => {
    expect(isFollowedUp('matched')).toBe(true);
    expect(isFollowedUp('partly')).toBe(true);
    expect(isFollowedUp('not-matched')).toBe(false);
    expect(isFollowedUp(null)).toBe(false);
  });

  test('een antwoord: hele getallen van 0 tot het maximum, nog aan het werk niet meer dan gestart', () => {
    expect(checkFollowUpAnswer({ started: 4, stillWorking: 3 })).toEqual({ ok: true });
    expect(checkFollowUpAnswer({ started: 0, stillWorking: 0 })).toEqual({ ok: true });
    expect(checkFollowUpAnswer({ started: 3, stillWorking: 4 })).toEqual({ ok: false, reason: 'still-working-above-started' });
    expect(checkFollowUpAnswer({ started: -1, stillWorking: 0 })).toEqual({ ok: false, reason: 'started-invalid' });
    expect(checkFollowUpAnswer({ started: 1.5, stillWorking: 0 })).toEqual({ ok: false, reason: 'started-invalid' });
    expect(checkFollowUpAnswer({ started: FOLLOW_UP_MAX_PEOPLE + 1, stillWorking: 0 })).toEqual({ ok: false, reason: 'started-invalid' });
    expect(checkFollowUpAnswer({ started: 5, stillWorking: -2 })).toEqual({ ok: false, reason: 'still-working-invalid' });
  });
});
