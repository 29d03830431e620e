/**
 * On a real libSQL file: a verified municipality member writes,
 * edits and submits a pitch; curators moderate and feature it; every refusal (bad input,
 * another municipality, stale version, double submit, not verified) changes nothing; audit
 * entries, outbox mail, facet rows and search rows follow every write.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { eq } from 'drizzle-orm';
import { outbox, users } from '#db/schema.ts';
import { offers, pitches } from '#db/marketplace-schema.ts';
import { createDraft, listMyPitches, loadPitch, loadPitchForEditing, submitPitch, updatePitch } from '#features/marketplace/pitches.ts';
import { featuredPitches } from '#features/marketplace/pitch-list.ts';
import { featurePitch, moderationQueue, publishPitch, rejectPitch, requestChanges, unfeaturePitch } from '#features/marketplace/moderation.ts';
import { loadPitchPage } from '#features/marketplace/pitch-page.ts';
import { similarPitchesAndCases, titleMatchQuery, whatWorkedElsewhere, type Knowledge } from '#features/marketplace/pitch-similarity.ts';
import { limits } from '#platform/auth/rate-limit.ts';
import { actorOf } from '../accounts/actors.ts';
import { registeredUser, testDatabase, type TestDb } from '../accounts/helpers.ts';
import { auditActions, dayFromNow, facetRows, moderator, pitchForm, pitcher, searchIds } from './pitch-support.ts';
import type { Actor } from '#domain/policy.ts';

let t: TestDb;
let anna: Actor;
beforeEach(async () => {
  t = await testDatabase();
  anna = await pitcher(t, 'anna@voorbeeld.nl');
});
afterEach(() => t.cleanup());

async function draft(overrides: Record<string, unknown> = {}, actor = anna) {
  const result = await createDraft(t.deps(), actor, pitchForm(overrides));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.id;
}

/** Subjects of the pitch mails to an address (not the account mails). */
const mailsTo = async (address: string) =>
  (await t.handle.db.select().from(outbox).where(eq(outbox.toAddress, address))).map((m) => m.subject).filter((subject) => /pitch/i.test(subject));
const pitchCount = async () => (await t.handle.db.select().from(pitches)).length;

