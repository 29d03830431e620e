/**
 * The network's brokering list ('curation:broker'): published pitches that still take offers
 * and that no employer takes part in, BROKER_AFTER_DAYS days after publication, the oldest
 * waiting first (domain/matchmaking/brokering.ts). Each comes with the suggestions its owners
 * see (matchmaking's suggestions.ts: only employers that allow invitations are named, the others counted),
 * its invitations counted by how they stand, and the offers that did come but do not take part
 * (declined, withdrawn, or waiting for the employer's verification, which a curator can give).
 */
import { and, asc, count, eq, gte, inArray, lte, notExists, sql } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { offers, pitches } from '#db/marketplace-schema.ts';
import { organisations } from '#db/schema.ts';
import { clock, type Deps } from '#platform/context.ts';
import { offerCountsFor } from '#features/marketplace/offer-counts.ts';
import { amsterdamDate } from '#domain/amsterdam-time.ts';
import { joinedOfferStatuses } from '#domain/offer-lifecycle.ts';
import { can, notAllowed, type Actor, type NotAllowed } from '#domain/policy.ts';
import { BROKER_LIST_MAX, brokerCutoff, daysWaiting, tallyInvitations, type InvitationTally } from '#domain/matchmaking/brokering.ts';
import type { MatchKnowledge } from '#features/matchmaking/match-inputs.ts';
import { suggestionsForPitch, type SuggestedEmployer } from '#features/matchmaking/suggestions.ts';

/** One pitch on the list. */
export interface WaitingPitch {
  id: string;
  title: string;
  municipalityName: string;
  publishedAt: number;
  closingDate: string;
  demo: boolean;
  daysWaiting: number;
  /** The suggestions its owners see, best first (employers already invited are under `invitations`). */
  suggestions: SuggestedEmployer[];
  /** Employers that fit but do not allow invitations: only counted, never named. */
  hiddenCount: number;
  invitations: InvitationTally;
  /** Offers that reached the owners and no longer take part (declined or withdrawn). */
  offersEnded: number;
  /** Offers waiting until the employer's member is verified (the curators' queue on /beheer/). */
  offersWaiting: number;
}

export type BrokeringResult = { ok: true; pitches: WaitingPitch[]; total: number } | NotAllowed;

/** SQL: the pitch waits for brokering at `now`. */
function waitsAt(db: Database, now: number) {
  return and(
    eq(pitches.status, 'published'),
    lte(pitches.publishedAt, brokerCutoff(now)),
    gte(pitches.closingDate, amsterdamDate(new Date(now))),
    notExists(
      db
        .select({ one: sql`1` })
        .from(offers)
        .where(and(eq(offers.pitchId, pitches.id), inArray(offers.status, [...joinedOfferStatuses]))),
    ),
  );
}

/** Offers waiting for verification, per pitch. */
async function waitingOffers(db: Database, pitchIds: readonly string[]): Promise<Map<string, number>> {
  if (pitchIds.length === 0) return new Map();
  const rows = await db
    .select({ pitchId: offers.pitchId, n: count() })
    .from(offers)
    .where(and(inArray(offers.pitchId, [...pitchIds]), eq(offers.status, 'waiting-for-verification')))
    .groupBy(offers.pitchId);
  return new Map(rows.map((row) => [row.pitchId, row.n]));
}

/** The list for the network's staff; refused for anyone else. */
export async function pitchesWithoutOffers(deps: Deps, actor: Actor | null, knowledge: MatchKnowledge): Promise<BrokeringResult> {
  if (!can(actor, 'curation:broker')) return notAllowed;
  const { db } = deps;
  const now = clock(deps);
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: pitches.id, title: pitches.title, municipalityName: organisations.name, publishedAt: pitches.publishedAt, closingDate: pitches.closingDate, demo: pitches.demo })
      .from(pitches)
      .innerJoin(organisations, eq(organisations.id, pitches.municipalityId))
      .where(waitsAt(db, now))
      .orderBy(asc(pitches.publishedAt), asc(pitches.seq))
      .limit(BROKER_LIST_MAX),
    db.select({ n: count() }).from(pitches).where(waitsAt(db, now)),
  ]);
  const ids = rows.map((row) => row.id);
  const [counts, waiting] = await Promise.all([offerCountsFor(db, ids), waitingOffers(db, ids)]);
  const listed: WaitingPitch[] = [];
  for (const row of rows) {
    // The owners' own view of the pitch, so the curator sees what they see (and no more).
    const view = await suggestionsForPitch(deps, actor, row.id, knowledge);
    if (!view.ok) continue;
    const offerCounts = counts.get(row.id);
    listed.push({
      ...row,
      publishedAt: row.publishedAt ?? now,
      daysWaiting: daysWaiting(row.publishedAt ?? now, now),
      suggestions: view.suggestions,
      hiddenCount: view.hiddenCount,
      invitations: tallyInvitations(view.invitations.map((invitation) => invitation.state)),
      offersEnded: (offerCounts?.received ?? 0) - (offerCounts?.joined ?? 0),
      offersWaiting: waiting.get(row.id) ?? 0,
    });
  }
  return { ok: true, pitches: listed, total: total?.n ?? 0 };
}
