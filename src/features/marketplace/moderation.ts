/**
 * Home of pitch moderation: curators see the submitted pitches oldest first,
 * with the author's organisation and whether the author is verified, and publish, request
 * changes (with a note the author sees on the pitch and by e-mail), reject (with a reason,
 * e-mailed), or feature and unfeature a published pitch for the home page. Each decision asks
 * the policy with the loaded pitch, moves through the lifecycle, and writes the pitch, the
 * audit entry (who, when, what) and the author's e-mail in one guarded batch; a publication
 * also queues, in that batch, the at-once mails to followers who chose them (pitch-alerts.ts).
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import { pitches } from '#db/marketplace-schema.ts';
import { organisations, users } from '#db/schema.ts';
import { clock, type Deps } from '#platform/context.ts';
import { auditIf } from '#platform/audit/audit-log.ts';
import { can, notAllowed, pitchVisibleTo, type Actor, type NotAllowed } from '#domain/policy.ts';
import { amsterdamDate } from '#domain/amsterdam-time.ts';
import { transition, type PitchEvent, type PitchInput } from '#domain/pitch-lifecycle.ts';
import { pitchChangesRequestedMessage, pitchPublishedMessage, pitchRejectedMessage } from '#platform/mail/pitch-messages.ts';
import { findUserById } from '#features/accounts/users.ts';
import { pitchAlertStatements } from '#features/follows/pitch-alerts.ts';
import { loadPitch, type PitchNotFound, type PitchMoveRefused, type PitchRecord, type StalePitch } from './pitches.ts';
import { enqueueMailIf, type MailMessage } from '#platform/mail/outbox.ts';
import { pitchIsAt } from './pitch-writes.ts';
import { municipalityOfPitch } from './pitch-municipality.ts';
import { pitchChangesSince, pitchSnapshot, type PitchChange } from './pitch-changes.ts';

/** One submitted pitch in the queue, with what a curator needs to decide. */
export interface QueuedPitch extends PitchRecord {
  authorName: string | null;
  authorEmail: string | null;
  /** The author's organisation (the municipality the author belongs to). */
  authorOrganisation: string | null;
  /** Is the author's membership of that municipality verified (and the address confirmed)? */
  authorVerified: boolean;
  /** What the author changed since the curator asked for a change (null: not sent back before, or no text was kept). */
  changes: PitchChange[] | null;
}