describe('een pitch schrijven', () => {
  test('een concept krijgt zijn tekst, veilige HTML, facetrijen, een zoekrij en een logregel', async () => {
    const id = await draft();
    const pitch = (await loadPitch(t.handle.db, id))!;
    expect(pitch).toMatchObject({ status: 'draft', municipalityId: 'zaanstad', authorId: anna.userId, version: 1, peopleSought: 10, contactRole: 'Wethouder' });
    expect(pitch.askHtml).toContain('<strong>begeleiding</strong>');
    expect(await facetRows(t, id)).toEqual(['help-kind:banen', 'help-kind:werkervaringsplaatsen', 'sector:logistiek', 'target-group:bijstand', 'target-group:jongeren']);
    expect(await searchIds(t, 'title : "poelenbrug"')).toEqual([id]);
    expect((await auditActions(t, id)).map((a) => [a.action, a.actorUserId])).toEqual([['pitch.created', anna.userId]]);
  });

  test('Markdown met script en javascript:-link wordt bij opslaan onschadelijk', async () => {
    const id = await draft({ challenge: 'Lees <script>alert(1)</script> en [klik](javascript:alert(1)) — dertig tekens of meer hier.' });
    const pitch = (await loadPitch(t.handle.db, id))!;
    expect(pitch.challengeHtml).not.toMatch(/<script|javascript:/i);
  });

  test.each([
    ['sluitingsdatum in het verleden', { closingDate: dayFromNow(-1) }, 'closingDate', /verleden/],
    ['sluitingsdatum over meer dan een jaar', { closingDate: dayFromNow(400) }, 'closingDate', /binnen een jaar/],
    ['geen echte datum', { closingDate: '2026-02-31' }, 'closingDate', /31 februari 2026 bestaat niet/],
    ['nul plaatsen', { peopleSought: '0' }, 'peopleSought', /1 of meer/],
    ['negatief aantal', { peopleSought: '-3' }, 'peopleSought', /1 of meer/],
    ['geen heel getal', { peopleSought: '2,5' }, 'peopleSought', /heel getal/],
    ['onbekende doelgroep', { targetGroups: ['bijstand', 'marsbewoners'] }, 'targetGroups', /uit de lijst/],
    ['geen doelgroep', { targetGroups: [] }, 'targetGroups', /minstens één doelgroep/],
    ['onbekende soort hulp', { helpKinds: ['geld'] }, 'helpKinds', /uit de lijst/],
    ['onbekende sector', { sectors: ['ruimtevaart'] }, 'sectors', /uit de lijst/],
    ['te lange uitdaging', { challenge: 'x'.repeat(5001) }, 'challenge', /hoogstens 5000/],
    ['te korte titel', { title: 'Hoi' }, 'title', /minstens 5/],
    ['titel met regeleinde', { title: 'Poelenbrug\nKlik hier' }, 'title', /één regel/],
    ['ongeldig e-mailadres', { contactEmail: 'anna-at-zaanstad' }, 'contactEmail', /geldig e-mailadres/],
  ])('geweigerd: %s, met een Nederlandse melding bij het veld, en er wordt niets opgeslagen', async (_name, overrides, field, message) => {
    const result = await createDraft(t.deps(), anna, pitchForm(overrides));
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect((result as { fields: Record<string, string> }).fields[field]).toMatch(message);
    expect(await pitchCount()).toBe(0);
  });

  test('sluitingsdatum vandaag (Amsterdam) en zonder aantal mag', async () => {
    const id = await draft({ closingDate: dayFromNow(0), peopleSought: '' });
    expect((await loadPitch(t.handle.db, id))!.peopleSought).toBeNull();
  });

  test('een andere gemeente in het verborgen veld wordt geweigerd bij het veld', async () => {
    const result = await createDraft(t.deps(), anna, pitchForm({ municipality: 'amsterdam' }));
    expect(result).toEqual({ ok: false, reason: 'invalid', fields: { municipality: expect.stringMatching(/eigen gemeente/) } });
    expect(await pitchCount()).toBe(0);
  });

  test('wie (nog) geen bevestigd lid van een gemeente is, mag niet pitchen', async () => {
    await registeredUser(t, 'nieuw@voorbeeld.nl');
    const waiting = await actorOf(t, 'nieuw@voorbeeld.nl');
    const employer = await pitcher(t, 'piet@voorbeeld.nl', 'postnl', 'employer');
    for (const actor of [waiting, employer, null]) {
      expect(await createDraft(t.deps(), actor, pitchForm())).toEqual({ ok: false, reason: 'forbidden' });
    }
    expect(await listMyPitches(t.deps(), waiting)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await pitchCount()).toBe(0);
  });

  test('twee keer op opslaan met dezelfde tekst geeft één concept', async () => {
    const [a, b] = await Promise.all([createDraft(t.deps(), anna, pitchForm()), createDraft(t.deps(), anna, pitchForm())]);
    expect(a).toMatchObject({ ok: true });
    expect(b).toEqual(a);
    expect(await pitchCount()).toBe(1);
    expect(await facetRows(t, (a as { id: string }).id)).toHaveLength(5);
  });

  test('nieuwe pitches zijn per account begrensd', async () => {
    const { capacity } = limits.pitchCreateAccount;
    for (let i = 0; i < capacity; i++) await draft({ title: `Pitch nummer ${i} voor de wijk` });
    const result = await createDraft(t.deps(), anna, pitchForm({ title: 'Nog een pitch voor de wijk' }));
    expect(result).toMatchObject({ ok: false, reason: 'rate-limited' });
    expect(await pitchCount()).toBe(capacity);
  });
});

