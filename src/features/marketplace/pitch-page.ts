/**
 * What the pitch page shows besides the pitch's own text: the pitch for a viewer (a pitch one
 * may not see is null, i.e. 404), its status as the public reads it (a passed closing date reads as closed), the public summary of offers
 * (how many employers answered, and the names of those that agreed to be named). "Wat elders
 * al werkte" and "search before you create" are pitch-similarity.ts.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { offers } from '#db/marketplace-schema.ts';
import { organisations } from '#db/schema.ts';
import { clock, type Deps } from '#platform/context.ts';
import { acceptsOffers, availablePitchEvents, effectiveStatus, type PitchStatus } from '#domain/pitch-lifecycle.ts';
import { can, pitchVisibleTo, type Actor } from '#domain/policy.ts';
import { loadPitch, type PitchRecord } from './pitches.ts';
import { storyRefusal } from './pitch-story.ts';
import { regionOf } from './pitch-similarity.ts';

/** Offer statuses that count as "doet mee" in public: made and not withdrawn or declined. */
const answeredStatuses = ['offered', 'shortlisted', 'accepted'] as const;

/** The public summary of offers on a pitch. */
export interface OfferSummary {
  /** Employers that answered (one per organisation). */
  employers: number;
  /** Names of those that agreed to be shown, first answer first. */
  named: string[];
}

/** "Al N werkgevers doen mee": counted from the offers table, one per employer organisation. */
export async function offerSummary(db: Database, pitchId: string): Promise<OfferSummary> {
  const [count] = await db
    .select({ employers: sql<number>`count(distinct ${offers.employerId})` })
    .from(offers)
    .where(and(eq(offers.pitchId, pitchId), inArray(offers.status, answeredStatuses)));
  const named = await db
    .select({ name: organisations.name, first: sql<number>`min(${offers.createdAt})` })
    .from(offers)
    .innerJoin(organisations, eq(organisations.id, offers.employerId))
    .where(and(eq(offers.pitchId, pitchId), inArray(offers.status, answeredStatuses), eq(offers.showName, true)))
    .groupBy(organisations.id)
    .orderBy(sql`min(${offers.createdAt})`);
  return { employers: Number(count?.employers ?? 0), named: named.map((row) => row.name) };
}

/** Everything the pitch page needs to know about the pitch and the viewer. */
export interface PitchPageView {
  pitch: PitchRecord;
  /** The status as the public reads it: published past its closing date reads as closed. */
  status: PitchStatus;
  acceptsOffers: boolean;
  offers: OfferSummary;
  /** The viewer may edit it now (draft or changes requested, and the municipality's). */
  mayEdit: boolean;
  /** The viewer is of the municipality and may see and answer its offers. */
  mayAnswerOffers: boolean;
  /** The viewer moderates it (a curator, while it waits). */
  mayModerate: boolean;
  /** The viewer may download it as a draft case study (a curator; closed with a match). */
  mayDraftStory: boolean;
  /** Labour-market region of the pitch's municipality, if known. */
  region: { id: string; name: string } | null;
}

/** The pitch for this viewer, or null when it does not exist or the viewer may not see it (404). */
export async function loadPitchPage(deps: Deps, actor: Actor | null, pitchId: string): Promise<PitchPageView | null> {
  const pitch = await loadPitch(deps.db, pitchId);
  if (!pitch || !pitchVisibleTo(actor, pitch)) return null;
  const now = new Date(clock(deps));
  const mayEdit = can(actor, 'pitch:edit', pitch) && availablePitchEvents(pitch.status, 'author').includes('edit');
  return {
    pitch,
    status: effectiveStatus(pitch, now),
    acceptsOffers: acceptsOffers(pitch, now),
    offers: await offerSummary(deps.db, pitch.id),
    mayEdit,
    mayAnswerOffers: can(actor, 'pitch:answer-offers', pitch) && (pitch.status === 'published' || pitch.status === 'closed'),
    mayModerate: can(actor, 'pitch:moderate', pitch) && pitch.status === 'submitted',
    mayDraftStory: can(actor, 'pitch:draft-story', pitch) && storyRefusal(pitch) === null,
    region: regionOf(pitch.municipalityId),
  };
}
