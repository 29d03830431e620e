/**
 * Home of outcome follow-up: a pitch closed as matched or partly matched gets
 * three questions (3, 6 and 12 months after its closing day, domain/follow-up-schedule.ts),
 * written in the same batch as the close. From its due day a question may be answered by
 * verified members of the pitch's municipality ('pitch:report-outcome'): how many people
 * started, how many are still at work. The answers are public facts about the pitch (the pitch
 * page, /resultaten/); who answered is personal (account export; null after deletion, by the
 * foreign key). Reminders are the job's (src/features/jobs/follow-up-reminders.ts).
 */
import { and, asc, eq, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '#db/client.ts';
import { followUps } from '#db/follow-up-schema.ts';
import { pitches } from '#db/marketplace-schema.ts';
import { clock, type Deps } from '#platform/context.ts';
import { audit } from '#platform/audit/audit-log.ts';
import { newId } from '#platform/auth/crypto.ts';
import { loadOfferPitch } from './offer-records.ts';
import {
  checkFollowUpAnswer,
  followedUpOutcomes,
  followUpMoments,
  followUpSchedule,
  isDue,
  type FollowUpAnswerRefusal,
  type FollowUpMoment,
} from '#domain/follow-up-schedule.ts';
import { amsterdamDate } from '#domain/amsterdam-time.ts';
import { type PitchOutcome, type PitchStatus } from '#domain/pitch-lifecycle.ts';
import { can, type Actor } from '#domain/policy.ts';

type Statement = BatchItem<'sqlite'>;

/**
 * The inserts of a pitch's three questions, for the batch that closes it. `or ignore` on the
 * unique (pitch, moment) index: a question that exists already (the lazy backfill got there
 * first) stays as it is.
 */
export function followUpInserts(db: Database, pitchId: string, closedAt: number, now: number): Statement[] {
  return followUpSchedule(closedAt).map(({ monthsAfter, dueOn }) =>
    db.insert(followUps).values({ id: newId(), pitchId, monthsAfter, dueOn, createdAt: now }).onConflictDoNothing(),
  );
}

/**
 * The lazy backfill: questions for pitches closed as matched or partly matched before this
 * feature existed (or by any path that did not write them). SQLite's date() cannot do
 * Amsterdam days or clamp month ends, so the schedule is computed here, not in the migration's
 * SQL. Idempotent and safe on several instances (inserts ignore existing questions). Returns
 * how many pitches got questions.
 */
export async function scheduleMissingFollowUps(db: Database, now: number): Promise<number> {
  const missing = await db
    .select({ id: pitches.id, closedAt: pitches.closedAt, updatedAt: pitches.updatedAt })
    .from(pitches)
    .where(
      and(
        eq(pitches.status, 'closed'),
        inArray(pitches.outcome, followedUpOutcomes as PitchOutcome[]),
        sql`not exists (select 1 from ${followUps} where ${followUps.pitchId} = ${pitches.id})`,
      ),
    )
    .limit(500);
  if (missing.length === 0) return 0;
  const statements = missing.flatMap((pitch) => followUpInserts(db, pitch.id, pitch.closedAt ?? pitch.updatedAt, now));
  await db.batch(statements as [Statement, ...Statement[]]);
  return missing.length;
}

/** A pitch's answered questions, 3 months first (public facts: no one's name); the pitch page and the pitch→story export read them. */
export async function followUpAnswersFor(db: Database, pitchId: string): Promise<{ monthsAfter: 3 | 6 | 12; started: number; stillWorking: number; answeredAt: number }[]> {
  const rows = await db
    .select({ monthsAfter: followUps.monthsAfter, started: followUps.started, stillWorking: followUps.stillWorking, answeredAt: followUps.answeredAt })
    .from(followUps)
    .where(and(eq(followUps.pitchId, pitchId), isNotNull(followUps.answeredAt)))
    .orderBy(asc(followUps.monthsAfter));
  return rows.map((row) => ({ monthsAfter: row.monthsAfter as FollowUpMoment, started: row.started ?? 0, stillWorking: row.stillWorking ?? 0, answeredAt: row.answeredAt! }));
}

/** The answers a person gave, for "download my data" (who answered is personal). */
export async function followUpAnswersBy(db: Database, userId: string) {
  const rows = await db
    .select({ pitchId: followUps.pitchId, title: pitches.title, monthsAfter: followUps.monthsAfter, started: followUps.started, stillWorking: followUps.stillWorking, answeredAt: followUps.answeredAt })
    .from(followUps)
    .innerJoin(pitches, eq(pitches.id, followUps.pitchId))
    .where(eq(followUps.answeredBy, userId))
    .orderBy(asc(followUps.answeredAt));
  return rows.map((row) => ({
    pitch: row.pitchId,
    titel: row.title,
    maandenNaSluiten: row.monthsAfter,
    gestart: row.started,
    nogAanHetWerk: row.stillWorking,
    doorgegevenOp: row.answeredAt === null ? null : new Date(row.answeredAt).toISOString(),
  }));
}

/** A question on someone's account page: "Laat weten hoe het gaat met <pitch> (6 maanden)". */
export interface FollowUpTask {
  pitchId: string;
  title: string;
  monthsAfter: FollowUpMoment;
  dueOn: string;
}

/**
 * The open questions for a person: due, unanswered, on pitches they wrote, and on pitches of
 * their municipality whose author's account is gone (someone has to answer those). Only for
 * those who may report; colleagues can still answer any of their municipality's from the form.
 */
export async function followUpTasksFor(db: Database, actor: Actor | null, now: number): Promise<FollowUpTask[]> {
  if (!actor || actor.organisationKind !== 'municipality' || !can(actor, 'pitch:report-outcome', { status: 'closed', municipalityId: actor.organisationId })) return [];
  const rows = await db
    .select({ pitchId: followUps.pitchId, title: pitches.title, monthsAfter: followUps.monthsAfter, dueOn: followUps.dueOn })
    .from(followUps)
    .innerJoin(pitches, eq(pitches.id, followUps.pitchId))
    .where(
      and(
        eq(pitches.municipalityId, actor.organisationId),
        eq(pitches.status, 'closed'),
        or(eq(pitches.authorId, actor.userId), isNull(pitches.authorId)),
        isNull(followUps.answeredAt),
        lte(followUps.dueOn, amsterdamDate(new Date(now))),
      ),
    )
    .orderBy(asc(followUps.dueOn), asc(pitches.title))
    .limit(20);
  return rows.map((row) => ({ ...row, monthsAfter: row.monthsAfter as FollowUpMoment }));
}

/** A question on the answer form: open (due) ones may be answered, later ones are only announced. */
export interface FollowUpQuestion {
  monthsAfter: FollowUpMoment;
  dueOn: string;
  due: boolean;
  answer: { started: number; stillWorking: number; answeredAt: number } | null;
}

/** The pitch as the answer form shows it (loaded by `loadOfferPitch`, which selects these and more). */
export interface FollowUpPitch {
  id: string;
  title: string;
  municipalityName: string;
  status: PitchStatus;
  municipalityId: string;
  outcome: PitchOutcome | null;
  peoplePlaced: number | null;
}

const notFound = { ok: false, reason: 'not-found' } as const;

export type FollowUpFormResult = { ok: true; pitch: FollowUpPitch; questions: FollowUpQuestion[] } | typeof notFound;

/**
 * The answer form of a pitch: its three questions, which are open, and what was answered.
 * Only for 'pitch:report-outcome' on a pitch that has questions; anyone else: not found (404).
 */
export async function followUpForm(deps: Deps, actor: Actor | null, pitchId: string): Promise<FollowUpFormResult> {
  const now = clock(deps);
  const pitch = await loadOfferPitch(deps.db, pitchId);
  if (!pitch || !can(actor, 'pitch:report-outcome', pitch)) return notFound;
  const rows = await deps.db.select().from(followUps).where(eq(followUps.pitchId, pitchId)).orderBy(asc(followUps.monthsAfter));
  if (rows.length === 0) return notFound;
  return {
    ok: true,
    pitch,
    questions: rows.map((row) => ({
      monthsAfter: row.monthsAfter as FollowUpMoment,
      dueOn: row.dueOn,
      due: isDue(row.dueOn, now),
      answer: row.answeredAt === null ? null : { started: row.started ?? 0, stillWorking: row.stillWorking ?? 0, answeredAt: row.answeredAt },
    })),
  };
}

export type AnswerFollowUpResult = { ok: true } | typeof notFound | { ok: false; reason: FollowUpAnswerRefusal | 'not-due' };

/**
 * Records (or corrects) the answer to one question, with an audit entry, in one batch. Refused
 * before its due day (a 12-month answer after 3 months would be a guess). The last answer counts.
 */
export async function answerFollowUp(
  deps: Deps,
  actor: Actor | null,
  pitchId: string,
  input: { monthsAfter: number; started: number; stillWorking: number },
): Promise<AnswerFollowUpResult> {
  const { db } = deps;
  const now = clock(deps);
  const pitch = await loadOfferPitch(db, pitchId);
  if (!pitch || !can(actor, 'pitch:report-outcome', pitch)) return notFound;
  if (!(followUpMoments as readonly number[]).includes(input.monthsAfter)) return notFound;
  const [question] = await db
    .select()
    .from(followUps)
    .where(and(eq(followUps.pitchId, pitchId), eq(followUps.monthsAfter, input.monthsAfter)))
    .limit(1);
  if (!question) return notFound;
  if (!isDue(question.dueOn, now)) return { ok: false, reason: 'not-due' };
  const checked = checkFollowUpAnswer(input);
  if (!checked.ok) return checked;
  await db.batch([
    db
      .update(followUps)
      .set({ started: input.started, stillWorking: input.stillWorking, answeredBy: actor.userId, answeredAt: now })
      .where(eq(followUps.id, question.id)),
    audit(
      db,
      {
        actorUserId: actor.userId,
        action: question.answeredAt === null ? 'pitch.outcome-reported' : 'pitch.outcome-corrected',
        subjectType: 'pitch',
        subjectId: pitchId,
        detail: { monthsAfter: input.monthsAfter, started: input.started, stillWorking: input.stillWorking },
      },
      now,
    ),
  ]);
  return { ok: true };
}
