/**
 * The schema.org objects on their own: an activity's Event at the Amsterdam clock on both sides
 * of a daylight-saving change, whole days for an all-day one, none for a demo or a hidden one;
 * and the page serialisation, which no text can break out of.
 */
import { describe, expect, test } from 'vitest';
import { amsterdamInstant, startOfAmsterdamDay } from '#domain/amsterdam-time.ts';
import { activityEvent, scriptSafeJson, type ActivityForStructuredData } from '#features/open-data/structured-data.ts';

const site = { origin: 'https://praktijkplein.test', publisher: { name: 'Netwerk' } };
const at = (day: string, time: string) => {
  const result = amsterdamInstant(day, time);
  if (!result.ok) throw new Error(result.reason);
  return result.instant;
};
const activity = (overrides: Partial<ActivityForStructuredData>): ActivityForStructuredData => ({
  id: 'kennismaken',
  title: 'Kennismaken',
  description: 'Koffie en kennismaken.',
  startsAt: at('2027-03-27', '14:00'),
  endsAt: at('2027-03-27', '16:00'),
  allDay: false,
  place: 'Zaandam',
  onlineUrl: null,
  organiserName: 'Zaanstad',
  status: 'published',
  demo: false,
  ...overrides,
});

describe('een activiteit als schema.org Event', () => {
  test('14.00 uur op de dag voor en na de zomertijd: +01:00 en +02:00', () => {
    expect(activityEvent(activity({}), site)).toMatchObject({ startDate: '2027-03-27T14:00:00+01:00', endDate: '2027-03-27T16:00:00+01:00' });
    const after = activity({ startsAt: at('2027-03-28', '14:00'), endsAt: at('2027-03-28', '16:00') });
    expect(activityEvent(after, site)).toMatchObject({ startDate: '2027-03-28T14:00:00+02:00', endDate: '2027-03-28T16:00:00+02:00' });
    // Over the night of the change: starts in winter time, ends in summer time.
    const overnight = activity({ startsAt: at('2027-03-27', '22:00'), endsAt: at('2027-03-28', '10:00') });
    expect(activityEvent(overnight, site)).toMatchObject({ startDate: '2027-03-27T22:00:00+01:00', endDate: '2027-03-28T10:00:00+02:00' });
  });

  test('een hele dag: de dagen zelf, de laatste dag inbegrepen', () => {
    const allDay = activity({ allDay: true, startsAt: startOfAmsterdamDay('2026-10-24'), endsAt: startOfAmsterdamDay('2026-10-26') });
    expect(activityEvent(allDay, site)).toMatchObject({ startDate: '2026-10-24', endDate: '2026-10-25' });
  });

  test('plaats en online: gemengd; geannuleerd heet zo', () => {
    const mixed = activityEvent(activity({ onlineUrl: 'https://meet.example/zaal', status: 'cancelled' }), site, 'Zaanstad');
    expect(mixed).toMatchObject({
      eventAttendanceMode: 'https://schema.org/MixedEventAttendanceMode',
      eventStatus: 'https://schema.org/EventCancelled',
      location: [{ '@type': 'Place', name: 'Zaandam', address: { addressLocality: 'Zaanstad', addressCountry: 'NL' } }, { '@type': 'VirtualLocation', url: 'https://meet.example/zaal' }],
    });
  });

  test('een demo-activiteit en een niet openbare krijgen niets', () => {
    expect(activityEvent(activity({ demo: true }), site)).toBeUndefined();
    expect(activityEvent(activity({ status: 'submitted' }), site)).toBeUndefined();
    expect(activityEvent(activity({ status: 'rejected' }), site)).toBeUndefined();
  });
});

describe('JSON voor in een <script type="application/ld+json">', () => {
  const hostile = ['</script><script>alert(1)</script>', '</SCRIPT >', '<!-- <script>', ']]> & &amp;', 'regel\u2028scheiding\u2029'];

  test.each(hostile)('%s blijft dezelfde tekst en bevat geen teken dat het element kan sluiten', (title) => {
    const json = scriptSafeJson({ name: title, nested: [{ name: title }] });
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual({ name: title, nested: [{ name: title }] });
  });
});
