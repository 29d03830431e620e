/**
 * "Werkgevers die hierbij passen": the ranked employers for a published pitch, for its
 * municipality's verified members and the network's staff ('pitch:see-suggestions'); anyone
 * else gets the same answer as for a pitch that does not exist. Only employers that may be
 * invited are named (their setting is on and a member can get the mail); the others that fit
 * are only counted. Employers already invited are not suggested again: they are in the list of
 * invitations, with how they answered.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { pitchInvitations } from '#db/matchmaking-schema.ts';
import { organisations, users } from '#db/schema.ts';
import { clock, type Deps } from '#platform/context.ts';
import { acceptsOffers } from '#domain/pitch-lifecycle.ts';
import { can, pitchVisibleTo, type Actor } from '#domain/policy.ts';
import { rankEmployers, type Match } from '#domain/matchmaking/ranking.ts';
import type { EmployerFacts } from '#domain/matchmaking/facts.ts';
import { invitationState, type InvitationState } from '#domain/matchmaking/invitations.ts';
import { employerCandidates, employersTakingPart, loadMatchPitch, reachableEmployers, type MatchKnowledge, type MatchPitch } from './match-inputs.ts';

export const notFound = { ok: false, reason: 'not-found' } as const;
export type NotFound = typeof notFound;

/** Suggestions shown per pitch, at most. */
export const MAX_SUGGESTIONS = 20;

/**
 * The employers that fit and were not invited yet: those that may be named (best first, as many
 * as the page shows; only these can be invited), and how many more fit but may not be named.
 * Employers already invited count in neither, so an invited employer that later turns
 * invitations off does not show up in the count beside its own name.
 */
export async function invitableMatches(db: Database, pitch: MatchPitch, knowledge: MatchKnowledge, invited: ReadonlySet<string>): Promise<{ invitable: Match<EmployerFacts>[]; hiddenCount: number }> {
  const ranked = rankEmployers(pitch.facts, await employerCandidates(db, pitch.facts, knowledge)).filter((match) => !invited.has(match.subject.id));
  const reachable = await reachableEmployers(
    db,
    ranked.map((match) => match.subject.id),
  );
  const invitable = ranked.filter((match) => reachable.has(match.subject.id));
  return { invitable: invitable.slice(0, MAX_SUGGESTIONS), hiddenCount: ranked.length - invitable.length };
}

/** One invitation as the owner sees it. */
export interface InvitationView {
  id: string;
  employerId: string;
  employerName: string;
  state: InvitationState;
  note: string | null;
  declineReason: string | null;
  invitedByName: string | null;
  createdAt: number;
  answeredAt: number | null;
}

/** The invitations of a pitch, oldest first, with "doet mee" read from the offers. */
export async function invitationsOf(db: Database, pitchId: string): Promise<InvitationView[]> {
  const rows = await db
    .select({ invitation: pitchInvitations, employerName: organisations.name, invitedByName: users.name })
    .from(pitchInvitations)
    .innerJoin(organisations, eq(organisations.id, pitchInvitations.employerId))
    .leftJoin(users, eq(users.id, pitchInvitations.invitedBy))
    .where(eq(pitchInvitations.pitchId, pitchId))
    .orderBy(asc(pitchInvitations.createdAt), asc(organisations.name));
  const joined = await employersTakingPart(db, pitchId);
  return rows.map(({ invitation, employerName, invitedByName }) => ({
    id: invitation.id,
    employerId: invitation.employerId,
    employerName,
    state: invitationState(invitation.status, joined.has(invitation.employerId)),
    note: invitation.note,
    declineReason: invitation.status === 'declined' ? invitation.declineReason : null,
    invitedByName,
    createdAt: invitation.createdAt,
    answeredAt: invitation.answeredAt,
  }));
}

/** Whether these employers were invited to the pitch (for the invite use case). */
export async function invitedAlready(db: Database, pitchId: string, employerIds: readonly string[]): Promise<Set<string>> {
  if (employerIds.length === 0) return new Set();
  const rows = await db
    .select({ employerId: pitchInvitations.employerId })
    .from(pitchInvitations)
    .where(and(eq(pitchInvitations.pitchId, pitchId), inArray(pitchInvitations.employerId, [...employerIds])));
  return new Set(rows.map((row) => row.employerId));
}

/** One suggested employer. */
export interface SuggestedEmployer {
  id: string;
  name: string;
  score: number;
  reasons: Match<EmployerFacts>['reasons'];
}

export type PitchSuggestionsResult =
  | {
      ok: true;
      pitch: { id: string; title: string; municipalityName: string; closingDate: string; demo: boolean };
      /** The pitch takes offers, so invitations can go out. */
      open: boolean;
      /** This person may invite (a verified member of the municipality, not the network's staff). */
      mayInvite: boolean;
      suggestions: SuggestedEmployer[];
      /** Employers that fit but may not be named. */
      hiddenCount: number;
      invitations: InvitationView[];
    }
  | NotFound;

/** The suggestions page of a pitch, for those who may see it; 404 for everyone else. */
export async function suggestionsForPitch(deps: Deps, actor: Actor | null, pitchId: string, knowledge: MatchKnowledge): Promise<PitchSuggestionsResult> {
  const { db } = deps;
  const pitch = await loadMatchPitch(db, pitchId);
  if (!pitch || !pitchVisibleTo(actor, pitch) || !can(actor, 'pitch:see-suggestions', pitch)) return notFound;
  const invitations = await invitationsOf(db, pitch.facts.id);
  const { invitable, hiddenCount } = await invitableMatches(db, pitch, knowledge, new Set(invitations.map((invitation) => invitation.employerId)));
  return {
    ok: true,
    pitch: { id: pitch.facts.id, title: pitch.facts.title, municipalityName: pitch.municipalityName, closingDate: pitch.closingDate, demo: pitch.demo },
    open: acceptsOffers(pitch, new Date(clock(deps))),
    mayInvite: can(actor, 'pitch:invite', pitch),
    suggestions: invitable.map((match) => ({ id: match.subject.id, name: match.subject.name, score: match.score, reasons: match.reasons })),
    hiddenCount,
    invitations,
  };
}
