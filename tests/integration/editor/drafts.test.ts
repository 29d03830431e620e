/**
 * Content drafts on a real libSQL file: kept with who and when; two
 * curators on one page are told instead of overwriting each other (the draft's version and the
 * file's hash); review requests reach the colleague by mail; only curators and admins get in;
 * publishing goes through requestPublish (a temporary folder here; see tests/integration/publishing/).
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { contentDrafts } from '#db/editor-schema.ts';
import { auditLog, outbox, users } from '#db/schema.ts';
import { caseFormFromFile, checkCaseForm } from '#features/editor/case-form.ts';
import { readContentFile } from '#platform/content-store.ts';
import { discardDraft, draftById, listOpenDrafts, otherEditors, possibleReviewers, publishDraft, requestReview, reviewDraft, saveDraft } from '#features/editor/drafts.ts';
import { publicationById, setPublishingEnvironmentForTests } from '#features/publishing/publish.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { actorOf, curatorActor } from '../accounts/actors.ts';
import { registeredUser, testDatabase, type TestDb } from '../accounts/helpers.ts';

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => t.cleanup());

const CASE = 'postnl-pakketsorteercentra';
const PATH = `cases/${CASE}.mdx`;

/** A second curator, named apart from the first (registeredUser names everyone Anna de Vries). */
async function bertCurator() {
  const actor = await curatorActor(t, 'bert@netwerk.nl');
  await t.handle.db.update(users).set({ name: 'Bert Bakker' }).where(eq(users.id, actor.userId));
  return actor;
}

/** The published case as a valid draft, with one change to its title. */
function editedCase(title: string) {
  const file = readContentFile(PATH)!;
  const form = { ...caseFormFromFile(CASE, file.text)!, title };
  const checked = checkCaseForm(form, { isNew: false, existingIds: new Set() });
  if (!checked.ok) throw new Error(JSON.stringify(checked.fields));
  return { kind: 'case' as const, contentId: CASE, formData: form, title, fileText: checked.fileText, baseHash: file.hash };
}

