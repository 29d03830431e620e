/**
 * Offers on a real libSQL file (the offers' part): making one (verified →
 * offered, unverified → waiting, closed pitches refused), one live offer per employer even when
 * two requests race, edit and withdraw with stale checks, release after verification, the
 * register-in-flow, and the mail and audit that go with every change.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { offers, pitches } from '#db/marketplace-schema.ts';
import { auditLog, outbox, users } from '#db/schema.ts';
import { confirmEmail } from '#features/verification/confirm-email.ts';
import { verifyMember, verifyOrganisation } from '#features/verification/curator-decisions.ts';
import { hashPassword } from '#platform/auth/password.ts';
import { offerInput } from '#features/marketplace/offer-input.ts';
import { createOffer, editOffer, withdrawOffer } from '#features/marketplace/offers.ts';
import { myOffers, offerPage } from '#features/marketplace/offer-views.ts';
import { releaseWaitingOffers } from '#features/marketplace/offer-release.ts';
import { registerWithOffer } from '#features/marketplace/offer-with-account.ts';
import { actorOf, curatorActor } from '../accounts/actors.ts';
import { lastMailTo, meetingPoint, secondInstance, strongPassword, testDatabase, type TestDb } from '../accounts/helpers.ts';
import { confirmedUser, insertPitch, marketplaceCast, offerForm, verifiedMember } from './helpers.ts';

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => t.cleanup());

const offerRows = () => t.handle.db.select().from(offers);
const mailsTo = (address: string) => t.handle.db.select().from(outbox).where(eq(outbox.toAddress, address));
const auditFor = (offerId: string) => t.handle.db.select().from(auditLog).where(and(eq(auditLog.subjectType, 'offer'), eq(auditLog.subjectId, offerId)));

describe('het formulier (zod, Nederlandse meldingen)', () => {
  test('refuses no kind of help, unknown kinds, zero or too many places, a past or impossible date, oversized texts', () => {
    const problems = (input: Record<string, unknown>) => {
      const parsed = offerInput.safeParse({ helpKinds: ['banen'], ...input });
      return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(problems({ helpKinds: [] })).toEqual(['helpKinds: Kies minstens één soort hulp.']);
    expect(problems({ helpKinds: ['koffie'] })[0]).toMatch(/helpKinds.0: Kies een soort hulp uit de lijst/);
    expect(problems({ places: '0' })[0]).toMatch(/places: Vul een heel getal in van 1 tot en met 1000/);
    expect(problems({ places: '-3' })[0]).toMatch(/places:/);
    expect(problems({ places: '2.5' })[0]).toMatch(/places:/);
    expect(problems({ places: '1001' })[0]).toMatch(/places:/);
    expect(problems({ startsOn: '2020-01-01' })[0]).toMatch(/startsOn: Deze datum is al voorbij/);
    expect(problems({ startsOn: '2030-02-30' })[0]).toMatch(/startsOn: 30 februari 2030 bestaat niet/);
    expect(problems({ support: 'x'.repeat(1001) })[0]).toMatch(/support: .*1000 tekens/);
    expect(problems({ message: 'x'.repeat(2001) })[0]).toMatch(/message: .*2000 tekens/);
    expect(offerInput.parse({ helpKinds: ['banen', 'banen'], places: ' 12 ', startsOn: '', support: '  ', message: undefined })).toEqual({
      helpKinds: ['banen'],
      places: 12,
      startsOn: null,
      support: null,
      message: null,
      showName: false,
    });
    // What Astro's form parser passes for empty fields and an unticked checkbox.
    expect(offerInput.parse({ helpKinds: ['banen'], places: null, startsOn: null, support: null, message: null, showName: null })).toMatchObject({ places: null, showName: false });
    expect(offerInput.parse({ helpKinds: ['banen'], showName: 'true' }).showName).toBe(true);
  });
});

describe('aanbod doen', () => {
  test('a verified employer offers: offered, the owner gets a mail (never the free-typed contact address), an audit entry, no mail to other employers', async () => {
    const { postnl, asito, pitchId } = await marketplaceCast(t);
    const result = await createOffer(t.deps(), postnl.actor, pitchId, offerForm());
    expect(result).toMatchObject({ ok: true, status: 'offered' });
    const [row] = await offerRows();
    expect(row).toMatchObject({ pitchId, employerId: 'postnl', authorId: postnl.user.id, status: 'offered', helpKinds: ['banen'], places: 3, showName: true });
    expect((await lastMailTo(t, 'eigenaar@zaanstad.nl')).mail).toMatchObject({ subject: 'Nieuw aanbod op uw pitch: Werk in de Poelenbrug' });
    expect((await lastMailTo(t, 'eigenaar@zaanstad.nl')).mail!.body).toContain('/aanbod/');
    expect((await lastMailTo(t, 'contact@zaanstad.nl')).mail).toBeUndefined();
    expect(await mailsTo(asito.user.email)).toHaveLength(1); // only its own address confirmation
    expect((await auditFor(row!.id)).map((a) => a.action)).toEqual(['offer.created']);
  });

  test('a member whose membership is not verified yet prepares an offer: it waits, and the owner hears nothing yet', async () => {
    const { pitchId } = await marketplaceCast(t);
    await confirmedUser(t, 'nieuw@postnl.nl', { kind: 'employer', organisationId: 'postnl' });
    const waiting = await actorOf(t, 'nieuw@postnl.nl');
    const before = (await mailsTo('eigenaar@zaanstad.nl')).length;
    expect(await createOffer(t.deps(), waiting, pitchId, offerForm())).toMatchObject({ ok: true, status: 'waiting-for-verification' });
    expect((await mailsTo('eigenaar@zaanstad.nl')).length).toBe(before);
    const mine = await myOffers(t.deps(), waiting);
    expect(mine!.map((m) => m.offer.status)).toEqual(['waiting-for-verification']);
  });

  test('refused: a closed pitch, a pitch past its closing date, a draft (not found), a municipality member, a visitor', async () => {
    const { postnl, owner } = await marketplaceCast(t);
    const closed = await insertPitch(t.handle.db, { status: 'closed' });
    const expired = await insertPitch(t.handle.db, { closingDate: '2020-01-31' });
    const draft = await insertPitch(t.handle.db, { status: 'draft' });
    const open = await insertPitch(t.handle.db);
    expect(await createOffer(t.deps(), postnl.actor, closed, offerForm())).toEqual({ ok: false, reason: 'pitch-not-accepting-offers' });
    expect(await createOffer(t.deps(), postnl.actor, expired, offerForm())).toEqual({ ok: false, reason: 'pitch-not-accepting-offers' });
    expect(await createOffer(t.deps(), postnl.actor, draft, offerForm())).toEqual({ ok: false, reason: 'not-found' });
    expect(await createOffer(t.deps(), owner.actor, open, offerForm())).toEqual({ ok: false, reason: 'forbidden' });
    expect(await createOffer(t.deps(), null, open, offerForm())).toEqual({ ok: false, reason: 'forbidden' });
    expect(await offerRows()).toEqual([]);
  });

  test('one live offer per employer: a colleague’s second offer is refused; after a withdrawal a new one may be made', async () => {
    const { postnl, pitchId } = await marketplaceCast(t);
    const colleague = await verifiedMember(t, 'paula@postnl.nl', { kind: 'employer', organisationId: 'postnl' });
    const first = await createOffer(t.deps(), postnl.actor, pitchId, offerForm());
    expect(await createOffer(t.deps(), colleague.actor, pitchId, offerForm())).toEqual({ ok: false, reason: 'duplicate' });
    if (!first.ok) throw new Error('first offer refused');
    expect(await withdrawOffer(t.deps(), colleague.actor, first.offerId, 1)).toMatchObject({ ok: true });
    expect(await createOffer(t.deps(), colleague.actor, pitchId, offerForm())).toMatchObject({ ok: true, status: 'offered' });
  });

  test('two offers for the same pitch at once from one employer, on two database clients: exactly one is stored, the other hears "duplicate"', async () => {
    const { postnl, pitchId } = await marketplaceCast(t);
    const colleague = await verifiedMember(t, 'paula@postnl.nl', { kind: 'employer', organisationId: 'postnl' });
    const other = await secondInstance(t);
    // Both requests meet after every read, just before writing: both found no offer, so only
    // the partial unique index can decide. Without the meeting, one would simply see the other.
    const meeting = meetingPoint(2);
    const hooks = { beforeWrite: meeting.arrive };
    const results = await Promise.all([
      createOffer(t.deps(), postnl.actor, pitchId, offerForm(), hooks),
      createOffer(other.deps(), colleague.actor, pitchId, offerForm({ message: 'Ook wij!' }), hooks),
    ]);
    other.close();
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'duplicate' }]);
    expect(await offerRows()).toHaveLength(1);
    // The loser's mail and audit entry went with its failed batch.
    expect(await t.handle.db.select().from(auditLog).where(eq(auditLog.action, 'offer.created'))).toHaveLength(1);
  });

  test('creating offers is rate limited per account', async () => {
    const { postnl } = await marketplaceCast(t);
    const results = [];
    for (let i = 0; i < 11; i++) results.push(await createOffer(t.deps(), postnl.actor, await insertPitch(t.handle.db), offerForm()));
    expect(results.slice(0, 10).every((r) => r.ok)).toBe(true);
    expect(results[10]).toMatchObject({ ok: false, reason: 'rate-limited' });
  });
});

describe('wijzigen en intrekken', () => {
  test('the author edits (the owner hears of it), a stale version is refused, nothing is half-written', async () => {
    const { postnl, pitchId } = await marketplaceCast(t);
    const made = await createOffer(t.deps(), postnl.actor, pitchId, offerForm());
    if (!made.ok) throw new Error('refused');
    expect(await editOffer(t.deps(), postnl.actor, made.offerId, 1, offerForm({ places: '5' }))).toEqual({ ok: true, pitchId });
    expect((await lastMailTo(t, 'eigenaar@zaanstad.nl')).mail!.subject).toBe('Aanbod aangepast: Werk in de Poelenbrug');
    // A second tab still shows version 1.
    expect(await editOffer(t.deps(), postnl.actor, made.offerId, 1, offerForm({ places: '9' }))).toEqual({ ok: false, reason: 'stale' });
    const [row] = await offerRows();
    expect(row).toMatchObject({ places: 5, version: 2 });
    expect((await auditFor(made.offerId)).map((a) => a.action).sort()).toEqual(['offer.created', 'offer.edited']);
  });

  test('a write based on a version that changed between read and write fails as a whole (no audit entry, no mail)', async () => {
    const { postnl, pitchId } = await marketplaceCast(t);
    const made = await createOffer(t.deps(), postnl.actor, pitchId, offerForm());
    if (!made.ok) throw new Error('refused');
    const mailsBefore = (await t.handle.db.select().from(outbox)).length;
    // Both edits read version 1 and pass the early check; SQLite serialises the batches.
    const results = await Promise.all([
      editOffer(t.deps(), postnl.actor, made.offerId, 1, offerForm({ places: '5' })),
      editOffer(t.deps(), postnl.actor, made.offerId, 1, offerForm({ places: '7' })),
    ]);
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    expect((await auditFor(made.offerId)).filter((a) => a.action === 'offer.edited')).toHaveLength(1);
    expect((await t.handle.db.select().from(outbox)).length - mailsBefore).toBe(1); // the owner, once
  });

  test('others may not edit or withdraw (not found); once accepted the employer can no longer change it', async () => {
    const { postnl, asito, owner, pitchId } = await marketplaceCast(t);
    const made = await createOffer(t.deps(), postnl.actor, pitchId, offerForm());
    if (!made.ok) throw new Error('refused');
    expect(await editOffer(t.deps(), asito.actor, made.offerId, 1, offerForm())).toEqual({ ok: false, reason: 'not-found' });
    expect(await withdrawOffer(t.deps(), owner.actor, made.offerId, 1)).toEqual({ ok: false, reason: 'not-found' });
    await t.handle.db.update(offers).set({ status: 'accepted' }).where(eq(offers.id, made.offerId));
    expect(await editOffer(t.deps(), postnl.actor, made.offerId, 1, offerForm())).toEqual({ ok: false, reason: 'not-allowed-in-status' });
    expect(await withdrawOffer(t.deps(), postnl.actor, made.offerId, 1)).toEqual({ ok: false, reason: 'not-allowed-in-status' });
  });

  test('withdrawing tells the owner; Mijn aanbod then offers no more moves', async () => {
    const { postnl, pitchId } = await marketplaceCast(t);
    const made = await createOffer(t.deps(), postnl.actor, pitchId, offerForm());
    if (!made.ok) throw new Error('refused');
    expect((await myOffers(t.deps(), postnl.actor))![0]!.moves).toEqual(['edit', 'withdraw']);
    await withdrawOffer(t.deps(), postnl.actor, made.offerId, 1);
    expect((await lastMailTo(t, 'eigenaar@zaanstad.nl')).mail!.subject).toBe('Aanbod ingetrokken: Werk in de Poelenbrug');
    const [mine] = (await myOffers(t.deps(), postnl.actor))!;
    expect(mine).toMatchObject({ offer: { status: 'withdrawn' }, moves: [] });
  });

  test('Mijn aanbod shows one’s own and verified colleagues’ offers of the same employer, never another employer’s', async () => {
    const { postnl, asito, pitchId } = await marketplaceCast(t);
    const colleague = await verifiedMember(t, 'paula@postnl.nl', { kind: 'employer', organisationId: 'postnl' });
    await createOffer(t.deps(), postnl.actor, pitchId, offerForm());
    await createOffer(t.deps(), asito.actor, pitchId, offerForm());
    expect((await myOffers(t.deps(), colleague.actor))!.map((m) => m.employerName)).toEqual(['PostNL']);
    expect((await myOffers(t.deps(), asito.actor))!.map((m) => m.employerName)).toEqual(['Asito']);
    expect(await myOffers(t.deps(), null)).toBeNull();
  });
});

describe('wachtend aanbod vrijgeven na bevestiging', () => {
  test('a curator verifies the member: the waiting offer becomes offered, owner and employer get a mail, audit says released', async () => {
    const { pitchId } = await marketplaceCast(t);
    const curator = await curatorActor(t);
    const waitingUser = await confirmedUser(t, 'nieuw@postnl.nl', { kind: 'employer', organisationId: 'postnl' });
    const made = await createOffer(t.deps(), await actorOf(t, 'nieuw@postnl.nl'), pitchId, offerForm());
    if (!made.ok) throw new Error('refused');
    expect(await verifyMember(t.deps(), curator, waitingUser.id)).toEqual({ ok: true });
    const [row] = await offerRows();
    expect(row!.status).toBe('offered');
    expect((await lastMailTo(t, 'eigenaar@zaanstad.nl')).mail!.subject).toBe('Nieuw aanbod op uw pitch: Werk in de Poelenbrug');
    expect((await mailsTo('nieuw@postnl.nl')).map((m) => m.subject)).toContain('Uw aanbod is doorgestuurd: Werk in de Poelenbrug');
    expect((await auditFor(made.offerId)).map((a) => a.action)).toContain('offer.released');
    // Nothing left to release: a second call changes nothing.
    expect(await releaseWaitingOffers(t.deps(), { userId: waitingUser.id })).toEqual([]);
  });

  test('an offer on a pitch that was closed meanwhile stays waiting', async () => {
    const { pitchId } = await marketplaceCast(t);
    const curator = await curatorActor(t);
    const waitingUser = await confirmedUser(t, 'nieuw@postnl.nl', { kind: 'employer', organisationId: 'postnl' });
    await createOffer(t.deps(), await actorOf(t, 'nieuw@postnl.nl'), pitchId, offerForm());
    await t.handle.db.update(pitches).set({ status: 'closed' }).where(eq(pitches.id, pitchId));
    await verifyMember(t.deps(), curator, waitingUser.id);
    expect((await offerRows())[0]!.status).toBe('waiting-for-verification');
  });
});

describe('een wachtend aanbod houdt geverifieerde collega’s niet tegen', () => {
  /** An unverified member of PostNL (address confirmed, membership not) with a waiting offer on the pitch. */
  async function waitingColleague(pitchId: string) {
    const user = await confirmedUser(t, 'nieuw@postnl.nl', { kind: 'employer', organisationId: 'postnl' });
    const made = await createOffer(t.deps(), await actorOf(t, 'nieuw@postnl.nl'), pitchId, offerForm({ message: 'Ik wacht nog.' }));
    if (!made.ok || made.status !== 'waiting-for-verification') throw new Error(JSON.stringify(made));
    return { user, offerId: made.offerId };
  }
  const statusOf = async (offerId: string) => (await t.handle.db.select().from(offers).where(eq(offers.id, offerId)))[0]!.status;
  const liveOffers = async () => (await offerRows()).filter((o) => ['offered', 'shortlisted', 'accepted'].includes(o.status));

  test('a verified colleague offers although an unverified member’s offer waits; the offer page gives the verified one a new form', async () => {
    const { postnl, pitchId } = await marketplaceCast(t);
    await waitingColleague(pitchId);
    expect((await offerPage(t.deps(), postnl.actor, pitchId))!.mine).toBeUndefined();
    expect(await createOffer(t.deps(), postnl.actor, pitchId, offerForm())).toMatchObject({ ok: true, status: 'offered' });
    expect((await lastMailTo(t, 'eigenaar@zaanstad.nl')).mail!.subject).toBe('Nieuw aanbod op uw pitch: Werk in de Poelenbrug');
    expect((await offerPage(t.deps(), postnl.actor, pitchId))!.mine).toMatchObject({ authorId: postnl.user.id, status: 'offered' });
    // An address that was never confirmed (a squatter) does not block either.
    const asitoPitch = await insertPitch(t.handle.db);
    await confirmedUser(t, 'olaf@postnl.nl', { kind: 'employer', organisationId: 'postnl' });
    await t.handle.db.update(users).set({ emailVerifiedAt: null }).where(eq(users.email, 'olaf@postnl.nl'));
    expect(await createOffer(t.deps(), await actorOf(t, 'olaf@postnl.nl'), asitoPitch, offerForm())).toMatchObject({ ok: true, status: 'waiting-for-verification' });
    expect(await createOffer(t.deps(), postnl.actor, asitoPitch, offerForm())).toMatchObject({ ok: true, status: 'offered' });
  });

  test('verified later, the waiting offer is withdrawn instead of becoming a second offer; its author is told why, the owner hears nothing', async () => {
    const { postnl, pitchId } = await marketplaceCast(t);
    const curator = await curatorActor(t);
    const waiting = await waitingColleague(pitchId);
    await createOffer(t.deps(), postnl.actor, pitchId, offerForm());
    const ownerMails = (await mailsTo('eigenaar@zaanstad.nl')).length;
    expect(await verifyMember(t.deps(), curator, waiting.user.id)).toEqual({ ok: true });
    expect(await statusOf(waiting.offerId)).toBe('withdrawn');
    expect(await liveOffers()).toHaveLength(1);
    expect((await mailsTo('eigenaar@zaanstad.nl')).length).toBe(ownerMails);
    const note = (await lastMailTo(t, 'nieuw@postnl.nl')).mail!;
    expect(note.subject).toBe('Uw aanbod is niet doorgestuurd: Werk in de Poelenbrug');
    expect(note.body).toContain('een collega heeft intussen al aanbod gedaan');
    expect(note.body).toContain('/account/mijn-aanbod/');
    expect((await auditFor(waiting.offerId)).map((a) => a.action)).toEqual(['offer.created', 'offer.superseded']);
  });

  test('an unverified member cannot add a waiting offer beside the employer’s offer, nor a second one of their own', async () => {
    const { postnl, pitchId } = await marketplaceCast(t);
    const waiting = await waitingColleague(pitchId);
    const actor = await actorOf(t, 'nieuw@postnl.nl');
    expect(await createOffer(t.deps(), actor, pitchId, offerForm())).toEqual({ ok: false, reason: 'duplicate' });
    expect((await offerPage(t.deps(), actor, pitchId))!.mine).toMatchObject({ id: waiting.offerId });
    const other = await insertPitch(t.handle.db);
    await createOffer(t.deps(), postnl.actor, other, offerForm());
    expect(await createOffer(t.deps(), actor, other, offerForm())).toEqual({ ok: false, reason: 'duplicate' });
  });

  test('release and a verified colleague’s offer at the same moment, on two database clients: one offer for the employer, the waiting one never a second', async () => {
    const { postnl, pitchId } = await marketplaceCast(t);
    const waiting = await waitingColleague(pitchId);
    await t.handle.db.update(users).set({ membershipVerifiedAt: Date.now(), membershipVerifiedBy: 'curator' }).where(eq(users.id, waiting.user.id));
    const other = await secondInstance(t);
    // Both meet after every read, just before writing: neither saw the other's offer.
    const meeting = meetingPoint(2);
    const hooks = { beforeWrite: meeting.arrive };
    const [created, released] = await Promise.all([
      createOffer(other.deps(), postnl.actor, pitchId, offerForm(), hooks),
      releaseWaitingOffers(t.deps(), { userId: waiting.user.id }, { by: 'address' }, hooks),
    ]);
    other.close();
    expect(await liveOffers()).toHaveLength(1);
    if (created.ok) {
      // The colleague won: the waiting offer was superseded, not released.
      expect(released).toEqual([]);
      expect(await statusOf(waiting.offerId)).toBe('withdrawn');
      expect((await lastMailTo(t, 'nieuw@postnl.nl')).mail!.subject).toMatch(/^Uw aanbod is niet doorgestuurd/);
    } else {
      expect(created).toEqual({ ok: false, reason: 'duplicate' });
      expect(released).toHaveLength(1);
      expect(await statusOf(waiting.offerId)).toBe('offered');
    }
    expect((await offerRows()).filter((o) => o.status === 'waiting-for-verification')).toEqual([]);
  });
});

