/**
 * Loading offers and the pitch they are on, in the shape the offer use cases, the policy and
 * the offer mail need.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { offers, pitches, type OfferRow, type PitchRow } from '#db/marketplace-schema.ts';
import { organisations } from '#db/schema.ts';
import type { OfferSubject } from '#domain/policy.ts';
import { municipalityOfPitch, pitchWithMunicipality } from './pitch-municipality.ts';

export const notFound = { ok: false, reason: 'not-found' } as const;
export type NotFound = typeof notFound;

/** The pitch columns offers need (never the contact details for employers' pages). */
export type OfferPitch = Pick<PitchRow, 'id' | 'title' | 'area' | 'status' | 'closingDate' | 'municipalityId' | 'authorId' | 'contactName' | 'contactEmail' | 'version' | 'outcome' | 'peoplePlaced' | 'demo'> & {
  municipalityName: string;
};

/** A pitch by id with its municipality's name, as offers need it (no facets, no story), or undefined. */
export async function loadOfferPitch(db: Database, pitchId: string): Promise<OfferPitch | undefined> {
  const [row] = await db
    .select({
      id: pitches.id,
      ...pitchWithMunicipality,
      area: pitches.area,
      status: pitches.status,
      closingDate: pitches.closingDate,
      authorId: pitches.authorId,
      contactName: pitches.contactName,
      contactEmail: pitches.contactEmail,
      version: pitches.version,
      outcome: pitches.outcome,
      peoplePlaced: pitches.peoplePlaced,
      demo: pitches.demo,
    })
    .from(pitches)
    .innerJoin(organisations, municipalityOfPitch)
    .where(eq(pitches.id, pitchId))
    .limit(1);
  return row;
}

/** An offer with what the policy and the mail need: its pitch and its employer's name. */
export async function loadOffer(db: Database, offerId: string) {
  const [row] = await db
    .select({ offer: offers, employerName: organisations.name })
    .from(offers)
    .innerJoin(organisations, eq(organisations.id, offers.employerId))
    .where(eq(offers.id, offerId))
    .limit(1);
  if (!row) return undefined;
  const pitch = await loadOfferPitch(db, row.offer.pitchId);
  return pitch ? { ...row, pitch } : undefined;
}

/** The policy's view of an offer. */
export const offerSubject = (offer: Pick<OfferRow, 'employerId' | 'authorId'>, pitch: Pick<PitchRow, 'municipalityId'>): OfferSubject => ({
  employerId: offer.employerId,
  authorId: offer.authorId,
  pitchMunicipalityId: pitch.municipalityId,
});
