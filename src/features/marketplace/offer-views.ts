/** What employers see of their offers: "Mijn aanbod" (with how a closed pitch ended) and the offer page of one pitch. */
import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { offers, pitches, type OfferRow } from '#db/marketplace-schema.ts';
import { organisations } from '#db/schema.ts';
import { clock, type Deps } from '#platform/context.ts';
import { availableOfferEvents, isLive, liveOfferStatuses, startOffer, type OfferEvent } from '#domain/offer-lifecycle.ts';
import { effectiveStatus, type PitchOutcome, type PitchStatus } from '#domain/pitch-lifecycle.ts';
import { can, pitchVisibleTo, type Actor } from '#domain/policy.ts';
import { verifiedOrganisations } from '#features/accounts/organisations.ts';
import { loadOfferPitch, offerSubject, type OfferPitch } from './offer-records.ts';

/** One line of "Mijn aanbod". */
export interface MyOffer {
  offer: OfferRow;
  employerName: string;
  pitch: {
    id: string;
    title: string;
    status: PitchStatus;
    municipalityName: string;
    /** How a closed pitch ended, and how many people it placed (null while it is not closed). */
    outcome: PitchOutcome | null;
    peoplePlaced: number | null;
  };
  /** edit / withdraw, where the lifecycle still allows them. */
  moves: OfferEvent[];
}

/**
 * The offers a person may see as the employer's side: their own, and (once they act for the
 * employer) their colleagues' for the same employer. Newest first.
 */
export async function myOffers(deps: Deps, actor: Actor | null): Promise<MyOffer[] | null> {
  if (!actor || !can(actor, 'account:view', { userId: actor.userId })) return null;
  const { db } = deps;
  const now = new Date(clock(deps));
  const rows = await db
    .select({ offer: offers, employerName: organisations.name, pitch: pitches, municipalityName: sql<string>`(select name from organisations m where m.id = ${pitches.municipalityId})` })
    .from(offers)
    .innerJoin(pitches, eq(pitches.id, offers.pitchId))
    .innerJoin(organisations, eq(organisations.id, offers.employerId))
    .where(or(eq(offers.authorId, actor.userId), actor.organisationKind === 'employer' ? eq(offers.employerId, actor.organisationId) : sql`0`))
    .orderBy(desc(offers.updatedAt))
    .limit(500);
  return rows
    .filter((row) => can(actor, 'offer:view', offerSubject(row.offer, row.pitch)) && can(actor, 'offer:manage', offerSubject(row.offer, row.pitch)))
    .map((row) => ({
      offer: row.offer,
      employerName: row.employerName,
      pitch: {
        id: row.pitch.id,
        title: row.pitch.title,
        status: effectiveStatus(row.pitch, now),
        municipalityName: row.municipalityName,
        outcome: row.pitch.status === 'closed' ? row.pitch.outcome : null,
        peoplePlaced: row.pitch.status === 'closed' ? row.pitch.peoplePlaced : null,
      },
      moves: availableOfferEvents(row.offer.status, 'employer', row.pitch),
    }));
}

/** The offer page's view of a pitch it found. */
export interface OfferPageView {
  pitch: OfferPitch;
  /** New offers are taken (published, closing day not over). */
  open: boolean;
  status: PitchStatus;
  /** The employer's offer on this pitch, or else the actor's own waiting offer, if the actor may change it. */
  mine: OfferRow | undefined;
  /** May make an offer (perhaps one that waits) for their own employer. */
  mayOffer: boolean;
  /** Acts for the employer: the offer reaches the owner at once. */
  actsForEmployer: boolean;
  /** Verified employers to choose from when registering with the offer (only for someone not signed in, while offers are taken). */
  employers: Awaited<ReturnType<typeof verifiedOrganisations>>;
}

/**
 * What the offer page needs: the pitch, and the offer the actor may change there: the employer's
 * one offer (offered, shortlisted, accepted), or else the actor's own waiting offer. A
 * colleague's waiting offer is not the employer's offer: a verified person gets the form for a
 * new one (and the waiting one is superseded if it is ever released).
 */
export async function offerPage(deps: Deps, actor: Actor | null, pitchId: string): Promise<OfferPageView | undefined> {
  const { db } = deps;
  const pitch = await loadOfferPitch(db, pitchId);
  if (!pitch || !pitchVisibleTo(actor, pitch)) return undefined;
  const now = new Date(clock(deps));
  let mine: OfferRow | undefined;
  if (actor?.organisationKind === 'employer') {
    const rows = await db
      .select()
      .from(offers)
      .where(and(eq(offers.pitchId, pitchId), eq(offers.employerId, actor.organisationId), inArray(offers.status, liveOfferStatuses)));
    const row = rows.find((r) => isLive(r.status)) ?? rows.find((r) => r.status === 'waiting-for-verification' && r.authorId === actor.userId);
    if (row && can(actor, 'offer:manage', offerSubject(row, pitch))) mine = row;
  }
  const open = startOffer(pitch, { verified: false }, now).ok;
  return {
    pitch,
    open,
    status: effectiveStatus(pitch, now),
    mine,
    /** May make an offer (perhaps one that waits) for their own employer. */
    mayOffer: can(actor, 'offer:prepare', { employerId: actor?.organisationId ?? '' }),
    /** Acts for the employer: the offer reaches the owner at once. */
    actsForEmployer: can(actor, 'offer:create', { employerId: actor?.organisationId ?? '' }),
    employers: !actor && open ? await verifiedOrganisations(db, 'employer') : [],
  };
}
