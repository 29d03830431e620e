/**
 * Curators hear and see who waits (on the built server, Chromium): a mail queued with no
 * request after it leaves the outbox by the server's own loop; a curator's Mijn account and
 * Beheer show how many wait; the card says which offer on which pitch waits for the decision;
 * on a live session's page the employers waiting in the room are listed, and the one-tap
 * confirm works with JavaScript and without, coming back to the session's page with the offer
 * passed on to the municipality. Axe finds nothing on the three pages.
 */
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { offers } from '#db/marketplace-schema.ts';
import { organisations, outbox, users } from '#db/schema.ts';
import { newId } from '#platform/auth/crypto.ts';
import { axeViolations, connectBrowser, hasText, pageFrom, visible } from './browser.ts';
import { identity, serverDatabase } from './accounts-support.ts';
import { confirmedAccount, signIn } from './session-support.ts';
import { liveSessionFor } from './live-support.ts';
import { insertPitch, verifiedPerson } from './shared-database-support.ts';

let browser: Browser;
let pitchId: string;
let sessionId: string;
const curator = identity('curator-wacht');
const stamp = Date.now().toString(36);

/** A new employer and its proposer who confirmed their address, with an offer on the pitch that waits for a curator (as the offer form with an account leaves it). */
async function waitingEmployer(label: string) {
  const { db } = await serverDatabase();
  const now = Date.now();
  const organisationId = `wacht-${label.toLowerCase()}-${stamp}`;
  const organisation = `Bakkerij ${label} ${stamp}`;
  const person = `${label} Wachtend`;
  const userId = newId();
  await db.insert(organisations).values({ id: organisationId, kind: 'employer', name: organisation, createdAt: now });
  await db.insert(users).values({ id: userId, email: `${label.toLowerCase()}-${stamp}@voorbeeld.nl`, name: person, passwordHash: 'x', organisationId, emailVerifiedAt: now, createdAt: now });
  const offerId = newId();
  await db.insert(offers).values({ id: offerId, pitchId, employerId: organisationId, authorId: userId, helpKinds: ['banen'], places: 2, status: 'waiting-for-verification', showName: true, createdAt: now, updatedAt: now });
  return { organisation, person, offerId };
}

const offerStatus = async (offerId: string) => {
  const { db } = await serverDatabase();
  return (await db.select({ status: offers.status }).from(offers).where(eq(offers.id, offerId)))[0]?.status;
};

beforeAll(async () => {
  browser = await connectBrowser();
  const { db } = await serverDatabase();
  const owner = await verifiedPerson(db, 'municipality', 'eigenaar');
  pitchId = await insertPitch(db, owner, 'published', `Werk in de Poelenbrug ${stamp}`);
  sessionId = await liveSessionFor(pitchId);
  await confirmedAccount({ name: 'Cor Curator', email: curator.email, organisation: 'Zaanstad', role: 'curator' });
});
afterAll(async () => {
  await browser?.close();
});

describe('mail gaat vanzelf', () => {
  test('een e-mail in de wachtrij, zonder verzoek erna, is binnen de lus van de server verstuurd', async () => {
    const { db } = await serverDatabase();
    const id = newId();
    await db.insert(outbox).values({ id, toAddress: curator.email, subject: 'Vanzelf verstuurd', body: 'Hallo', createdAt: Date.now(), status: 'queued', nextAttemptAt: Date.now() });
    // No request to the server from here on: only the database is read.
    const status = async () => (await db.select({ status: outbox.status }).from(outbox).where(eq(outbox.id, id)))[0]?.status;
    await expect.poll(status, { timeout: 45_000, interval: 250 }).toBe('sent');
  }, 60_000);
});

describe('wie wacht op een curator', () => {
  test('de aantallen op Mijn account en Beheer, en op de kaart welk aanbod op welke pitch wacht', async () => {
    const bakker = await waitingEmployer('Anna');
    const { context, page } = await pageFrom(browser, curator.ip, true);
    await signIn(page, curator.email);
    const heading = page.locator('#status-kop');
    await hasText(heading, /^\d+ aanmelding(en)? wacht(en)? op bevestiging$/);
    expect(Number((await heading.textContent())!.match(/\d+/)![0])).toBeGreaterThanOrEqual(1);
    await visible(page.getByRole('link', { name: /^Bevestigen \(\d+\)$/ }));
    expect(await axeViolations(page)).toEqual([]);

    await page.goto('/beheer/');
    await hasText(page.locator('[data-waiting-count]'), /\(\d+ wacht(en)?, \d+ met aanbod op een pitch\)/);
    const card = page.locator('[data-applicant]', { has: page.getByRole('heading', { name: bakker.organisation }) });
    await hasText(card.locator('[data-waiting-offers]'), new RegExp(`^Wacht op dit besluit\\s+Aanbod van ${bakker.organisation} op de pitch Werk in de Poelenbrug ${stamp}`));
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
    // Leave it waiting for the session test below.
  });

  for (const javaScript of [true, false]) {
    test(`op de pagina van de live sessie: de wachtende werkgever in de zaal, met één tik bevestigd (${javaScript ? 'met' : 'zonder'} JavaScript)`, async () => {
      const waiting = await waitingEmployer(javaScript ? 'Bram' : 'Cees');
      const { context, page } = await pageFrom(browser, curator.ip, javaScript);
      await signIn(page, curator.email);
      await page.goto(`/beheer/live/${sessionId}/`);
      const room = page.locator('[data-room-waiting]');
      const card = room.locator('[data-applicant]', { has: page.getByRole('heading', { name: waiting.organisation }) });
      await hasText(card.locator('[data-waiting-offers]'), new RegExp(`Aanbod van ${waiting.organisation} op de pitch Werk in de Poelenbrug ${stamp}`));
      if (javaScript) expect(await axeViolations(page)).toEqual([]);

      await card.getByRole('button', { name: `Bevestig ${waiting.organisation} en ${waiting.person}` }).click();
      await page.waitForURL((url) => url.pathname === `/beheer/live/${sessionId}/` && url.searchParams.has('besluit'));
      await hasText(room.getByRole('status'), new RegExp(`${waiting.organisation} is bevestigd als werkgever`));
      await hasText(room.getByRole('status'), /meteen aan de gemeente doorgestuurd/);
      expect(await room.locator('[data-applicant]', { has: page.getByRole('heading', { name: waiting.organisation }) }).count()).toBe(0);
      expect(await offerStatus(waiting.offerId)).toBe('offered');
      await context.close();
    });
  }
});
