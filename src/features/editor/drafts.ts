/**
 * Home of content drafts: a curator's work on one page, kept in the
 * database with who and when, shared with a colleague for review, and handed to the publish
 * pipeline (src/features/publishing/publish.ts) once valid. Two people on one page are told, not
 * overwritten: a save carries the draft's version (two tabs, two people on one draft) and every
 * draft the hash of the file it started from (a colleague published meanwhile). Only curators
 * and admins get here (policy 'content:edit'); every use case asks the policy itself.
 */
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { contentDrafts, type ContentDraftRow } from '#db/editor-schema.ts';
import { users } from '#db/schema.ts';
import { clock, type Deps } from '#platform/context.ts';
import { audit } from '#platform/audit/audit-log.ts';
import { newId } from '#platform/auth/crypto.ts';
import { can, notAllowed, type Actor, type NotAllowed } from '#domain/policy.ts';
import { contentKindLabel, contentPath, openDraftStatuses, type ContentKind } from '#domain/content-editing.ts';
import { enqueueMail } from '#platform/mail/outbox.ts';
import { reviewRequestedMessage } from '#platform/mail/editor-messages.ts';
import { requestPublish } from '#features/publishing/publish.ts';
import { moderatorAddresses } from '#features/accounts/users.ts';
import { readContentFile } from '#platform/content-store.ts';

export interface DraftView extends ContentDraftRow {
  createdByName: string | null;
  updatedByName: string | null;
  reviewerName: string | null;
}

/** Someone else's open draft of the same page: "X bewerkt dit ook (concept van 10:42)". */
export interface OtherEditor {
  draftId: string;
  name: string;
  updatedAt: number;
}

const creator = alias(users, 'creator');
const updater = alias(users, 'updater');
const reviewer = alias(users, 'reviewer');

async function selectDrafts(deps: Deps, where: ReturnType<typeof and>, limit = 200): Promise<DraftView[]> {
  const rows = await deps.db
    .select({ draft: contentDrafts, createdByName: creator.name, updatedByName: updater.name, reviewerName: reviewer.name })
    .from(contentDrafts)
    .leftJoin(creator, eq(creator.id, contentDrafts.createdBy))
    .leftJoin(updater, eq(updater.id, contentDrafts.updatedBy))
    .leftJoin(reviewer, eq(reviewer.id, contentDrafts.reviewerId))
    .where(where)
    .orderBy(desc(contentDrafts.updatedAt))
    .limit(limit);
  return rows.map((r) => ({ ...r.draft, createdByName: r.createdByName, updatedByName: r.updatedByName, reviewerName: r.reviewerName }));
}

/** Every open draft, newest first (null: not for this person). */
export async function listOpenDrafts(deps: Deps, actor: Actor | null): Promise<DraftView[] | null> {
  if (!can(actor, 'content:edit')) return null;
  return selectDrafts(deps, and(inArray(contentDrafts.status, [...openDraftStatuses])));
}

/** One draft (null: none, or not for this person: pages answer 404). */
export async function draftById(deps: Deps, actor: Actor | null, id: string): Promise<DraftView | null> {
  if (!can(actor, 'content:edit')) return null;
  const [draft] = await selectDrafts(deps, and(eq(contentDrafts.id, id)), 1);
  return draft ?? null;
}

/** Other open drafts of the same page, for the notice when opening it. */
export async function otherEditors(deps: Deps, actor: Actor | null, kind: ContentKind, contentId: string, exceptDraftId?: string): Promise<OtherEditor[]> {
  if (!can(actor, 'content:edit')) return [];
  const drafts = await selectDrafts(
    deps,
    and(eq(contentDrafts.kind, kind), eq(contentDrafts.contentId, contentId), inArray(contentDrafts.status, [...openDraftStatuses]), exceptDraftId ? ne(contentDrafts.id, exceptDraftId) : undefined),
    10,
  );
  return drafts.map((d) => ({ draftId: d.id, name: d.updatedByName ?? d.createdByName ?? 'een collega', updatedAt: d.updatedAt }));
}

export interface SaveDraftInput {
  kind: ContentKind;
  contentId: string;
  /** The form as typed, kept so the draft reopens as it was. */
  formData: unknown;
  title: string;
  /** The checked file text (null for a retirement). */
  fileText: string | null;
  action?: 'write' | 'retire';
  reason?: string | null;
  /** Saving over an existing draft: its id and the version the form was opened at. */
  draftId?: string;
  version?: number;
  /** A new draft of an existing page: the hash of the file the form was filled from. */
  baseHash?: string | null;
}

export type SaveDraftResult =
  | { ok: true; draftId: string; version: number }
  | NotAllowed
  | { ok: false; reason: 'not-found' }
  /** The draft was saved (or published, or discarded) by someone else since this form was opened. */
  | { ok: false; reason: 'stale'; by: string; at: number }
  /** The page itself was published by someone else since the draft started. */
  | { ok: false; reason: 'changed-since' };

