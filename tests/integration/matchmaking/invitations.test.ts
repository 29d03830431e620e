/**
 * Matchmaking on a real libSQL file: who sees a pitch's suggestions (and who gets "not found"),
 * that only employers that allow invitations are named or mailed, one invitation per employer
 * per pitch (also when two requests race), the rate limit, refusals for a pitch not one's own
 * and a closed pitch, the employer's answers through its links, the profile's consent, and
 * export, deletion and retention of the notes and reasons.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { employerProfiles, invitationLinks, pitchInvitations } from '#db/matchmaking-schema.ts';
import { offers, pitchFacets, pitches } from '#db/marketplace-schema.ts';
import { auditLog, outbox, users } from '#db/schema.ts';
import { deleteAccount, exportUserData } from '#features/accounts/profile.ts';
import { runRetention } from '#features/jobs/retention.ts';
import { createOffer } from '#features/marketplace/offers.ts';
import { employerProfilePage, saveEmployerProfile } from '#features/matchmaking/employer-profile.ts';
import { invitationInput } from '#features/matchmaking/invitation-input.ts';
import { checkInvitationLink, declineInvitation, giveDeclineReason, invitationForOffer, inviteEmployer } from '#features/matchmaking/invitations.ts';
import type { MatchKnowledge } from '#features/matchmaking/match-inputs.ts';
import { profileInput } from '#features/matchmaking/profile-input.ts';
import { suggestionsForPitch } from '#features/matchmaking/suggestions.ts';
import { INVITATION_NOTE_MAX } from '#domain/matchmaking/invitations.ts';
import type { Actor } from '#domain/policy.ts';
import { actorOf, curatorActor } from '../accounts/actors.ts';
import { meetingPoint, strongPassword, testDatabase, type TestDb } from '../accounts/helpers.ts';
import { confirmedUser, insertPitch, marketplaceCast, offerForm, verifiedMember } from '../marketplace/helpers.ts';

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => t.cleanup());

/** A case of the knowledge base naming Albert Heijn, a content employer nobody of which has an account. */
const knowledge: MatchKnowledge = {
  cases: [{ id: 'winkelwerk', title: 'Winkelwerk voor jongeren', sectors: ['detailhandel'], targetGroups: ['jongeren'], employers: ['albert-heijn'] }],
  employerSectors: new Map([['postnl', ['logistiek']]]),
};

const profile = (overrides: Record<string, unknown> = {}) =>
  profileInput.parse({ sectors: ['logistiek'], regions: ['zaanstreek-waterland'], provinces: [], helpKinds: ['werkervaringsplaatsen'], allowsInvitations: 'true', ...overrides });
const note = (text: string | undefined, employerId: string) => invitationInput.parse({ employerId, note: text });

/**
 * Zaanstad's published pitch about young people in logistics; PostNL allows invitations, Asito
 * fits as well but did not turn them on, Albert Heijn fits through a case and has no account.
 */
async function cast() {
  const people = await marketplaceCast(t);
  const { db } = t.handle;
  await db.insert(pitchFacets).values([
    { pitchId: people.pitchId, facet: 'target-group', value: 'jongeren' },
    { pitchId: people.pitchId, facet: 'sector', value: 'logistiek' },
    { pitchId: people.pitchId, facet: 'sector', value: 'detailhandel' },
    { pitchId: people.pitchId, facet: 'help-kind', value: 'werkervaringsplaatsen' },
    { pitchId: people.pitchId, facet: 'help-kind', value: 'banen' },
  ]);
  expect(await saveEmployerProfile(t.deps(), people.postnl.actor, profile())).toMatchObject({ ok: true, switched: true });
  expect(await saveEmployerProfile(t.deps(), people.asito.actor, profile({ allowsInvitations: undefined }))).toMatchObject({ ok: true, allowsInvitations: false });
  return people;
}

