/**
 * Home of publishing (the interface is the contract with the editor,
 * /work/briefs/contract-11.md): a curator's content changes are queued as a publication and
 * built in the background (./worker.ts); the live site switches only to a finished build.
 * History and revert read the revisions a live publication leaves.
 *
 * The caller (the editor's action, the revert action) has asked the policy
 * (`can(actor, 'content:publish')`); this module checks the paths, the rate limit and the queue.
 */
import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { projectRoot } from '#db/client.ts';
import { publications, revisions, type PublicationRow, type RevisionRow } from '#db/publishing-schema.ts';
import { audit } from '#platform/audit/audit-log.ts';
import { newId } from '#platform/auth/crypto.ts';
import { consume, retryAfterText } from '#platform/auth/rate-limit.ts';
import { config } from '#platform/config.ts';
import { runInBackground } from '#platform/lifecycle.ts';
import { readPublishable, refusedPaths, type FileChange } from './content-paths.ts';
import { astroBuild } from './site-build.ts';
import { contentHash, processPublications, type PublishingEnvironment } from './worker.ts';

/** One file in the content folder, by path relative to it ('cases/x.mdx', 'instruments/y.mdx', 'organisations/organisations.yaml', 'sources/sources.yaml'), with its new text; null deletes it. */
export interface ContentChange {
  path: string;
  content: string | null;
}
/** Who publishes: the signed-in curator. */
export interface Publisher {
  userId: string;
  name: string;
}
/** What the editor asks to publish. */
export interface PublishRequest {
  changes: ContentChange[];
  publisher: Publisher;
  summary: string;
  draftId?: string;
}
/** Queued (with the id of the status page), or refused with a Dutch message. */
export type PublishResult = { ok: true; publicationId: string } | { ok: false; reason: 'rate-limited' | 'busy' | 'invalid'; message: string };
/** Where a publication is. */
export type PublicationState = 'queued' | 'building' | 'live' | 'failed';
/** A publication as the status page shows it. */
export interface Publication {
  id: string;
  state: PublicationState;
  summary: string;
  publisher: string;
  draftId: string | null;
  message: string | null;
  createdAt: number;
  finishedAt: number | null;
  revisionId: string | null;
}
/** One entry of the history: a live publication's changes. */
export interface Revision {
  id: string;
  createdAt: number;
  publisher: string;
  summary: string;
  paths: string[];
  revertOf: string | null;
  commit: string | null;
}

/** At most this many files in one publication, and this much text per file. */
const MAX_CHANGES = 50;
const MAX_FILE_CHARS = 500_000;
/** Publications that may wait at once (each is a full build of a minute or two). */
const MAX_WAITING = 10;

let environment: (PublishingEnvironment & { autoStart: boolean }) | undefined;

/** The answer while publishing into this checkout is switched off (PUBLISHING=off). */
const OFF: PublishResult = { ok: false, reason: 'busy', message: 'Publiceren staat uit op deze server (PUBLISHING=off). Er is niets gewijzigd.' };

/**
 * Where publishing works: the project this process runs from, the configured state folder; null
 * when PUBLISHING=off (the shared e2e server and the test processes run from the developer's
 * checkout: a publish there would write its content/ and commit into it). An environment set
 * by a test (a temporary copy) is used either way.
 */
function publishingEnvironment(): (PublishingEnvironment & { autoStart: boolean }) | null {
  if (environment) return environment;
  if (!config().publishing.enabled) return null;
  environment = {
    projectRoot,
    contentDir: config().contentDir,
    stateDir: config().publishing.stateDir,
    build: astroBuild,
    buildEnv: config().publishing.buildEnv,
    claimMs: 2 * 60_000,
    autoStart: true,
  };
  return environment;
}

/**
 * The hash of a content file as it is now, for the build to compare with. Unreadable (a link,
 * a missing folder): no expectation, and the build itself refuses what it cannot write.
 */
function expectedHashOf(path: string): string | null | undefined {
  const env = publishingEnvironment();
  if (!env) return undefined;
  try {
    return contentHash(readPublishable(env.contentDir, path));
  } catch {
    return undefined;
  }
}

/** For tests: a temporary project, a quicker builder, or no background start. */
export function setPublishingEnvironmentForTests(next: (PublishingEnvironment & { autoStart: boolean }) | undefined): void {
  environment = next;
}

/**
 * Starts the background worker of this process, if publications wait (cheap: one query).
 * Called after a request, from the status page, and from housekeeping, so a publication left
 * by a crashed or stopped instance is taken up again.
 */
export async function resumePublishing(db: Database): Promise<void> {
  const env = publishingEnvironment();
  if (!env?.autoStart) return;
  const [row] = await db.select({ count: sql<number>`count(*)` }).from(publications).where(inArray(publications.state, ['queued', 'building']));
  if (!row?.count) return;
  runInBackground(() => processPublications(db, env).catch((error) => console.error('Publiceren mislukt:', error)));
}

/** Validates nothing about content (the editor did) except paths; queues a build in the background and returns at once. */
export async function requestPublish(db: Database, request: PublishRequest, now = Date.now()): Promise<PublishResult> {
  return enqueue(db, request, null, now);
}