describe('bewerken', () => {
  test('een bewerking verhoogt de versie; zoekrij en facetrijen lopen mee', async () => {
    const id = await draft();
    const result = await updatePitch(t.deps(), anna, id, 1, pitchForm({ title: 'Kansen in Kogerveld', targetGroups: ['ouderen'], sectors: [] }));
    expect(result).toEqual({ ok: true, id, version: 2 });
    expect(await searchIds(t, 'title : "kogerveld"')).toEqual([id]);
    expect(await searchIds(t, 'title : "poelenbrug"')).toEqual([]);
    expect(await facetRows(t, id)).toEqual(['help-kind:banen', 'help-kind:werkervaringsplaatsen', 'target-group:ouderen']);
    expect((await auditActions(t, id)).map((a) => a.action)).toEqual(['pitch.created', 'pitch.edited']);
  });

  test('een verouderde bewerking (iemand anders wijzigde intussen) wordt geweigerd en overschrijft niets', async () => {
    const id = await draft();
    const colleague = await pitcher(t, 'bert@voorbeeld.nl');
    expect(await updatePitch(t.deps(), colleague, id, 1, pitchForm({ title: 'Tekst van de collega' }))).toMatchObject({ ok: true, version: 2 });
    const stale = await updatePitch(t.deps(), anna, id, 1, pitchForm({ title: 'Oude tekst van Anna', targetGroups: ['ouderen'] }));
    expect(stale).toEqual({ ok: false, reason: 'stale' });
    const pitch = (await loadPitch(t.handle.db, id))!;
    expect(pitch.title).toBe('Tekst van de collega');
    expect(pitch.targetGroups.sort()).toEqual(['bijstand', 'jongeren']);
    expect((await auditActions(t, id)).map((a) => a.action)).toEqual(['pitch.created', 'pitch.edited']);
  });

  test('twee gelijktijdige bewerkingen op dezelfde versie: één wint, de ander hoort dat het verouderd is', async () => {
    const id = await draft();
    const colleague = await pitcher(t, 'bert@voorbeeld.nl');
    const results = await Promise.all([
      updatePitch(t.deps(), anna, id, 1, pitchForm({ title: 'Versie van Anna', targetGroups: ['ouderen'] })),
      updatePitch(t.deps(), colleague, id, 1, pitchForm({ title: 'Versie van Bert', targetGroups: ['leerlingen'] })),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'stale' }]);
    const pitch = (await loadPitch(t.handle.db, id))!;
    // The facet rows belong to the text that won, never a mix.
    expect(pitch.targetGroups).toEqual([pitch.title === 'Versie van Anna' ? 'ouderen' : 'leerlingen']);
  });

  test('een andere gemeente ziet het concept niet (404), een collega wel; de gemeente kan niet worden veranderd', async () => {
    const id = await draft();
    const amsterdammer = await pitcher(t, 'jan@voorbeeld.nl', 'amsterdam');
    expect(await loadPitchForEditing(t.deps(), amsterdammer, id)).toEqual({ ok: false, reason: 'not-found' });
    expect(await updatePitch(t.deps(), amsterdammer, id, 1, pitchForm({ municipality: 'amsterdam' }))).toEqual({ ok: false, reason: 'not-found' });
    expect(await loadPitchPage(t.deps(), amsterdammer, id)).toBeNull();
    expect(await loadPitchPage(t.deps(), null, id)).toBeNull();
    const colleague = await pitcher(t, 'bert@voorbeeld.nl');
    expect(await loadPitchForEditing(t.deps(), colleague, id)).toMatchObject({ ok: true });
    expect(await updatePitch(t.deps(), anna, id, 1, pitchForm({ municipality: 'amsterdam' }))).toMatchObject({ ok: false, reason: 'invalid', fields: { municipality: expect.any(String) } });
    expect((await listMyPitches(t.deps(), colleague)) as { pitches: { id: string }[] }).toMatchObject({ ok: true, pitches: [{ id }] });
    expect(await listMyPitches(t.deps(), amsterdammer)).toEqual({ ok: true, pitches: [] });
  });
});

