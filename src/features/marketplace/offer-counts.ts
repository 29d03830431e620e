/**
 * Home of the offer counts: how many offers a pitch has per status, how many the owners received,
 * and how many employers "doen mee". The public pitch list, the pitch page (and its live screen)
 * and the owners' offers page all read them here, so the same words carry the same number
 * everywhere. Which statuses count as joining is the offer lifecycle's (`joinedOfferStatuses`).
 */
import { and, count, inArray } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { offers } from '#db/marketplace-schema.ts';
import { joinedOfferStatuses, ownerVisibleOfferStatuses, type OfferStatus, type OwnerVisibleOfferStatus } from '#domain/offer-lifecycle.ts';

/** The counts of one pitch's offers. */
export interface OfferCounts {
  /** Offers per status the owners see (a waiting offer has not reached them yet). */
  byStatus: Record<OwnerVisibleOfferStatus, number>;
  /** Every offer the owners received, whatever became of it: "Bekijk het aanbod (n)", "Alle (n)". */
  received: number;
  /** Employers that "doen mee": an offer in a joined status (one per employer, see the lifecycle). */
  joined: number;
}

/** Counts of a pitch without offers. */
export function noOffers(): OfferCounts {
  return { byStatus: Object.fromEntries(ownerVisibleOfferStatuses.map((s) => [s, 0])) as OfferCounts['byStatus'], received: 0, joined: 0 };
}

const isOwnerVisible = (status: OfferStatus): status is OwnerVisibleOfferStatus => (ownerVisibleOfferStatuses as readonly OfferStatus[]).includes(status);
const isJoined = (status: OfferStatus) => (joinedOfferStatuses as readonly OfferStatus[]).includes(status);

/** The offer counts of these pitches, in one indexed query; a pitch without offers gets zeros. */
export async function offerCountsFor(db: Database, pitchIds: readonly string[]): Promise<Map<string, OfferCounts>> {
  const counts = new Map(pitchIds.map((id) => [id, noOffers()]));
  if (pitchIds.length === 0) return counts;
  const rows = await db
    .select({ pitchId: offers.pitchId, status: offers.status, n: count() })
    .from(offers)
    .where(and(inArray(offers.pitchId, [...pitchIds]), inArray(offers.status, [...ownerVisibleOfferStatuses])))
    .groupBy(offers.pitchId, offers.status);
  for (const row of rows) {
    const pitch = counts.get(row.pitchId);
    if (!pitch || !isOwnerVisible(row.status)) continue;
    pitch.byStatus[row.status] += row.n;
    pitch.received += row.n;
    if (isJoined(row.status)) pitch.joined += row.n;
  }
  return counts;
}

/** The offer counts of one pitch. */
export async function offerCounts(db: Database, pitchId: string): Promise<OfferCounts> {
  return (await offerCountsFor(db, [pitchId])).get(pitchId) ?? noOffers();
}
