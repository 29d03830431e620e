/** The activity calendar's test cast and a valid form. */
import { curatorActor } from '../accounts/actors.ts';
import type { TestDb } from '../accounts/helpers.ts';
import { verifiedMember } from '../marketplace/helpers.ts';

/** A fixed "now" for these tests: 1 September 2026, 10:00 in Amsterdam. */
export const NOW = Date.parse('2026-09-01T08:00:00Z');

/** A Zaanstad member, a PostNL employer and a curator. */
export async function activityCast(t: TestDb) {
  const member = await verifiedMember(t, 'eigenaar@zaanstad.nl', { kind: 'municipality', organisationId: 'zaanstad' });
  const employer = await verifiedMember(t, 'piet@postnl.nl', { kind: 'employer', organisationId: 'postnl' });
  const curator = await curatorActor(t);
  return { member, employer, curator };
}

/** A valid form as the browser sends it, with overrides. */
export function activityForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Werkconferentie in Zaandam',
    kind: 'werkconferentie',
    description: 'Wethouders en werkgevers bespreken samen hoe meer mensen aan het werk komen.',
    startDate: '2026-10-24',
    startTime: '14:00',
    endDate: '',
    endTime: '17:00',
    place: 'Stadhuis, Zaandam',
    onlineUrl: '',
    organiserName: 'Gemeente Zaanstad',
    audiences: ['gemeenten', 'werkgevers'],
    targetGroups: ['arbeidsbeperking'],
    sectors: [],
    ...overrides,
  };
}
