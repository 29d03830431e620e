/**
 * Home of the matchmaking order: employers for a pitch, and (the other way round) pitches for
 * an employer, both from the same rules (rules.ts). A match's score is the sum of its reasons'
 * weights; a match needs at least one reason that is not merely supporting (rules.ts). Ties are broken the same way every
 * time, so two owners of one pitch see one list: more reasons first, then the strongest single
 * reason, then by name (Dutch order), then by id.
 */
import type { EmployerFacts, PitchFacts } from './facts.ts';
import { makesMatch, matchReasons, type MatchReason } from './rules.ts';

/** One match: what is suggested, its score and every reason, strongest first. */
export interface Match<T> {
  subject: T;
  score: number;
  reasons: MatchReason[];
}

/** The match of a subject with these reasons, or null when they make no match. */
export function matchOf<T>(subject: T, reasons: MatchReason[]): Match<T> | null {
  if (!makesMatch(reasons)) return null;
  return { subject, score: reasons.reduce((sum, reason) => sum + reason.weight, 0), reasons };
}

/**
 * The first part of the order, which reads only what was found (score, number of reasons, the
 * strongest reason) and not the subject's name: a caller with many candidates can keep the
 * best of them by strength and fetch names only for those (src/features/brokering/pitches-for-employer.ts).
 */
export function compareStrength(a: Pick<Match<unknown>, 'score' | 'reasons'>, b: Pick<Match<unknown>, 'score' | 'reasons'>): number {
  return b.score - a.score || b.reasons.length - a.reasons.length || (b.reasons[0]?.weight ?? 0) - (a.reasons[0]?.weight ?? 0);
}

/** The deterministic order of matches; `name` and `id` read the subject. */
function compareMatches<T>(name: (subject: T) => string, id: (subject: T) => string) {
  return (a: Match<T>, b: Match<T>) =>
    compareStrength(a, b) ||
    name(a.subject).localeCompare(name(b.subject), 'nl') ||
    (id(a.subject) < id(b.subject) ? -1 : id(a.subject) > id(b.subject) ? 1 : 0);
}

/** The employers that fit a pitch, best first. */
export function rankEmployers(pitch: PitchFacts, employers: readonly EmployerFacts[]): Match<EmployerFacts>[] {
  return employers
    .map((employer) => matchOf(employer, matchReasons(pitch, employer)))
    .filter((match): match is Match<EmployerFacts> => match !== null)
    .sort(compareMatches((e) => e.name, (e) => e.id));
}

/** The pitches that fit an employer, best first (the same rules, the other way round). */
export function rankPitches(employer: EmployerFacts, pitches: readonly PitchFacts[]): Match<PitchFacts>[] {
  return sortPitchMatches(pitches.map((pitch) => matchOf(pitch, matchReasons(pitch, employer))).filter((match): match is Match<PitchFacts> => match !== null));
}

/** Pitch matches made already (the rules applied elsewhere), in rankPitches' order; sorts in place. */
export function sortPitchMatches(matches: Match<PitchFacts>[]): Match<PitchFacts>[] {
  return matches.sort(compareMatches((p) => p.title, (p) => p.id));
}
