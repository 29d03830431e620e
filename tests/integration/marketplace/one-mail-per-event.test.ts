/**
 * One e-mail per event for an employer: a curator's confirmation that forwards the waiting
 * offer is one mail (confirmed and forwarded, in that order, never "pitchen"); a shortlist
 * followed by an accept within the minute is one mail ("geaccepteerd"); a declined employer
 * hears that the pitch closed, with the outcome, like the accepted one.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { eq } from 'drizzle-orm';
import { outbox, users } from '#db/schema.ts';
import { answerOffer, closePitch, SHORTLIST_MAIL_DELAY_MS } from '#features/marketplace/answers.ts';
import { createOffer } from '#features/marketplace/offers.ts';
import { registerWithOffer } from '#features/marketplace/offer-with-account.ts';
import { confirmEmail } from '#features/verification/confirm-email.ts';
import { decideMember, decideOrganisation } from '#features/verification/curator-decisions.ts';
import { deliverPendingMail } from '#platform/mail/outbox-delivery.ts';
import { curatorActor } from '../accounts/actors.ts';
import { lastMailTo, strongPassword, testDatabase, type TestDb } from '../accounts/helpers.ts';
import { confirmedUser, marketplaceCast, offerForm } from './helpers.ts';

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => t.cleanup());

const mailsTo = (address: string) => t.handle.db.select().from(outbox).where(eq(outbox.toAddress, address));

/** Everything queued, sent as if `at` had come: what each address received. */
async function sendAllAt(at: number) {
  const sent: { to: string; subject: string; body: string }[] = [];
  await deliverPendingMail(t.handle.db, { send: async (m) => void sent.push(m) }, () => at);
  return sent;
}

describe('een curator bevestigt een nieuwe werkgever met wachtend aanbod', () => {
  test('de werkgever krijgt één e-mail: bevestigd en doorgestuurd, met de toelichting, zonder "pitchen"; ook na de terugdraaitijd niets meer', async () => {
    const { pitchId } = await marketplaceCast(t);
    const curator = await curatorActor(t);
    await registerWithOffer(t.deps({ ip: '203.0.113.9' }), pitchId, { name: 'Fatma Yılmaz', email: 'fatma@bakkerij.nl', password: strongPassword, newEmployerName: 'Bakkerij Fatma' }, offerForm());
    await confirmEmail(t.deps(), (await lastMailTo(t, 'fatma@bakkerij.nl')).token!);
    const [fatma] = await t.handle.db.select().from(users).where(eq(users.email, 'fatma@bakkerij.nl'));
    const before = (await mailsTo('fatma@bakkerij.nl')).length; // the address confirmation
    await sendAllAt(Date.now()); // what the setting queued

    const now = Date.now();
    expect(await decideOrganisation(t.deps({ now }), curator, fatma!.organisationId, { decision: 'confirmed', reason: 'Welkom op Praktijkplein!' })).toMatchObject({ ok: true });
    const after = (await mailsTo('fatma@bakkerij.nl')).slice(before);
    expect(after).toHaveLength(1);
    const [mail] = after;
    expect(mail!.subject).toBe('Uw aanbod is doorgestuurd: Werk in de Poelenbrug');
    expect(mail!.nextAttemptAt).toBeLessThanOrEqual(now);
    expect(mail!.body).toMatch(/Een curator heeft bevestigd dat u namens Bakkerij Fatma .*werkt\. Daarom hebben we uw aanbod op de pitch "Werk in de Poelenbrug" nu doorgestuurd naar de gemeente/s);
    expect(mail!.body).toContain('Welkom op Praktijkplein!');
    expect(mail!.body).not.toMatch(/pitchen/i);

    // Long after the undo window: still that one mail, nothing about the membership follows.
    const sent = await sendAllAt(now + 60 * 60 * 1000);
    expect(sent.filter((m) => m.to === 'fatma@bakkerij.nl').map((m) => m.subject)).toEqual(['Uw aanbod is doorgestuurd: Werk in de Poelenbrug']);
  });

  test('zonder wachtend aanbod: de bevestiging zelf zegt "hulp aanbieden" en nooit "pitchen" tegen een werkgever', async () => {
    await marketplaceCast(t);
    const curator = await curatorActor(t);
    const waiting = await confirmedUser(t, 'nieuw@postnl.nl', { kind: 'employer', organisationId: 'postnl' });
    await decideMember(t.deps(), curator, waiting.id, { decision: 'confirmed' });
    const { mail } = await lastMailTo(t, 'nieuw@postnl.nl');
    expect(mail!.subject).toBe('Uw lidmaatschap op Praktijkplein is bevestigd');
    expect(mail!.body).toContain('hulp aanbieden');
    expect(mail!.body).not.toMatch(/pitchen/i);
  });
});

