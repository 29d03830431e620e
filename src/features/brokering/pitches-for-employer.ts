/**
 * "Pitches voor u": the open pitches ranked for an employer's organisation, each with its
 * reasons, for the employer's verified members ('employer:see-matching-pitches': the reasons
 * draw on the employer's offers and its people's follows, which nobody else sees). The rules
 * and the order are those of "Werkgevers die hierbij passen", the other way round
 * (domain/matchmaking/ranking.ts: `rankPitches`' rules and order, applied in two steps here).
 * Pitches the employer already offered on are left out: they are on "Mijn aanbod".
 *
 * Bounded at any number of pitches: the open pitches with their places and facets come from the
 * pitch list's in-memory index, the rules run over those facts (with only the earlier offers
 * that can decide the offer rules per pitch, domain/matchmaking/offer-lookup.ts), and the
 * database is asked only for the titles of the strongest matches (ties are broken by title, so
 * every pitch tied with the last one shown needs its title) and for the cards of the few shown.
 *
 * This folder (brokering) brings pitches and employers together on top of both the marketplace
 * (the pitch index, cards, offer counts) and matchmaking (the rules' inputs and suggestions):
 * in either of those it would make a folder cycle, since accounts' data export uses matchmaking
 * and the marketplace uses accounts.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { offers, pitches } from '#db/marketplace-schema.ts';
import { pitchInvitations } from '#db/matchmaking-schema.ts';
import { clock, type Deps } from '#platform/context.ts';
import { openPitchesFromIndex, pitchCardsBySeq, pitchTitlesBySeq, type PitchCardView } from '#features/marketplace/pitch-list.ts';
import { can, notAllowed, type Actor, type NotAllowed } from '#domain/policy.ts';
import type { EmployerFacts, PitchFacts } from '#domain/matchmaking/facts.ts';
import { offerLookup } from '#domain/matchmaking/offer-lookup.ts';
import { compareStrength, matchOf, sortPitchMatches, type Match } from '#domain/matchmaking/ranking.ts';
import { matchReasons, type MatchReason } from '#domain/matchmaking/rules.ts';
import { employerFacts, placesOf, type MatchKnowledge } from '#features/matchmaking/match-inputs.ts';

/** Pitches shown, at most. */
export const MAX_PITCHES_FOR_YOU = 10;

/** One pitch that fits, as the page shows it. */
export interface PitchForYou {
  card: PitchCardView;
  score: number;
  reasons: MatchReason[];
  /** The pitch's municipality invited this employer to it. */
  invited: boolean;
}

export type PitchesForYouResult =
  | {
      ok: true;
      employerName: string;
      /** The best fits, best first (at most MAX_PITCHES_FOR_YOU). */
      pitches: PitchForYou[];
      /** How many open pitches fit in all. */
      matching: number;
      /** The employer filled in no sector, region, province or kind of help. */
      profileEmpty: boolean;
      /** No verified member of the employer follows a sector, target group or place. */
      followsNothing: boolean;
    }
  | NotAllowed;

/** The pitches (by seq) this employer made any offer on, whatever became of it; one row of JSON, as an employer may have thousands. */
async function offeredSeqs(db: Database, employerId: string): Promise<Set<number>> {
  const [row] = await db.all<{ seqs: string | null }>(
    sql`select json_group_array(${pitches.seq}) as seqs from ${offers} join ${pitches} on ${pitches.id} = ${offers.pitchId} where ${offers.employerId} = ${employerId}`,
  );
  return new Set(JSON.parse(row?.seqs ?? '[]') as number[]);
}

/** Of these pitches, those whose municipality invited the employer. */
async function invitedTo(db: Database, employerId: string, pitchIds: readonly string[]): Promise<Set<string>> {
  if (pitchIds.length === 0) return new Set();
  const rows = await db
    .select({ pitchId: pitchInvitations.pitchId })
    .from(pitchInvitations)
    .where(and(eq(pitchInvitations.employerId, employerId), inArray(pitchInvitations.pitchId, [...pitchIds])));
  return new Set(rows.map((row) => row.pitchId));
}