const invitationRows = () => t.handle.db.select().from(pitchInvitations);
const mailsTo = (address: string) => t.handle.db.select().from(outbox).where(and(eq(outbox.toAddress, address), like(outbox.subject, 'Uitnodiging%')));
const linkIn = (body: string, path: RegExp) => body.match(new RegExp(`https?://\\S+${path.source}\\S*`))![0];
const tokenIn = (body: string) => new URL(linkIn(body, /\/uitnodiging\//)).searchParams.get('t')!;

describe('voorstellen: wie ze ziet en wat erin staat', () => {
  test('de eigenaar en een collega zien PostNL met redenen; Asito en Albert Heijn alleen als aantal; niemand anders ziet iets', async () => {
    const { owner, colleague, elsewhere, postnl, pitchId } = await cast();
    for (const who of [owner.actor, colleague.actor]) {
      const result = await suggestionsForPitch(t.deps(), who, pitchId, knowledge);
      if (!result.ok) throw new Error('geen voorstellen');
      expect(result.suggestions.map((s) => [s.id, s.score, s.reasons.map((r) => r.text)])).toEqual([
        ['postnl', 6, ['werkt in de logistiek', 'werkt in de regio Zaanstreek/Waterland', 'kan werkervaringsplaatsen bieden']],
      ]);
      expect(result.hiddenCount).toBe(2);
      expect(result.mayInvite).toBe(true);
      expect(JSON.stringify(result)).not.toMatch(/asito|albert/i);
    }
    // A curator (of the network, not of Zaanstad: the helper makes curators Zaanstad members) sees them, without inviting.
    const curator = { ...(await curatorActor(t)), organisationId: 'utrecht' };
    expect(await suggestionsForPitch(t.deps(), curator, pitchId, knowledge)).toMatchObject({ ok: true, mayInvite: false });
    for (const who of [null, elsewhere.actor, postnl.actor]) expect(await suggestionsForPitch(t.deps(), who, pitchId, knowledge)).toEqual({ ok: false, reason: 'not-found' });
  });

  test('een concept heeft geen voorstellen, ook niet voor de eigen gemeente', async () => {
    const { owner } = await cast();
    const draft = await insertPitch(t.handle.db, { authorId: owner.user.id, status: 'draft' });
    expect(await suggestionsForPitch(t.deps(), owner.actor, draft, knowledge)).toEqual({ ok: false, reason: 'not-found' });
  });

  test('een werkgever die al meedoet, wordt niet voorgesteld', async () => {
    const { owner, postnl, pitchId } = await cast();
    expect(await createOffer(t.deps(), postnl.actor, pitchId, offerForm())).toMatchObject({ ok: true });
    const result = await suggestionsForPitch(t.deps(), owner.actor, pitchId, knowledge);
    expect(result.ok && result.suggestions).toEqual([]);
  });
});

describe('uitnodigen met toestemming', () => {
  test('PostNL wordt uitgenodigd: één mail per bevestigd lid met eigen links, het bericht erin, een regel in het logboek', async () => {
    const { owner, postnl, pitchId } = await cast();
    // A member whose membership is not verified gets nothing.
    await confirmedUser(t, 'nieuw@postnl.nl', { kind: 'employer', organisationId: 'postnl' });
    const result = await inviteEmployer(t.deps(), owner.actor, pitchId, note('Wij zoeken vijf plekken in uw depot.', 'postnl'), knowledge);
    expect(result).toMatchObject({ ok: true, employerName: 'PostNL', recipients: 1 });
    const [mail] = await mailsTo(postnl.user.email);
    expect(mail!.subject).toBe('Uitnodiging: doet PostNL mee met "Werk in de Poelenbrug"?');
    expect(mail!.body).toContain('> Wij zoeken vijf plekken in uw depot.');
    expect(mail!.body).toContain('- werkt in de regio Zaanstreek/Waterland');
    expect(linkIn(mail!.body, /\/meedoen\//)).toMatch(new RegExp(`/pitches/${pitchId}/meedoen/\\?uitnodiging=`));
    expect(mail!.userId).toBe(postnl.user.id);
    expect(await mailsTo('nieuw@postnl.nl')).toHaveLength(0);
    const [row] = await invitationRows();
    expect(row).toMatchObject({ pitchId, employerId: 'postnl', invitedBy: owner.user.id, note: 'Wij zoeken vijf plekken in uw depot.', status: 'invited' });
    const log = await t.handle.db.select().from(auditLog).where(eq(auditLog.subjectId, row!.id));
    expect(log.map((e) => [e.action, e.actorUserId])).toEqual([['invitation.sent', owner.user.id]]);
  });

  test('een werkgever die uitnodigingen niet toestaat, een onbekende en een die niet past: dezelfde weigering, geen mail, niets bewaard', async () => {
    const { owner, asito, pitchId } = await cast();
    await verifiedMember(t, 'kees@albertheijn.nl', { kind: 'employer', organisationId: 'albert-heijn' });
    for (const employerId of ['asito', 'albert-heijn', 'bestaat-niet', 'zaanstad']) {
      expect(await inviteEmployer(t.deps(), owner.actor, pitchId, note(undefined, employerId), knowledge)).toEqual({ ok: false, reason: 'not-invitable' });
    }
    expect(await mailsTo(asito.user.email)).toHaveLength(0);
    expect(await mailsTo('kees@albertheijn.nl')).toHaveLength(0);
    expect(await invitationRows()).toHaveLength(0);
  });

  test('zet een werkgever uitnodigingen uit, dan wordt hij niet meer genoemd of uitgenodigd', async () => {
    const { owner, postnl, pitchId } = await cast();
    await saveEmployerProfile(t.deps(), postnl.actor, profile({ allowsInvitations: undefined }));
    const result = await suggestionsForPitch(t.deps(), owner.actor, pitchId, knowledge);
    expect(result.ok && [result.suggestions.length, result.hiddenCount]).toEqual([0, 3]);
    expect(await inviteEmployer(t.deps(), owner.actor, pitchId, note(undefined, 'postnl'), knowledge)).toEqual({ ok: false, reason: 'not-invitable' });
    expect(await mailsTo(postnl.user.email)).toHaveLength(0);
  });

  test('een uitgenodigde werkgever die daarna uitnodigingen uitzet, telt niet mee in het aantal naast zijn eigen naam', async () => {
    const people = await cast();
    const before = await suggestionsForPitch(t.deps(), people.owner.actor, people.pitchId, knowledge);
    await inviteEmployer(t.deps(), people.owner.actor, people.pitchId, note(undefined, 'postnl'), knowledge);
    expect(await saveEmployerProfile(t.deps(), people.postnl.actor, profile({ allowsInvitations: undefined }))).toMatchObject({ ok: true, allowsInvitations: false });
    const after = await suggestionsForPitch(t.deps(), people.owner.actor, people.pitchId, knowledge);
    expect(after.ok && after.invitations.map((i) => i.employerName)).toEqual(['PostNL']);
    expect(before.ok && after.ok && after.hiddenCount).toBe(before.ok && before.hiddenCount);
  });

  test('een eerder aanbod telt alleen mee als de werkgever daar met naam genoemd mocht worden', async () => {
    const people = await cast();
    const { db } = t.handle;
    const earlier = await insertPitch(db, { authorId: people.owner.user.id, title: 'Eerdere pitch' });
    await db.insert(pitchFacets).values({ pitchId: earlier, facet: 'target-group', value: 'jongeren' });
    const reasons = async () => {
      const view = await suggestionsForPitch(t.deps(), people.owner.actor, people.pitchId, knowledge);
      return view.ok ? view.suggestions.find((s) => s.id === 'postnl')!.reasons.map((r) => r.text).join(' | ') : '';
    };
    expect(await createOffer(t.deps(), people.postnl.actor, earlier, offerForm({ showName: undefined }))).toMatchObject({ ok: true });
    expect(await reasons()).not.toMatch(/deed mee aan/);
    await db.update(offers).set({ showName: true }).where(eq(offers.pitchId, earlier));
    expect(await reasons()).toMatch(/deed mee aan een pitch over jongeren/);
  });

  test('één uitnodiging per werkgever per pitch: de tweede keer een duidelijke weigering, ook als twee collega’s tegelijk klikken', async () => {
    const { owner, colleague, postnl, pitchId } = await cast();
    const meet = meetingPoint(2);
    const both = await Promise.all([
      inviteEmployer(t.deps(), owner.actor, pitchId, note('Eerste', 'postnl'), knowledge, { beforeWrite: meet.arrive }),
      inviteEmployer(t.deps(), colleague.actor, pitchId, note('Tweede', 'postnl'), knowledge, { beforeWrite: meet.arrive }),
    ]);
    expect(both.map((r) => (r.ok ? 'ok' : r.reason)).sort()).toEqual(['already-invited', 'ok']);
    expect(await invitationRows()).toHaveLength(1);
    expect(await mailsTo(postnl.user.email)).toHaveLength(1);
    expect(await inviteEmployer(t.deps(), owner.actor, pitchId, note(undefined, 'postnl'), knowledge)).toEqual({ ok: false, reason: 'already-invited' });
    // Invited employers leave the suggestions: they are in the list of invitations.
    const result = await suggestionsForPitch(t.deps(), owner.actor, pitchId, knowledge);
    expect(result.ok && [result.suggestions.length, result.invitations.map((i) => [i.employerName, i.state])]).toEqual([0, [['PostNL', 'invited']]]);
  });

  test('de limiet per persoon: elke poging telt, ook een geweigerde; daarna wacht de eigenaar en gaat er geen mail uit', async () => {
    const { owner, postnl, pitchId } = await cast();
    for (let i = 0; i < 15; i++) expect(await inviteEmployer(t.deps(), owner.actor, pitchId, note(undefined, `onbekend-${i}`), knowledge)).toMatchObject({ reason: 'not-invitable' });
    const limited = await inviteEmployer(t.deps(), owner.actor, pitchId, note(undefined, 'postnl'), knowledge);
    expect(limited).toMatchObject({ ok: false, reason: 'rate-limited' });
    expect(limited.ok === false && 'retryAfterMs' in limited && limited.retryAfterMs).toBeGreaterThan(0);
    expect(await mailsTo(postnl.user.email)).toHaveLength(0);
  });

  test('niet de eigen pitch, of een gesloten pitch: een duidelijke weigering', async () => {
    const { owner, elsewhere, postnl, pitchId } = await cast();
    expect(await inviteEmployer(t.deps(), elsewhere.actor, pitchId, note(undefined, 'postnl'), knowledge)).toEqual({ ok: false, reason: 'not-own-pitch' });
    expect(await inviteEmployer(t.deps(), postnl.actor, pitchId, note(undefined, 'postnl'), knowledge)).toEqual({ ok: false, reason: 'not-own-pitch' });
    expect(await inviteEmployer(t.deps(), null, pitchId, note(undefined, 'postnl'), knowledge)).toEqual({ ok: false, reason: 'not-own-pitch' });
    const past = await insertPitch(t.handle.db, { authorId: owner.user.id, closingDate: '2020-01-31' });
    expect(await inviteEmployer(t.deps(), owner.actor, past, note(undefined, 'postnl'), knowledge)).toEqual({ ok: false, reason: 'pitch-closed' });
    await t.handle.db.update(pitches).set({ status: 'closed' }).where(eq(pitches.id, pitchId));
    expect(await inviteEmployer(t.deps(), owner.actor, pitchId, note(undefined, 'postnl'), knowledge)).toEqual({ ok: false, reason: 'pitch-closed' });
    const draft = await insertPitch(t.handle.db, { authorId: owner.user.id, status: 'draft' });
    expect(await inviteEmployer(t.deps(), elsewhere.actor, draft, note(undefined, 'postnl'), knowledge)).toEqual({ ok: false, reason: 'not-found' });
    expect(await mailsTo(postnl.user.email)).toHaveLength(0);
  });

  test('een te lang bericht weigert het formulier met een Nederlandse melding', () => {
    const parsed = invitationInput.safeParse({ employerId: 'postnl', note: 'x'.repeat(INVITATION_NOTE_MAX + 1) });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toBe(`Een persoonlijk bericht mag hoogstens ${INVITATION_NOTE_MAX} tekens hebben. Maak het wat korter.`);
    expect(invitationInput.parse({ employerId: 'postnl', note: ` ${'é'.repeat(INVITATION_NOTE_MAX)} ` }).note).toHaveLength(INVITATION_NOTE_MAX);
    expect(invitationInput.parse({ employerId: 'postnl', note: '   ' }).note).toBeNull();
  });
});

describe('het antwoord van de werkgever', () => {
  async function invited() {
    const people = await cast();
    await inviteEmployer(t.deps(), people.owner.actor, people.pitchId, note('Doet u mee?', 'postnl'), knowledge);
    const [mail] = await mailsTo(people.postnl.user.email);
    return { ...people, mail: mail!, token: tokenIn(mail!.body) };
  }

  test('"Nee, dank u" zonder in te loggen, daarna een reden; de eigenaar ziet beide; een verkeerde link werkt niet', async () => {
    const { owner, postnl, pitchId, token } = await invited();
    expect(await checkInvitationLink(t.handle.db, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toEqual({ ok: false, reason: 'invalid' });
    expect(await declineInvitation(t.deps(), 'onzin')).toEqual({ ok: false, reason: 'invalid' });
    const check = await checkInvitationLink(t.handle.db, token);
    expect(check).toMatchObject({ ok: true, linkUserId: postnl.user.id, invitation: { status: 'invited', employerName: 'PostNL', pitchId } });
    // Opening the link changed nothing.
    expect((await invitationRows())[0]!.status).toBe('invited');

    expect(await declineInvitation(t.deps(), token)).toEqual({ ok: true });
    expect(await declineInvitation(t.deps(), token)).toEqual({ ok: true });
    let view = await suggestionsForPitch(t.deps(), owner.actor, pitchId, knowledge);
    expect(view.ok && view.invitations.map((i) => [i.state, i.declineReason])).toEqual([['declined', null]]);

    expect(await giveDeclineReason(t.deps(), token, 'Geen plek dit jaar.')).toEqual({ ok: true });
    view = await suggestionsForPitch(t.deps(), owner.actor, pitchId, knowledge);
    expect(view.ok && view.invitations.map((i) => [i.state, i.declineReason])).toEqual([['declined', 'Geen plek dit jaar.']]);
    const [row] = await invitationRows();
    expect(row).toMatchObject({ answeredBy: postnl.user.id });
    const log = await t.handle.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, row!.id));
    expect(log.map((e) => e.action)).toEqual(['invitation.sent', 'invitation.declined', 'invitation.reason-given']);
  });

  test('de link van een tweede lid: afslaan mag, maar de reden van een ander ziet en wijzigt het niet', async () => {
    const people = await cast();
    const second = await verifiedMember(t, 'tweede@postnl.nl', { kind: 'employer', organisationId: 'postnl' });
    await inviteEmployer(t.deps(), people.owner.actor, people.pitchId, note(undefined, 'postnl'), knowledge);
    const first = tokenIn((await mailsTo(people.postnl.user.email))[0]!.body);
    const other = tokenIn((await mailsTo(second.user.email))[0]!.body);
    expect(await declineInvitation(t.deps(), first)).toEqual({ ok: true });
    expect(await giveDeclineReason(t.deps(), first, 'Geen plek dit jaar.')).toEqual({ ok: true });
    const seen = await checkInvitationLink(t.handle.db, other);
    expect(seen.ok && [seen.invitation.status, seen.invitation.declineReason]).toEqual(['declined', null]);
    expect(await giveDeclineReason(t.deps(), other, 'Iets anders')).toEqual({ ok: false, reason: 'not-declined' });
    expect((await invitationRows())[0]).toMatchObject({ declineReason: 'Geen plek dit jaar.', answeredBy: people.postnl.user.id });
  });

  test('een link van wie niet meer voor de werkgever optreedt, werkt niet; na het sluiten van de pitch verandert een link niets meer', async () => {
    const { postnl, pitchId, token } = await invited();
    await t.handle.db.update(users).set({ membershipVerifiedAt: null }).where(eq(users.id, postnl.user.id));
    expect(await checkInvitationLink(t.handle.db, token)).toEqual({ ok: false, reason: 'invalid' });
    expect(await declineInvitation(t.deps(), token)).toEqual({ ok: false, reason: 'invalid' });
    await t.handle.db.update(users).set({ membershipVerifiedAt: Date.now() }).where(eq(users.id, postnl.user.id));
    await t.handle.db.update(pitches).set({ closingDate: '2020-01-31' }).where(eq(pitches.id, pitchId));
    expect(await checkInvitationLink(t.handle.db, token)).toMatchObject({ ok: true, open: false });
    expect(await declineInvitation(t.deps(), token)).toEqual({ ok: false, reason: 'closed' });
    expect((await invitationRows())[0]!.status).toBe('invited');
  });

  test('"Ik doe mee": het formulier is ingevuld voor wie bij de werkgever hoort; na het aanbod ziet de eigenaar "doet mee" en kan afslaan niet meer', async () => {
    const { owner, asito, postnl, pitchId, token } = await invited();
    expect(await invitationForOffer(t.deps(), postnl.actor, pitchId, token)).toEqual({
      employerName: 'PostNL',
      municipalityName: 'Zaanstad',
      note: 'Doet u mee?',
      forActor: true,
      // The pitch asks for jobs and work-experience places; PostNL's profile offers the second.
      helpKinds: ['werkervaringsplaatsen'],
    });
    expect(await invitationForOffer(t.deps(), asito.actor, pitchId, token)).toMatchObject({ forActor: false });
    expect(await invitationForOffer(t.deps(), postnl.actor, 'andere-pitch', token)).toBeNull();
    expect(await invitationForOffer(t.deps(), postnl.actor, pitchId, 'onzin')).toBeNull();

    expect(await createOffer(t.deps(), postnl.actor, pitchId, offerForm({ helpKinds: ['werkervaringsplaatsen'] }))).toMatchObject({ ok: true });
    const view = await suggestionsForPitch(t.deps(), owner.actor, pitchId, knowledge);
    expect(view.ok && view.invitations.map((i) => [i.employerName, i.state])).toEqual([['PostNL', 'joined']]);
    expect(await declineInvitation(t.deps(), token)).toEqual({ ok: false, reason: 'already-joined' });
    expect(await giveDeclineReason(t.deps(), token, 'Toch niet')).toEqual({ ok: false, reason: 'not-declined' });
  });
});

describe('het werkgeversprofiel: toestemming', () => {
  test('staat uit tot een bevestigd lid het aanzet; een lid dat nog niet bevestigd is, ziet het maar wijzigt het niet', async () => {
    await verifiedMember(t, 'piet@postnl.nl', { kind: 'employer', organisationId: 'postnl' });
    await confirmedUser(t, 'nieuw@postnl.nl', { kind: 'employer', organisationId: 'postnl' });
    const waiting = await actorOf(t, 'nieuw@postnl.nl');
    const page = await employerProfilePage(t.deps(), waiting);
    expect(page).toMatchObject({ ok: true, organisation: { id: 'postnl', name: 'PostNL' }, mayEdit: false, profile: { allowsInvitations: false } });
    expect(await saveEmployerProfile(t.deps(), waiting, profile())).toEqual({ ok: false, reason: 'forbidden' });
    expect(await t.handle.db.select().from(employerProfiles)).toHaveLength(0);

    const piet = await actorOf(t, 'piet@postnl.nl');
    expect(await saveEmployerProfile(t.deps(), piet, profile())).toEqual({ ok: true, allowsInvitations: true, switched: true });
    expect(await saveEmployerProfile(t.deps(), piet, profile({ allowsInvitations: null }))).toEqual({ ok: true, allowsInvitations: false, switched: true });
    const log = await t.handle.db.select({ action: auditLog.action, actor: auditLog.actorUserId }).from(auditLog).where(like(auditLog.action, 'employer-profile.%'));
    expect(log.map((e) => e.action)).toEqual(['employer-profile.saved', 'employer-profile.invitations-on', 'employer-profile.saved', 'employer-profile.invitations-off']);
    // A municipality's member has no employer profile to see.
    const { owner } = await marketplaceCastless();
    expect(await employerProfilePage(t.deps(), owner)).toEqual({ ok: false, reason: 'forbidden' });
  });

  test('het formulier weigert een regio, provincie, sector of soort hulp die niet in de lijst staat', () => {
    for (const field of ['sectors', 'regions', 'provinces', 'helpKinds']) {
      const parsed = profileInput.safeParse({ sectors: [], regions: [], provinces: [], helpKinds: [], [field]: ['bestaat-niet'] });
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues[0]!.message).toMatch(/^Kies .* uit de lijst\.$/);
    }
    expect(profileInput.safeParse({ sectors: [], regions: [], provinces: [], helpKinds: ['anders'] }).success).toBe(false);
  });
});

/** A verified Zaanstad member alone, as an actor. */
async function marketplaceCastless(): Promise<{ owner: Actor }> {
  const { actor } = await verifiedMember(t, 'alleen@zaanstad.nl', { kind: 'municipality', organisationId: 'zaanstad' });
  return { owner: actor };
}

describe('persoonsgegevens: downloaden, verwijderen, bewaartermijn', () => {
  async function answered() {
    const people = await cast();
    await inviteEmployer(t.deps(), people.owner.actor, people.pitchId, note('Groet van Olga Eigenaar', 'postnl'), knowledge);
    const token = tokenIn((await mailsTo(people.postnl.user.email))[0]!.body);
    await declineInvitation(t.deps(), token);
    await giveDeclineReason(t.deps(), token, 'Piet heeft geen tijd');
    return people;
  }

  test('het bericht staat in de download van wie het schreef, de reden in die van wie afsloeg', async () => {
    const { owner, postnl } = await answered();
    const ownerData = await exportUserData(t.deps(), owner.user.id);
    expect(ownerData).toMatchObject({ uitnodigingenVerstuurd: [{ pitch: 'Werk in de Poelenbrug', werkgever: 'PostNL', bericht: 'Groet van Olga Eigenaar', stand: 'doet niet mee' }], uitnodigingenBeantwoord: [] });
    const pietData = await exportUserData(t.deps(), postnl.user.id);
    expect(pietData).toMatchObject({ uitnodigingenVerstuurd: [], uitnodigingenBeantwoord: [{ namens: 'PostNL', antwoord: 'doet niet mee', reden: 'Piet heeft geen tijd' }] });
  });

  test('wie zijn account verwijdert, neemt bericht, reden en links mee; de uitnodiging blijft voor de gemeente', async () => {
    const { owner, postnl } = await answered();
    const [ownerRow] = await t.handle.db.select().from(users).where(eq(users.id, owner.user.id));
    const [pietRow] = await t.handle.db.select().from(users).where(eq(users.id, postnl.user.id));
    expect(await deleteAccount(t.deps(), ownerRow!, { password: strongPassword })).toEqual({ ok: true });
    expect(await deleteAccount(t.deps(), pietRow!, { password: strongPassword })).toEqual({ ok: true });
    const [row] = await invitationRows();
    expect(row).toMatchObject({ note: null, declineReason: null, invitedBy: null, answeredBy: null, status: 'declined' });
    expect(await t.handle.db.select().from(invitationLinks)).toHaveLength(0);
    const profileRow = await t.handle.db.select().from(employerProfiles).where(eq(employerProfiles.organisationId, 'postnl'));
    expect(profileRow[0]!.updatedBy).toBeNull();
  });

  test('na een jaar verdwijnen bericht, reden en links; het antwoord zelf blijft', async () => {
    await answered();
    const now = Date.now();
    await runRetention(t.handle.db, now + 364 * 24 * 60 * 60 * 1000);
    expect((await invitationRows())[0]).toMatchObject({ note: 'Groet van Olga Eigenaar', declineReason: 'Piet heeft geen tijd' });
    await runRetention(t.handle.db, now + 366 * 24 * 60 * 60 * 1000);
    expect((await invitationRows())[0]).toMatchObject({ note: null, declineReason: null, status: 'declined' });
    expect(await t.handle.db.select().from(invitationLinks)).toHaveLength(0);
  });
});