describe('antwoorden van de gemeente', () => {
  test('in overweging en binnen een minuut geaccepteerd: één e-mail, "geaccepteerd"', async () => {
    const c = await marketplaceCast(t);
    const made = await createOffer(t.deps(), c.postnl.actor, c.pitchId, offerForm());
    if (!made.ok) throw new Error('refused');
    const before = (await mailsTo('piet@postnl.nl')).length;
    await sendAllAt(Date.now()); // what the setting queued
    const now = Date.now();
    expect(await answerOffer(t.deps({ now }), c.owner.actor, made.offerId, 'shortlist', { version: 1 })).toMatchObject({ ok: true });
    // The "in overweging" mail waits a minute for the next answer.
    expect(await sendAllAt(now + SHORTLIST_MAIL_DELAY_MS - 1)).toEqual([]);
    expect(await answerOffer(t.deps({ now: now + 30_000 }), c.owner.actor, made.offerId, 'accept', { version: 2, message: 'Welkom!' })).toMatchObject({ ok: true });
    const sent = await sendAllAt(now + 30_000);
    expect(sent.map((m) => `${m.to}: ${m.subject}`)).toEqual(['piet@postnl.nl: Uw aanbod is geaccepteerd: Werk in de Poelenbrug']);
    expect(sent[0]!.body).toContain('> Welkom!');
    expect(await sendAllAt(now + 10 * SHORTLIST_MAIL_DELAY_MS)).toEqual([]);
    expect((await mailsTo('piet@postnl.nl')).slice(before)).toHaveLength(1);
  });

  test('alleen in overweging: die e-mail gaat na een minuut alsnog', async () => {
    const c = await marketplaceCast(t);
    const made = await createOffer(t.deps(), c.postnl.actor, c.pitchId, offerForm());
    if (!made.ok) throw new Error('refused');
    await sendAllAt(Date.now()); // what the setting queued
    const now = Date.now();
    await answerOffer(t.deps({ now }), c.owner.actor, made.offerId, 'shortlist', { version: 1 });
    expect((await sendAllAt(now + SHORTLIST_MAIL_DELAY_MS)).map((m) => m.subject)).toEqual(['Uw aanbod is in overweging: Werk in de Poelenbrug']);
  });

  test('een afgewezen werkgever hoort ook dat de pitch gesloten is, met de uitkomst', async () => {
    const c = await marketplaceCast(t);
    const a = await createOffer(t.deps(), c.postnl.actor, c.pitchId, offerForm());
    const b = await createOffer(t.deps(), c.asito.actor, c.pitchId, offerForm());
    if (!a.ok || !b.ok) throw new Error('refused');
    await answerOffer(t.deps(), c.owner.actor, a.offerId, 'accept', { version: 1 });
    await answerOffer(t.deps(), c.owner.actor, b.offerId, 'decline', { version: 1, message: 'Dank u wel.' });
    expect(await closePitch(t.deps(), c.owner.actor, c.pitchId, { outcome: 'matched', peoplePlaced: 2, version: 1 })).toEqual({ ok: true });
    for (const email of ['piet@postnl.nl', 'anouk@asito.nl']) {
      const { mail } = await lastMailTo(t, email);
      expect(mail!.subject).toBe('Pitch gesloten: Werk in de Poelenbrug');
      expect(mail!.body).toContain('Uitkomst: gelukt');
    }
    expect((await mailsTo('anouk@asito.nl')).map((m) => m.subject)).toEqual(expect.arrayContaining(['Uw aanbod is afgewezen: Werk in de Poelenbrug', 'Pitch gesloten: Werk in de Poelenbrug']));
  });
});
