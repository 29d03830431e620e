/**
 * What the matchmaking rules know of a pitch and of an employer: plain facts, gathered by
 * src/features/matchmaking/match-inputs.ts from the knowledge base, earlier offers, follows and
 * the employer's own profile. The same facts serve both directions (employers for a pitch,
 * pitches for an employer), so a rule is written once.
 */

/** A place from the CBS lists: its id (slug) and its name. */
export interface Place {
  id: string;
  name: string;
}

/** A pitch as the rules see it. Vocabulary values are ids (domain/facets.ts, domain/help-kinds.ts). */
export interface PitchFacts {
  id: string;
  title: string;
  municipality: Place;
  /** The municipality's labour-market region; null for a municipality missing from the CBS list. */
  region: Place | null;
  province: Place | null;
  targetGroups: readonly string[];
  sectors: readonly string[];
  helpKinds: readonly string[];
}

/** An employer's offer on another pitch ("deed mee"): the facets and place of that pitch. */
export interface OfferFact {
  pitchId: string;
  municipality: Place;
  region: Place | null;
  targetGroups: readonly string[];
  sectors: readonly string[];
}

/** A case study of the knowledge base that names the employer. */
export interface CaseFact {
  id: string;
  title: string;
  sectors: readonly string[];
  targetGroups: readonly string[];
}

/** Something a verified member of the employer follows; only the kinds the rules read. */
export interface FollowFact {
  kind: 'sector' | 'target-group' | 'region' | 'municipality';
  value: string;
}

/** What an employer says of itself on its profile (all ids). */
export interface ProfileFacts {
  sectors: readonly string[];
  /** Labour-market regions it works in. */
  regions: readonly string[];
  /** Provinces it works in. */
  provinces: readonly string[];
  helpKinds: readonly string[];
}

/** An employer as the rules see it. */
export interface EmployerFacts {
  id: string;
  name: string;
  /** Sectors the knowledge base gives for it (content/organisations). */
  knownSectors: readonly string[];
  /** Null: the employer filled in no profile. */
  profile: ProfileFacts | null;
  offers: readonly OfferFact[];
  cases: readonly CaseFact[];
  follows: readonly FollowFact[];
}
