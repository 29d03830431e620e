/**
 * A curator confirms or rejects with a reason the person reads; the e-mail
 * waits for the undo window, so an undo in time restores the state and cancels it; after the
 * window an undo is refused; a mail that already went out gets a correction.
 */
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { auditLog, curationDecisions, organisations, outbox, users } from '#db/schema.ts';
import { decideMember, decideOrganisation } from '#features/verification/curator-decisions.ts';
import { decisionView, recentDecisions } from '#features/accounts/decision-views.ts';
import { pendingMembers, pendingOrganisations } from '#features/accounts/curation-queues.ts';
import { undoDecision } from '#features/accounts/decision-undo.ts';
import { register } from '#features/accounts/registration.ts';
import { UNDO_WINDOW_MS } from '#domain/curation-decision.ts';
import { decisionSentence } from '#web/texts/curation-texts.ts';
import { createOffer } from '#features/marketplace/offers.ts';
import { deliverPendingMail } from '#platform/mail/outbox-delivery.ts';
import { actorOf, curatorActor } from './actors.ts';
import { lastMailTo, registeredUser, strongPassword, testDatabase, type TestDb } from './helpers.ts';
import { confirmedUser, insertPitch, offerForm } from '../marketplace/helpers.ts';

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => t.cleanup());

const T0 = Date.UTC(2026, 10, 26, 9, 0);
const at = (ms: number) => t.deps({ now: ms });
const mailsTo = (address: string) => t.handle.db.select().from(outbox).where(eq(outbox.toAddress, address));
const userRow = async (id: string) => (await t.handle.db.select().from(users).where(eq(users.id, id)))[0]!;

async function applicant(email = 'jan@voorbeeld.nl') {
  const user = await registeredUser(t, email);
  await t.handle.db.update(users).set({ name: 'Jan de Vries' }).where(eq(users.id, user.id));
  return user;
}

describe('bevestigen en afwijzen met een reden', () => {
  test('afwijzen zonder reden kan niet; met reden krijgt de persoon een e-mail met die reden, die het venster lang wacht', async () => {
    const curator = await curatorActor(t);
    const jan = await applicant();
    expect(await decideMember(at(T0), curator, jan.id, { decision: 'rejected', reason: '   ' })).toEqual({ ok: false, reason: 'reason-required' });
    const result = await decideMember(at(T0), curator, jan.id, { decision: 'rejected', reason: 'Wij kennen u niet bij Zaanstad. Mail ons vanaf uw werkadres.' });
    expect(result).toMatchObject({ ok: true });
    const mail = (await mailsTo('jan@voorbeeld.nl')).find((m) => m.subject === 'Uw aanmelding op Praktijkplein is niet bevestigd');
    expect(mail?.body).toContain('Wij kennen u niet bij Zaanstad. Mail ons vanaf uw werkadres.');
    expect(mail?.body).toContain('https://praktijkplein.test/aandragen/');
    expect(mail).toMatchObject({ status: 'queued', nextAttemptAt: T0 + UNDO_WINDOW_MS, userId: jan.id });
    // Not in the waiting list any more, and still not verified.
    expect(await pendingMembers(at(T0), curator)).toEqual([]);
    expect((await userRow(jan.id)).membershipVerifiedAt).toBeNull();
    const log = await t.handle.db.select().from(auditLog).where(eq(auditLog.action, 'member.rejected'));
    expect(log).toMatchObject([{ actorUserId: curator.userId, subjectId: jan.id }]);
  });

  test('de bevestigingsmail gaat pas na het venster de deur uit', async () => {
    const curator = await curatorActor(t);
    const jan = await applicant();
    await decideMember(at(T0), curator, jan.id, { decision: 'confirmed', reason: 'Gebeld met de afdeling.' });
    const [mail] = (await mailsTo('jan@voorbeeld.nl')).filter((m) => m.subject === 'Uw lidmaatschap op Praktijkplein is bevestigd');
    expect(mail!.body).toContain('Gebeld met de afdeling.');
    const sent: string[] = [];
    const transport = { send: async (m: { to: string }) => void sent.push(m.to) };
    await deliverPendingMail(t.handle.db, transport, () => T0 + UNDO_WINDOW_MS - 1000);
    expect(sent).not.toContain('jan@voorbeeld.nl');
    await deliverPendingMail(t.handle.db, transport, () => T0 + UNDO_WINDOW_MS + 1000);
    expect(sent).toContain('jan@voorbeeld.nl');
  });

  test('de melding noemt wie: "Jan de Vries is bevestigd als medewerker van Zaanstad"', async () => {
    const curator = await curatorActor(t);
    const jan = await applicant();
    const result = await decideMember(at(T0), curator, jan.id, { decision: 'confirmed' });
    const view = await decisionView(at(T0 + 1000), curator, (result as { decisionId: string }).decisionId);
    expect(decisionSentence(view!)).toBe('Jan de Vries is bevestigd als medewerker van Zaanstad.');
    expect(view!.undoable).toBe(true);
    expect((await recentDecisions(at(T0 + 1000), curator))!.map((d) => d.id)).toEqual([view!.id]);
    expect(await recentDecisions(at(T0 + UNDO_WINDOW_MS), curator)).toEqual([]);
  });
});

