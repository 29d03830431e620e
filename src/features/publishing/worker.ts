/**
 * The publication worker: takes the oldest waiting publication, builds the
 * site with its changes in a staging copy, and on success writes the files into content/,
 * commits them (git, when there is a checkout), switches the live build and records the
 * revision; on failure it records the Dutch error and leaves the site and content/ as they were.
 *
 * One build at a time across every instance: the lock is the publication row itself. A worker
 * claims it with one UPDATE that succeeds only while no other publication is building under a
 * valid claim, and renews the claim while it builds. A crashed instance (or one stopped by
 * SIGTERM, which waits only seconds, less than a build) leaves a claim that expires; the next
 * worker (any instance: a new publish request, the status page or housekeeping starts one)
 * takes the publication again, up to MAX_ATTEMPTS times.
 */
import { and, eq, sql } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '#db/client.ts';
import { contentDrafts } from '#db/editor-schema.ts';
import { publications, revisions, type PublicationRow } from '#db/publishing-schema.ts';
import { audit } from '#platform/audit/audit-log.ts';
import { newId } from '#platform/auth/crypto.ts';
import { isStopping } from '#platform/lifecycle.ts';
import { commitContent } from './content-git.ts';
import { readPublishable, writePublishable, type FileChange } from './content-paths.ts';
import { buildDir, prepareStateDir, removeOldBuilds, switchLiveBuild } from './live-build.ts';
import type { SiteBuilder } from './site-build.ts';

/** Everything the worker touches outside the database, so tests can point it at a temporary copy. */
export interface PublishingEnvironment {
  /** The project whose src/, astro.config.mjs and node_modules build the site. */
  projectRoot: string;
  /** The real content folder, written after a successful build. */
  contentDir: string;
  /** Builds, staging copies and the live pointer. */
  stateDir: string;
  build: SiteBuilder;
  /** The environment of the build and git processes (minimal: see config.ts). */
  buildEnv: Record<string, string>;
  /** How long a claim holds without renewal. */
  claimMs: number;
}

/** How often a crashed build is taken up again before the publication counts as failed. */
export const MAX_ATTEMPTS = 3;

/** This process's name in claims (not a secret; tells instances apart in the table). */
const workerId = `${process.pid}-${randomBytes(4).toString('hex')}`;

/** A stored change: the path was checked when the publication was requested. */
export interface StoredChange {
  path: string;
  content: string | null;
  /**
   * The file as the publisher saw it when asking (its sha256; null: no file). The build only
   * goes ahead when the file is still that: a publication queued behind another one for the same
   * page would otherwise overwrite it unseen. Absent in publications from before this check.
   */
  expectedHash?: string | null;
}

/** The sha256 of a content file's text, or null when there is none. */
export const contentHash = (text: string | null) => (text === null ? null : createHash('sha256').update(text).digest('hex'));

/**
 * Claims the oldest waiting publication (or a building one whose claim expired) if no build is
 * under way anywhere: one statement, so two instances cannot both win.
 */
export async function claimNext(db: Database, claimMs: number, now = Date.now()): Promise<PublicationRow | null> {
  await db.batch([
    db.run(sql`update publications set state = 'failed', finished_at = ${now}, claimed_by = null,
      message = 'De build is ' || attempts || ' keer afgebroken (de server stopte of liep vast). Er is niets gepubliceerd; probeer het opnieuw.'
    where state = 'building' and claimed_until < ${now} and attempts >= ${MAX_ATTEMPTS}`),
    // Their drafts are the curator's to fix and publish again.
    db.run(sql`update ${contentDrafts} set status = 'draft'
      where status = 'publishing' and publication_id in (select id from ${publications} where state = 'failed')`),
  ]);
  const rows = await db.all<{ id: string }>(sql`update publications
    set state = 'building', claimed_by = ${workerId}, claimed_until = ${now + claimMs}, started_at = ${now}, attempts = attempts + 1
    where id = (select id from publications where state = 'queued' or (state = 'building' and claimed_until < ${now}) order by created_at, id limit 1)
      and not exists (select 1 from publications where state = 'building' and claimed_until >= ${now})
    returning id`);
  const id = rows[0]?.id;
  if (!id) return null;
  const [row] = await db.select().from(publications).where(eq(publications.id, id));
  return row ?? null;
}

/** Builds waiting publications one after another until none waits (or another worker builds). */
export async function processPublications(db: Database, env: PublishingEnvironment): Promise<number> {
  let done = 0;
  while (!isStopping()) {
    const publication = await claimNext(db, env.claimMs);
    if (!publication) break;
    await buildPublication(db, env, publication);
    done += 1;
  }
  return done;
}

/** Ours still: the claim was not taken over after expiring. */
const stillOurs = (id: string) => and(eq(publications.id, id), eq(publications.claimedBy, workerId), eq(publications.state, 'building'));

/**
 * The draft a publication came from (the editor's), in the publication's outcome: published
 * when live; editable again when the build failed, so the curator can fix it and publish again
 * (the draft page shows the publication's error). Only while the draft still waits for this
 * publication, and (the batch runs in order) only if the publication really reached that state.
 */
function settleDraft(db: Database, publication: PublicationRow, outcome: 'live' | 'failed') {
  return db
    .update(contentDrafts)
    .set({ status: outcome === 'live' ? 'published' : 'draft' })
    .where(
      and(
        eq(contentDrafts.id, publication.draftId ?? ''),
        eq(contentDrafts.status, 'publishing'),
        eq(contentDrafts.publicationId, publication.id),
        sql`exists (select 1 from ${publications} where ${publications.id} = ${publication.id} and ${publications.state} = ${outcome})`,
      ),
    );
}

