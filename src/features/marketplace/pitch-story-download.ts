/**
 * The curator's side of "from pitch to story": which closed pitches can become
 * a case study, and the draft case (the case editor's form) for one of them. Loads the pitch, asks the policy
 * ('pitch:draft-story') with it, reads the employers that were accepted and agreed to be named,
 * and hands everything to the pure generator (pitch-story.ts).
 */
import { followUpAnswersFor } from './follow-ups.ts';
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { offers, pitches } from '#db/marketplace-schema.ts';
import { organisations } from '#db/schema.ts';
import { clock, type Deps } from '#platform/context.ts';
import { organisationIds } from '#features/catalog/organisations.ts';
import { can, notAllowed, pitchVisibleTo, type Actor, type NotAllowed } from '#domain/policy.ts';
import type { PitchOutcome } from '#domain/pitch-lifecycle.ts';
import { loadPitch } from './pitches.ts';
import { draftCaseFromPitch, storyRefusal, type StoryDraft, type StoryOrganisation, type StoryRefusal } from './pitch-story.ts';
import { municipalityOfPitch } from './pitch-municipality.ts';

export type StoryDownloadResult = ({ ok: true } & StoryDraft) | { ok: false; reason: 'not-found' } | NotAllowed | { ok: false; reason: StoryRefusal };

/** Outcomes that make a story. */
const matchedOutcomes = ['matched', 'partly'] as const satisfies readonly PitchOutcome[];

/** Employers whose offer was accepted and that agreed to be named, first answer first. */
async function namedAcceptedEmployers(db: Database, pitchId: string): Promise<StoryOrganisation[]> {
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(offers)
    .innerJoin(organisations, eq(organisations.id, offers.employerId))
    .where(and(eq(offers.pitchId, pitchId), eq(offers.status, 'accepted'), eq(offers.showName, true)))
    .groupBy(organisations.id)
    .orderBy(sql`min(${offers.createdAt})`);
  const known = new Set(organisationIds('employer'));
  return rows.map((row) => ({ ...row, inContent: known.has(row.id) }));
}

/** The draft case study of a pitch, for a curator; a pitch the actor may not see is 'not-found'. */
export async function draftStoryForPitch(deps: Deps, actor: Actor | null, pitchId: string): Promise<StoryDownloadResult> {
  const pitch = await loadPitch(deps.db, pitchId);
  if (!pitch || !pitchVisibleTo(actor, pitch)) return { ok: false, reason: 'not-found' };
  if (!can(actor, 'pitch:draft-story', pitch)) return notAllowed;
  const refusal = storyRefusal(pitch);
  if (refusal || !pitch.outcome) return { ok: false, reason: refusal ?? 'not-matched' };
  const draft = draftCaseFromPitch(pitch, {
    municipality: { id: pitch.municipalityId, name: pitch.municipalityName, inContent: organisationIds('municipality').includes(pitch.municipalityId) },
    namedEmployers: await namedAcceptedEmployers(deps.db, pitch.id),
    facets: { targetGroups: pitch.targetGroups, sectors: pitch.sectors, helpKinds: pitch.helpKinds },
    outcome: pitch.outcome,
    peoplePlaced: pitch.peoplePlaced,
    followUps: await followUpAnswersFor(deps.db, pitch.id),
    siteUrl: deps.origin,
    now: clock(deps),
  });
  return { ok: true, ...draft };
}

/** A closed, matched pitch on the curators' list. */
export interface StoryCandidate {
  id: string;
  title: string;
  municipality: string;
  outcome: PitchOutcome;
  closedAt: number | null;
}

/** Closed pitches with a (partial) match, newest first, for curators; null for anyone else. Never a demo pitch (storyRefusal). */
export async function storyCandidates(deps: Deps, actor: Actor | null, limit = 50): Promise<StoryCandidate[] | null> {
  // The policy reads only the actor for this question; any closed pitch stands in as the subject.
  if (!can(actor, 'pitch:draft-story', { status: 'closed', municipalityId: '' })) return null;
  const rows = await deps.db
    .select({ id: pitches.id, title: pitches.title, municipality: organisations.name, outcome: pitches.outcome, closedAt: pitches.closedAt })
    .from(pitches)
    .innerJoin(organisations, municipalityOfPitch)
    .where(and(eq(pitches.status, 'closed'), inArray(pitches.outcome, matchedOutcomes), isNotNull(pitches.outcome), eq(pitches.demo, false)))
    .orderBy(desc(pitches.closedAt), asc(pitches.title))
    .limit(limit);
  return rows.map((row) => ({ ...row, outcome: row.outcome as PitchOutcome }));
}
