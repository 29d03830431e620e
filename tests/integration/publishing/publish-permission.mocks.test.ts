/**
 * publishDraft asks the policy for 'content:publish' as well as 'content:edit' (contract-11.md):
 * today both belong to curators and admins, so the policy is narrowed here to a curator who may
 * edit but not publish, and the draft must stay unpublished.
 */
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { publications } from '#db/publishing-schema.ts';
import { draftById, publishDraft, saveDraft } from '#features/editor/drafts.ts';
import { curatorActor } from '../accounts/actors.ts';
import { testDatabase, type TestDb } from '../accounts/helpers.ts';

vi.mock('#domain/policy.ts', async (original) => {
  const policy = await original<typeof import('#domain/policy.ts')>();
  const can = (...args: Parameters<typeof policy.can>) => args[1] !== 'content:publish' && policy.can(...args);
  return { ...policy, can: can as typeof policy.can };
});

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => t.cleanup());

test('wie mag bewerken maar niet publiceren, kan een concept niet publiceren', async () => {
  const anna = await curatorActor(t, 'anna@netwerk.nl');
  const saved = await saveDraft(t.deps(), anna, { kind: 'case', contentId: 'nieuw-voorbeeld', formData: {}, title: 'Nieuw', fileText: 'tekst', baseHash: null });
  if (!saved.ok) throw new Error('niet opgeslagen');
  expect(await publishDraft(t.deps(), anna, saved.draftId, saved.version, 'Anna de Vries')).toEqual({ ok: false, reason: 'forbidden' });
  expect(await draftById(t.deps(), anna, saved.draftId)).toMatchObject({ status: 'draft' });
  expect(await t.handle.db.select().from(publications)).toHaveLength(0);
});
