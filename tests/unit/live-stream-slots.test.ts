/** The cap on open live streams per client: the 21st from one address is refused, a freed slot can be taken again. */
import { describe, expect, test } from 'vitest';
import { MAX_STREAMS_PER_CLIENT, takeStreamSlot } from '#features/live/stream-slots.ts';

describe('open livestromen per adres', () => {
  test('hoogstens MAX_STREAMS_PER_CLIENT tegelijk; een ander adres telt apart; vrijgeven maakt weer plaats', () => {
    const releases = Array.from({ length: MAX_STREAMS_PER_CLIENT }, () => takeStreamSlot('192.0.2.1'));
    expect(releases.every((release) => release !== null)).toBe(true);
    expect(takeStreamSlot('192.0.2.1')).toBeNull();
    const other = takeStreamSlot('192.0.2.2');
    expect(other).not.toBeNull();
    releases[0]!();
    releases[0]!(); // twice changes nothing
    const again = takeStreamSlot('192.0.2.1');
    expect(again).not.toBeNull();
    expect(takeStreamSlot('192.0.2.1')).toBeNull();
    for (const release of [...releases.slice(1), again, other]) release!();
  });
});
