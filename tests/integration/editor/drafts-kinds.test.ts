/**
 * Drafts of instruments and organisations on a real libSQL file: saved
 * with who and when, reopened as typed, a colleague's publish noticed (the file's hash; for an
 * organisation the whole YAML file), and handed to requestPublish with the right path.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { contentDrafts } from '#db/editor-schema.ts';
import { readContentFile } from '#platform/content-store.ts';
import { draftById, listOpenDrafts, publishDraft, saveDraft } from '#features/editor/drafts.ts';
import { checkInstrumentForm, instrumentFormFromFile, type InstrumentForm } from '#features/editor/instrument-form.ts';
import { checkOrganisationForm, organisationFormFromFile } from '#features/editor/organisation-form.ts';
import { publicationById, setPublishingEnvironmentForTests } from '#features/publishing/publish.ts';
import { actorOf, curatorActor } from '../accounts/actors.ts';
import { registeredUser, testDatabase, type TestDb } from '../accounts/helpers.ts';

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => t.cleanup());

const INSTRUMENT = 'basisbaan';

/** The published instrument as a valid draft, with its first stance's statement changed. */
function editedInstrument(statement: string) {
  const file = readContentFile(`instruments/${INSTRUMENT}.mdx`)!;
  const form: InstrumentForm = instrumentFormFromFile(INSTRUMENT, file.text)!;
  form.stances[0] = { ...form.stances[0]!, statement };
  const checked = checkInstrumentForm(form, { isNew: false, existingIds: new Set() });
  if (!checked.ok) throw new Error(JSON.stringify(checked.fields));
  return { kind: 'instrument' as const, contentId: INSTRUMENT, formData: form, title: checked.title, fileText: checked.fileText, baseHash: file.hash };
}

/** An organisation's description changed: the draft holds the whole YAML file. */
function editedOrganisation(description: string) {
  const file = readContentFile('organisations/organisations.yaml')!;
  const form = { ...organisationFormFromFile('asito', file.text)!, description };
  const checked = checkOrganisationForm(form, file.text, { isNew: false });
  if (!checked.ok) throw new Error(JSON.stringify(checked.fields));
  return { kind: 'organisation' as const, contentId: 'asito', formData: form, title: checked.title, fileText: checked.fileText, baseHash: file.hash };
}

describe('concepten van instrumenten en organisaties', () => {
  test('een instrument: opgeslagen met wie en wanneer, het formulier met de standpunten bewaard', async () => {
    const anna = await curatorActor(t, 'anna@netwerk.nl');
    const saved = await saveDraft(t.deps({ now: 2_000 }), anna, editedInstrument('Een gewijzigde uitspraak van genoeg tekens.'));
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    const draft = (await draftById(t.deps(), anna, saved.draftId))!;
    expect(draft).toMatchObject({ kind: 'instrument', contentId: INSTRUMENT, createdByName: 'Anna de Vries', updatedAt: 2_000 });
    expect((JSON.parse(draft.formData) as InstrumentForm).stances[0]!.statement).toBe('Een gewijzigde uitspraak van genoeg tekens.');
    expect(draft.fileText).toContain('statement: "Een gewijzigde uitspraak van genoeg tekens."');
    expect((await listOpenDrafts(t.deps(), anna))!.map((d) => d.kind)).toEqual(['instrument']);
  });

  test('niet-curatoren kunnen geen concept van een instrument of organisatie opslaan', async () => {
    await registeredUser(t, 'greet@zaanstad.nl');
    const member = await actorOf(t, 'greet@zaanstad.nl');
    expect(await saveDraft(t.deps(), member, editedInstrument('Een gewijzigde uitspraak van genoeg tekens.'))).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(await saveDraft(t.deps(), member, editedOrganisation('Een andere beschrijving.'))).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(await t.handle.db.select().from(contentDrafts)).toEqual([]);
  });

  test('een organisatie: het concept is het hele bestand; een andere publicatie van het bestand wordt gemeld', async () => {
    const anna = await curatorActor(t, 'anna@netwerk.nl');
    const saved = await saveDraft(t.deps(), anna, editedOrganisation('Een andere beschrijving van Asito, uit de bron.'));
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    // Meanwhile the file changed (a colleague published another organisation).
    await t.handle.db.update(contentDrafts).set({ baseHash: 'c'.repeat(64) }).where(eq(contentDrafts.id, saved.draftId));
    expect(await publishDraft(t.deps(), anna, saved.draftId, 1, 'Anna de Vries')).toEqual({ ok: false, reason: 'changed-since' });
  });

  test.each([
    ['instrument', () => editedInstrument('Klaar om te publiceren, met genoeg tekens.')],
    ['organisatie', () => editedOrganisation('Klaar om te publiceren.')],
  ])('%s publiceren: in de wachtrij van requestPublish', async (_kind, edited) => {
    // Never the real project: a temporary state and content folder, and no background build.
    const dir = mkdtempSync(join(tmpdir(), 'pp-editor-kinds-'));
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
      const saved = await saveDraft(t.deps(), anna, edited());
      if (!saved.ok) throw new Error(JSON.stringify(saved));
      const published = await publishDraft(t.deps(), anna, saved.draftId, 1, 'Anna de Vries');
      expect(published).toMatchObject({ ok: true });
      if (!published.ok) return;
      expect(await publicationById(t.handle.db, published.publicationId)).toMatchObject({ state: 'queued', draftId: saved.draftId, publisher: 'Anna de Vries' });
    } finally {
      setPublishingEnvironmentForTests(undefined);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
