/**
 * "Praktijk aandragen of vraag stellen". A message is stored and queued for
 * the network's mailbox in one batch; the form names each wrong field; it is limited per source
 * network; `?over=` only ever names a known page of this site; only curators and admins list
 * and mark messages (audit-logged); retention, export and account deletion include them.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { suggestions } from '#db/marketplace-schema.ts';
import { auditLog, outbox } from '#db/schema.ts';
import { deleteAccount, exportUserData } from '#features/accounts/profile.ts';
import { suggestionInput } from '#features/suggestions/input.ts';
import { parseAboutPath, type AboutPage } from '#domain/suggestions.ts';
import { runRetention } from '#features/jobs/retention.ts';
import { listSuggestions, markSuggestion, submitSuggestion, type SuggestionInput } from '#features/suggestions/suggestions.ts';
import { actorOf, curatorActor } from '../accounts/actors.ts';
import { registeredUser, strongPassword, testDatabase, type TestDb } from '../accounts/helpers.ts';
import { assignRole } from '#features/accounts/roles.ts';

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => t.cleanup());

const NETWORK = 'redactie@netwerk.example';
/** The content as the site knows it: one case, one organisation. */
const known: Record<string, string> = { 'case:postnl-pakketsorteercentra': 'PostNL: pakketsorteercentra', 'organisation:zaanstad': 'Zaanstad' };
const context = { networkEmail: NETWORK, titleOf: (page: AboutPage) => known[`${page.type}:${page.id}`] ?? null };
const form = (overrides: Partial<SuggestionInput> = {}): SuggestionInput => ({
  kind: 'praktijk',
  message: 'Bij ons in Purmerend werkt een bakkerij met vier mensen uit de bijstand.',
  name: 'Fatima Bakker',
  email: 'Fatima@Voorbeeld.nl',
  organisation: 'Bakkerij de Korenschoof',
  about: '/praktijkvoorbeelden/postnl-pakketsorteercentra/',
  ...overrides,
});
const mailTo = (address: string) => t.handle.db.select().from(outbox).where(eq(outbox.toAddress, address));

