/** Rate limits count a client per network: an IPv4 address, or an IPv6 /64. */
import { describe, expect, test } from 'vitest';
import { sourceNetwork } from '#platform/auth/rate-limit.ts';

describe('bronnetwerk', () => {
  test.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff:ffff:ffff:ffff', '2001:db8:1:2::/64'],
    ['2001:DB8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['[2001:db8:1:2::9]', '2001:db8:1:2::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
  ])('%s telt als %s', (ip, network) => {
    expect(sourceNetwork(ip)).toBe(network);
  });
});
