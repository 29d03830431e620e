/**
 * Curators hear of waiting people within a minute, in one mail each however many arrive:
 * ten new employers who register with an offer and confirm their address within a minute make
 * one mail per curator, naming all ten and the pitch their offers wait on; it goes out when due
 * and not before; whoever comes after it went starts a new one. Nobody is told about a person a
 * curator does not need to look at (confirmed by the organisation's own domain).
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { outbox, users } from '#db/schema.ts';
import { confirmEmail } from '#features/verification/confirm-email.ts';
import { registerWithOffer } from '#features/marketplace/offer-with-account.ts';
import { createOffer } from '#features/marketplace/offers.ts';
import { CURATOR_ALERT_DELAY_MS } from '#features/accounts/curator-alert.ts';
import { curationQueue } from '#features/verification/curation-queue.ts';
import { deliverPendingMail } from '#platform/mail/outbox-delivery.ts';
import { actorOf, curatorActor } from './actors.ts';
import { lastMailTo, strongPassword, testDatabase, type TestDb } from './helpers.ts';
import { confirmedUser, insertPitch, offerForm } from '../marketplace/helpers.ts';

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => t.cleanup());

const SUBJECT = 'Nieuwe aanmeldingen wachten op uw bevestiging';
const alerts = (to?: string) =>
  t.handle.db
    .select()
    .from(outbox)
    .where(to ? and(eq(outbox.subject, SUBJECT), eq(outbox.toAddress, to)) : eq(outbox.subject, SUBJECT));

/** Two curators and a published pitch, with the outbox empty (making the second curator told the first). */
async function setting() {
  const curator = await curatorActor(t, 'curator@netwerk.nl');
  await curatorActor(t, 'curator2@netwerk.nl');
  const pitchId = await insertPitch(t.handle.db, { title: 'Werk in de Poelenbrug' });
  await t.handle.db.delete(outbox);
  return { curator, pitchId };
}

/** A new employer registers with an offer at `at` (each from its own network) and confirms the address. */
async function newEmployerInTheRoom(pitchId: string, i: number, at: number) {
  const email = `werkgever${i}@bedrijf${i}.nl`;
  const registered = await registerWithOffer(t.deps({ ip: `203.0.113.${i + 1}`, now: at }), pitchId, { name: `Persoon ${i}`, email, password: strongPassword, newEmployerName: `Bakkerij Nummer ${i}` }, offerForm());
  expect(registered).toEqual({ ok: true });
  expect(await confirmEmail(t.deps({ now: at + 1000 }), (await lastMailTo(t, email)).token!)).toEqual({ ok: true });
}

describe('curatoren horen het binnen een minuut, in één e-mail', () => {
  test('tien nieuwe werkgevers in een minuut: één e-mail per curator met alle tien en de pitch; pas verstuurd als hij aan de beurt is', async () => {
    const { curator, pitchId } = await setting();
    const t0 = Date.now();
    for (let i = 0; i < 10; i++) await newEmployerInTheRoom(pitchId, i, t0 + i * 4000);

    for (const to of ['curator@netwerk.nl', 'curator2@netwerk.nl']) {
      const mails = await alerts(to);
      expect(mails).toHaveLength(1);
      const [mail] = mails;
      // Due 45 s after the first arrival; later arrivals joined it and did not move it.
      expect(mail!.nextAttemptAt).toBe(t0 + 1000 + CURATOR_ALERT_DELAY_MS);
      expect(mail!.nextAttemptAt - t0).toBeLessThanOrEqual(60_000);
      for (let i = 0; i < 10; i++) expect(mail!.body).toContain(`Persoon ${i} voor de nieuwe werkgever Bakkerij Nummer ${i}; aanbod op de pitch "Werk in de Poelenbrug"`);
      expect(mail!.body).toContain('https://praktijkplein.test/beheer/');
      // The closing lines once, at the end.
      expect(mail!.body.match(/Met vriendelijke groet/g)).toHaveLength(1);
      expect(mail!.body.trimEnd().endsWith('u curator bent op Praktijkplein.')).toBe(true);
    }

    // The curator's lists say the same: ten employers, each holding back an offer on the pitch.
    const queue = (await curationQueue(t.deps(), curator))!;
    expect(queue).toMatchObject({ waiting: 10, withOffers: 10 });
    expect(queue.employers[0]!.waitingOffers.map((o) => o.pitchTitle)).toEqual(['Werk in de Poelenbrug']);

    const sent: string[] = [];
    const transport = { send: async (m: { to: string; subject: string }) => void sent.push(`${m.to}: ${m.subject}`) };
    const due = (await alerts('curator@netwerk.nl'))[0]!.nextAttemptAt;
    await deliverPendingMail(t.handle.db, transport, () => due - 1);
    expect(sent.filter((s) => s.endsWith(SUBJECT))).toEqual([]);
    await deliverPendingMail(t.handle.db, transport, () => due);
    expect(sent.filter((s) => s.endsWith(SUBJECT)).sort()).toEqual([`curator2@netwerk.nl: ${SUBJECT}`, `curator@netwerk.nl: ${SUBJECT}`]);

    // Someone after the mail went: a new mail, with only them in it.
    await newEmployerInTheRoom(pitchId, 10, due + 5000);
    const after = await alerts('curator@netwerk.nl');
    expect(after).toHaveLength(2);
    const fresh = after.find((m) => m.status === 'queued')!;
    expect(fresh.body).toContain('Persoon 10');
    expect(fresh.body).not.toContain('Persoon 3 ');
  });

  test('een medewerker die al wacht en dan aanbod doet: de pitch komt in dezelfde wachtende e-mail', async () => {
    const { pitchId } = await setting();
    await confirmedUser(t, 'nieuw@postnl.nl', { kind: 'employer', organisationId: 'postnl' });
    expect(await createOffer(t.deps(), await actorOf(t, 'nieuw@postnl.nl'), pitchId, offerForm())).toMatchObject({ ok: true, status: 'waiting-for-verification' });
    const [mail, ...more] = await alerts('curator@netwerk.nl');
    expect(more).toEqual([]);
    expect(mail!.body).toContain('Anna de Vries als medewerker van PostNL');
    expect(mail!.body).toContain('Anna de Vries als medewerker van PostNL; aanbod op de pitch "Werk in de Poelenbrug" wacht hierop');
  });

  test('wie door het eigen e-maildomein meteen bevestigd is, komt niet in de e-mail', async () => {
    await setting();
    await t.handle.db.run(`update organisations set email_domain = 'postnl.nl' where id = 'postnl'`);
    const user = await confirmedUser(t, 'fenna@postnl.nl', { kind: 'employer', organisationId: 'postnl' });
    expect(user.membershipVerifiedBy).toBe('domain');
    expect(await alerts()).toEqual([]);
    const [row] = await t.handle.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.membershipVerifiedAt).not.toBeNull();
  });
});