describe('indienen en modereren', () => {
  test('het hele verhaal: indienen, wijziging vragen, aanpassen, opnieuw indienen, publiceren, uitlichten', async () => {
    const curator = await moderator(t);
    const id = await draft();

    expect(await submitPitch(t.deps(), anna, id, 1)).toEqual({ ok: true, alreadySubmitted: false });
    expect(await mailsTo('curator@netwerk.nl')).toEqual(['Nieuwe pitch om te modereren: Poelenbrug aan het werk']);
    // A double click: harmless, no second mail.
    expect(await submitPitch(t.deps(), anna, id, 1)).toEqual({ ok: true, alreadySubmitted: true });
    expect(await mailsTo('curator@netwerk.nl')).toHaveLength(1);

    const queue = (await moderationQueue(t.deps(), curator))!;
    expect(queue.map((p) => [p.id, p.authorOrganisation, p.authorVerified])).toEqual([[id, 'Zaanstad', true]]);
    expect(await moderationQueue(t.deps(), anna)).toBeNull();

    expect(await requestChanges(t.deps(), curator, id, 2, '   ')).toEqual({ ok: false, reason: 'note-required' });
    expect(await requestChanges(t.deps(), anna, id, 2, 'Zelf goedkeuren?')).toEqual({ ok: false, reason: 'forbidden' });
    expect(await requestChanges(t.deps(), curator, id, 2, 'Noem het aantal uren per week.')).toEqual({ ok: true });
    const sentBack = (await loadPitch(t.handle.db, id))!;
    expect(sentBack).toMatchObject({ status: 'changes-requested', moderationNote: 'Noem het aantal uren per week.', version: 3 });
    const [mail] = (await t.handle.db.select().from(outbox).where(eq(outbox.toAddress, 'anna@voorbeeld.nl'))).filter((m) => /Wijziging gevraagd/.test(m.subject));
    expect(mail!.body).toContain('> Noem het aantal uren per week.');
    expect(mail!.body).toContain(`https://praktijkplein.test/pitches/${id}/bewerken/`);

    // The first time in the queue there is nothing to compare with.
    expect(queue[0]!.changes).toBeNull();
    expect(await updatePitch(t.deps(), anna, id, 3, pitchForm({ ask: 'Banen van 24 uur per week met begeleiding.', sectors: ['logistiek', 'zorg'] }))).toMatchObject({ ok: true, version: 4 });
    expect(await submitPitch(t.deps(), anna, id, 4)).toEqual({ ok: true, alreadySubmitted: false });
    // Back in the queue: what changed since the curator's note, per field, and nothing else.
    const [resubmitted] = (await moderationQueue(t.deps(), curator))!;
    expect(resubmitted!.moderationNote).toBe('Noem het aantal uren per week.');
    expect(resubmitted!.changes).toEqual([
      {
        label: 'Wat u vraagt van werkgevers',
        parts: [
          { kind: 'same', text: 'Banen ' },
          { kind: 'removed', text: 'en werkervaringsplaatsen ' },
          { kind: 'added', text: 'van 24 uur per week ' },
          { kind: 'same', text: 'met ' },
          { kind: 'removed', text: '**begeleiding**.' },
          { kind: 'added', text: 'begeleiding.' },
        ],
      },
      { label: 'Sectoren', parts: [{ kind: 'removed', text: 'Logistiek' }, { kind: 'added', text: 'Logistiek, Zorg en welzijn' }] },
    ]);
    expect(await publishPitch(t.deps(), curator, id, 4)).toEqual({ ok: false, reason: 'stale' });
    expect(await publishPitch(t.deps(), curator, id, 5)).toEqual({ ok: true });
    expect(await publishPitch(t.deps(), curator, id, 6)).toEqual({ ok: false, reason: 'not-allowed-in-status' });
    expect(await mailsTo('anna@voorbeeld.nl')).toContain('Uw pitch staat online: Poelenbrug aan het werk');

    const published = (await loadPitch(t.handle.db, id))!;
    expect(published).toMatchObject({ status: 'published', moderationNote: null, featured: false, reviewedText: null });
    expect(await loadPitchPage(t.deps(), null, id)).toMatchObject({ status: 'published', acceptsOffers: true, mayEdit: false });
    expect(await loadPitchForEditing(t.deps(), anna, id)).toMatchObject({ ok: false, reason: 'not-editable' });

    expect(await featuredPitches(t.handle.db, new Date())).toEqual([]);
    expect(await featurePitch(t.deps(), anna, id, 6)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await featurePitch(t.deps(), curator, id, 6)).toEqual({ ok: true });
    expect((await featuredPitches(t.handle.db, new Date())).map((p) => p.id)).toEqual([id]);
    expect(await unfeaturePitch(t.deps(), curator, id, 7)).toEqual({ ok: true });
    expect(await featuredPitches(t.handle.db, new Date())).toEqual([]);

    const log = await auditActions(t, id);
    expect(log.map((a) => a.action)).toEqual([
      'pitch.created',
      'pitch.submitted',
      'pitch.request-changes',
      'pitch.edited',
      'pitch.submitted',
      'pitch.publish',
      'pitch.feature',
      'pitch.unfeature',
    ]);
    const decisions = log.filter((a) => /publish|request|feature/.test(a.action));
    expect(decisions.every((a) => a.actorUserId === curator.userId && a.createdAt > 0)).toBe(true);
    expect(JSON.parse(log[2]!.detail!)).toMatchObject({ note: 'Noem het aantal uren per week.' });
  });

  test('afwijzen vraagt een reden, die de indiener per e-mail krijgt', async () => {
    const curator = await moderator(t);
    const id = await draft();
    await submitPitch(t.deps(), anna, id, 1);
    expect(await rejectPitch(t.deps(), curator, id, 2, '')).toEqual({ ok: false, reason: 'reason-required' });
    expect(await rejectPitch(t.deps(), curator, id, 2, 'Dit is een vacature, geen uitdaging.')).toEqual({ ok: true });
    expect((await loadPitch(t.handle.db, id))!).toMatchObject({ status: 'rejected', moderationNote: 'Dit is een vacature, geen uitdaging.' });
    expect(await mailsTo('anna@voorbeeld.nl')).toContain('Uw pitch is niet gepubliceerd: Poelenbrug aan het werk');
    expect(await loadPitchPage(t.deps(), null, id)).toBeNull();
    expect((await auditActions(t, id)).at(-1)).toMatchObject({ action: 'pitch.reject', actorUserId: curator.userId });
  });

  test('een curator ziet geen concepten; indienen met een verlopen sluitingsdatum wordt geweigerd', async () => {
    const curator = await moderator(t);
    const id = await draft({ closingDate: dayFromNow(0) });
    expect(await publishPitch(t.deps(), curator, id, 1)).toEqual({ ok: false, reason: 'not-found' });
    const tomorrow = Date.now() + 2 * 24 * 3600 * 1000;
    expect(await submitPitch(t.deps({ now: tomorrow }), anna, id, 1)).toEqual({ ok: false, reason: 'closing-date-passed' });
    expect((await loadPitch(t.handle.db, id))!.status).toBe('draft');
  });

  test('een gepubliceerde pitch na de sluitingsdatum leest als gesloten en neemt geen aanbod meer aan', async () => {
    const curator = await moderator(t);
    const id = await draft({ closingDate: dayFromNow(1) });
    await submitPitch(t.deps(), anna, id, 1);
    await publishPitch(t.deps(), curator, id, 2);
    const later = Date.now() + 3 * 24 * 3600 * 1000;
    expect(await loadPitchPage(t.deps({ now: later }), null, id)).toMatchObject({ status: 'closed', acceptsOffers: false });
    expect(await featuredPitches(t.handle.db, new Date(later))).toEqual([]);
  });
});

