/**
 * The outcome follow-up reminders, run by housekeeping.ts: every due,
 * unanswered question gets one mail to the pitch's owner. Safe when it runs twice or on two
 * instances at once: each question is claimed with a conditional UPDATE (… where reminded_at
 * is null) that stores a fresh token, and its mail is queued in the same batch only if the
 * row holds that token, so exactly one run's batch writes a mail. Also fills in questions a
 * closed pitch lacks (scheduleMissingFollowUps: the lazy backfill).
 */
import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { followUps } from '#db/follow-up-schema.ts';
import { pitches } from '#db/marketplace-schema.ts';
import { organisations } from '#db/schema.ts';
import { findUserByEmail } from '#features/accounts/users.ts';
import { newId } from '#platform/auth/crypto.ts';
import { amsterdamDate } from '#domain/amsterdam-time.ts';
import { followUpReminderMessage } from '#platform/mail/follow-up-messages.ts';
import { scheduleMissingFollowUps } from '#features/marketplace/follow-ups.ts';
import { pitchOwners } from '#features/marketplace/offer-mail.ts';
import { municipalityOfPitch, pitchWithMunicipality } from '#features/marketplace/pitch-municipality.ts';
import { enqueueMailIf } from '#platform/mail/outbox.ts';
import { config } from '#platform/config.ts';

/** At most this many reminders per run; the rest go in the next one. */
const REMINDERS_PER_RUN = 100;

interface DueQuestion {
  id: string;
  pitchId: string;
  monthsAfter: number;
  title: string;
  municipalityId: string;
  municipalityName: string;
  authorId: string | null;
  contactEmail: string;
  contactName: string;
}

/**
 * Who is asked: the pitch's author (at a confirmed address). When that account is gone, the
 * pitch's contact address, but only if it is the confirmed address of a verified member of the
 * same municipality: the contact field is typed freely, and the site never mails a stranger
 * (offers.ts pitchOwners). Otherwise no one is mailed; the question still waits on the account
 * page of every verified colleague (followUpTasksFor) and on the form.
 */
async function recipientFor(db: Database, question: DueQuestion): Promise<{ email: string; name: string; userId: string } | undefined> {
  const [author] = await pitchOwners(db, question);
  if (author?.userId) return { email: author.email, name: author.name, userId: author.userId };
  if (question.authorId) return undefined;
  const contact = await findUserByEmail(db, question.contactEmail);
  if (!contact || contact.organisationId !== question.municipalityId || contact.emailVerifiedAt === null || contact.membershipVerifiedAt === null) return undefined;
  return { email: contact.email, name: contact.name, userId: contact.id };
}

/**
 * Sends the reminders that are due at `now` (their day in Amsterdam has begun), one per
 * question. A pitch whose later question is also due (closed long ago, backfilled) is asked
 * only the latest: three mails at once would be noise. Returns how many mails this run queued.
 */
export async function sendFollowUpReminders(db: Database, now: number, origin = config().siteUrl): Promise<number> {
  await scheduleMissingFollowUps(db, now);
  const today = amsterdamDate(new Date(now));
  const due: DueQuestion[] = await db
    .select({
      id: followUps.id,
      pitchId: followUps.pitchId,
      monthsAfter: followUps.monthsAfter,
      ...pitchWithMunicipality,
      authorId: pitches.authorId,
      contactEmail: pitches.contactEmail,
      contactName: pitches.contactName,
    })
    .from(followUps)
    .innerJoin(pitches, eq(pitches.id, followUps.pitchId))
    .innerJoin(organisations, municipalityOfPitch)
    .where(
      and(
        isNull(followUps.remindedAt),
        isNull(followUps.answeredAt),
        lte(followUps.dueOn, today),
        eq(pitches.status, 'closed'),
        sql`not exists (select 1 from follow_ups later where later.pitch_id = ${followUps.pitchId} and later.months_after > ${followUps.monthsAfter} and later.due_on <= ${today})`,
      ),
    )
    .limit(REMINDERS_PER_RUN);

  let queued = 0;
  for (const question of due) {
    const recipient = await recipientFor(db, question);
    const token = newId();
    const claim = db
      .update(followUps)
      .set({ remindedAt: now, reminderMailId: token })
      .where(and(eq(followUps.id, question.id), isNull(followUps.remindedAt), isNull(followUps.answeredAt)))
      .returning({ id: followUps.id });
    if (!recipient) {
      // No one to mail: claimed all the same, so the next run does not ask again.
      await claim;
      continue;
    }
    const message = followUpReminderMessage(recipient.email, recipient.name, { id: question.pitchId, title: question.title, municipalityName: question.municipalityName }, question.monthsAfter, origin);
    const [claimed] = await db.batch([
      claim,
      // Only the run whose token the row now holds queues the mail (the token is also the mail's id).
      enqueueMailIf(db, { ...message, id: token, userId: recipient.userId }, sql`exists (select 1 from follow_ups where id = ${question.id} and reminder_mail_id = ${token})`, now),
    ]);
    if (claimed.length > 0) queued++;
  }
  return queued;
}