/** The moderation queue: submitted pitches, oldest submission first; null when the actor is no curator. */
export async function moderationQueue(deps: Deps, actor: Actor | null): Promise<QueuedPitch[] | null> {
  if (!can(actor, 'curation:view')) return null;
  const { db } = deps;
  const rows = await db
    .select({
      id: pitches.id,
      authorName: users.name,
      authorEmail: users.email,
      authorOrganisation: organisations.name,
      membershipVerifiedAt: users.membershipVerifiedAt,
      emailVerifiedAt: users.emailVerifiedAt,
    })
    .from(pitches)
    .leftJoin(users, eq(users.id, pitches.authorId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(pitches.status, 'submitted'))
    .orderBy(asc(pitches.submittedAt), asc(pitches.seq));
  const queue: QueuedPitch[] = [];
  for (const row of rows) {
    const pitch = await loadPitch(db, row.id);
    if (!pitch || !can(actor, 'pitch:moderate', pitch)) continue;
    queue.push({
      ...pitch,
      authorName: row.authorName,
      authorEmail: row.authorEmail,
      authorOrganisation: row.authorOrganisation,
      authorVerified: row.membershipVerifiedAt !== null && row.emailVerifiedAt !== null,
      changes: pitch.moderationNote ? pitchChangesSince(pitch.reviewedText, pitch) : null,
    });
  }
  return queue;
}

/** Published pitches a curator may feature or unfeature: open ones, featured first, newest first. */
export async function publishedForFeaturing(deps: Deps, actor: Actor | null) {
  if (!can(actor, 'curation:view')) return null;
  const today = amsterdamDate(new Date(clock(deps)));
  const rows = await deps.db
    .select({ id: pitches.id, title: pitches.title, featured: pitches.featured, version: pitches.version, closingDate: pitches.closingDate, municipality: organisations.name })
    .from(pitches)
    .innerJoin(organisations, municipalityOfPitch)
    .where(eq(pitches.status, 'published'))
    .orderBy(desc(pitches.featured), desc(pitches.publishedAt));
  return rows.filter((row) => row.closingDate >= today);
}

export type ModerationResult = { ok: true } | NotAllowed | PitchNotFound | StalePitch | PitchMoveRefused;

type Decision = 'publish' | 'request-changes' | 'reject' | 'feature' | 'unfeature';

/** The author's mail for a decision, if the author still has an account. */
async function authorMail(deps: Deps, pitch: PitchRecord, decision: Decision, text: string): Promise<MailMessage | null> {
  if (!pitch.authorId) return null;
  const author = await findUserById(deps.db, pitch.authorId);
  if (!author) return null;
  const message =
    decision === 'publish'
      ? pitchPublishedMessage(author.email, author.name, pitch, deps.origin)
      : decision === 'request-changes'
        ? pitchChangesRequestedMessage(author.email, author.name, pitch, text, deps.origin)
        : decision === 'reject'
          ? pitchRejectedMessage(author.email, author.name, pitch, text, deps.origin)
          : null;
  return message && { ...message, userId: author.id };
}

/** One curator decision: policy with the record, lifecycle, then the guarded batch. */
async function decide<E extends Decision>(deps: Deps, actor: Actor | null, pitchId: string, version: number, event: E, input: PitchInput<E>, detail: Record<string, unknown> = {}): Promise<ModerationResult> {
  const { db } = deps;
  const pitch = await loadPitch(db, pitchId);
  if (!pitch) return { ok: false, reason: 'not-found' };
  if (!can(actor, 'pitch:moderate', pitch)) return pitchVisibleTo(actor, pitch) ? notAllowed : { ok: false, reason: 'not-found' };
  const now = clock(deps);
  const move = transition(pitch, event as PitchEvent, input as PitchInput<PitchEvent>, new Date(now));
  if (!move.ok) return move;
  if (pitch.version !== version) return { ok: false, reason: 'stale' };
  const guard = pitchIsAt(pitch.id, version, pitch.status);
  const mail = await authorMail(deps, pitch, event, move.changes.moderationNote ?? '');
  // Followers who chose "meteen" hear of a published pitch in the same write that publishes it.
  const alerts = event === 'publish' ? await pitchAlertStatements(db, pitch, guard, deps.origin, now) : [];
  const results = await db.batch([
    auditIf(db, { actorUserId: actor.userId, action: `pitch.${event}`, subjectType: 'pitch', subjectId: pitch.id, detail: { from: pitch.status, to: move.status, ...detail } }, guard, now),
    ...(mail ? [enqueueMailIf(db, mail, guard, now)] : []),
    ...alerts,
    db
      .update(pitches)
      .set({
        status: move.status,
        ...move.changes,
        version: version + 1,
        updatedAt: now,
        ...(event === 'publish' ? { publishedAt: now } : {}),
        // The text she read, so that the resubmitted pitch can show her what changed.
        ...(event === 'request-changes' ? { reviewedText: pitchSnapshot(pitch) } : {}),
        // Only needed while the pitch may come back to the queue.
        ...(event === 'publish' || event === 'reject' ? { reviewedText: null } : {}),
      })
      .where(and(eq(pitches.id, pitch.id), eq(pitches.version, version), eq(pitches.status, pitch.status)))
      .returning({ id: pitches.id }),
  ]);
  if ((results[results.length - 1] as unknown[]).length > 0) return { ok: true };
  const [current] = await db.select({ version: pitches.version }).from(pitches).where(eq(pitches.id, pitch.id)).limit(1);
  return current ? { ok: false, reason: 'stale' } : { ok: false, reason: 'not-found' };
}

/** Publishes a submitted pitch; the author hears of it. */
export function publishPitch(deps: Deps, actor: Actor | null, pitchId: string, version: number) {
  return decide(deps, actor, pitchId, version, 'publish', { by: 'curator' });
}

/** Sends a submitted pitch back with a note (required) that the author sees on the pitch and by e-mail. */
export function requestChanges(deps: Deps, actor: Actor | null, pitchId: string, version: number, note: string) {
  return decide(deps, actor, pitchId, version, 'request-changes', { by: 'curator', note }, { note: note.trim() });
}

/** Rejects a submitted pitch with a reason (required), e-mailed to the author. */
export function rejectPitch(deps: Deps, actor: Actor | null, pitchId: string, version: number, reason: string) {
  return decide(deps, actor, pitchId, version, 'reject', { by: 'curator', reason }, { reason: reason.trim() });
}

/** Puts a published pitch on the home page. */
export function featurePitch(deps: Deps, actor: Actor | null, pitchId: string, version: number) {
  return decide(deps, actor, pitchId, version, 'feature', { by: 'curator' });
}

/** Takes a pitch off the home page. */
export function unfeaturePitch(deps: Deps, actor: Actor | null, pitchId: string, version: number) {
  return decide(deps, actor, pitchId, version, 'unfeature', { by: 'curator' });
}