describe('een bericht sturen', () => {
  test('wordt bewaard en gaat via de outbox naar de mailbox van het netwerk, met de pagina waar het over gaat', async () => {
    const result = await submitSuggestion(t.deps(), null, form(), context);
    expect(result).toMatchObject({ ok: true });
    const [row] = await t.handle.db.select().from(suggestions);
    expect(row).toMatchObject({
      kind: 'praktijk',
      name: 'Fatima Bakker',
      email: 'fatima@voorbeeld.nl',
      organisation: 'Bakkerij de Korenschoof',
      aboutPath: '/praktijkvoorbeelden/postnl-pakketsorteercentra/',
      aboutTitle: 'PostNL: pakketsorteercentra',
      status: 'new',
      userId: null,
    });
    const [mail] = await mailTo(NETWORK);
    expect(mail).toMatchObject({ status: 'queued', subject: 'Praktijkplein: praktijkvoorbeeld via het formulier' });
    expect(mail!.body).toContain('Bij ons in Purmerend werkt een bakkerij met vier mensen uit de bijstand.');
    expect(mail!.body).toContain('E-mailadres voor het antwoord: fatima@voorbeeld.nl');
    expect(mail!.body).toContain('Over: PostNL: pakketsorteercentra (https://praktijkplein.test/praktijkvoorbeelden/postnl-pakketsorteercentra/)');
    expect(mail!.body).toContain('https://praktijkplein.test/beheer/suggesties/');
  });

  test('een ingelogde afzender: het bericht hoort bij het account (export) en verdwijnt met het account', async () => {
    const user = await registeredUser(t, 'anna@voorbeeld.nl');
    const actor = await actorOf(t, 'anna@voorbeeld.nl');
    await submitSuggestion(t.deps(), actor, form({ email: 'anna@voorbeeld.nl', name: 'Anna de Vries' }), context);
    // Also one sent before signing in, from the same address.
    await submitSuggestion(t.deps({ ip: '198.51.100.9' }), null, form({ email: 'anna@voorbeeld.nl', kind: 'vraag', message: 'Hoe werkt de werkgarantie precies?' }), context);
    const data = (await exportUserData(t.deps(), user.id))!;
    expect(data.berichtenAanHetNetwerk.map((s) => s.soort).sort()).toEqual(['praktijk', 'vraag']);
    expect(await deleteAccount(t.deps(), user, { password: strongPassword })).toEqual({ ok: true });
    expect(await t.handle.db.select().from(suggestions)).toEqual([]);
    // The network's copy of the signed-in message goes too; the one sent without an account is
    // not linked to it and goes a day after it is sent, like all sent mail.
    expect((await mailTo(NETWORK)).map((m) => m.userId)).toEqual([null]);
  });

  test('de invoer wordt per veld gecontroleerd, met een Nederlandse melding', () => {
    const parsed = suggestionInput.safeParse({ kind: '', message: '   ', name: '', email: 'geen-adres', organisation: '', about: '' });
    expect(parsed.success).toBe(false);
    const fields: Record<string, string> = {};
    for (const issue of parsed.error!.issues) fields[String(issue.path[0])] ??= issue.message;
    expect(fields).toMatchObject({
      kind: expect.stringContaining('Kies wat u wilt doen'),
      message: 'Schrijf uw bericht.',
      name: expect.stringContaining('Vul uw naam in'),
      email: expect.stringContaining('geldig e-mailadres'),
    });
    expect(suggestionInput.safeParse({ ...form(), message: 'te kort' }).error!.issues[0]!.message).toMatch(/minstens 10 tekens/);
    expect(suggestionInput.safeParse({ ...form(), message: 'x'.repeat(5001) }).error!.issues[0]!.message).toMatch(/te lang/);
    expect(suggestionInput.safeParse({ ...form(), name: 'Klik op https://evil.example' }).success).toBe(false);
    expect(suggestionInput.safeParse({ ...form(), organisation: null, about: null }).success).toBe(true);
  });

  test('hoogstens 5 berichten per netwerk, daarna een wachttijd; een /64 telt als één netwerk, een ander netwerk mag wel', async () => {
    for (let i = 0; i < 5; i++) expect(await submitSuggestion(t.deps({ ip: `2001:db8:1:2::${i + 1}` }), null, form(), context)).toMatchObject({ ok: true });
    const refused = await submitSuggestion(t.deps({ ip: '2001:db8:1:2::99' }), null, form(), context);
    expect(refused).toMatchObject({ ok: false, reason: 'rate-limited' });
    expect((refused as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
    expect(await t.handle.db.select().from(suggestions)).toHaveLength(5);
    expect(await mailTo(NETWORK)).toHaveLength(5);
    expect(await submitSuggestion(t.deps({ ip: '2001:db8:9:9::1' }), null, form(), context)).toMatchObject({ ok: true });
  });
});

describe('?over= noemt alleen een bekende pagina van deze site', () => {
  test('paden van bekende paginasoorten worden gelezen, al het andere niet', () => {
    expect(parseAboutPath('/praktijkvoorbeelden/postnl-pakketsorteercentra/')).toEqual({ type: 'case', id: 'postnl-pakketsorteercentra', path: '/praktijkvoorbeelden/postnl-pakketsorteercentra/' });
    expect(parseAboutPath('/instrumenten/basisbaan')).toMatchObject({ type: 'instrument', path: '/instrumenten/basisbaan/' });
    expect(parseAboutPath('/organisaties/zaanstad/')).toMatchObject({ type: 'organisation' });
    for (const bad of [
      'https://evil.example/praktijkvoorbeelden/x/',
      '//evil.example/praktijkvoorbeelden/x/',
      '/\\evil.example/',
      'javascript:alert(1)',
      '/account/',
      '/beheer/suggesties/',
      '/praktijkvoorbeelden/',
      '/praktijkvoorbeelden/x/?a=1',
      '/praktijkvoorbeelden/x/#a',
      '/praktijkvoorbeelden/../account/',
      '/praktijkvoorbeelden/X<script>/',
      'praktijkvoorbeelden/x/',
      '',
      null,
    ]) {
      expect(parseAboutPath(bad), String(bad)).toBeNull();
    }
  });

  test('een onbekende of vreemde pagina wordt niet bewaard (het bericht zelf wel)', async () => {
    await submitSuggestion(t.deps(), null, form({ about: '/praktijkvoorbeelden/bestaat-niet/' }), context);
    await submitSuggestion(t.deps(), null, form({ about: 'https://evil.example/' }), context);
    await submitSuggestion(t.deps(), null, form({ about: '/organisaties/zaanstad' }), context);
    const rows = await t.handle.db.select().from(suggestions).orderBy(suggestions.createdAt);
    expect(rows.map((r) => [r.aboutPath, r.aboutTitle])).toEqual([
      [null, null],
      [null, null],
      ['/organisaties/zaanstad/', 'Zaanstad'],
    ]);
  });
});

describe('curatoren lezen en markeren berichten', () => {
  test('alleen curatoren en beheerders: bezoekers en leden zien niets en markeren niets; markeren staat in het logboek', async () => {
    await submitSuggestion(t.deps(), null, form(), context);
    const [row] = await t.handle.db.select().from(suggestions);
    const curator = await curatorActor(t, 'curator@netwerk.nl');
    await curatorActor(t, 'beheerder@netwerk.nl');
    await assignRole(t.deps(), 'cli', 'beheerder@netwerk.nl', 'admin');
    const admin = await actorOf(t, 'beheerder@netwerk.nl');
    await registeredUser(t, 'lid@voorbeeld.nl');
    const member = await actorOf(t, 'lid@voorbeeld.nl');

    const verdict = { bezoeker: null, lid: member, curator, admin } as const;
    const seen: Record<string, boolean> = {};
    for (const [name, actor] of Object.entries(verdict)) seen[name] = (await listSuggestions(t.deps(), actor, 'new')) !== null;
    expect(seen).toEqual({ bezoeker: false, lid: false, curator: true, admin: true });
    expect(await markSuggestion(t.deps(), null, row!.id, true)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await markSuggestion(t.deps(), member, row!.id, true)).toEqual({ ok: false, reason: 'forbidden' });

    expect((await listSuggestions(t.deps(), curator, 'new'))!.map((s) => s.id)).toEqual([row!.id]);
    expect(await markSuggestion(t.deps(), curator, row!.id, true)).toEqual({ ok: true });
    expect(await markSuggestion(t.deps(), admin, row!.id, true)).toEqual({ ok: false, reason: 'not-found' });
    expect(await listSuggestions(t.deps(), curator, 'new')).toEqual([]);
    expect((await listSuggestions(t.deps(), admin, 'handled'))!).toMatchObject([{ id: row!.id, handledBy: curator.userId, handledByName: 'Anna de Vries' }]);
    expect(await markSuggestion(t.deps(), admin, row!.id, false)).toEqual({ ok: true });
    const log = await t.handle.db.select().from(auditLog).where(eq(auditLog.subjectId, row!.id)).orderBy(auditLog.createdAt);
    expect(log.map((entry) => [entry.action, entry.actorUserId])).toEqual([
      ['suggestion.handled', curator.userId],
      ['suggestion.reopened', admin.userId],
    ]);
  });

  test('nieuwste eerst', async () => {
    const curator = await curatorActor(t);
    await submitSuggestion(t.deps({ now: 1000 }), null, form({ message: 'Het eerste bericht, het oudste.' }), context);
    await submitSuggestion(t.deps({ now: 2000 }), null, form({ message: 'Het tweede bericht, het nieuwste.' }), context);
    expect((await listSuggestions(t.deps(), curator, 'new'))!.map((s) => s.message)).toEqual(['Het tweede bericht, het nieuwste.', 'Het eerste bericht, het oudste.']);
  });

  test('bewaartermijn: 12 maanden na afhandelen verwijderd; open berichten blijven', async () => {
    const curator = await curatorActor(t);
    const now = Date.now();
    await submitSuggestion(t.deps(), null, form({ message: 'Dit bericht wordt afgehandeld.' }), context);
    await submitSuggestion(t.deps({ ip: '198.51.100.3' }), null, form({ message: 'Dit bericht blijft open staan.' }), context);
    const [handled] = await t.handle.db.select().from(suggestions).where(eq(suggestions.message, 'Dit bericht wordt afgehandeld.'));
    await markSuggestion(t.deps({ now: now - 13 * 30 * 24 * 60 * 60 * 1000 }), curator, handled!.id, true);
    // Two months earlier it had been handled for eleven months: still kept.
    await runRetention(t.handle.db, now - 2 * 30 * 24 * 60 * 60 * 1000);
    expect(await t.handle.db.select().from(suggestions)).toHaveLength(2);
    await runRetention(t.handle.db, now);
    expect((await t.handle.db.select().from(suggestions)).map((s) => s.message)).toEqual(['Dit bericht blijft open staan.']);
  });
});
