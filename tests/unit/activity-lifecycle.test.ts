/** The activity lifecycle as a table: every status × event × role, allowed or refused. */
import { describe, expect, test } from 'vitest';
import {
  activityEvents,
  activityRoles,
  activityStatuses,
  activityTransition,
  availableActivityEvents,
  type ActivityEvent,
  type ActivityRole,
  type ActivityStatus,
} from '#domain/activity-lifecycle.ts';

const now = Date.parse('2027-03-01T10:00:00Z');
const later = now + 86_400_000;

/** The expected next status per status × event × role; absent: refused. */
const allowed: Partial<Record<ActivityStatus, Partial<Record<ActivityEvent, Partial<Record<ActivityRole, ActivityStatus>>>>>> = {
  submitted: {
    edit: { organiser: 'submitted' },
    publish: { curator: 'published' },
    'request-changes': { curator: 'changes-requested' },
    reject: { curator: 'rejected' },
  },
  'changes-requested': { edit: { organiser: 'submitted' } },
  published: { cancel: { organiser: 'cancelled', curator: 'cancelled' } },
};

describe('levensloop van een activiteit', () => {
  for (const status of activityStatuses) {
    for (const event of activityEvents) {
      for (const role of activityRoles) {
        const expected = allowed[status]?.[event]?.[role];
        test(`${status} + ${event} door ${role} → ${expected ?? 'geweigerd'}`, () => {
          const result = activityTransition({ status, endsAt: later }, event, { by: role, note: 'Graag een andere titel.' }, now);
          if (expected) expect(result).toMatchObject({ ok: true, status: expected });
          else expect(result.ok).toBe(false);
          expect(availableActivityEvents(status, role).includes(event)).toBe(Boolean(expected));
        });
      }
    }
  }

  test('een wijziging vragen of afwijzen kan niet zonder toelichting; annuleren wel', () => {
    expect(activityTransition({ status: 'submitted', endsAt: later }, 'request-changes', { by: 'curator', note: '  ' }, now)).toEqual({ ok: false, reason: 'note-required' });
    expect(activityTransition({ status: 'submitted', endsAt: later }, 'reject', { by: 'curator' }, now)).toEqual({ ok: false, reason: 'reason-required' });
    expect(activityTransition({ status: 'published', endsAt: later }, 'cancel', { by: 'organiser' }, now)).toEqual({ ok: true, status: 'cancelled', moderationNote: null });
  });

  test('een activiteit die al voorbij is, wordt niet meer gepubliceerd', () => {
    expect(activityTransition({ status: 'submitted', endsAt: now }, 'publish', { by: 'curator' }, now)).toEqual({ ok: false, reason: 'already-over' });
  });

  test('publiceren wist de opmerking van een curator; wijzigen laat haar staan', () => {
    expect(activityTransition({ status: 'submitted', endsAt: later }, 'publish', { by: 'curator' }, now)).toEqual({ ok: true, status: 'published', moderationNote: null });
    expect(activityTransition({ status: 'changes-requested', endsAt: later }, 'edit', { by: 'organiser' }, now)).toEqual({ ok: true, status: 'submitted' });
  });
});
