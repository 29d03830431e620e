/** The pitch lifecycle as a table: every status × event × role, then the inputs and the closing date. */
import { amsterdamDate } from '#domain/amsterdam-time.ts';
import { describe, expect, test } from 'vitest';
import {
  acceptsOffers,
  availablePitchEvents,
  closingDatePassed,
  effectiveStatus,
  pitchEvents,
  pitchRefusalMessage,
  pitchRefusals,
  pitchRoles,
  pitchStatuses,
  pitchStatusLabel,
  transition,
  type PitchEvent,
  type PitchInput,
  type PitchRole,
  type PitchState,
  type PitchStatus,
  type PitchTransitionResult,
} from '#domain/pitch-lifecycle.ts';

/** Well before the closing date, so only status and role decide. */
const beforeClosing = new Date('2026-06-01T10:00:00Z');
const pitchIn = (status: PitchStatus, closingDate: string | null = '2026-12-01'): PitchState => ({ status, closingDate });

/** A valid input for each event, so a refusal in the table can only come from status or role. */
function validInput(event: PitchEvent, by: PitchRole): PitchInput<PitchEvent> {
  switch (event) {
    case 'request-changes':
      return { by, note: 'Noem de doelgroep.' };
    case 'reject':
      return { by, reason: 'Dit is geen vraag aan werkgevers.' };
    case 'close':
      return { by, outcome: 'matched', peoplePlaced: 3 };
    default:
      return { by };
  }
}

/** The cell as the table shows it: the next status, or the reason for refusing. */
const cell = (result: PitchTransitionResult) => (result.ok ? result.status : result.reason);

const _ = 'not-allowed-in-status';
const R = 'not-allowed-for-role';
type Cell = PitchStatus | typeof _ | typeof R;

// Columns: author, curator, system.
// prettier-ignore
const expected: Record<PitchStatus, Record<PitchEvent, [Cell, Cell, Cell]>> = {
  draft: {
    edit:                ['draft',             R,                   R],
    submit:              ['submitted',         R,                   R],
    publish:             [_,                   _,                   _],
    'request-changes':   [_,                   _,                   _],
    reject:              [_,                   _,                   _],
    close:               [_,                   _,                   _],
    feature:             [_,                   _,                   _],
    unfeature:           [_,                   _,                   _],
  },
  submitted: {
    edit:                [_,                   _,                   _],
    submit:              [_,                   _,                   _],
    publish:             [R,                   'published',         R],
    'request-changes':   [R,                   'changes-requested', R],
    reject:              [R,                   'rejected',          R],
    close:               [_,                   _,                   _],
    feature:             [_,                   _,                   _],
    unfeature:           [_,                   _,                   _],
  },
  'changes-requested': {
    edit:                ['changes-requested', R,                   R],
    submit:              ['submitted',         R,                   R],
    publish:             [_,                   _,                   _],
    'request-changes':   [_,                   _,                   _],
    reject:              [_,                   _,                   _],
    close:               [_,                   _,                   _],
    feature:             [_,                   _,                   _],
    unfeature:           [_,                   _,                   _],
  },
  published: {
    edit:                [_,                   _,                   _],
    submit:              [_,                   _,                   _],
    publish:             [_,                   _,                   _],
    'request-changes':   [_,                   _,                   _],
    reject:              [_,                   _,                   _],
    close:               ['closed',            R,                   R],
    feature:             [R,                   'published',         R],
    unfeature:           [R,                   'published',         R],
  },
  rejected: {
    edit:                [_,                   _,                   _],
    submit:              [_,                   _,                   _],
    publish:             [_,                   _,                   _],
    'request-changes':   [_,                   _,                   _],
    reject:              [_,                   _,                   _],
    close:               [_,                   _,                   _],
    feature:             [_,                   _,                   _],
    unfeature:           [_,                   _,                   _],
  },
  closed: {
    edit:                [_,                   _,                   _],
    submit:              [_,                   _,                   _],
    publish:             [_,                   _,                   _],
    'request-changes':   [_,                   _,                   _],
    reject:              [_,                   _,                   _],
    close:               [_,                   _,                   _],
    feature:             [_,                   _,                   _],
    unfeature:           [_,                   _,                   _],
  },
};

