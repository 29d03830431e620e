/** The offer lifecycle as a table: every status × event × role, on an open and on a closed pitch; then new offers. */
import { describe, expect, test } from 'vitest';
import {
  availableOfferEvents,
  isLive,
  offerEvents,
  offerRefusalMessage,
  offerRefusals,
  offerRoles,
  offerStatuses,
  offerStatusLabel,
  startOffer,
  transition,
  type OfferEvent,
  type OfferInput,
  type OfferRole,
  type OfferStatus,
  type OfferTransitionResult,
} from '#domain/offer-lifecycle.ts';

const openPitch = { status: 'published' } as const;
const closedPitch = { status: 'closed' } as const;

/** A valid input for each event: the owner's answers carry a message. */
function validInput(event: OfferEvent, by: OfferRole): OfferInput<OfferEvent> {
  return event === 'shortlist' || event === 'accept' || event === 'decline' ? { by, message: 'Dank, we bellen u.' } : { by };
}

const cell = (result: OfferTransitionResult) => (result.ok ? result.status : result.reason);

const _ = 'not-allowed-in-status';
const R = 'not-allowed-for-role';
const C = 'pitch-closed';
type Cell = OfferStatus | typeof _ | typeof R | typeof C;

// On a published pitch (also after its closing date). Columns: employer, owner, system.
// prettier-ignore
const expectedOpen: Record<OfferStatus, Record<OfferEvent, [Cell, Cell, Cell]>> = {
  'waiting-for-verification': {
    verify:    [R,                          R,             'offered'],
    supersede: [R,                          R,             'withdrawn'],
    edit:      ['waiting-for-verification', R,             R],
    withdraw:  ['withdrawn',                R,             R],
    shortlist: [_,                          _,             _],
    accept:    [_,                          _,             _],
    decline:   [_,                          _,             _],
  },
  offered: {
    verify:    [_,                          _,             _],
    supersede: [_,                          _,             _],
    edit:      ['offered',                  R,             R],
    withdraw:  ['withdrawn',                R,             R],
    shortlist: [R,                          'shortlisted', R],
    accept:    [R,                          'accepted',    R],
    decline:   [R,                          'declined',    R],
  },
  shortlisted: {
    verify:    [_,                          _,             _],
    supersede: [_,                          _,             _],
    edit:      ['shortlisted',              R,             R],
    withdraw:  ['withdrawn',                R,             R],
    shortlist: [_,                          _,             _],
    accept:    [R,                          'accepted',    R],
    decline:   [R,                          'declined',    R],
  },
  accepted: {
    verify:    [_,                          _,             _],
    supersede: [_,                          _,             _],
    edit:      [_,                          _,             _],
    withdraw:  [_,                          _,             _],
    shortlist: [_,                          _,             _],
    accept:    [_,                          _,             _],
    decline:   [_,                          _,             _],
  },
  declined: {
    verify:    [_,                          _,             _],
    supersede: [_,                          _,             _],
    edit:      [_,                          _,             _],
    withdraw:  [_,                          _,             _],
    shortlist: [_,                          _,             _],
    accept:    [_,                          _,             _],
    decline:   [_,                          _,             _],
  },
  withdrawn: {
    verify:    [_,                          _,             _],
    supersede: [_,                          _,             _],
    edit:      [_,                          _,             _],
    withdraw:  [_,                          _,             _],
    shortlist: [_,                          _,             _],
    accept:    [_,                          _,             _],
    decline:   [_,                          _,             _],
  },
};

// On a pitch closed with its outcome: only withdrawing and declining remain. Columns: employer, owner, system.
// prettier-ignore
const expectedClosed: Record<OfferStatus, Record<OfferEvent, [Cell, Cell, Cell]>> = {
  'waiting-for-verification': {
    verify:    [R,                          R,             C],
    supersede: [R,                          R,             'withdrawn'],
    edit:      [C,                          R,             R],
    withdraw:  ['withdrawn',                R,             R],
    shortlist: [_,                          _,             _],
    accept:    [_,                          _,             _],
    decline:   [_,                          _,             _],
  },
  offered: {
    verify:    [_,                          _,             _],
    supersede: [_,                          _,             _],
    edit:      [C,                          R,             R],
    withdraw:  ['withdrawn',                R,             R],
    shortlist: [R,                          C,             R],
    accept:    [R,                          C,             R],
    decline:   [R,                          'declined',    R],
  },
  shortlisted: {
    verify:    [_,                          _,             _],
    supersede: [_,                          _,             _],
    edit:      [C,                          R,             R],
    withdraw:  ['withdrawn',                R,             R],
    shortlist: [_,                          _,             _],
    accept:    [R,                          C,             R],
    decline:   [R,                          'declined',    R],
  },
  accepted: expectedOpen.accepted,
  declined: expectedOpen.declined,
  withdrawn: expectedOpen.withdrawn,
};

const refusedCells: readonly string[] = [_, R, C];