describe('registreren en meteen meedoen', () => {
  const registration = (email: string, extra: Record<string, string> = {}) => ({ name: 'Fenna Fiets', email, password: strongPassword, ...extra });

  test('a new employer registers with its offer in one write; it waits for the e-mail and the curator, then reaches the owner', async () => {
    const { pitchId } = await marketplaceCast(t);
    const curator = await curatorActor(t);
    const result = await registerWithOffer(t.deps({ ip: '203.0.113.9' }), pitchId, registration('fenna@fietsen.nl', { newEmployerName: 'Fietsen Fenna' }), offerForm());
    expect(result).toEqual({ ok: true });
    const [user] = await t.handle.db.select().from(users).where(eq(users.email, 'fenna@fietsen.nl'));
    const [row] = await offerRows();
    expect(row).toMatchObject({ authorId: user!.id, employerId: user!.organisationId, status: 'waiting-for-verification', helpKinds: ['banen'] });
    expect((await myOffers(t.deps(), await actorOf(t, 'fenna@fietsen.nl')))!.map((m) => m.offer.status)).toEqual(['waiting-for-verification']);

    // Confirming the address is not enough for a new organisation …
    expect(await confirmEmail(t.deps(), (await lastMailTo(t, 'fenna@fietsen.nl')).token!)).toEqual({ ok: true });
    expect((await offerRows())[0]!.status).toBe('waiting-for-verification');
    // … the curator's verification of the organisation releases it.
    expect(await verifyOrganisation(t.deps(), curator, user!.organisationId)).toEqual({ ok: true });
    expect((await offerRows())[0]!.status).toBe('offered');
    expect((await lastMailTo(t, 'eigenaar@zaanstad.nl')).mail!.body).toContain('Fietsen Fenna');
  });

  test('an address with a verified employer’s own domain is released by confirming the e-mail alone', async () => {
    const { pitchId } = await marketplaceCast(t);
    await t.handle.db.run(`update organisations set email_domain = 'postnl.nl' where id = 'postnl'`);
    await registerWithOffer(t.deps({ ip: '203.0.113.9' }), pitchId, registration('fenna@postnl.nl', { organisationId: 'postnl' }), offerForm());
    await confirmEmail(t.deps(), (await lastMailTo(t, 'fenna@postnl.nl')).token!);
    expect((await offerRows())[0]!.status).toBe('offered');
  });

  test('an address that already has an account: the same answer, no offer, no new account; the mail says to log in and links back', async () => {
    const { pitchId, postnl } = await marketplaceCast(t);
    let hashes = 0;
    const counting = async (password: string) => {
      hashes++;
      return hashPassword(password);
    };
    const result = await registerWithOffer(t.deps({ ip: '203.0.113.9', hashPassword: counting }), pitchId, registration(postnl.user.email, { organisationId: 'asito' }), offerForm());
    expect(result).toEqual({ ok: true });
    expect(hashes).toBe(1); // the same work as for a new address
    expect(await offerRows()).toEqual([]);
    const { mail } = await lastMailTo(t, postnl.user.email);
    expect(mail!.subject).toBe('U heeft al een account op Praktijkplein');
    expect(mail!.body).toContain(`/account/inloggen/?terug=${encodeURIComponent(`/pitches/${pitchId}/meedoen/`)}`);
  });

  test('bad registration fields come back as field messages and nothing is written', async () => {
    const { pitchId } = await marketplaceCast(t);
    const result = await registerWithOffer(t.deps({ ip: '203.0.113.9' }), pitchId, registration('fenna@fietsen.nl', { newEmployerName: '' }), offerForm());
    expect(result).toMatchObject({ ok: false, reason: 'invalid', fields: { newEmployerName: expect.any(String) } });
    expect(await offerRows()).toEqual([]);
  });

  test('a closed pitch or an unpublished one is refused before anything is registered', async () => {
    await marketplaceCast(t);
    const closed = await insertPitch(t.handle.db, { status: 'closed' });
    const draft = await insertPitch(t.handle.db, { status: 'draft' });
    expect(await registerWithOffer(t.deps({ ip: '203.0.113.9' }), closed, registration('a@fietsen.nl', { newEmployerName: 'Fietsen' }), offerForm())).toEqual({ ok: false, reason: 'pitch-not-accepting-offers' });
    expect(await registerWithOffer(t.deps({ ip: '203.0.113.9' }), draft, registration('a@fietsen.nl', { newEmployerName: 'Fietsen' }), offerForm())).toEqual({ ok: false, reason: 'not-found' });
    expect(await t.handle.db.select().from(users).where(eq(users.email, 'a@fietsen.nl'))).toEqual([]);
  });
});

describe('de aanbodpagina', () => {
  test('shows the employer’s own live offer for editing; a draft pitch is not found', async () => {
    const { postnl, pitchId } = await marketplaceCast(t);
    await createOffer(t.deps(), postnl.actor, pitchId, offerForm());
    const page = await offerPage(t.deps(), postnl.actor, pitchId);
    expect(page).toMatchObject({ open: true, mayOffer: true, actsForEmployer: true, mine: { employerId: 'postnl' } });
    expect(await offerPage(t.deps(), postnl.actor, await insertPitch(t.handle.db, { status: 'draft' }))).toBeUndefined();
  });
});