async function fail(db: Database, publication: PublicationRow, message: string): Promise<void> {
  const now = Date.now();
  await db.batch([
    db.update(publications).set({ state: 'failed', message, finishedAt: now, claimedBy: null, claimedUntil: null }).where(stillOurs(publication.id)),
    settleDraft(db, publication, 'failed'),
    audit(db, { actorUserId: publication.publisherId, action: 'content.publish.failed', subjectType: 'publication', subjectId: publication.id, detail: { summary: publication.summary } }, now),
  ]);
}

/** One publication, start to end; never throws (a failure is recorded on the publication). */
export async function buildPublication(db: Database, env: PublishingEnvironment, publication: PublicationRow): Promise<void> {
  const changes = JSON.parse(publication.changes) as StoredChange[];
  const renew = setInterval(() => {
    db.update(publications)
      .set({ claimedUntil: Date.now() + env.claimMs })
      .where(stillOurs(publication.id))
      .catch(() => undefined);
  }, Math.max(1000, env.claimMs / 3));
  renew.unref();
  // Per attempt: a worker that stalled past its claim may still be building in the folders of
  // the attempt before, and must never share (or delete) the one that takes over.
  const attemptId = `${publication.id}-${publication.attempts}`;
  const stagingDir = join(env.stateDir, 'staging', attemptId);
  const outDir = buildDir(env.stateDir, attemptId);
  let switched = false;
  /** The files this attempt wrote into content/, put back as they were if the build never went live. */
  let written: FileChange[] = [];
  try {
    prepareStateDir(env.stateDir, env.projectRoot);
    // The texts before: content/ changes only under the build lock, so they stay true until
    // this build writes its own.
    const fileChanges: FileChange[] = changes.map((change) => ({ path: change.path, before: readPublishable(env.contentDir, change.path), after: change.content }));
    const overtaken = fileChanges.filter((change, i) => changes[i]!.expectedHash !== undefined && contentHash(change.before) !== changes[i]!.expectedHash);
    if (overtaken.length > 0) {
      await fail(db, publication, `Iemand anders heeft ${overtaken.map((c) => c.path).join(', ')} intussen gepubliceerd; deze publicatie zou dat overschrijven. Open de pagina opnieuw in de editor en breng uw wijziging daar aan.`);
      return;
    }
    const result = await env.build({ projectRoot: env.projectRoot, contentDir: env.contentDir, stagingDir, outDir, changes, env: env.buildEnv });
    if (!result.ok) {
      rmSync(outDir, { recursive: true, force: true });
      await fail(db, publication, result.message);
      return;
    }
    // Lost the claim while building (this process stalled past its expiry): another worker
    // builds it now; this build is thrown away.
    const [mine] = await db.select({ id: publications.id }).from(publications).where(stillOurs(publication.id));
    if (!mine) {
      rmSync(outDir, { recursive: true, force: true });
      return;
    }
    writePublishable(env.contentDir, changes);
    written = fileChanges;
    const commit = await commitContent({
      contentDir: env.contentDir,
      paths: changes.map((change) => change.path),
      authorName: publication.publisherName,
      authorEmail: `${publication.publisherId ?? 'onbekend'}@gebruikers.praktijkplein.invalid`,
      message: publication.summary,
      env: env.buildEnv,
    });
    const now = Date.now();
    switchLiveBuild(env.stateDir, { id: publication.id, dir: outDir, at: now });
    switched = true;
    const revisionId = newId();
    await db.batch([
      db.insert(revisions).values({
        id: revisionId,
        publicationId: publication.id,
        publisherId: publication.publisherId,
        publisherName: publication.publisherName,
        summary: publication.summary,
        changes: JSON.stringify(fileChanges),
        paths: JSON.stringify(fileChanges.map((change) => change.path)),
        revertOf: publication.revertOf,
        gitCommit: commit,
        createdAt: now,
      }),
      db.update(publications).set({ state: 'live', finishedAt: now, revisionId, claimedBy: null, claimedUntil: null, message: null }).where(eq(publications.id, publication.id)),
      settleDraft(db, publication, 'live'),
      audit(db, { actorUserId: publication.publisherId, action: 'content.published', subjectType: 'publication', subjectId: publication.id, detail: { revisionId, paths: fileChanges.map((c) => c.path), commit } }, now),
    ]);
    removeOldBuilds(env.stateDir);
  } catch (error) {
    // A build that is live already stays (the site serves it); only the record failed. One that
    // never went live leaves content/ as it was, or the next build would publish it unrecorded.
    if (!switched) {
      rmSync(outDir, { recursive: true, force: true });
      try {
        writePublishable(env.contentDir, written.map((change) => ({ path: change.path, content: change.before })));
      } catch (restoreError) {
        console.error(JSON.stringify({ level: 'error', msg: 'content/ kon niet worden teruggezet', publication: publication.id, error: String(restoreError) }));
      }
    }
    console.error(JSON.stringify({ level: 'error', msg: 'Publiceren mislukt', publication: publication.id, error: error instanceof Error ? error.message : String(error) }));
    await fail(db, publication, `Publiceren is mislukt; de live site is niet veranderd. ${error instanceof Error ? error.message : ''}`.trim()).catch(() => undefined);
  } finally {
    clearInterval(renew);
    rmSync(stagingDir, { recursive: true, force: true });
  }
}
