/** The live session's lifecycle as the full table of statuses × events: open → ended, and ended is final. */
import { describe, expect, test } from 'vitest';
import { availableLiveSessionEvents, liveSessionEvents, liveSessionStatuses, liveSessionTransition, type LiveSessionEvent, type LiveSessionStatus } from '#domain/live-session-lifecycle.ts';

const expected: Record<LiveSessionStatus, Record<LiveSessionEvent, LiveSessionStatus | 'refused'>> = {
  open: { show: 'open', end: 'ended' },
  ended: { show: 'refused', end: 'refused' },
};

describe('levensloop van een live sessie', () => {
  for (const status of liveSessionStatuses) {
    for (const event of liveSessionEvents) {
      const outcome = expected[status][event];
      test(`${status} + ${event} → ${outcome}`, () => {
        const result = liveSessionTransition(status, event);
        expect(result).toEqual(outcome === 'refused' ? { ok: false, reason: 'ended' } : { ok: true, status: outcome });
      });
    }
  }

  test('een afgelopen sessie biedt geen knoppen meer; een open sessie wisselen en beëindigen', () => {
    expect(availableLiveSessionEvents('open')).toEqual(['show', 'end']);
    expect(availableLiveSessionEvents('ended')).toEqual([]);
  });
});
