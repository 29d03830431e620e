/**
 * The whole-list downloads on the built server, beyond what the list pages' links show
 * (filters.test.ts): a network that keeps downloading is told to wait, with a time, while
 * another network still gets its file.
 */
import { describe, expect, test } from 'vitest';
import { baseURL } from './browser.ts';
import { identity } from './accounts-support.ts';

const download = (ip: string) => fetch(new URL('/open-data/bronnen.json', baseURL()), { headers: { 'x-forwarded-for': ip } });

describe('downloads van open data', () => {
  test('na dertig bestanden achter elkaar vanaf één netwerk: 429 met Retry-After en een Nederlandse uitleg; een ander netwerk downloadt gewoon', async () => {
    const busy = identity('downloads').ip;
    const answers = await Promise.all(Array.from({ length: 30 }, () => download(busy).then((r) => r.status)));
    expect(answers.every((status) => status === 200)).toBe(true);
    const refused = await download(busy);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.text()).toMatch(/^Er zijn vanaf uw netwerk net veel bestanden gedownload\. Probeer het over \d+ seconden? opnieuw\./);
    const other = await download(identity('downloads-ander').ip);
    expect(other.status).toBe(200);
    // A page on another site may read the file with fetch (public data, the same for everyone).
    expect(other.headers.get('access-control-allow-origin')).toBe('*');
  });
});
