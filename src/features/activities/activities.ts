/**
 * Home of the activity calendar's use cases: a member submits an activity,
 * edits it while it waits or after a curator asked for changes (which submits it again), and
 * cancels it once published; curators publish, ask for changes, reject or cancel. Every use
 * case loads the record, asks the policy with it (an activity one may not see is 'not-found'),
 * moves the status only through the lifecycle (domain/activity-lifecycle.ts), and writes the
 * row, its facet rows, the audit entry and any e-mail in one db.batch guarded by the version
 * the caller read: a stale edit or a second click changes nothing at all.
 */
import { randomBytes } from 'node:crypto';
import { and, desc, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '#db/client.ts';
import { activities, activityFacets, type ActivityFacetKind, type ActivityRow } from '#db/activities-schema.ts';

import { clock, type Deps } from '#platform/context.ts';
import { findUserById, moderatorAddresses } from '#features/accounts/users.ts';
import { auditIf } from '#platform/audit/audit-log.ts';
import { replaceFacetsIf } from '#platform/database/facets.ts';
import { rowIsAt } from '#platform/database/versioned-write.ts';
import { consume } from '#platform/auth/rate-limit.ts';
import { slugify } from '#features/catalog/slug.ts';
import { activityTransition, type ActivityEvent, type ActivityRefusal, type ActivityRole } from '#domain/activity-lifecycle.ts';
import type { ActivityAudience } from '#domain/activity-vocabulary.ts';
import { dutchSpan } from '#domain/amsterdam-time.ts';
import type { SectorId, TargetGroupId } from '#domain/facets.ts';
import { activityVisibleTo, can, notAllowed, type Actor, type NotAllowed } from '#domain/policy.ts';
import {
  activityCancelledMessage,
  activityChangesRequestedMessage,
  activityPublishedMessage,
  activityRejectedMessage,
  activitySubmittedMessage,
} from '#platform/mail/activity-messages.ts';
import { enqueueMailIf, type MailMessage } from '#platform/mail/outbox.ts';
import { parseActivityInput, type ActivityFields } from './activity-input.ts';

/** An activity as loaded: the row and its facet values. */
export interface ActivityRecord extends ActivityRow {
  audiences: ActivityAudience[];
  targetGroups: TargetGroupId[];
  sectors: SectorId[];
}

export type ActivityNotFound = { ok: false; reason: 'not-found' };
export type StaleActivity = { ok: false; reason: 'stale' };
export type InvalidActivity = { ok: false; reason: 'invalid'; fields: Record<string, string> };
export type ActivityMoveRefused = { ok: false; reason: ActivityRefusal };

export type SubmitActivityResult = { ok: true; id: string } | InvalidActivity | NotAllowed | { ok: false; reason: 'rate-limited'; retryAfterMs: number };
export type EditActivityResult = { ok: true; id: string } | InvalidActivity | NotAllowed | ActivityNotFound | StaleActivity | ActivityMoveRefused;
export type ActivityDecisionResult = { ok: true } | NotAllowed | ActivityNotFound | StaleActivity | ActivityMoveRefused;

/** A repeated submit of the same activity by the same person within this time gives the same one (a double click). */
const DOUBLE_SUBMIT_WINDOW_MS = 10 * 60_000;

/** Loads an activity with its facets; undefined when there is none. */
export async function loadActivity(db: Database, id: string): Promise<ActivityRecord | undefined> {
  const [row] = await db.select().from(activities).where(eq(activities.id, id)).limit(1);
  if (!row) return undefined;
  const facets = await db.select({ facet: activityFacets.facet, value: activityFacets.value }).from(activityFacets).where(eq(activityFacets.activityId, id));
  const of = <T extends string>(kind: ActivityFacetKind) => facets.filter((f) => f.facet === kind).map((f) => f.value as T);
  return { ...row, audiences: of('audience'), targetGroups: of('target-group'), sectors: of('sector') };
}

/** SQL: the activity still exists at this version and status. */
function activityIsAt(id: string, version: number, status: string): SQL {
  return rowIsAt(activities, id, version, status);
}

/** Statements that replace an activity's facet rows when `condition` holds. */
function replaceActivityFacetsIf(db: Database, id: string, fields: Pick<ActivityFields, 'audiences' | 'targetGroups' | 'sectors'>, condition: SQL): BatchItem<'sqlite'>[] {
  const pairs: [ActivityFacetKind, string][] = [
    ...fields.audiences.map((value): [ActivityFacetKind, string] => ['audience', value]),
    ...fields.targetGroups.map((value): [ActivityFacetKind, string] => ['target-group', value]),
    ...fields.sectors.map((value): [ActivityFacetKind, string] => ['sector', value]),
  ];
  return replaceFacetsIf(db, { table: 'activity_facets', ownerColumn: 'activity_id' }, id, pairs, condition);
}

/** A new activity id: words from the title and a random tail ("werkconferentie-zaanstad-k3f9q2"). */
function newActivityId(title: string): string {
  const words = slugify(title).slice(0, 60).replace(/-+$/, '');
  const tail = Array.from(randomBytes(6), (byte) => 'abcdefghijklmnopqrstuvwxyz0123456789'[byte % 36]).join('');
  return `${words || 'activiteit'}-${tail}`;
}

/** The columns the form's fields write. */
function columnsOf(fields: ActivityFields) {
  return {
    title: fields.title,
    description: fields.description,
    kind: fields.kind,
    startsAt: fields.startsAt,
    endsAt: fields.endsAt,
    allDay: fields.allDay,
    place: fields.place,
    municipalityId: fields.municipalityId,
    onlineUrl: fields.onlineUrl,
    organiserName: fields.organiserName,
  };
}

/** The mails telling curators an activity waits (only when `condition` holds as the batch runs). */
async function curatorMails(deps: Deps, activity: { id: string; title: string; organiserName: string; startsAt: number; endsAt: number; allDay: boolean }, condition: SQL, now: number) {
  const moderators = await moderatorAddresses(deps.db);
  const subject = { id: activity.id, title: activity.title, organiser: activity.organiserName, when: dutchSpan(activity) };
  return moderators.map((m) => enqueueMailIf(deps.db, { ...activitySubmittedMessage(m.email, subject, deps.origin), userId: m.id }, condition, now));
}

/**
 * Submits a new activity for moderation, for the actor's own organisation. Rate limited per
 * account; the same activity submitted twice in a row (a double click) is stored once.
 */
export async function submitActivity(deps: Deps, actor: Actor | null, input: unknown): Promise<SubmitActivityResult> {
  if (!can(actor, 'activity:create')) return notAllowed;
  const now = clock(deps);
  const parsed = parseActivityInput(input, now);
  if (!parsed.ok) return { ok: false, reason: 'invalid', fields: parsed.fields };
  const fields = parsed.fields;
  const { db } = deps;
  // The same activity submitted a moment ago (a double click, a reload): that one is the answer.
  const [earlier] = await db
    .select({ id: activities.id })
    .from(activities)
    .where(
      and(
        eq(activities.submitterId, actor.userId),
        eq(activities.title, fields.title),
        eq(activities.startsAt, fields.startsAt),
        eq(activities.status, 'submitted'),
        gt(activities.createdAt, now - DOUBLE_SUBMIT_WINDOW_MS),
      ),
    )
    .limit(1);
  if (earlier) return { ok: true, id: earlier.id };
  const limit = await consume(db, 'activityCreateAccount', actor.userId, now);
  if (!limit.allowed) return { ok: false, reason: 'rate-limited', retryAfterMs: limit.retryAfterMs };

  const id = newActivityId(fields.title);
  const exists = sql`exists (select 1 from activities where id = ${id})`;
  await db.batch([
    db.insert(activities).values({
      id,
      ...columnsOf(fields),
      organisationId: actor.organisationId,
      submitterId: actor.userId,
      status: 'submitted',
      createdAt: now,
      updatedAt: now,
      submittedAt: now,
    }),
    ...replaceActivityFacetsIf(db, id, fields, exists),
    auditIf(db, { actorUserId: actor.userId, action: 'activity.submitted', subjectType: 'activity', subjectId: id }, exists, now),
    ...(await curatorMails(deps, { id, ...fields }, exists, now)),
  ]);
  return { ok: true, id };
}

/** The answer for an activity one may not see (404) or may see but not change (403). */
function refusalFor(actor: Actor | null, activity: ActivityRecord): ActivityNotFound | NotAllowed {
  return activityVisibleTo(actor, activity) ? notAllowed : { ok: false, reason: 'not-found' };
}

export type EditableActivityResult = { ok: true; activity: ActivityRecord } | { ok: false; reason: 'not-editable'; activity: ActivityRecord } | NotAllowed | ActivityNotFound;

/** An activity for the edit form: only for its submitting side, and only while it waits or was sent back. */
export async function loadActivityForEditing(deps: Deps, actor: Actor | null, id: string): Promise<EditableActivityResult> {
  const activity = await loadActivity(deps.db, id);
  if (!activity) return { ok: false, reason: 'not-found' };
  if (!can(actor, 'activity:edit', activity)) return refusalFor(actor, activity);
  if (activity.status !== 'submitted' && activity.status !== 'changes-requested') return { ok: false, reason: 'not-editable', activity };
  return { ok: true, activity };
}

/**
 * Saves new text for an activity that waits or was sent back, if the caller read the current
 * `version`; one that was sent back goes to the curators again (and they hear of it).
 */
export async function editActivity(deps: Deps, actor: Actor | null, id: string, version: number, input: unknown): Promise<EditActivityResult> {
  const { db } = deps;
  const activity = await loadActivity(db, id);
  if (!activity) return { ok: false, reason: 'not-found' };
  if (!can(actor, 'activity:edit', activity)) return refusalFor(actor, activity);
  const now = clock(deps);
  const move = activityTransition(activity, 'edit', { by: 'organiser' }, now);
  if (!move.ok) return move;
  const parsed = parseActivityInput(input, now);
  if (!parsed.ok) return { ok: false, reason: 'invalid', fields: parsed.fields };
  if (activity.version !== version) return { ok: false, reason: 'stale' };
  const fields = parsed.fields;
  const guard = activityIsAt(id, version, activity.status);
  const resubmitted = activity.status === 'changes-requested';
  const results = await db.batch([
    auditIf(db, { actorUserId: actor.userId, action: 'activity.edited', subjectType: 'activity', subjectId: id, detail: { from: activity.status, to: move.status } }, guard, now),
    ...replaceActivityFacetsIf(db, id, fields, guard),
    ...(resubmitted ? await curatorMails(deps, { id, ...fields }, guard, now) : []),
    db
      .update(activities)
      .set({ ...columnsOf(fields), status: move.status, version: version + 1, updatedAt: now, ...(resubmitted ? { submittedAt: now } : {}) })
      .where(and(eq(activities.id, id), eq(activities.version, version), eq(activities.status, activity.status)))
      .returning({ id: activities.id }),
  ]);
  if ((results[results.length - 1] as unknown[]).length > 0) return { ok: true, id };
  return afterLostRace(db, id);
}

/** Why a guarded write changed nothing: the activity is gone, or someone changed it meanwhile. */
async function afterLostRace(db: Database, id: string): Promise<ActivityNotFound | StaleActivity> {
  const [current] = await db.select({ version: activities.version }).from(activities).where(eq(activities.id, id)).limit(1);
  return current ? { ok: false, reason: 'stale' } : { ok: false, reason: 'not-found' };
}

type Decision = Exclude<ActivityEvent, 'edit'>;

/** The submitter's mail for a decision (not when the submitter made it), if the account still exists. */
async function submitterMail(deps: Deps, activity: ActivityRecord, decision: Decision, by: ActivityRole, note: string | null, actor: Actor): Promise<MailMessage | null> {
  if (!activity.submitterId || activity.submitterId === actor.userId) return null;
  if (decision === 'cancel' && by !== 'curator') return null;
  const submitter = await findUserById(deps.db, activity.submitterId);
  if (!submitter) return null;
  const subject = { id: activity.id, title: activity.title, when: dutchSpan(activity) };
  const message =
    decision === 'publish'
      ? activityPublishedMessage(submitter.email, submitter.name, subject, deps.origin)
      : decision === 'request-changes'
        ? activityChangesRequestedMessage(submitter.email, submitter.name, subject, note ?? '', deps.origin)
        : decision === 'reject'
          ? activityRejectedMessage(submitter.email, submitter.name, subject, note ?? '', deps.origin)
          : activityCancelledMessage(submitter.email, submitter.name, subject, note, deps.origin);
  return { ...message, userId: submitter.id };
}

/**
 * One decision on an activity: publish, request changes, reject (curators) or cancel (its
 * organiser, or a curator). Policy with the record, lifecycle, then the guarded batch.
 */
export async function decideActivity(deps: Deps, actor: Actor | null, id: string, version: number, decision: Decision, note = ''): Promise<ActivityDecisionResult> {
  const { db } = deps;
  const activity = await loadActivity(db, id);
  if (!activity) return { ok: false, reason: 'not-found' };
  // Cancelling is the organiser's own move first; a curator cancels any.
  const by: ActivityRole | null =
    decision === 'cancel' && can(actor, 'activity:edit', activity) ? 'organiser' : can(actor, 'activity:moderate', activity) ? 'curator' : null;
  if (!by || !actor) return refusalFor(actor, activity);
  const now = clock(deps);
  const move = activityTransition(activity, decision, { by, note }, now);
  if (!move.ok) return move;
  if (activity.version !== version) return { ok: false, reason: 'stale' };
  const guard = activityIsAt(id, version, activity.status);
  const mail = await submitterMail(deps, activity, decision, by, move.moderationNote ?? null, actor);
  const results = await db.batch([
    auditIf(db, { actorUserId: actor.userId, action: `activity.${decision}`, subjectType: 'activity', subjectId: id, detail: { from: activity.status, to: move.status, by, ...(move.moderationNote ? { note: move.moderationNote } : {}) } }, guard, now),
    ...(mail ? [enqueueMailIf(db, mail, guard, now)] : []),
    db
      .update(activities)
      .set({
        status: move.status,
        ...(move.moderationNote !== undefined ? { moderationNote: move.moderationNote } : {}),
        version: version + 1,
        updatedAt: now,
        ...(decision === 'publish' ? { publishedAt: now } : {}),
        // A subscribed calendar replaces its copy only when the sequence goes up.
        ...(decision === 'cancel' ? { cancelledAt: now, sequence: activity.sequence + 1 } : {}),
      })
      .where(and(eq(activities.id, id), eq(activities.version, version), eq(activities.status, activity.status)))
      .returning({ id: activities.id }),
  ]);
  if ((results[results.length - 1] as unknown[]).length > 0) return { ok: true };
  return afterLostRace(db, id);
}

/** One row of "my activities": what the submitting side sees of its own. */
export interface MyActivity {
  id: string;
  title: string;
  status: ActivityRow['status'];
  startsAt: number;
  endsAt: number;
  allDay: boolean;
  moderationNote: string | null;
  version: number;
}

/** The activities the actor submitted or that were submitted for the actor's organisation, newest first. */
export async function myActivities(deps: Deps, actor: Actor | null): Promise<MyActivity[]> {
  if (!actor) return [];
  const rows = await deps.db
    .select({
      id: activities.id,
      title: activities.title,
      status: activities.status,
      startsAt: activities.startsAt,
      endsAt: activities.endsAt,
      allDay: activities.allDay,
      moderationNote: activities.moderationNote,
      version: activities.version,
      organisationId: activities.organisationId,
      submitterId: activities.submitterId,
    })
    .from(activities)
    .where(or(eq(activities.submitterId, actor.userId), eq(activities.organisationId, actor.organisationId)))
    .orderBy(desc(activities.updatedAt))
    .limit(100);
  return rows.filter((row) => can(actor, 'activity:edit', row)).map(({ organisationId: _o, submitterId: _s, ...row }) => row);
}

/** An activity for its page: public ones for everyone, others for their submitting side and curators. */
export async function activityForPage(deps: Deps, actor: Actor | null, id: string): Promise<ActivityRecord | undefined> {
  const activity = await loadActivity(deps.db, id);
  if (!activity || !activityVisibleTo(actor, activity)) return undefined;
  return activity;
}
