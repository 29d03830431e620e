/**
 * The owner's side on a real libSQL file: who sees a pitch's offers (owner
 * and verified colleagues; everyone else "not found"), answers with a message by mail to the
 * employer, the CSV for Dutch Excel, and closing the pitch with an outcome.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { offers, pitches } from '#db/marketplace-schema.ts';
import { auditLog, outbox } from '#db/schema.ts';
import { answerOffer, closePitch, exportOffersCsv, offersForPitch } from '#features/marketplace/answers.ts';
import { createOffer } from '#features/marketplace/offers.ts';
import { myOffers } from '#features/marketplace/offer-views.ts';
import { assignRole } from '#features/accounts/roles.ts';
import { actorOf } from '../accounts/actors.ts';
import { lastMailTo, testDatabase, type TestDb } from '../accounts/helpers.ts';
import { confirmedUser, marketplaceCast, offerForm, verifiedMember } from './helpers.ts';

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => t.cleanup());

async function withTwoOffers() {
  const cast = await marketplaceCast(t);
  const a = await createOffer(t.deps(), cast.postnl.actor, cast.pitchId, offerForm({ message: 'Bel Piet op 06-12345678' }));
  const b = await createOffer(t.deps(), cast.asito.actor, cast.pitchId, offerForm({ helpKinds: ['mentor-buddy'], message: 'Geheim voor PostNL' }));
  if (!a.ok || !b.ok) throw new Error('offers refused');
  return { ...cast, postnlOffer: a.offerId, asitoOffer: b.offerId };
}

describe('wie ziet het aanbod op een pitch', () => {
  test('the owner and a verified colleague see every offer with its author’s contact; others get not found', async () => {
    const c = await withTwoOffers();
    for (const who of [c.owner.actor, c.colleague.actor]) {
      const seen = await offersForPitch(t.deps(), who, c.pitchId);
      if (!seen.ok) throw new Error('not seen');
      expect(seen.offers.map((o) => [o.employerName, o.author?.email, o.moves])).toEqual([
        ['PostNL', 'piet@postnl.nl', ['shortlist', 'accept', 'decline']],
        ['Asito', 'anouk@asito.nl', ['shortlist', 'accept', 'decline']],
      ]);
    }
    // A curator of the network (not a Zaanstad member): curators moderate, they do not answer offers.
    await verifiedMember(t, 'curator@netwerk.nl', { kind: 'municipality', organisationId: 'amsterdam' });
    await assignRole(t.deps(), 'cli', 'curator@netwerk.nl', 'curator');
    const curator = await actorOf(t, 'curator@netwerk.nl');
    await confirmedUser(t, 'onbevestigd@zaanstad.nl', { kind: 'municipality', organisationId: 'zaanstad' });
    const unverified = await actorOf(t, 'onbevestigd@zaanstad.nl');
    for (const who of [c.elsewhere.actor, c.postnl.actor, c.asito.actor, curator, unverified, null]) {
      expect(await offersForPitch(t.deps(), who, c.pitchId)).toEqual({ ok: false, reason: 'not-found' });
      expect(await exportOffersCsv(t.deps(), who, c.pitchId)).toEqual({ ok: false, reason: 'not-found' });
      expect(await answerOffer(t.deps(), who, c.postnlOffer, 'accept', { version: 1 })).toEqual({ ok: false, reason: 'not-found' });
      expect(await closePitch(t.deps(), who, c.pitchId, { outcome: 'matched', peoplePlaced: 1, version: 1 })).toEqual({ ok: false, reason: 'not-found' });
    }
  });

  test('employers never see each other’s offers, messages or contact details in Mijn aanbod', async () => {
    const c = await withTwoOffers();
    const postnlView = JSON.stringify(await myOffers(t.deps(), c.postnl.actor));
    expect(postnlView).not.toContain('Geheim voor PostNL');
    expect(postnlView).not.toContain('anouk@asito.nl');
    expect(postnlView).not.toContain('Asito');
  });

  test('waiting offers have not reached the owner: not listed, and cannot be answered', async () => {
    const c = await marketplaceCast(t);
    await confirmedUser(t, 'nieuw@postnl.nl', { kind: 'employer', organisationId: 'postnl' });
    const made = await createOffer(t.deps(), await actorOf(t, 'nieuw@postnl.nl'), c.pitchId, offerForm());
    if (!made.ok) throw new Error('refused');
    const seen = await offersForPitch(t.deps(), c.owner.actor, c.pitchId);
    expect(seen.ok && seen.offers).toEqual([]);
    expect(await answerOffer(t.deps(), c.owner.actor, made.offerId, 'accept', { version: 1 })).toEqual({ ok: false, reason: 'not-found' });
  });
});

describe('antwoorden', () => {
  test('shortlist, then accept with a message: the employer gets a mail with the message, audit has both; stale answers are refused', async () => {
    const c = await withTwoOffers();
    expect(await answerOffer(t.deps(), c.owner.actor, c.postnlOffer, 'shortlist', { version: 1 })).toEqual({ ok: true, pitchId: c.pitchId });
    expect((await lastMailTo(t, 'piet@postnl.nl')).mail!.subject).toBe('Uw aanbod is in overweging: Werk in de Poelenbrug');
    expect(await answerOffer(t.deps(), c.colleague.actor, c.postnlOffer, 'accept', { version: 1 })).toEqual({ ok: false, reason: 'stale' });
    expect(await answerOffer(t.deps(), c.colleague.actor, c.postnlOffer, 'accept', { version: 2, message: 'Welkom!\nWe bellen u.' })).toMatchObject({ ok: true });
    const { mail } = await lastMailTo(t, 'piet@postnl.nl');
    expect(mail!.subject).toBe('Uw aanbod is geaccepteerd: Werk in de Poelenbrug');
    expect(mail!.body).toContain('> Welkom!\n> We bellen u.');
    expect(mail!.body).toContain('/account/mijn-aanbod/');
    const [row] = await t.handle.db.select().from(offers).where(eq(offers.id, c.postnlOffer));
    expect(row).toMatchObject({ status: 'accepted', ownerMessage: 'Welkom!\nWe bellen u.' });
    const entries = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.subjectType, 'offer'), eq(auditLog.subjectId, c.postnlOffer)));
    expect(entries.map((e) => e.action)).toEqual(['offer.created', 'offer.shortlist', 'offer.accept']);
    // Accepted is final: neither side moves it any more.
    expect(await answerOffer(t.deps(), c.owner.actor, c.postnlOffer, 'decline', { version: 3 })).toEqual({ ok: false, reason: 'not-allowed-in-status' });
    expect((await myOffers(t.deps(), c.postnl.actor))![0]).toMatchObject({ offer: { status: 'accepted', ownerMessage: 'Welkom!\nWe bellen u.' }, moves: [] });
  });

  test('decline with a message reaches Asito only', async () => {
    const c = await withTwoOffers();
    const before = (await t.handle.db.select().from(outbox).where(eq(outbox.toAddress, 'piet@postnl.nl'))).length;
    await answerOffer(t.deps(), c.owner.actor, c.asitoOffer, 'decline', { version: 1, message: 'Dank, we hebben genoeg buddy’s.' });
    expect((await lastMailTo(t, 'anouk@asito.nl')).mail!.subject).toBe('Uw aanbod is afgewezen: Werk in de Poelenbrug');
    expect((await t.handle.db.select().from(outbox).where(eq(outbox.toAddress, 'piet@postnl.nl'))).length).toBe(before);
  });
});

describe('CSV voor Excel', () => {
  test('UTF-8 with BOM, ";" between fields, CRLF rows, quoting, Dutch characters, formula cells defused', async () => {
    const c = await marketplaceCast(t);
    await createOffer(t.deps(), c.postnl.actor, c.pitchId, offerForm({ message: '=HYPERLINK("http://evil.example";"klik")', support: 'Coöperatie; "buddy" en jobcoach\nop locatie' }));
    await createOffer(t.deps(), c.asito.actor, c.pitchId, offerForm({ message: '@SUM(1+1)', support: '-2+3', places: '' }));
    const csv = await exportOffersCsv(t.deps(), c.owner.actor, c.pitchId);
    if (!csv.ok) throw new Error('refused');
    expect(csv.filename).toBe(`aanbod-${c.pitchId}.csv`);
    const bytes = Buffer.from(csv.body, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.body.slice(1).split('\r\n');
    expect(lines[0]).toBe('Werkgever;Contactpersoon;E-mailadres;Status;Soort hulp;Aantal plaatsen;Vanaf;Begeleiding;Bericht van de werkgever;Naam openbaar;Uw bericht;Aangeboden op');
    expect(csv.body).toContain('"Coöperatie; ""buddy"" en jobcoach\nop locatie"');
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example"";""klik"")"`);
    expect(csv.body).toContain(";'@SUM(1+1);");
    expect(csv.body).toContain(";'-2+3;");
    expect(csv.body).toContain('PostNL;Anna de Vries;piet@postnl.nl;aangeboden;Banen;3;');
    expect(csv.body).toContain('Asito;Anna de Vries;anouk@asito.nl;aangeboden;Banen;;');
    expect(csv.body.endsWith('\r\n')).toBe(true);
  });
});

describe('de pitch sluiten', () => {
  test('with an outcome and people placed: closed, audit, every employer with a live offer hears; bad input refused', async () => {
    const c = await withTwoOffers();
    expect(await closePitch(t.deps(), c.owner.actor, c.pitchId, { outcome: 'not-matched', peoplePlaced: 2, version: 1 })).toEqual({ ok: false, reason: 'people-placed-without-match' });
    expect(await closePitch(t.deps(), c.owner.actor, c.pitchId, { outcome: 'matched', peoplePlaced: -1, version: 1 })).toEqual({ ok: false, reason: 'people-placed-invalid' });
    expect(await closePitch(t.deps(), c.owner.actor, c.pitchId, { outcome: 'partly', peoplePlaced: 4, version: 7 })).toEqual({ ok: false, reason: 'stale' });
    expect(await closePitch(t.deps(), c.colleague.actor, c.pitchId, { outcome: 'partly', peoplePlaced: 4, version: 1 })).toEqual({ ok: true });
    const [pitch] = await t.handle.db.select().from(pitches).where(eq(pitches.id, c.pitchId));
    expect(pitch).toMatchObject({ status: 'closed', outcome: 'partly', peoplePlaced: 4, version: 2 });
    expect(pitch!.closedAt).not.toBeNull();
    for (const email of ['piet@postnl.nl', 'anouk@asito.nl']) {
      const { mail } = await lastMailTo(t, email);
      expect(mail!.subject).toBe('Pitch gesloten: Werk in de Poelenbrug');
      expect(mail!.body).toContain('Uitkomst: deels gelukt');
    }
    expect(await t.handle.db.select().from(auditLog).where(eq(auditLog.action, 'pitch.closed'))).toHaveLength(1);
    // Closed: no more accepting, but a decline still may (the lifecycle's afterPitchClosed).
    expect(await answerOffer(t.deps(), c.owner.actor, c.postnlOffer, 'accept', { version: 1 })).toEqual({ ok: false, reason: 'pitch-closed' });
    expect(await answerOffer(t.deps(), c.owner.actor, c.postnlOffer, 'decline', { version: 1 })).toMatchObject({ ok: true });
    expect(await closePitch(t.deps(), c.owner.actor, c.pitchId, { outcome: 'matched', peoplePlaced: 4, version: 2 })).toEqual({ ok: false, reason: 'not-allowed-in-status' });
  });
});
