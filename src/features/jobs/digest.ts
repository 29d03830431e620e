/**
 * The weekly digest: once a week, each person who follows something and has
 * the digest on gets one e-mail with what is new there; nothing when nothing is new.
 *
 * When: the digest period is the ISO week of the Amsterdam calendar, starting Monday 07:00
 * (domain/follows.ts `digestPeriod`). Housekeeping calls this job every few minutes; the first
 * run in a new period does the work, later runs find everybody done and query one index.
 *
 * Once, with any number of runs and instances: per person and period one digest_sends row
 * (unique index). A run writes that row and the mail in one batch, the mail only "where the
 * row with my (random) id exists": a second run or instance that computed the same digest
 * loses the insert and its mail insert finds no row, so it queues nothing. A period with
 * nothing new gets a row without mail, so each person is looked at once per period.
 *
 * Which follows: every follow but those set to "niets" (`none`); a new pitch the person already
 * had by e-mail at once (a follow set to "meteen", features/follows/pitch-alerts.ts) is left out.
 *
 * What is new: the news sources' items after the end of the person's previous period
 * (`covered_until`), or, for a first digest, after their first follow; after the digest was
 * switched back on, only news from then on; never more than MAX_LOOKBACK_MS back.
 */
import { and, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { digestSends, digestSettings, follows, pitchAlerts } from '#db/follows-schema.ts';
import { users } from '#db/schema.ts';
import { createSplitToken, sha256Hex } from '#platform/auth/crypto.ts';
import { digestPeriod, groupDigest, weeklyDigestInput, type DeliveredFollow, type Follow, type NewsItem } from '#domain/follows.ts';
import { describeStaticFollow } from '#features/follows/follows.ts';
import type { NewsSource } from '#features/follows/news-sources.ts';
import { digestMessage, type DigestSection } from '#platform/mail/digest-messages.ts';
import { enqueueMailIf } from '#platform/mail/outbox.ts';
import { pitches } from '#db/marketplace-schema.ts';
import { withDemoMark } from '#domain/demo-marks.ts';

/** A digest never reaches further back than this (someone whose last digest is long ago gets recent news, not a year of it). */
export const MAX_LOOKBACK_MS = 35 * 24 * 60 * 60 * 1000;
/** People handled per run; the next run (minutes later) takes the rest. */
const PEOPLE_PER_RUN = 200;
/** Digest rows (and with them the unsubscribe links in old digests) are kept this long. */
export const DIGEST_ROW_RETENTION_MS = 366 * 24 * 60 * 60 * 1000;

export interface DigestOptions {
  sources: readonly NewsSource[];
  /** SITE_URL: links in the mail. */
  origin: string;
}

export interface DigestRunResult {
  period: string;
  /** Digests queued by this run. */
  sent: number;
  /** People with nothing new this period (no mail). */
  empty: number;
}

/** People with a follow, a confirmed address and the digest on, not yet handled in `period`. */
async function duePeople(db: Database, period: string) {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      lastCovered: sql<number | null>`(select max(${digestSends.coveredUntil}) from ${digestSends} where ${digestSends.userId} = ${users.id})`,
      firstFollow: sql<number>`(select min(${follows.createdAt}) from ${follows} where ${follows.userId} = ${users.id})`,
      resumedAt: digestSettings.changedAt,
    })
    .from(users)
    .leftJoin(digestSettings, eq(digestSettings.userId, users.id))
    .where(
      and(
        isNotNull(users.emailVerifiedAt),
        sql`(${digestSettings.enabled} is null or ${digestSettings.enabled} = 1)`,
        sql`exists (select 1 from ${follows} where ${follows.userId} = ${users.id} and ${follows.delivery} != 'none')`,
        sql`not exists (select 1 from ${digestSends} where ${digestSends.userId} = ${users.id} and ${digestSends.period} = ${period})`,
      ),
    )
    .limit(PEOPLE_PER_RUN);
}

