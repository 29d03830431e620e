/**
 * "Open als concept in de editor" (with): a closed, matched pitch's
 * generated case study (the same MDX the download gives) becomes an editor draft, read back
 * through the case form's own parser, so the curator finishes it in the browser instead of in
 * a file. A generated file that does not pass the case rules yet is kept as typed (the draft
 * page shows the form; saving names each problem), exactly as a curator's own unfinished draft.
 */
import type { Deps } from '#platform/context.ts';
import { can, notAllowed, type Actor, type NotAllowed } from '#domain/policy.ts';
import { draftStoryForPitch } from '#features/marketplace/pitch-story-download.ts';
import type { StoryRefusal } from '#features/marketplace/pitch-story.ts';
import { caseFormFromFile, checkCaseForm } from './case-form.ts';
import { mdxIds } from './content-files.ts';
import { currentHash, saveDraft } from './drafts.ts';

export type PitchDraftResult =
  | { ok: true; draftId: string }
  | NotAllowed
  | { ok: false; reason: 'not-found' | StoryRefusal }
  /** A case with the generated address is on the site already (open that one instead). */
  | { ok: false; reason: 'exists'; contentId: string }
  /** The generated file could not be read back as a case (a bug in the generator). */
  | { ok: false; reason: 'unreadable' };

/** Creates an editor draft from a pitch's generated case study; curators and admins only. */
export async function draftFromPitch(deps: Deps, actor: Actor | null, pitchId: string): Promise<PitchDraftResult> {
  if (!can(actor, 'content:edit')) return notAllowed;
  const story = await draftStoryForPitch(deps, actor, pitchId);
  if (!story.ok) return story;
  const contentId = story.fileName.replace(/\.mdx$/, '');
  if (currentHash('case', contentId) !== null) return { ok: false, reason: 'exists', contentId };
  const form = caseFormFromFile(contentId, story.mdx);
  if (!form) return { ok: false, reason: 'unreadable' };
  const checked = checkCaseForm(form, { isNew: true, existingIds: new Set(mdxIds('cases')) });
  const saved = await saveDraft(deps, actor, { kind: 'case', contentId, formData: form, title: form.title || contentId, fileText: checked.ok ? checked.fileText : null, baseHash: null });
  if (saved.ok) return { ok: true, draftId: saved.draftId };
  if (saved.reason === 'forbidden') return notAllowed;
  // A new draft has no version to be stale and no base: only "the page appeared meanwhile" remains.
  return { ok: false, reason: 'exists', contentId };
}