describe('de pitchpagina', () => {
  test('telt werkgevers die meedoen en noemt alleen wie genoemd wil worden', async () => {
    const curator = await moderator(t);
    const id = await draft();
    await submitPitch(t.deps(), anna, id, 1);
    await publishPitch(t.deps(), curator, id, 2);
    const now = Date.now();
    const offer = (employerId: string, status: 'offered' | 'shortlisted' | 'accepted' | 'withdrawn' | 'waiting-for-verification', showName: boolean, at: number) => ({
      id: `${employerId}-${status}`,
      pitchId: id,
      employerId,
      helpKinds: ['banen'],
      status,
      showName,
      createdAt: at,
      updatedAt: at,
    });
    await t.handle.db.insert(offers).values([
      offer('postnl', 'offered', true, now + 1),
      offer('albert-heijn', 'accepted', true, now),
      offer('asito', 'shortlisted', false, now + 2),
      offer('facilicom', 'withdrawn', true, now + 3),
      offer('iss', 'waiting-for-verification', true, now + 4),
    ]);
    const page = (await loadPitchPage(t.deps(), null, id))!;
    expect(page.offers.employers).toBe(3);
    expect(page.offers.named).toEqual(['Albert Heijn', 'PostNL']);
    expect(page.mayAnswerOffers).toBe(false);
    expect((await loadPitchPage(t.deps(), anna, id))!.mayAnswerOffers).toBe(true);
  });

  test('"wat elders al werkte" kiest voorbeelden op gemeente, regio, doelgroep en sector, met hun instrumenten en werkgevers', () => {
    const knowledge: Knowledge = {
      cases: [
        { id: 'ah', title: 'AH Zaanstad', summary: '', municipalities: ['zaanstad'], regions: [], targetGroups: [], sectors: [], instruments: ['basisbaan'], employers: ['albert-heijn'] },
        { id: 'asito', title: 'Asito', summary: '', municipalities: ['utrecht'], regions: ['midden-utrecht'], targetGroups: ['bijstand'], sectors: [], instruments: ['jobcoaching-loonwaarde'], employers: ['asito'] },
        { id: 'ver', title: 'Ver weg', summary: '', municipalities: ['maastricht'], regions: [], targetGroups: ['ouderen'], sectors: ['zorg'], instruments: ['werkgarantie'], employers: [] },
      ],
      instruments: [
        { id: 'basisbaan', title: 'Basisbaan', summary: '', municipalities: [], targetGroups: [] },
        { id: 'werkgarantie', title: 'Werkgarantie', summary: '', municipalities: [], targetGroups: [] },
        { id: 'jobcoaching-loonwaarde', title: 'Jobcoaching', summary: '', municipalities: [], targetGroups: [] },
      ],
      employerNames: new Map([
        ['albert-heijn', 'Albert Heijn'],
        ['asito', 'Asito'],
      ]),
    };
    const found = whatWorkedElsewhere({ municipalityId: 'zaanstad', targetGroups: ['bijstand'], sectors: [] }, knowledge);
    expect(found.cases.map((c) => c.id)).toEqual(['ah', 'asito']);
    expect(found.instruments.map((i) => i.id).sort()).toEqual(['basisbaan', 'jobcoaching-loonwaarde']);
    expect(found.employers.map((e) => e.name)).toEqual(['Albert Heijn', 'Asito']);
  });

  test('zoeken voordat u schrijft: gepubliceerde pitches die lijken, via titelwoorden, gemeente, regio en doelgroep', async () => {
    const curator = await moderator(t);
    const purmerender = await pitcher(t, 'jan@voorbeeld.nl', 'purmerend');
    const maastricht = await pitcher(t, 'mia@voorbeeld.nl', 'maastricht');
    const publish = async (actor: Actor, overrides: Record<string, unknown>) => {
      const id = await draft(overrides, actor);
      await submitPitch(t.deps(), actor, id, 1);
      await publishPitch(t.deps(), curator, id, 2);
      return id;
    };
    const sameTown = await publish(anna, { title: 'Werkplekken in Kogerveld' });
    const region = await publish(purmerender, { municipality: 'purmerend', title: 'Havenbanen voor Purmerend', targetGroups: ['ouderen'] });
    const words = await publish(maastricht, { municipality: 'maastricht', title: 'Basisbanen in het Heuvelland', targetGroups: ['ouderen'] });
    const unrelated = await publish(maastricht, { municipality: 'maastricht', title: 'Zorgbanen in Limburg', targetGroups: ['ouderen'] });
    await draft({ title: 'Basisbanen concept van Zaanstad' });

    const found = await similarPitchesAndCases(t.handle.db, { municipalityId: 'zaanstad', title: 'Basisbanen voor "wie biedt?" NEAR(', targetGroups: ['bijstand'] });
    const ids = found.pitches.map((p) => p.id);
    expect(ids).toContain(sameTown);
    expect(ids).toContain(region);
    expect(ids).toContain(words);
    expect(ids).not.toContain(unrelated);
    expect(found.pitches.find((p) => p.id === words)!.reasons).toContain('woorden uit de titel');
    expect(found.pitches.find((p) => p.id === region)!.reasons).toContain('zelfde arbeidsmarktregio');
  });

  test('titelwoorden worden elk tussen aanhalingstekens gezet voor MATCH', () => {
    expect(titleMatchQuery(['wie', 'bi"edt'])).toBe('title : "wie" OR title : "bi""edt"');
    expect(titleMatchQuery([])).toBeNull();
  });
});

describe('wie mag wat', () => {
  test('een onbevestigde collega ziet de pitch van de gemeente niet en kan niet indienen', async () => {
    const id = await draft();
    await registeredUser(t, 'nieuw@voorbeeld.nl');
    const waiting = await actorOf(t, 'nieuw@voorbeeld.nl');
    expect(await submitPitch(t.deps(), waiting, id, 1)).toEqual({ ok: false, reason: 'not-found' });
    expect(await updatePitch(t.deps(), waiting, id, 1, pitchForm())).toEqual({ ok: false, reason: 'not-found' });
    expect((await loadPitch(t.handle.db, id))!.status).toBe('draft');
  });

  test('een account dat verdwijnt, laat de pitch bij de gemeente', async () => {
    const id = await draft();
    await t.handle.db.delete(users).where(eq(users.id, anna.userId));
    expect((await loadPitch(t.handle.db, id))!.authorId).toBeNull();
  });
});