describe('pitch: de tabel van overgangen', () => {
  test('de verwachte tabel noemt elke status en elke gebeurtenis', () => {
    expect(Object.keys(expected).sort()).toEqual([...pitchStatuses].sort());
    for (const status of pitchStatuses) expect(Object.keys(expected[status]).sort()).toEqual([...pitchEvents].sort());
    expect(pitchRoles).toEqual(['author', 'curator', 'system']);
  });

  for (const status of pitchStatuses) {
    test(`vanuit '${status}': elke gebeurtenis door elke rol`, () => {
      const actual = Object.fromEntries(
        pitchEvents.map((event) => [event, pitchRoles.map((role) => cell(transition(pitchIn(status), event, validInput(event, role), beforeClosing)))]),
      );
      expect(actual).toEqual(expected[status]);
    });
  }

  test('de knoppen per rol volgen uit dezelfde tabel', () => {
    for (const status of pitchStatuses) {
      pitchRoles.forEach((role, column) => {
        const allowed = pitchEvents.filter((event) => !['not-allowed-in-status', 'not-allowed-for-role'].includes(expected[status][event][column]));
        expect(availablePitchEvents(status, role)).toEqual(allowed);
      });
    }
  });

  test('transition verandert zijn invoer nooit', () => {
    for (const status of pitchStatuses) {
      for (const event of pitchEvents) {
        for (const role of pitchRoles) {
          const pitch = Object.freeze(pitchIn(status));
          const input = Object.freeze(validInput(event, role));
          const before = structuredClone({ pitch, input });
          transition(pitch, event, input, beforeClosing);
          expect({ pitch, input }).toEqual(before);
        }
      }
    }
  });

  test('elke weigering en elke status heeft een Nederlandse tekst', () => {
    expect(Object.keys(pitchRefusalMessage).sort()).toEqual([...pitchRefusals].sort());
    for (const message of Object.values(pitchRefusalMessage)) expect(message).toMatch(/\S/);
    expect(pitchStatusLabel).toMatchObject({ draft: 'concept', submitted: 'ingediend', published: 'gepubliceerd', closed: 'gesloten' });
  });
});

describe('pitch: wat een gebeurtenis nodig heeft', () => {
  const submitted = pitchIn('submitted');
  const published = pitchIn('published');

  test('wijziging vragen kan alleen met een toelichting, die wordt bewaard zonder witruimte eromheen', () => {
    for (const note of ['', '   \n']) {
      expect(transition(submitted, 'request-changes', { by: 'curator', note }, beforeClosing)).toEqual({ ok: false, reason: 'note-required' });
    }
    expect(transition(submitted, 'request-changes', { by: 'curator', note: '  Noem de wijk. ' }, beforeClosing)).toEqual({
      ok: true,
      status: 'changes-requested',
      changes: { moderationNote: 'Noem de wijk.' },
    });
  });

  test('afwijzen kan alleen met een reden', () => {
    expect(transition(submitted, 'reject', { by: 'curator', reason: ' ' }, beforeClosing)).toEqual({ ok: false, reason: 'reason-required' });
    expect(transition(submitted, 'reject', { by: 'curator', reason: 'Dubbel.' }, beforeClosing)).toEqual({
      ok: true,
      status: 'rejected',
      changes: { moderationNote: 'Dubbel.' },
    });
  });

  test('publiceren wist de toelichting van de curator; opnieuw indienen bewaart haar', () => {
    expect(transition(submitted, 'publish', { by: 'curator' }, beforeClosing)).toEqual({ ok: true, status: 'published', changes: { moderationNote: null } });
    expect(transition(pitchIn('changes-requested'), 'submit', { by: 'author' }, beforeClosing)).toEqual({ ok: true, status: 'submitted', changes: {} });
  });

  test('sluiten vraagt een uitkomst uit de lijst', () => {
    const missing = { by: 'author', peoplePlaced: 0 } as unknown as PitchInput<'close'>;
    const unknown = { by: 'author', outcome: 'gelukt', peoplePlaced: 0 } as unknown as PitchInput<'close'>;
    expect(transition(published, 'close', missing, beforeClosing)).toEqual({ ok: false, reason: 'outcome-required' });
    expect(transition(published, 'close', unknown, beforeClosing)).toEqual({ ok: false, reason: 'outcome-required' });
  });

  test('het aantal geplaatste mensen is een heel getal van 0 of meer', () => {
    for (const peoplePlaced of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(transition(published, 'close', { by: 'author', outcome: 'matched', peoplePlaced }, beforeClosing)).toEqual({
        ok: false,
        reason: 'people-placed-invalid',
      });
    }
  });

  test('zonder match zijn er geen mensen geplaatst; met (deels) een match mag het ook 0 zijn', () => {
    expect(transition(published, 'close', { by: 'author', outcome: 'not-matched', peoplePlaced: 2 }, beforeClosing)).toEqual({
      ok: false,
      reason: 'people-placed-without-match',
    });
    expect(transition(published, 'close', { by: 'author', outcome: 'not-matched', peoplePlaced: 0 }, beforeClosing)).toEqual({
      ok: true,
      status: 'closed',
      changes: { outcome: 'not-matched', peoplePlaced: 0, featured: false },
    });
    expect(transition(published, 'close', { by: 'author', outcome: 'matched', peoplePlaced: 0 }, beforeClosing)).toMatchObject({ ok: true });
    expect(transition(published, 'close', { by: 'author', outcome: 'partly', peoplePlaced: 4 }, beforeClosing)).toEqual({
      ok: true,
      status: 'closed',
      changes: { outcome: 'partly', peoplePlaced: 4, featured: false },
    });
  });

  test('uitlichten en niet meer uitlichten zetten alleen de vlag', () => {
    expect(transition(published, 'feature', { by: 'curator' }, beforeClosing)).toEqual({ ok: true, status: 'published', changes: { featured: true } });
    expect(transition(published, 'unfeature', { by: 'curator' }, beforeClosing)).toEqual({ ok: true, status: 'published', changes: { featured: false } });
  });

  test('eerst de tabel, dan de invoer: een lege toelichting in de verkeerde status is een statusfout', () => {
    expect(transition(pitchIn('draft'), 'request-changes', { by: 'curator', note: '' }, beforeClosing)).toEqual({ ok: false, reason: 'not-allowed-in-status' });
    expect(transition(submitted, 'request-changes', { by: 'author', note: '' }, beforeClosing)).toEqual({ ok: false, reason: 'not-allowed-for-role' });
  });
});

