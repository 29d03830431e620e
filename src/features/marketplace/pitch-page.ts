/**
 * What the pitch page shows besides the pitch's own text: the pitch for a viewer (a pitch one
 * may not see is null, i.e. 404), its status as the public reads it (a passed closing date reads as closed), the public summary of offers
 * (how many employers answered, and the names of those that agreed to be named), and the viewer's
 * next step: the offers for the municipality's own people, "Ik doe mee" for employers and visitors.
 * "Wat elders al werkte" and "search before you create" are pitch-similarity.ts.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { offers } from '#db/marketplace-schema.ts';
import { organisations } from '#db/schema.ts';
import { clock, type Deps } from '#platform/context.ts';
import { joinedOfferStatuses } from '#domain/offer-lifecycle.ts';
import { acceptsOffers, availablePitchEvents, effectiveStatus, type PitchStatus } from '#domain/pitch-lifecycle.ts';
import { can, pitchVisibleTo, type Actor } from '#domain/policy.ts';
import { loadPitch, type PitchRecord } from './pitches.ts';
import { storyRefusal } from './pitch-story.ts';
import { regionOf } from './pitch-similarity.ts';
import { offerCounts, type OfferCounts } from './offer-counts.ts';

/** The public summary of offers on a pitch. */
export interface OfferSummary {
  /** Employers that answered (one per organisation). */
  employers: number;
  /** Names of those that agreed to be shown, first answer first. */
  named: string[];
}

/** "Al N werkgevers doen mee": the joined count of offer-counts.ts, with the names that may be shown. */
export async function offerSummary(db: Database, pitchId: string, counts?: OfferCounts): Promise<OfferSummary> {
  const joined = (counts ?? (await offerCounts(db, pitchId))).joined;
  return { employers: joined, named: (await namedEmployersFor(db, [pitchId])).get(pitchId) ?? [] };
}

/**
 * The offers that name their employer in public: taking part (a joined offer) and agreed to be
 * named. The one rule for the pitch page, the open data and an employer's embed.
 */
export const namesEmployerInPublic = () => and(inArray(offers.status, joinedOfferStatuses), eq(offers.showName, true));

/** Per pitch, the employers the public may see by name (namesEmployerInPublic), first answer first. */
export async function namedEmployersFor(db: Database, pitchIds: readonly string[]): Promise<Map<string, string[]>> {
  const named = new Map<string, string[]>();
  if (pitchIds.length === 0) return named;
  const rows = await db
    .select({ pitchId: offers.pitchId, name: organisations.name, first: sql<number>`min(${offers.createdAt})` })
    .from(offers)
    .innerJoin(organisations, eq(organisations.id, offers.employerId))
    .where(and(inArray(offers.pitchId, [...pitchIds]), namesEmployerInPublic()))
    .groupBy(offers.pitchId, organisations.id)
    .orderBy(sql`min(${offers.createdAt})`);
  for (const row of rows) named.set(row.pitchId, [...(named.get(row.pitchId) ?? []), row.name]);
  return named;
}

/** Everything the pitch page needs to know about the pitch and the viewer. */
export interface PitchPageView {
  pitch: PitchRecord;
  /** The status as the public reads it: published past its closing date reads as closed. */
  status: PitchStatus;
  acceptsOffers: boolean;
  offers: OfferSummary;
  /** The offers per status; the owners' button says how many they received. */
  offerCounts: OfferCounts;
  /** "Ik doe mee" is the viewer's step: the pitch takes offers and the viewer is a visitor or of an employer. */
  mayOffer: boolean;
  /** The viewer may edit it now (draft or changes requested, and the municipality's). */
  mayEdit: boolean;
  /** The viewer is of the municipality and may see and answer its offers. */
  mayAnswerOffers: boolean;
  /** The viewer moderates it (a curator, while it waits). */
  mayModerate: boolean;
  /** The viewer may download it as a draft case study (a curator; closed with a match). */
  mayDraftStory: boolean;
  /** A curator looks at a closed demo pitch: the page says why it never becomes a case study. */
  demoStoryRefused: boolean;
  /** Labour-market region of the pitch's municipality, if known. */
  region: { id: string; name: string } | null;
}

/** The pitch for this viewer, or null when it does not exist or the viewer may not see it (404). */
export async function loadPitchPage(deps: Deps, actor: Actor | null, pitchId: string): Promise<PitchPageView | null> {
  const pitch = await loadPitch(deps.db, pitchId);
  if (!pitch || !pitchVisibleTo(actor, pitch)) return null;
  const now = new Date(clock(deps));
  const mayEdit = can(actor, 'pitch:edit', pitch) && availablePitchEvents(pitch.status, 'author').includes('edit');
  const open = acceptsOffers(pitch, now);
  const counts = await offerCounts(deps.db, pitch.id);
  return {
    pitch,
    status: effectiveStatus(pitch, now),
    acceptsOffers: open,
    offers: await offerSummary(deps.db, pitch.id, counts),
    offerCounts: counts,
    // A municipality's or the network's people would only meet "Alleen werkgevers kunnen hulp aanbieden".
    mayOffer: open && (actor === null || can(actor, 'offer:prepare', { employerId: actor.organisationId })),
    mayEdit,
    mayAnswerOffers: can(actor, 'pitch:answer-offers', pitch) && (pitch.status === 'published' || pitch.status === 'closed'),
    mayModerate: can(actor, 'pitch:moderate', pitch) && pitch.status === 'submitted',
    mayDraftStory: can(actor, 'pitch:draft-story', pitch) && storyRefusal(pitch) === null,
    demoStoryRefused: can(actor, 'pitch:draft-story', pitch) && pitch.status === 'closed' && storyRefusal(pitch) === 'demo',
    region: regionOf(pitch.municipalityId),
  };
}