describe('aanbod: de tabel van overgangen', () => {
  test('de verwachte tabellen noemen elke status en elke gebeurtenis', () => {
    for (const table of [expectedOpen, expectedClosed]) {
      expect(Object.keys(table).sort()).toEqual([...offerStatuses].sort());
      for (const status of offerStatuses) expect(Object.keys(table[status]).sort()).toEqual([...offerEvents].sort());
    }
    expect(offerRoles).toEqual(['employer', 'owner', 'system']);
  });

  for (const [name, pitch, expected] of [
    ['een gepubliceerde pitch', openPitch, expectedOpen],
    ['een gesloten pitch', closedPitch, expectedClosed],
  ] as const) {
    for (const status of offerStatuses) {
      test(`op ${name}, vanuit '${status}': elke gebeurtenis door elke rol`, () => {
        const actual = Object.fromEntries(
          offerEvents.map((event) => [event, offerRoles.map((role) => cell(transition({ status }, pitch, event, validInput(event, role))))]),
        );
        expect(actual).toEqual(expected[status]);
      });
    }

    test(`de knoppen per rol op ${name} volgen uit dezelfde tabel`, () => {
      for (const status of offerStatuses) {
        offerRoles.forEach((role, column) => {
          const allowed = offerEvents.filter((event) => !refusedCells.includes(expected[status][event][column]));
          expect(availableOfferEvents(status, role, pitch)).toEqual(allowed);
        });
      }
    });
  }

  test('transition verandert zijn invoer nooit', () => {
    for (const status of offerStatuses) {
      for (const event of offerEvents) {
        for (const role of offerRoles) {
          const offer = Object.freeze({ status });
          const pitch = Object.freeze({ status: 'published' as const });
          const input = Object.freeze(validInput(event, role));
          const before = structuredClone({ offer, pitch, input });
          transition(offer, pitch, event, input);
          expect({ offer, pitch, input }).toEqual(before);
        }
      }
    }
  });

  test('elke weigering en elke status heeft een Nederlandse tekst', () => {
    expect(Object.keys(offerRefusalMessage).sort()).toEqual([...offerRefusals].sort());
    for (const message of Object.values(offerRefusalMessage)) expect(message).toMatch(/\S/);
    expect(offerStatusLabel).toEqual({
      'waiting-for-verification': 'wacht op bevestiging',
      offered: 'aangeboden',
      shortlisted: 'in overweging',
      accepted: 'geaccepteerd',
      declined: 'afgewezen',
      withdrawn: 'ingetrokken',
    });
  });
});

describe('aanbod: het bericht van de eigenaar', () => {
  test('een antwoord bewaart het bericht zonder witruimte eromheen, of wist het', () => {
    expect(transition({ status: 'offered' }, openPitch, 'shortlist', { by: 'owner', message: '  Graag een kennismaking. ' })).toEqual({
      ok: true,
      status: 'shortlisted',
      changes: { ownerMessage: 'Graag een kennismaking.' },
    });
    expect(transition({ status: 'shortlisted' }, openPitch, 'accept', { by: 'owner' })).toEqual({ ok: true, status: 'accepted', changes: { ownerMessage: null } });
    expect(transition({ status: 'offered' }, openPitch, 'decline', { by: 'owner', message: '   ' })).toEqual({ ok: true, status: 'declined', changes: { ownerMessage: null } });
  });

  test('de werkgever en het systeem raken het bericht van de eigenaar niet', () => {
    expect(transition({ status: 'offered' }, openPitch, 'withdraw', { by: 'employer' })).toEqual({ ok: true, status: 'withdrawn', changes: {} });
    expect(transition({ status: 'waiting-for-verification' }, openPitch, 'verify', { by: 'system' })).toEqual({ ok: true, status: 'offered', changes: {} });
  });
});

describe('aanbod: een nieuw aanbod', () => {
  const published = { status: 'published', closingDate: '2026-12-01' } as const;
  const beforeClosing = new Date('2026-06-01T10:00:00Z');

  test('een bevestigde werkgever biedt direct aan; een onbevestigde wacht op bevestiging', () => {
    expect(startOffer(published, { verified: true }, beforeClosing)).toEqual({ ok: true, status: 'offered' });
    expect(startOffer(published, { verified: false }, beforeClosing)).toEqual({ ok: true, status: 'waiting-for-verification' });
  });

  test('tot en met de sluitingsdatum (23:59 in Amsterdam), daarna niet meer', () => {
    expect(startOffer(published, { verified: true }, new Date('2026-12-01T22:59:59Z'))).toEqual({ ok: true, status: 'offered' });
    expect(startOffer(published, { verified: true }, new Date('2026-12-01T23:00:00Z'))).toEqual({ ok: false, reason: 'pitch-not-accepting-offers' });
  });

  test('alleen op een gepubliceerde pitch', () => {
    for (const status of ['draft', 'submitted', 'changes-requested', 'rejected', 'closed'] as const) {
      expect(startOffer({ status, closingDate: '2026-12-01' }, { verified: true }, beforeClosing)).toEqual({ ok: false, reason: 'pitch-not-accepting-offers' });
    }
  });

  test('na de sluitingsdatum kan de eigenaar nog antwoorden op wat binnenkwam', () => {
    // The offer transitions read the stored pitch status only: a passed closing date ends new offers, not answers.
    expect(transition({ status: 'offered' }, { status: 'published' }, 'accept', { by: 'owner' })).toMatchObject({ ok: true, status: 'accepted' });
  });

  test('aangeboden, op de shortlist en geaccepteerd tellen als het ene aanbod van de werkgever; wachtend niet', () => {
    // A waiting offer (perhaps from someone who only claims to work there) never blocks verified colleagues.
    expect(Object.fromEntries(offerStatuses.map((status) => [status, isLive(status)]))).toEqual({
      'waiting-for-verification': false,
      offered: true,
      shortlisted: true,
      accepted: true,
      declined: false,
      withdrawn: false,
    });
  });
});