describe('pitch: de sluitingsdatum (t/m die dag, Europe/Amsterdam)', () => {
  const published = pitchIn('published', '2026-12-01');

  test('in de winter (UTC+1): aanbod tot 23:59 plaatselijke tijd, om middernacht niet meer', () => {
    expect(acceptsOffers(published, new Date('2026-12-01T22:59:59Z'))).toBe(true);
    expect(acceptsOffers(published, new Date('2026-12-01T23:00:00Z'))).toBe(false);
    expect(amsterdamDate(new Date('2026-12-01T23:00:00Z'))).toBe('2026-12-02');
  });

  test('in de zomer (UTC+2): de dag eindigt om 22:00 UTC', () => {
    const summer = pitchIn('published', '2026-07-01');
    expect(acceptsOffers(summer, new Date('2026-07-01T21:59:59Z'))).toBe(true);
    expect(acceptsOffers(summer, new Date('2026-07-01T22:00:00Z'))).toBe(false);
  });

  test('de dag zelf telt mee vanaf middernacht plaatselijke tijd', () => {
    // 2026-11-30T23:00Z is 1 December 00:00 in Amsterdam.
    expect(closingDatePassed('2026-11-30', new Date('2026-11-30T23:00:00Z'))).toBe(true);
    expect(closingDatePassed('2026-12-01', new Date('2026-11-30T23:00:00Z'))).toBe(false);
  });

  test('na de sluitingsdatum leest een gepubliceerde pitch als gesloten, zonder schrijven', () => {
    const after = new Date('2026-12-01T23:00:00Z');
    const before = structuredClone(published);
    expect(effectiveStatus(published, after)).toBe('closed');
    expect(effectiveStatus(published, new Date('2026-12-01T22:59:59Z'))).toBe('published');
    expect(published).toEqual(before);
  });

  test('de eigenaar kan na de sluitingsdatum nog sluiten met een uitkomst', () => {
    expect(transition(published, 'close', { by: 'author', outcome: 'partly', peoplePlaced: 1 }, new Date('2027-01-15T12:00:00Z'))).toMatchObject({
      ok: true,
      status: 'closed',
    });
  });

  test('indienen, publiceren en uitlichten kan niet meer na de sluitingsdatum, wel op de dag zelf', () => {
    const lastMinute = new Date('2026-12-01T22:59:59Z');
    const midnight = new Date('2026-12-01T23:00:00Z');
    const cases: [PitchStatus, PitchEvent, PitchRole][] = [
      ['draft', 'submit', 'author'],
      ['changes-requested', 'submit', 'author'],
      ['submitted', 'publish', 'curator'],
      ['published', 'feature', 'curator'],
    ];
    for (const [status, event, role] of cases) {
      expect(transition(pitchIn(status), event, validInput(event, role), lastMinute)).toMatchObject({ ok: true });
      expect(transition(pitchIn(status), event, validInput(event, role), midnight)).toEqual({ ok: false, reason: 'closing-date-passed' });
    }
  });

  test('na de sluitingsdatum kan een concept nog worden bewerkt (om de datum te verzetten)', () => {
    expect(transition(pitchIn('draft'), 'edit', { by: 'author' }, new Date('2027-01-01T12:00:00Z'))).toEqual({ ok: true, status: 'draft', changes: {} });
  });

  test('zonder sluitingsdatum blijft een gepubliceerde pitch open; alleen gepubliceerd neemt aanbod aan', () => {
    expect(acceptsOffers(pitchIn('published', null), new Date('2030-01-01T00:00:00Z'))).toBe(true);
    for (const status of pitchStatuses.filter((s) => s !== 'published')) {
      expect(acceptsOffers(pitchIn(status), beforeClosing)).toBe(false);
    }
  });

  test('een ongeldige sluitingsdatum is een fout, geen stille weigering', () => {
    expect(() => acceptsOffers(pitchIn('published', '1-12-2026'), beforeClosing)).toThrow(/sluitingsdatum/);
  });
});