const profileIsEmpty = (employer: EmployerFacts) =>
  !employer.profile || [employer.profile.sectors, employer.profile.regions, employer.profile.provinces, employer.profile.helpKinds].every((list) => list.length === 0);

/**
 * The best `limit` matches of every open pitch for this employer, best first, and how many fit
 * in all. Titles are read only for the matches as strong as the last one kept.
 */
async function bestPitches(db: Database, employer: EmployerFacts, now: Date, limit: number): Promise<{ ranked: { facts: PitchFacts; seq: number; match: Match<PitchFacts> }[]; matching: number }> {
  const [open, offered] = await Promise.all([openPitchesFromIndex(db, now), offeredSeqs(db, employer.id)]);
  // Per pitch only the few offers that can decide the offer rules, not all of them.
  const offersFor = offerLookup(employer.offers);
  const placesByMunicipality = new Map<string, ReturnType<typeof placesOf>>();
  const found: Match<{ seq: number; facts: PitchFacts }>[] = [];
  for (const pitch of open) {
    if (offered.has(pitch.seq)) continue;
    let places = placesByMunicipality.get(pitch.municipalityId);
    if (!places) placesByMunicipality.set(pitch.municipalityId, (places = placesOf(pitch.municipalityId, pitch.municipalityId)));
    // The id and title are not known yet; the rules read neither (an offer on this very pitch is excluded above).
    const facts: PitchFacts = { id: `#${pitch.seq}`, title: '', ...places, targetGroups: pitch.targetGroups, sectors: pitch.sectors, helpKinds: pitch.helpKinds };
    const match = matchOf({ seq: pitch.seq, facts }, matchReasons(facts, employer.offers.length > 0 ? { ...employer, offers: offersFor(facts) } : employer));
    if (match) found.push(match);
  }
  found.sort(compareStrength);
  const last = found[limit - 1];
  const contenders = last ? found.filter((match) => compareStrength(match, last) <= 0) : found;
  const titles = await pitchTitlesBySeq(
    db,
    contenders.map((match) => match.subject.seq),
  );
  const seqOf = new Map<string, number>();
  const named = contenders.flatMap(({ subject, score, reasons }) => {
    const known = titles.get(subject.seq);
    if (!known) return [];
    seqOf.set(known.id, subject.seq);
    return [{ subject: { ...subject.facts, id: known.id, title: known.title }, score, reasons }];
  });
  const ranked = sortPitchMatches(named)
    .slice(0, limit)
    .map((match) => ({ facts: match.subject, seq: seqOf.get(match.subject.id)!, match }));
  return { ranked, matching: found.length };
}

/** "Pitches voor u" for the actor's own employer; refused for anyone who may not see it. */
export async function pitchesForEmployer(deps: Deps, actor: Actor | null, knowledge: MatchKnowledge, limit = MAX_PITCHES_FOR_YOU): Promise<PitchesForYouResult> {
  if (!actor || !can(actor, 'employer:see-matching-pitches', { organisationId: actor.organisationId })) return notAllowed;
  const { db } = deps;
  const employer = await employerFacts(db, actor.organisationId, knowledge);
  if (!employer) return notAllowed;
  const now = new Date(clock(deps));
  const { ranked, matching } = await bestPitches(db, employer, now, limit);
  const [cards, invited] = await Promise.all([
    pitchCardsBySeq(
      db,
      ranked.map((entry) => entry.seq),
      now,
    ),
    invitedTo(
      db,
      employer.id,
      ranked.map((entry) => entry.facts.id),
    ),
  ]);
  const cardOf = new Map(cards.map((card) => [card.id, card]));
  return {
    ok: true,
    employerName: employer.name,
    pitches: ranked.flatMap(({ facts, match }) => {
      const card = cardOf.get(facts.id);
      return card ? [{ card, score: match.score, reasons: match.reasons, invited: invited.has(facts.id) }] : [];
    }),
    matching,
    profileEmpty: profileIsEmpty(employer),
    followsNothing: employer.follows.length === 0,
  };
}