describe('concepten', () => {
  test('opslaan bewaart wie en wanneer; de lijst toont het', async () => {
    const anna = await curatorActor(t, 'anna@netwerk.nl');
    const saved = await saveDraft(t.deps({ now: 1_000 }), anna, editedCase('PostNL sorteert met iedereen'));
    expect(saved).toMatchObject({ ok: true, version: 1 });
    const list = await listOpenDrafts(t.deps(), anna);
    expect(list).toHaveLength(1);
    expect(list![0]).toMatchObject({ title: 'PostNL sorteert met iedereen', createdByName: 'Anna de Vries', updatedAt: 1_000, status: 'draft', baseHash: readContentFile(PATH)!.hash });
    const [entry] = await t.handle.db.select().from(auditLog).where(eq(auditLog.action, 'content.draft-created'));
    expect(entry?.actorUserId).toBe(anna.userId);
  });

  test('wie geen curator of beheerder is, komt er niet in', async () => {
    await registeredUser(t, 'greet@zaanstad.nl');
    const member = await actorOf(t, 'greet@zaanstad.nl');
    expect(await saveDraft(t.deps(), member, editedCase('Poging van een lid'))).toEqual({ ok: false, reason: 'forbidden' });
    expect(await listOpenDrafts(t.deps(), member)).toBeNull();
    expect(await saveDraft(t.deps(), null, editedCase('Poging van een bezoeker'))).toEqual({ ok: false, reason: 'forbidden' });
    expect(await t.handle.db.select().from(contentDrafts)).toHaveLength(0);
  });

  test('twee curatoren op één concept: de tweede krijgt te horen wie het intussen wijzigde', async () => {
    const anna = await curatorActor(t, 'anna@netwerk.nl');
    const bert = await bertCurator();
    const first = await saveDraft(t.deps({ now: 1_000 }), anna, editedCase('Versie van Anna'));
    if (!first.ok) throw new Error('niet opgeslagen');
    // Both opened version 1; Bert saves first.
    expect(await saveDraft(t.deps({ now: 2_000 }), bert, { ...editedCase('Versie van Bert'), draftId: first.draftId, version: 1 })).toMatchObject({ ok: true, version: 2 });
    const late = await saveDraft(t.deps({ now: 3_000 }), anna, { ...editedCase('Versie van Anna, later'), draftId: first.draftId, version: 1 });
    expect(late).toEqual({ ok: false, reason: 'stale', by: 'Bert Bakker', at: 2_000 });
    expect((await draftById(t.deps(), anna, first.draftId))!.title).toBe('Versie van Bert');
  });

  test('de pagina is intussen gepubliceerd: opslaan en publiceren worden geweigerd', async () => {
    const anna = await curatorActor(t, 'anna@netwerk.nl');
    // A draft started from an older version of the file (its hash no longer matches).
    expect(await saveDraft(t.deps(), anna, { ...editedCase('Van een oude versie'), baseHash: 'a'.repeat(64) })).toEqual({ ok: false, reason: 'changed-since' });
    const saved = await saveDraft(t.deps(), anna, editedCase('Van de huidige versie'));
    if (!saved.ok) throw new Error('niet opgeslagen');
    await t.handle.db.update(contentDrafts).set({ baseHash: 'b'.repeat(64) }).where(eq(contentDrafts.id, saved.draftId));
    expect(await saveDraft(t.deps(), anna, { ...editedCase('Nog een keer'), draftId: saved.draftId, version: 1 })).toEqual({ ok: false, reason: 'changed-since' });
    expect(await publishDraft(t.deps(), anna, saved.draftId, 1, 'Anna de Vries')).toEqual({ ok: false, reason: 'changed-since' });
  });

  test('"X bewerkt dit ook": andere open concepten van dezelfde pagina', async () => {
    const anna = await curatorActor(t, 'anna@netwerk.nl');
    const bert = await bertCurator();
    const annas = await saveDraft(t.deps({ now: 5_000 }), anna, editedCase('Versie van Anna'));
    if (!annas.ok) throw new Error('niet opgeslagen');
    expect(await otherEditors(t.deps(), bert, 'case', CASE)).toEqual([{ draftId: annas.draftId, name: 'Anna de Vries', updatedAt: 5_000 }]);
    expect(await otherEditors(t.deps(), anna, 'case', CASE, annas.draftId)).toEqual([]);
    await discardDraft(t.deps(), anna, annas.draftId);
    expect(await otherEditors(t.deps(), bert, 'case', CASE)).toEqual([]);
  });

  test('review: de collega krijgt een e-mail, ziet het concept en keurt het goed', async () => {
    const anna = await curatorActor(t, 'anna@netwerk.nl');
    const bert = await bertCurator();
    const saved = await saveDraft(t.deps(), anna, editedCase('Graag even meekijken'));
    if (!saved.ok) throw new Error('niet opgeslagen');
    expect((await possibleReviewers(t.deps(), anna)).map((r) => r.id)).toEqual([bert.userId]);
    expect(await requestReview(t.deps(), anna, saved.draftId, anna.userId)).toEqual({ ok: false, reason: 'no-reviewer' });
    expect(await requestReview(t.deps(), anna, saved.draftId, bert.userId)).toEqual({ ok: true });
    const mail = (await t.handle.db.select().from(outbox).where(eq(outbox.toAddress, 'bert@netwerk.nl'))).find((m) => m.subject.includes('concept'));
    expect(mail?.subject).toBe('Praktijkplein: Anna de Vries vraagt u een concept te bekijken');
    expect(mail?.body).toContain(`https://praktijkplein.test/beheer/inhoud/concept/${saved.draftId}/`);
    expect(mail?.body).toContain('"Graag even meekijken"');
    // The author cannot approve their own draft in the reviewer's place.
    expect(await reviewDraft(t.deps({ now: 8_000 }), anna, saved.draftId, { note: 'Zelf goedgekeurd.', approve: true })).toMatchObject({ ok: false });
    expect(await draftById(t.deps(), anna, saved.draftId)).toMatchObject({ reviewApprovedAt: null });
    expect(await reviewDraft(t.deps({ now: 9_000 }), bert, saved.draftId, { note: 'Prima zo.', approve: true })).toEqual({ ok: true });
    expect(await draftById(t.deps(), anna, saved.draftId)).toMatchObject({ status: 'in-review', reviewerName: 'Bert Bakker', reviewNote: 'Prima zo.', reviewApprovedAt: 9_000 });
  });

  test('publiceren zet het concept in de wachtrij van requestPublish; een verouderde versie wordt geweigerd', async () => {
    // Never the real project: a temporary state and content folder, and no background build.
    const dir = mkdtempSync(join(tmpdir(), 'pp-editor-publish-'));
    setPublishingEnvironmentForTests({
      projectRoot: resolve('.'),
      contentDir: join(dir, 'content'),
      stateDir: join(dir, 'state'),
      build: async () => ({ ok: false, message: 'niet gebouwd in deze test' }),
      buildEnv: {},
      claimMs: 60_000,
      autoStart: false,
    });
    try {
      const anna = await curatorActor(t, 'anna@netwerk.nl');
      const saved = await saveDraft(t.deps(), anna, editedCase('Klaar om te publiceren'));
      if (!saved.ok) throw new Error('niet opgeslagen');
      expect(await publishDraft(t.deps(), anna, saved.draftId, 0, 'Anna de Vries')).toMatchObject({ ok: false, reason: 'stale' });
      const published = await publishDraft(t.deps(), anna, saved.draftId, 1, 'Anna de Vries');
      expect(published).toMatchObject({ ok: true });
      if (!published.ok) return;
      const publication = await publicationById(t.handle.db, published.publicationId);
      expect(publication).toMatchObject({ state: 'queued', draftId: saved.draftId, publisher: 'Anna de Vries' });
    } finally {
      setPublishingEnvironmentForTests(undefined);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
