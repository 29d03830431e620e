/**
 * What the publishing pages show and do, each asking the policy first
 * ('content:publish': curators and admins): a publication's status, the history of revisions
 * with what changed in each file, and the revert of one revision. Null means "not for you".
 */
import type { Database } from '#db/client.ts';
import { can, notAllowed, type Actor, type NotAllowed } from '#domain/policy.ts';
import { lineDiff, type LineDiff } from './line-diff.ts';
import { contentHistory, publicationById, requestRevert, resumePublishing, revisionChanges, type Publication, type PublishResult, type Revision } from './publish.ts';

/** A revision with, per file, what kind of change it was and its changed lines. */
export interface RevisionView extends Revision {
  files: { path: string; change: 'nieuw' | 'gewijzigd' | 'verwijderd'; diff: LineDiff }[];
}

/** A publication for its status page; also wakes the worker if it waits (a crashed instance's). */
export async function publicationFor(db: Database, actor: Actor | null, id: string): Promise<Publication | null | NotAllowed> {
  if (!can(actor, 'content:publish')) return notAllowed;
  const publication = await publicationById(db, id);
  if (publication && (publication.state === 'queued' || publication.state === 'building')) await resumePublishing(db);
  return publication;
}

/** The newest revisions with their changed lines (curators and admins only). */
export async function historyFor(db: Database, actor: Actor | null, limit = 30): Promise<RevisionView[] | null> {
  if (!can(actor, 'content:publish')) return null;
  const revisions = await contentHistory(db, { limit });
  return Promise.all(revisions.map((revision) => withFiles(db, revision)));
}

/** One revision with its changed lines, for the confirmation before a revert. */
export async function revisionFor(db: Database, actor: Actor | null, id: string): Promise<RevisionView | null> {
  if (!can(actor, 'content:publish')) return null;
  const [revision] = (await contentHistory(db, { limit: 500 })).filter((r) => r.id === id);
  return revision ? withFiles(db, revision) : null;
}

async function withFiles(db: Database, revision: Revision): Promise<RevisionView> {
  const changes = (await revisionChanges(db, revision.id)) ?? [];
  return {
    ...revision,
    files: changes.map((change) => ({
      path: change.path,
      change: change.before === null ? 'nieuw' : change.after === null ? 'verwijderd' : 'gewijzigd',
      diff: lineDiff(change.before, change.after),
    })),
  };
}

/** Reverts a revision as the signed-in curator (a new publication). */
export async function revertAs(db: Database, actor: Actor | null, name: string, revisionId: string): Promise<PublishResult | NotAllowed> {
  if (!can(actor, 'content:publish')) return notAllowed;
  return requestRevert(db, revisionId, { userId: actor.userId, name });
}
