/**
 * "Open als concept in de editor": a closed, matched pitch's generated case study (the case
 * form the download is written from) becomes an editor draft as it is, so the curator finishes
 * it in the browser instead of in a file. A draft that does not pass the case rules yet is kept
 * as typed (the draft page shows the form; saving names each problem), exactly as a curator's
 * own unfinished draft.
 */
import type { Deps } from '#platform/context.ts';
import { can, notAllowed, type Actor, type NotAllowed } from '#domain/policy.ts';
import { draftStoryForPitch } from '#features/marketplace/pitch-story-download.ts';
import type { StoryRefusal } from '#features/marketplace/pitch-story.ts';
import { checkCaseForm, withOrganisationNames } from './case-form.ts';
import { mdxIds } from '#platform/content-store.ts';
import { currentHash, saveDraft } from './drafts.ts';

export type PitchDraftResult =
  | { ok: true; draftId: string }
  | NotAllowed
  | { ok: false; reason: 'not-found' | StoryRefusal }
  /** A case with the generated address is on the site already (open that one instead). */
  | { ok: false; reason: 'exists'; contentId: string };

/** Creates an editor draft from a pitch's generated case study; curators and admins only. */
export async function draftFromPitch(deps: Deps, actor: Actor | null, pitchId: string): Promise<PitchDraftResult> {
  if (!can(actor, 'content:edit')) return notAllowed;
  const story = await draftStoryForPitch(deps, actor, pitchId);
  if (!story.ok) return story;
  const contentId = story.form.id;
  if (currentHash('case', contentId) !== null) return { ok: false, reason: 'exists', contentId };
  // The form shows organisations by name, as it does for a case read from its file.
  const form = withOrganisationNames(story.form);
  const checked = checkCaseForm(form, { isNew: true, existingIds: new Set(mdxIds('cases')) });
  const saved = await saveDraft(deps, actor, { kind: 'case', contentId, formData: form, title: form.title || contentId, fileText: checked.ok ? checked.fileText : null, baseHash: null });
  if (saved.ok) return { ok: true, draftId: saved.draftId };
  if (saved.reason === 'forbidden') return notAllowed;
  // A new draft has no version to be stale and no base: only "the page appeared meanwhile" remains.
  return { ok: false, reason: 'exists', contentId };
}
