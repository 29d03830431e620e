/**
 * The cap on open live streams: per client network (an IPv6 /64 counts as one client) and per
 * instance; the screen opened with its key keeps a reserved slot however full the cap is.
 */
import { describe, expect, test } from 'vitest';
import { MAX_STREAMS_PER_CLIENT, MAX_STREAMS_TOTAL, RESERVED_STREAMS_PER_SESSION, takeStreamSlot } from '#features/live/stream-slots.ts';

/** Takes a slot and gives it back at once; says whether there was one. */
function hasRoom(client: string, reservedFor?: string): boolean {
  const release = takeStreamSlot(client, reservedFor);
  release?.();
  return release !== null;
}

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

  test('een IPv6-/64 telt als één client: andere adressen in hetzelfde netwerk krijgen niets extra', () => {
    const releases = Array.from({ length: MAX_STREAMS_PER_CLIENT }, (_, n) => takeStreamSlot(`2001:db8:5:6::${(n + 1).toString(16)}`));
    expect(releases.every((release) => release !== null)).toBe(true);
    expect(takeStreamSlot('2001:db8:5:6:ffff:ffff:ffff:ffff')).toBeNull();
    expect(hasRoom('2001:db8:5:7::1'), 'een ander /64-netwerk').toBe(true);
    for (const release of releases) release!();
  });

  test('een volle instantie weigert gewone stromen, maar het scherm met zijn sleutel houdt zijn gereserveerde plek', () => {
    // Fill the whole instance from as many networks as it takes (an attacker with a few /64s).
    const held: (() => void)[] = [];
    for (let n = 0; held.length < MAX_STREAMS_TOTAL; n++) {
      const release = takeStreamSlot(`2001:db8:${n.toString(16)}::1`);
      if (release) held.push(release);
      else break;
    }
    expect(held).toHaveLength(MAX_STREAMS_TOTAL);
    expect(takeStreamSlot('198.51.100.1')).toBeNull();
    // The projector, from a network that is itself full, still gets in; up to the session's reserve.
    const screens = Array.from({ length: RESERVED_STREAMS_PER_SESSION }, () => takeStreamSlot('2001:db8:0::2', 'sessie-a'));
    expect(screens.every((release) => release !== null)).toBe(true);
    expect(takeStreamSlot('2001:db8:0::2', 'sessie-a'), 'de reserve is begrensd').toBeNull();
    expect(hasRoom('198.51.100.1', 'sessie-b'), 'elke sessie heeft een eigen reserve').toBe(true);
    screens[0]!();
    expect(hasRoom('2001:db8:0::2', 'sessie-a'), 'een vrijgekomen plek in de reserve').toBe(true);
    for (const release of [...held, ...screens]) release!();
    expect(hasRoom('198.51.100.1')).toBe(true);
  });
});