async function enqueue(db: Database, request: PublishRequest, revertOf: string | null, now: number): Promise<PublishResult> {
  if (!publishingEnvironment()) return OFF;
  const { changes, publisher } = request;
  if (changes.length === 0) return { ok: false, reason: 'invalid', message: 'Er is niets om te publiceren.' };
  if (changes.length > MAX_CHANGES) return { ok: false, reason: 'invalid', message: `Publiceer hoogstens ${MAX_CHANGES} bestanden tegelijk.` };
  const refused = refusedPaths(changes.map((change) => change.path));
  if (refused.length > 0) return { ok: false, reason: 'invalid', message: `Deze bestanden mogen niet worden gepubliceerd: ${refused.join(', ')}.` };
  if (new Set(changes.map((change) => change.path)).size !== changes.length) return { ok: false, reason: 'invalid', message: 'Een bestand staat twee keer in deze publicatie.' };
  if (changes.some((change) => change.content !== null && (typeof change.content !== 'string' || change.content.length > MAX_FILE_CHARS))) {
    return { ok: false, reason: 'invalid', message: 'Een van de bestanden is te groot om te publiceren.' };
  }
  const summary = request.summary.trim().replace(/\s+/g, ' ').slice(0, 200) || `Wijziging in ${changes.map((change) => change.path).join(', ')}`.slice(0, 200);
  const limit = await consume(db, 'publishAccount', publisher.userId, now);
  if (!limit.allowed) return { ok: false, reason: 'rate-limited', message: `U heeft de afgelopen tijd vaak gepubliceerd. Probeer het ${retryAfterText(limit.retryAfterMs)} opnieuw.` };
  const [waiting] = await db.select({ count: sql<number>`count(*)` }).from(publications).where(inArray(publications.state, ['queued', 'building']));
  if ((waiting?.count ?? 0) >= MAX_WAITING) return { ok: false, reason: 'busy', message: 'Er wachten al veel publicaties. Probeer het over een paar minuten opnieuw.' };
  const id = newId();
  await db.batch([
    db.insert(publications).values({
      id,
      state: 'queued',
      summary,
      publisherId: publisher.userId,
      publisherName: publisher.name.trim() || 'Onbekend',
      draftId: request.draftId ?? null,
      // With the file as it is now, so a build queued behind another for the same page refuses to overwrite it.
      changes: JSON.stringify(changes.map((change) => ({ path: change.path, content: change.content, expectedHash: expectedHashOf(change.path) }))),
      revertOf,
      createdAt: now,
    }),
    audit(db, { actorUserId: publisher.userId, action: revertOf ? 'content.revert.requested' : 'content.publish.requested', subjectType: 'publication', subjectId: id, detail: { paths: changes.map((change) => change.path), revertOf } }, now),
  ]);
  await resumePublishing(db);
  return { ok: true, publicationId: id };
}

const toPublication = (row: PublicationRow): Publication => ({
  id: row.id,
  state: row.state,
  summary: row.summary,
  publisher: row.publisherName,
  draftId: row.draftId,
  message: row.message,
  createdAt: row.createdAt,
  finishedAt: row.finishedAt,
  revisionId: row.revisionId,
});

/** One publication, or null for an unknown id. */
export async function publicationById(db: Database, id: string): Promise<Publication | null> {
  const [row] = await db.select().from(publications).where(eq(publications.id, id));
  return row ? toPublication(row) : null;
}

const toRevision = (row: RevisionRow): Revision => ({
  id: row.id,
  createdAt: row.createdAt,
  publisher: row.publisherName,
  summary: row.summary,
  paths: JSON.parse(row.paths) as string[],
  revertOf: row.revertOf,
  commit: row.gitCommit,
});

/** The revisions, newest first; with `path`, only those that changed that file. */
export async function contentHistory(db: Database, options: { path?: string; limit?: number } = {}): Promise<Revision[]> {
  const rows = await db
    .select()
    .from(revisions)
    .where(options.path ? sql`exists (select 1 from json_each(${revisions.paths}) where value = ${options.path})` : undefined)
    .orderBy(desc(revisions.createdAt), desc(revisions.id))
    .limit(Math.min(options.limit ?? 50, 500));
  return rows.map(toRevision);
}

/** A revision with the texts before and after, for the history's diff and the revert. */
export async function revisionChanges(db: Database, revisionId: string): Promise<FileChange[] | null> {
  const [row] = await db.select({ changes: revisions.changes }).from(revisions).where(eq(revisions.id, revisionId));
  return row ? (JSON.parse(row.changes) as FileChange[]) : null;
}

/** Publishes the inverse of a revision (the files as they were before it) as a new revision. */
export async function requestRevert(db: Database, revisionId: string, publisher: Publisher, now = Date.now()): Promise<PublishResult> {
  const [row] = await db.select().from(revisions).where(eq(revisions.id, revisionId));
  if (!row) return { ok: false, reason: 'invalid', message: 'Deze wijziging bestaat niet (meer).' };
  const env = publishingEnvironment();
  if (!env) return OFF;
  const changes = JSON.parse(row.changes) as FileChange[];
  // A file changed again later would lose that later change: ask to undo that one first.
  const changedSince = changes.filter((change) => readPublishable(env.contentDir, change.path) !== change.after).map((change) => change.path);
  if (changedSince.length > 0) {
    return { ok: false, reason: 'invalid', message: `Dit kan niet in één stap terug: ${changedSince.join(', ')} is daarna nog gewijzigd. Draai eerst de latere wijziging terug.` };
  }
  return enqueue(db, { changes: changes.map((change) => ({ path: change.path, content: change.before })), publisher, summary: `Teruggedraaid: ${row.summary}` }, revisionId, now);
}
