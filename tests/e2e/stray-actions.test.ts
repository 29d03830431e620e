/**
 * A form posted to a page that does not host it, over HTTP against the built server: a refusal
 * shows its message above the page with its own status (it used to answer a silent 200), a
 * success goes where the action says, and a page that hosts the action answers as before.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { offers } from '#db/marketplace-schema.ts';
import { baseURL } from './browser.ts';
import { identity, serverDatabase } from './accounts-support.ts';
import { confirmedAccount, sessionCookie, sessionToken } from './session-support.ts';
import { publishedPitch } from './offers-support.ts';

const owner = { ...identity('dwaal-gemeente'), name: 'Gea Gemeente', organisation: 'Zaanstad' };
const first = { ...identity('dwaal-werkgever'), name: 'Wil Werkgever', organisation: 'PostNL' };
const second = { ...identity('dwaal-werkgever2'), name: 'Wout Werkgever', organisation: 'Asito' };
let pitchId: string;
let offerId: string;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  // The first on-demand request migrates the server's database.
  await fetch(`${baseURL()}/pitches/`);
  await confirmedAccount(owner);
  const postnl = await confirmedAccount(first);
  await confirmedAccount(second);
  const { db } = await serverDatabase();
  for (const who of [owner, first, second]) cookies[who.email] = `${sessionCookie}=${await sessionToken(db, who.email)}`;
  pitchId = await publishedPitch(owner.email, 'Werk voor wie het formulier verkeerd post');
  offerId = `dwaal-${Date.now().toString(36)}`;
  const now = Date.now();
  await db.insert(offers).values({ id: offerId, pitchId, employerId: postnl.organisationId, authorId: postnl.id, helpKinds: ['banen'], places: 2, message: 'Het eigen bericht van PostNL.', status: 'offered', createdAt: now, updatedAt: now });
});

/** A form post as a browser sends it from this site, signed in as `who`. */
async function post(path: string, who: { email: string; ip: string }, fields: Record<string, string>) {
  const response = await fetch(`${baseURL()}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: baseURL(), 'sec-fetch-site': 'same-origin', 'x-forwarded-for': who.ip, cookie: cookies[who.email]!, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, location: response.headers.get('location'), text: await response.text() };
}

/** The text of the error summary at the top of the page ('' when there is none). */
const summary = (html: string) => (html.match(/class="[^"]*pp-error-summary[^"]*"[^>]*>([\s\S]*?)<\/div>/)?.[1] ?? '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();

const storedOffer = async () => (await (await serverDatabase()).db.select().from(offers).where(eq(offers.id, offerId)))[0]!;

describe('een formulier op een pagina die het niet verwerkt', () => {
  test('een ander zijn aanbod bewerken via Mijn aanbod: 404 met een duidelijke melding, niets veranderd', async () => {
    const answer = await post('/account/mijn-aanbod/?_action=offers.edit', second, {
      offerId,
      version: '1',
      helpKinds: 'banen',
      places: '9',
      message: 'Overgenomen door een ander.',
    });
    expect(answer.status).toBe(404);
    expect(summary(answer.text)).toMatch(/^Dat lukte niet .+/);
    // The page is still Mijn aanbod, with "Fout: " in its title; none of the posted text comes back.
    expect(answer.text).toMatch(/<title>Fout: Mijn aanbod/);
    expect(answer.text).not.toContain('Overgenomen door een ander.');
    expect(await storedOffer()).toMatchObject({ places: 2, message: 'Het eigen bericht van PostNL.', version: 1 });
  });

  test('een onbekende actie: 404 met een melding, geen lege pagina', async () => {
    const answer = await post('/account/mijn-aanbod/?_action=offers.bestaatNiet', second, { offerId });
    expect(answer.status).toBe(404);
    expect(summary(answer.text)).toContain('Dit formulier kon niet worden verwerkt');
  });

  test('op de pitchpagina: een geweigerd volgverzoek toont de melding boven de pitch; een gelukt verzoek gaat waar de actie zegt', async () => {
    const refused = await post(`/pitches/${pitchId}/?_action=follows.follow`, second, { kind: 'pitch', value: 'bestaat-niet' });
    expect(refused.status).toBe(404);
    expect(summary(refused.text)).toContain('Dit kunt u niet volgen');
    expect(refused.text).toContain('Werk voor wie het formulier verkeerd post');
    const followed = await post(`/pitches/${pitchId}/?_action=follows.follow`, second, { kind: 'pitch', value: pitchId, next: `/pitches/${pitchId}/#volgen` });
    expect([followed.status, followed.location]).toEqual([303, `/pitches/${pitchId}/?melding=gevolgd#volgen`]);
  });

  test('een pagina die de actie zelf verwerkt, antwoordt als voorheen', async () => {
    // Mijn aanbod hosts withdraw: another's offer is "not found" there, with the action's own words.
    const refused = await post('/account/mijn-aanbod/?_action=offers.withdraw', second, { offerId, version: '1' });
    expect(refused.status).toBe(404);
    expect(summary(refused.text)).not.toBe('');
    expect((await storedOffer()).status).toBe('offered');
    const withdrawn = await post('/account/mijn-aanbod/?_action=offers.withdraw', first, { offerId, version: '1' });
    expect(withdrawn.status).toBe(303);
    expect(withdrawn.location).toMatch(/^\/account\/mijn-aanbod\//);
    expect((await storedOffer()).status).toBe('withdrawn');
  });
});