/** The current hash of a page's file, or null when it does not exist (new content). */
export function currentHash(kind: ContentKind, contentId: string): string | null {
  return readContentFile(contentPath(kind, contentId))?.hash ?? null;
}

/** Creates or updates a draft; refuses a stale version or a page changed since. */
export async function saveDraft(deps: Deps, actor: Actor | null, input: SaveDraftInput): Promise<SaveDraftResult> {
  if (!can(actor, 'content:edit')) return notAllowed;
  const { db } = deps;
  const now = clock(deps);
  const formData = JSON.stringify(input.formData);
  if (!input.draftId) {
    const live = currentHash(input.kind, input.contentId);
    // The form was filled from a file that has changed since (or was opened as new while it now exists).
    if ((input.baseHash ?? null) !== live) return { ok: false, reason: 'changed-since' };
    const id = newId();
    await db.batch([
      db.insert(contentDrafts).values({
        id, kind: input.kind, contentId: input.contentId, action: input.action ?? 'write', title: input.title, baseHash: live, formData,
        fileText: input.fileText, reason: input.reason ?? null, status: 'draft', version: 1, createdBy: actor.userId, updatedBy: actor.userId, createdAt: now, updatedAt: now,
      }),
      audit(db, { actorUserId: actor.userId, action: 'content.draft-created', subjectType: 'content-draft', subjectId: id, detail: { kind: input.kind, contentId: input.contentId } }, now),
    ]);
    return { ok: true, draftId: id, version: 1 };
  }
  const [existing] = await selectDrafts(deps, and(eq(contentDrafts.id, input.draftId)), 1);
  if (!existing) return { ok: false, reason: 'not-found' };
  if (!openDraftStatuses.includes(existing.status) || existing.version !== input.version) {
    return { ok: false, reason: 'stale', by: existing.updatedByName ?? 'een collega', at: existing.updatedAt };
  }
  if (existing.baseHash !== currentHash(existing.kind, existing.contentId)) return { ok: false, reason: 'changed-since' };
  const [updated] = await db
    .update(contentDrafts)
    .set({ formData, title: input.title, fileText: input.fileText, reason: input.reason ?? existing.reason, updatedBy: actor.userId, updatedAt: now, version: existing.version + 1, reviewApprovedAt: null })
    .where(and(eq(contentDrafts.id, existing.id), eq(contentDrafts.version, existing.version)))
    .returning({ version: contentDrafts.version });
  // A save that landed between our read and this update: the same answer as a stale version.
  if (!updated) return { ok: false, reason: 'stale', by: 'een collega', at: now };
  return { ok: true, draftId: existing.id, version: updated.version };
}

/** Curators and admins a draft can be shown to (not oneself). */
export async function possibleReviewers(deps: Deps, actor: Actor | null): Promise<{ id: string; name: string }[]> {
  if (!can(actor, 'content:edit')) return [];
  const curators = await moderatorAddresses(deps.db);
  // By name, as SQLite's binary collation sorted them (plain code-unit order, not locale order).
  return curators
    .filter((r) => r.id !== actor.userId)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(({ id, name }) => ({ id, name }));
}

export type DraftStepResult = { ok: true } | NotAllowed | { ok: false; reason: 'not-found' | 'not-open' | 'no-reviewer' };

/** "Vraag review aan": the colleague sees it on /beheer/inhoud/ and gets a mail. */
export async function requestReview(deps: Deps, actor: Actor | null, draftId: string, reviewerId: string): Promise<DraftStepResult> {
  if (!can(actor, 'content:edit')) return notAllowed;
  const draft = await draftById(deps, actor, draftId);
  if (!draft) return { ok: false, reason: 'not-found' };
  if (!openDraftStatuses.includes(draft.status)) return { ok: false, reason: 'not-open' };
  const chosen = (await possibleReviewers(deps, actor)).find((r) => r.id === reviewerId);
  if (!chosen) return { ok: false, reason: 'no-reviewer' };
  const [person] = await deps.db.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, chosen.id)).limit(1);
  const [me] = await deps.db.select({ name: users.name }).from(users).where(eq(users.id, actor.userId)).limit(1);
  const now = clock(deps);
  const { db } = deps;
  await db.batch([
    db.update(contentDrafts).set({ status: 'in-review', reviewerId: chosen.id, reviewNote: null, reviewApprovedAt: null }).where(eq(contentDrafts.id, draft.id)),
    enqueueMail(db, reviewRequestedMessage({ email: person!.email, userId: chosen.id }, { id: draft.id, title: draft.title, kindLabel: contentKindLabel[draft.kind] }, me?.name ?? 'Een collega', deps.origin), now),
    audit(db, { actorUserId: actor.userId, action: 'content.review-requested', subjectType: 'content-draft', subjectId: draft.id, detail: { reviewerId: chosen.id } }, now),
  ]);
  return { ok: true };
}

