/**
 * "Meteen een e-mail als er een passende pitch wordt gepubliceerd": the statements that queue
 * the at-once mails about a pitch being published, for the publication's own batch
 * (features/marketplace/moderation.ts), so the mails are queued if and only if the pitch goes
 * public. They go to everyone with a confirmed address who set a follow the pitch fits (its
 * municipality, region, sector or target group, as the weekly digest matches it) to
 * `immediate`, except the pitch's author. One mail per person per pitch however many follows
 * fit: each person's pitch_alerts row is the claim (unique per person and pitch) and the mail is
 * queued only where that row was written, as the weekly digest claims its period.
 */
import { and, eq, inArray, isNotNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '#db/client.ts';
import { follows, pitchAlerts } from '#db/follows-schema.ts';
import { users } from '#db/schema.ts';
import { createSplitToken, sha256Hex } from '#platform/auth/crypto.ts';
import { enqueueMailIf } from '#platform/mail/outbox.ts';
import { pitchAlertMessage } from '#platform/mail/pitch-alert-messages.ts';
import { endOfAmsterdamDay } from '#domain/amsterdam-time.ts';
import { immediateMatches, type DeliveredFollow } from '#domain/follows.ts';
import { describeStaticFollow } from './follows.ts';
import { publishedPitchNews, type PublishedPitch } from './news-sources.ts';

type Statement = BatchItem<'sqlite'>;

/** A row (and with it the unsubscribe link in its mail) is kept this long, as a digest's row is. */
export const PITCH_ALERT_RETENTION_MS = 366 * 24 * 60 * 60 * 1000;

/** Statement that removes the rows of at-once mails older than PITCH_ALERT_RETENTION_MS (for retention's batch). */
export function deleteOldPitchAlerts(db: Database, now: number) {
  return db.delete(pitchAlerts).where(lt(pitchAlerts.createdAt, now - PITCH_ALERT_RETENTION_MS));
}

/** `column in (values)`, or false for no values. */
const inList = (column: typeof follows.value, values: readonly string[]): SQL => (values.length > 0 ? inArray(column, [...values]) : sql`0`);

/**
 * The statements that queue the at-once mails for `pitch`, each run only while `condition`
 * holds (the publication's guard: the pitch is still at the version that is being published).
 * Put them in the publication's batch before the pitch's own update.
 */
export async function pitchAlertStatements(db: Database, pitch: PublishedPitch & { authorId: string | null }, condition: SQL, origin: string, now: number): Promise<Statement[]> {
  const news = publishedPitchNews(pitch);
  const { about } = news;
  const rows = await db
    .select({ userId: users.id, email: users.email, name: users.name, kind: follows.kind, value: follows.value, delivery: follows.delivery })
    .from(follows)
    .innerJoin(users, eq(users.id, follows.userId))
    .where(
      and(
        eq(follows.delivery, 'immediate'),
        isNotNull(users.emailVerifiedAt),
        pitch.authorId ? ne(users.id, pitch.authorId) : undefined,
        or(
          and(eq(follows.kind, 'municipality'), inList(follows.value, about.municipalities ?? [])),
          and(eq(follows.kind, 'region'), inList(follows.value, about.regions ?? [])),
          and(eq(follows.kind, 'sector'), inList(follows.value, about.sectors ?? [])),
          and(eq(follows.kind, 'target-group'), inList(follows.value, about.targetGroups ?? [])),
        ),
      ),
    );
  const people = new Map<string, { email: string; name: string; follows: DeliveredFollow[] }>();
  for (const row of rows) {
    const person = people.get(row.userId) ?? { email: row.email, name: row.name, follows: [] };
    person.follows.push({ kind: row.kind, value: row.value, delivery: row.delivery });
    people.set(row.userId, person);
  }
  const statements: Statement[] = [];
  for (const [userId, person] of people) {
    const fitting = immediateMatches(person.follows, news);
    if (fitting.length === 0) continue;
    const { id, secret, token } = createSplitToken();
    const message = pitchAlertMessage({
      to: person.email,
      name: person.name,
      userId,
      origin,
      pitch: news,
      pitchId: pitch.id,
      followLabels: fitting.map((follow) => describeStaticFollow(follow)?.label ?? follow.value),
      unsubscribeToken: token,
    });
    statements.push(
      db.run(sql`insert into ${pitchAlerts} (id, user_id, pitch_id, unsubscribe_hash, created_at)
        select ${id}, ${userId}, ${pitch.id}, ${sha256Hex(secret)}, ${now} where ${condition}
        on conflict do nothing`),
      enqueueMailIf(db, { ...message, expiresAt: endOfAmsterdamDay(pitch.closingDate) }, sql`exists (select 1 from ${pitchAlerts} where ${pitchAlerts.id} = ${id})`, now),
    );
  }
  return statements;
}
