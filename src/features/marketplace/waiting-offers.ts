/**
 * Offers that wait for their author or employer to be verified, with the pitch they are on:
 * what a curator's card says waits for the decision, and what the curators' mail names.
 * Only for callers that already checked who may see it (curators' pages, the curators' mail).
 */
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { offers, pitches } from '#db/marketplace-schema.ts';

/** One waiting offer and the pitch it is on. */
export interface WaitingOffer {
  offerId: string;
  authorId: string | null;
  employerId: string;
  pitchId: string;
  pitchTitle: string;
}

/**
 * The waiting offers made by these people or for these employers, oldest first; with
 * `pitchIds`, only those on these pitches (a live session's).
 */
export async function waitingOffersOf(db: Database, who: { userIds?: readonly string[]; organisationIds?: readonly string[] }, pitchIds?: readonly string[]): Promise<WaitingOffer[]> {
  const userIds = [...(who.userIds ?? [])];
  const organisationIds = [...(who.organisationIds ?? [])];
  if (userIds.length === 0 && organisationIds.length === 0) return [];
  if (pitchIds && pitchIds.length === 0) return [];
  const whose = or(
    userIds.length > 0 ? inArray(offers.authorId, userIds) : undefined,
    organisationIds.length > 0 ? inArray(offers.employerId, organisationIds) : undefined,
  );
  return db
    .select({ offerId: offers.id, authorId: offers.authorId, employerId: offers.employerId, pitchId: offers.pitchId, pitchTitle: pitches.title })
    .from(offers)
    .innerJoin(pitches, eq(pitches.id, offers.pitchId))
    .where(and(eq(offers.status, 'waiting-for-verification'), whose, pitchIds ? inArray(offers.pitchId, [...pitchIds]) : undefined))
    .orderBy(asc(offers.createdAt), asc(offers.id));
}