/** The reviewer's comment, with or without approval. */
export async function reviewDraft(deps: Deps, actor: Actor | null, draftId: string, review: { note: string; approve: boolean }): Promise<DraftStepResult> {
  if (!can(actor, 'content:edit')) return notAllowed;
  const draft = await draftById(deps, actor, draftId);
  if (!draft) return { ok: false, reason: 'not-found' };
  if (draft.status !== 'in-review') return { ok: false, reason: 'not-open' };
  // Only the curator who was asked reviews: an author approving their own draft is no review.
  if (draft.reviewerId !== actor.userId) return notAllowed;
  const now = clock(deps);
  await deps.db.batch([
    deps.db.update(contentDrafts).set({ reviewNote: review.note.trim() || null, reviewApprovedAt: review.approve ? now : null }).where(eq(contentDrafts.id, draft.id)),
    audit(deps.db, { actorUserId: actor.userId, action: review.approve ? 'content.review-approved' : 'content.review-commented', subjectType: 'content-draft', subjectId: draft.id }, now),
  ]);
  return { ok: true };
}

/** Throws a draft away (kept in the table as discarded, with who and when). */
export async function discardDraft(deps: Deps, actor: Actor | null, draftId: string): Promise<DraftStepResult> {
  if (!can(actor, 'content:edit')) return notAllowed;
  const draft = await draftById(deps, actor, draftId);
  if (!draft) return { ok: false, reason: 'not-found' };
  if (!openDraftStatuses.includes(draft.status)) return { ok: false, reason: 'not-open' };
  const now = clock(deps);
  await deps.db.batch([
    deps.db.update(contentDrafts).set({ status: 'discarded', updatedBy: actor.userId, updatedAt: now, version: draft.version + 1 }).where(eq(contentDrafts.id, draft.id)),
    audit(deps.db, { actorUserId: actor.userId, action: 'content.draft-discarded', subjectType: 'content-draft', subjectId: draft.id }, now),
  ]);
  return { ok: true };
}

export type PublishDraftResult =
  | { ok: true; publicationId: string }
  | NotAllowed
  | { ok: false; reason: 'not-found' | 'not-open' | 'invalid' }
  | { ok: false; reason: 'changed-since' }
  | { ok: false; reason: 'stale'; by: string; at: number }
  | { ok: false; reason: 'publish-refused'; message: string };

/**
 * Hands a valid draft to the publish pipeline (contract-11.md: requestPublish), after checking
 * that nobody changed the draft or published the page since the form was opened.
 */
export async function publishDraft(deps: Deps, actor: Actor | null, draftId: string, version: number, publisherName: string): Promise<PublishDraftResult> {
  // Editing and publishing are separate permissions (contract-11.md); today both are curators' and admins'.
  if (!can(actor, 'content:edit') || !can(actor, 'content:publish')) return notAllowed;
  const draft = await draftById(deps, actor, draftId);
  if (!draft) return { ok: false, reason: 'not-found' };
  if (!openDraftStatuses.includes(draft.status)) return { ok: false, reason: 'not-open' };
  if (draft.version !== version) return { ok: false, reason: 'stale', by: draft.updatedByName ?? 'een collega', at: draft.updatedAt };
  if (draft.baseHash !== currentHash(draft.kind, draft.contentId)) return { ok: false, reason: 'changed-since' };
  if (draft.action === 'write' && !draft.fileText) return { ok: false, reason: 'invalid' };
  const path = contentPath(draft.kind, draft.contentId);
  const summary =
    draft.action === 'retire'
      ? `${contentKindLabel[draft.kind]} "${draft.title}" van de site gehaald: ${draft.reason ?? ''}`.trim()
      : `${draft.baseHash ? 'Bijgewerkt' : 'Nieuw'}: ${contentKindLabel[draft.kind]} "${draft.title}"`;
  const now = clock(deps);
  const result = await requestPublish(deps.db, { changes: [{ path, content: draft.action === 'retire' ? null : draft.fileText }], publisher: { userId: actor.userId, name: publisherName }, summary, draftId: draft.id }, now);
  if (!result.ok) return { ok: false, reason: 'publish-refused', message: result.message };
  await deps.db.batch([
    // 'publishing' until the worker knows: live makes it 'published', a failed build 'draft' again (src/features/publishing/worker.ts).
    deps.db.update(contentDrafts).set({ status: 'publishing', publicationId: result.publicationId, updatedBy: actor.userId, updatedAt: now, version: draft.version + 1 }).where(eq(contentDrafts.id, draft.id)),
    audit(deps.db, { actorUserId: actor.userId, action: 'content.publish-requested', subjectType: 'content-draft', subjectId: draft.id, detail: { publicationId: result.publicationId, path } }, now),
  ]);
  return { ok: true, publicationId: result.publicationId };
}
