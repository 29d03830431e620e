/**
 * The whole-list downloads on the built server, beyond what the list pages' links show
 * (filters.test.ts): a network that keeps downloading is told to wait, with a time, while
 * another network still gets its file; the catalogue counts as a file too.
 */
import { describe, expect, test } from 'vitest';
import { baseURL } from './browser.ts';
import { identity } from './accounts-support.ts';

const download = (ip: string, path = '/open-data/bronnen.json') => fetch(new URL(path, baseURL()), { headers: { 'x-forwarded-for': ip } });

describe('downloads van open data', () => {
  test('na dertig bestanden achter elkaar vanaf één netwerk: 429 met Retry-After en een Nederlandse uitleg; een ander netwerk downloadt gewoon', async () => {
    const busy = identity('downloads').ip;
    const answers = await Promise.all(Array.from({ length: 30 }, () => download(busy).then((r) => r.status)));
    expect(answers.every((status) => status === 200)).toBe(true);
    const refused = await download(busy);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.text()).toMatch(/^Er zijn vanaf uw netwerk net veel bestanden gedownload\. Probeer het over \d+ seconden? opnieuw\./);
    // The refusal is readable from another site too, as the file would have been.
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
    const other = await download(identity('downloads-ander').ip);
    expect(other.status).toBe(200);
    // A page on another site may read the file with fetch (public data, the same for everyone).
    expect(other.headers.get('access-control-allow-origin')).toBe('*');
  });

  test('de catalogus telt mee: na dertig bestanden wacht ook de catalogus, voor een ander netwerk niet', async () => {
    const busy = identity('catalogus-druk').ip;
    const answers = await Promise.all(Array.from({ length: 30 }, () => download(busy).then((r) => r.status)));
    expect(answers.every((status) => status === 200)).toBe(true);
    const refused = await download(busy, '/open-data/catalogus.jsonld');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.text()).toMatch(/^Er zijn vanaf uw netwerk net veel bestanden gedownload\. Probeer het over \d+ seconden? opnieuw\./);
    expect((await download(identity('catalogus-ander').ip, '/open-data/catalogus.jsonld')).status).toBe(200);
  });
});