/** The heading of a follow's section: its name, a pitch by its title. */
function sectionLabel(follow: Follow, pitchTitles: Map<string, string>): string {
  if (follow.kind === 'pitch') return `Pitch: ${pitchTitles.get(follow.value) ?? 'een pitch die u volgt'}`;
  return describeStaticFollow(follow)?.label ?? follow.value;
}

/**
 * Sends this period's digests that are due (idempotent: see the module comment). `now` is the
 * clock (tests move it); returns what this run did.
 */
export async function sendWeeklyDigests(db: Database, now: number, options: DigestOptions): Promise<DigestRunResult> {
  const period = digestPeriod(now);
  const result: DigestRunResult = { period, sent: 0, empty: 0 };
  // Old rows go first: their unsubscribe links have had a year.
  await db.delete(digestSends).where(lt(digestSends.createdAt, now - DIGEST_ROW_RETENTION_MS));
  const people = await duePeople(db, period);
  if (people.length === 0) return result;

  const peopleIds = people.map((p) => p.id);
  const [followRows, alertRows] = await Promise.all([
    db.select({ userId: follows.userId, kind: follows.kind, value: follows.value, delivery: follows.delivery }).from(follows).where(inArray(follows.userId, peopleIds)),
    // New pitches they had at once by e-mail ("meteen") are not repeated in the digest.
    db
      .select({ userId: pitchAlerts.userId, pitchId: pitchAlerts.pitchId })
      .from(pitchAlerts)
      .where(and(inArray(pitchAlerts.userId, peopleIds), gte(pitchAlerts.createdAt, now - MAX_LOOKBACK_MS))),
  ]);
  const pitchIds = [...new Set(followRows.filter((f) => f.kind === 'pitch').map((f) => f.value))];
  const pitchTitles = new Map(
    pitchIds.length === 0 ? [] : (await db.select({ id: pitches.id, title: pitches.title, demo: pitches.demo }).from(pitches).where(inArray(pitches.id, pitchIds))).map((p) => [p.id, withDemoMark(p.title, p.demo)] as const),
  );

  // People whose previous digest ran together start at the same moment: ask the sources once per start.
  const newsSince = new Map<number, Promise<NewsItem[]>>();
  const news = (from: number) => {
    let found = newsSince.get(from);
    if (!found) {
      found = Promise.all(options.sources.map((source) => source.itemsBetween(db, from, now))).then((lists) => lists.flat());
      newsSince.set(from, found);
    }
    return found;
  };

  for (const person of people) {
    const start = Math.max(person.lastCovered ?? person.firstFollow, person.resumedAt ?? 0, now - MAX_LOOKBACK_MS);
    const mine: DeliveredFollow[] = followRows.filter((f) => f.userId === person.id);
    const mailed = new Set(alertRows.filter((a) => a.userId === person.id).map((a) => `pitch:${a.pitchId}`));
    const weekly = weeklyDigestInput(mine, await news(start), mailed);
    const groups = groupDigest(weekly.follows, weekly.items);
    const claim = { userId: person.id, period, coveredUntil: now, createdAt: now };
    if (groups.length === 0) {
      await db.insert(digestSends).values({ id: createSplitToken().id, ...claim, items: 0, unsubscribeHash: null }).onConflictDoNothing();
      result.empty++;
      continue;
    }
    const { id, secret, token } = createSplitToken();
    const sections: DigestSection[] = groups.map((group) => ({ label: sectionLabel(group.follow, pitchTitles), group }));
    const message = digestMessage({ to: person.email, name: person.name, userId: person.id, sections, origin: options.origin, unsubscribeToken: token });
    const items = new Set(groups.flatMap((g) => g.items.map((i) => i.key))).size;
    const [claimed] = await db.batch([
      db.insert(digestSends).values({ id, ...claim, items, unsubscribeHash: sha256Hex(secret) }).onConflictDoNothing().returning({ id: digestSends.id }),
      enqueueMailIf(db, message, sql`exists (select 1 from ${digestSends} where ${digestSends.id} = ${id})`, now),
    ]);
    if (claimed.length > 0) result.sent++;
  }
  return result;
}