describe('ongedaan maken', () => {
  test('binnen het venster: het lidmaatschap is weer onbevestigd, de persoon wacht weer en de wachtende e-mail is geschrapt', async () => {
    const curator = await curatorActor(t);
    const jan = await applicant();
    const { decisionId } = (await decideMember(at(T0), curator, jan.id, { decision: 'confirmed' })) as { decisionId: string };
    expect((await userRow(jan.id)).membershipVerifiedAt).toBe(T0);
    const mailsBefore = (await mailsTo('jan@voorbeeld.nl')).length;

    expect(await undoDecision(at(T0 + UNDO_WINDOW_MS - 1000), curator, decisionId)).toEqual({ ok: true, decisionId });
    expect((await userRow(jan.id)).membershipVerifiedAt).toBeNull();
    expect((await userRow(jan.id)).membershipVerifiedBy).toBeNull();
    expect((await pendingMembers(at(T0 + UNDO_WINDOW_MS), curator))!.map((m) => m.id)).toEqual([jan.id]);
    const after = await mailsTo('jan@voorbeeld.nl');
    expect(after.map((m) => m.subject)).not.toContain('Uw lidmaatschap op Praktijkplein is bevestigd');
    expect(after.map((m) => m.subject)).not.toContain('Correctie: uw aanmelding op Praktijkplein wacht weer op een curator');
    expect(after.length).toBe(mailsBefore - 1);
    const view = await decisionView(at(T0 + UNDO_WINDOW_MS), curator, decisionId);
    expect(view).toMatchObject({ undoneAt: T0 + UNDO_WINDOW_MS - 1000, mailsAlreadySent: 0, undoable: false });
    expect(await undoDecision(at(T0 + 2000), curator, decisionId)).toEqual({ ok: false, reason: 'already-undone' });
    const log = await t.handle.db.select().from(auditLog).where(eq(auditLog.action, 'member.decision-undone'));
    expect(log).toMatchObject([{ actorUserId: curator.userId, subjectId: jan.id }]);
  });

  test('een afwijzing ongedaan maken zet de persoon terug in de lijst en schrapt de e-mail met de reden', async () => {
    const curator = await curatorActor(t);
    const jan = await applicant();
    const { decisionId } = (await decideMember(at(T0), curator, jan.id, { decision: 'rejected', reason: 'Verkeerde gemeente gekozen.' })) as { decisionId: string };
    expect(await undoDecision(at(T0 + 60_000), curator, decisionId)).toMatchObject({ ok: true });
    expect((await pendingMembers(at(T0 + 60_000), curator))!.map((m) => m.id)).toEqual([jan.id]);
    expect((await mailsTo('jan@voorbeeld.nl')).map((m) => m.subject)).not.toContain('Uw aanmelding op Praktijkplein is niet bevestigd');
  });

  test('na het venster geweigerd: niets verandert en de e-mail blijft staan', async () => {
    const curator = await curatorActor(t);
    const jan = await applicant();
    const { decisionId } = (await decideMember(at(T0), curator, jan.id, { decision: 'confirmed' })) as { decisionId: string };
    expect(await undoDecision(at(T0 + UNDO_WINDOW_MS), curator, decisionId)).toEqual({ ok: false, reason: 'too-late' });
    expect((await userRow(jan.id)).membershipVerifiedAt).toBe(T0);
    expect((await mailsTo('jan@voorbeeld.nl')).map((m) => m.subject)).toContain('Uw lidmaatschap op Praktijkplein is bevestigd');
  });

  test('was de e-mail toch al weg, dan volgt een correctie', async () => {
    const curator = await curatorActor(t);
    const jan = await applicant();
    const { decisionId } = (await decideMember(at(T0), curator, jan.id, { decision: 'confirmed' })) as { decisionId: string };
    await t.handle.db.update(outbox).set({ status: 'sent', sentAt: T0 + 1000 }).where(and(eq(outbox.toAddress, 'jan@voorbeeld.nl'), eq(outbox.subject, 'Uw lidmaatschap op Praktijkplein is bevestigd')));
    expect(await undoDecision(at(T0 + 2000), curator, decisionId)).toMatchObject({ ok: true });
    const mail = (await mailsTo('jan@voorbeeld.nl')).find((m) => m.subject === 'Correctie: uw aanmelding op Praktijkplein wacht weer op een curator');
    expect(mail!.body).toContain('bevestigd was');
    expect((await decisionView(at(T0 + 3000), curator, decisionId))!.mailsAlreadySent).toBe(1);
  });

  test('alleen wie besloot maakt het ongedaan; een gewone gebruiker al helemaal niet', async () => {
    const curator = await curatorActor(t);
    const colleague = await curatorActor(t, 'collega-curator@netwerk.nl');
    const jan = await applicant();
    const member = await actorOf(t, (await registeredUser(t, 'piet@voorbeeld.nl')).email);
    const { decisionId } = (await decideMember(at(T0), curator, jan.id, { decision: 'confirmed' })) as { decisionId: string };
    expect(await undoDecision(at(T0 + 1000), colleague, decisionId)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await undoDecision(at(T0 + 1000), member, decisionId)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await undoDecision(at(T0 + 1000), null, decisionId)).toEqual({ ok: false, reason: 'forbidden' });
    expect((await decisionView(at(T0 + 1000), colleague, decisionId))!.undoable).toBe(false);
    expect((await userRow(jan.id)).membershipVerifiedAt).toBe(T0);
  });

  test('een bevestiging die wachtend aanbod doorstuurde, kan niet meer terug', async () => {
    const curator = await curatorActor(t);
    const pitchId = await insertPitch(t.handle.db);
    const waiting = await confirmedUser(t, 'nieuw@postnl.nl', { kind: 'employer', organisationId: 'postnl' });
    expect(await createOffer(t.deps(), await actorOf(t, 'nieuw@postnl.nl'), pitchId, offerForm())).toMatchObject({ status: 'waiting-for-verification' });
    const { decisionId } = (await decideMember(at(T0), curator, waiting.id, { decision: 'confirmed' })) as { decisionId: string };
    expect((await decisionView(at(T0 + 1000), curator, decisionId))!).toMatchObject({ releasedOffers: 1, undoable: false });
    expect(await undoDecision(at(T0 + 1000), curator, decisionId)).toEqual({ ok: false, reason: 'offers-released' });
    expect((await userRow(waiting.id)).membershipVerifiedAt).toBe(T0);
  });

  test('een nieuwe werkgever: bevestigen en ongedaan maken zet organisatie en aanmelder terug; afwijzen haalt hem uit de lijst', async () => {
    const curator = await curatorActor(t);
    await register(t.deps({ ip: '198.51.100.77' }), { name: 'Bas Bakker', email: 'bas@bakkerij.nl', password: strongPassword, kind: 'employer', newEmployerName: 'Bakkerij Bas' });
    const { token } = await lastMailTo(t, 'bas@bakkerij.nl');
    const { confirmEmail } = await import('#features/verification/confirm-email.ts');
    await confirmEmail(t.deps(), token!);
    const [org] = await t.handle.db.select().from(organisations).where(eq(organisations.name, 'Bakkerij Bas'));
    const { decisionId } = (await decideOrganisation(at(T0), curator, org!.id, { decision: 'confirmed' })) as { decisionId: string };
    expect(decisionSentence((await decisionView(at(T0), curator, decisionId))!)).toBe('Bakkerij Bas is bevestigd als werkgever, en daarmee Bas Bakker als medewerker ervan.');
    expect(await undoDecision(at(T0 + 1000), curator, decisionId)).toMatchObject({ ok: true });
    const [again] = await t.handle.db.select().from(organisations).where(eq(organisations.id, org!.id));
    expect(again!.verifiedAt).toBeNull();
    const [bas] = await t.handle.db.select().from(users).where(eq(users.organisationId, org!.id));
    expect(bas!.membershipVerifiedAt).toBeNull();
    expect((await pendingOrganisations(at(T0 + 2000), curator))!.map((o) => o.id)).toEqual([org!.id]);
    expect(await decideOrganisation(at(T0 + 3000), curator, org!.id, { decision: 'rejected' })).toEqual({ ok: false, reason: 'reason-required' });
    expect(await decideOrganisation(at(T0 + 3000), curator, org!.id, { decision: 'rejected', reason: 'Geen werkgever te vinden met deze naam.' })).toMatchObject({ ok: true });
    expect(await pendingOrganisations(at(T0 + 4000), curator)).toEqual([]);
    expect((await mailsTo('bas@bakkerij.nl')).find((m) => m.subject === 'Uw aanmelding op Praktijkplein is niet bevestigd')!.body).toContain('Geen werkgever te vinden met deze naam.');
    const stored = await t.handle.db.select().from(curationDecisions).where(eq(curationDecisions.subjectId, org!.id));
    expect(stored.map((d) => [d.decision, d.undoneAt === null])).toEqual([['confirmed', false], ['rejected', true]]);
  });
});
