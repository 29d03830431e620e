/**
 * Home of the matchmaking rules: why an employer fits a pitch. Each rule has a name, a weight
 * and a Dutch reason; a suggestion's score is the sum of the weights of the rules that hold
 * (ranking.ts). The reasons are predicates whose subject is the employer ("deed mee aan een
 * pitch over jongeren in Zaanstreek/Waterland"), so a page about a pitch lists them under the
 * employer's name, and a page for the employer can put "Uw organisatie" before them.
 *
 * Rules come in families that weigh the same evidence: within a family only the first rule
 * that holds counts (an offer on a pitch about the same target group in the same region is not
 * also counted as "same target group" and "same region"). Families: earlier offers, cases,
 * follows, and each part of the profile on its own. A supporting rule (the kind of help) adds to
 * a score but never makes a match alone. See docs/decisions/matchmaking.md.
 */
import type { CaseFact, EmployerFacts, FollowFact, OfferFact, PitchFacts } from './facts.ts';
import { helpKindObject, isMatchableHelpKind, listWords, sectorName, sectorPlace, targetGroupName } from './phrases.ts';

export const matchRuleIds = [
  'offer-same-group-and-region',
  'offer-same-group',
  'offer-same-region',
  'case-sector-and-group',
  'case-sector-or-group',
  'follows-topic-in-place',
  'follows-topic',
  'follows-place',
  'profile-sector',
  'profile-region',
  'profile-province',
  'profile-help-kind',
] as const;
export type MatchRuleId = (typeof matchRuleIds)[number];

/** What a rule found: the reason as a predicate, and the case study it rests on, if any. */
export interface ReasonDraft {
  text: string;
  caseStudy?: { id: string; title: string };
}

/** One reason of a suggestion, with the rule and weight behind it. */
export interface MatchReason extends ReasonDraft {
  rule: MatchRuleId;
  weight: number;
}

export interface MatchRule {
  id: MatchRuleId;
  /** Rules of one family weigh the same evidence: the first that holds counts, the rest not. */
  family: 'offers' | 'cases' | 'follows' | 'profile-sector' | 'profile-place' | 'profile-help';
  weight: number;
  /** What the rule looks for, in one Dutch line (for the decision record and the curators). */
  summary: string;
  /**
   * Adds to a match's score but makes no match alone: "kan banen bieden" fits half the country's
   * employers, so an employer needs another reason to be suggested.
   */
  supporting?: boolean;
  reason(pitch: PitchFacts, employer: EmployerFacts): ReasonDraft | null;
}

const shared = (a: readonly string[], b: readonly string[]) => a.filter((value) => b.includes(value));
const sameRegion = (pitch: PitchFacts, offer: OfferFact) => pitch.region !== null && offer.region?.id === pitch.region.id;

/** The first offer that meets `test`, with the first target group it shares with the pitch. */
function offerWith(pitch: PitchFacts, employer: EmployerFacts, test: (offer: OfferFact, group: string | undefined) => boolean) {
  for (const offer of employer.offers) {
    if (offer.pitchId === pitch.id) continue;
    const group = shared(pitch.targetGroups, offer.targetGroups)[0];
    if (test(offer, group)) return { offer, group };
  }
  return null;
}

/** The case that shares most with the pitch (sector and target group together first), then by title. */
function bestCase(pitch: PitchFacts, employer: EmployerFacts, needBoth: boolean): { item: CaseFact; sector?: string; group?: string } | null {
  const found = employer.cases
    .map((item) => ({ item, sectors: shared(pitch.sectors, item.sectors), groups: shared(pitch.targetGroups, item.targetGroups) }))
    .filter(({ sectors, groups }) => (needBoth ? sectors.length > 0 && groups.length > 0 : sectors.length > 0 || groups.length > 0))
    .sort((a, b) => b.sectors.length + b.groups.length - (a.sectors.length + a.groups.length) || a.item.title.localeCompare(b.item.title, 'nl') || a.item.id.localeCompare(b.item.id));
  const best = found[0];
  return best ? { item: best.item, sector: best.sectors[0], group: best.groups[0] } : null;
}

/** A follow of the pitch's sector (first) or target group. */
function topicFollow(pitch: PitchFacts, follows: readonly FollowFact[]): string | null {
  const sector = pitch.sectors.find((id) => follows.some((f) => f.kind === 'sector' && f.value === id));
  if (sector) return `de sector ${sectorName(sector)}`;
  const group = pitch.targetGroups.find((id) => follows.some((f) => f.kind === 'target-group' && f.value === id));
  return group ? `de doelgroep ${targetGroupName(group)}` : null;
}

/** A follow of the pitch's region (first) or municipality: where, as a sentence names it after "in". */
function placeFollow(pitch: PitchFacts, follows: readonly FollowFact[]): { in: string; followed: string } | null {
  if (pitch.region && follows.some((f) => f.kind === 'region' && f.value === pitch.region!.id)) return { in: pitch.region.name, followed: `de regio ${pitch.region.name}` };
  if (follows.some((f) => f.kind === 'municipality' && f.value === pitch.municipality.id)) return { in: pitch.municipality.name, followed: `gemeente ${pitch.municipality.name}` };
  return null;
}

/** The rules, strongest first within each family. */
export const matchRules: readonly MatchRule[] = [
  {
    id: 'offer-same-group-and-region',
    family: 'offers',
    weight: 5,
    summary: 'deed mee aan een andere pitch over dezelfde doelgroep in dezelfde arbeidsmarktregio',
    reason(pitch, employer) {
      const found = offerWith(pitch, employer, (offer, group) => group !== undefined && sameRegion(pitch, offer));
      return found ? { text: `deed mee aan een pitch over ${targetGroupName(found.group!)} in ${pitch.region!.name}` } : null;
    },
  },
  {
    id: 'offer-same-group',
    family: 'offers',
    weight: 3,
    summary: 'deed mee aan een andere pitch over dezelfde doelgroep, elders',
    reason(pitch, employer) {
      const found = offerWith(pitch, employer, (_offer, group) => group !== undefined);
      return found ? { text: `deed mee aan een pitch over ${targetGroupName(found.group!)} in ${found.offer.municipality.name}` } : null;
    },
  },
  {
    id: 'offer-same-region',
    family: 'offers',
    weight: 2,
    summary: 'deed mee aan een andere pitch in dezelfde arbeidsmarktregio',
    reason(pitch, employer) {
      const found = offerWith(pitch, employer, (offer) => sameRegion(pitch, offer));
      return found ? { text: `deed mee aan een andere pitch in ${pitch.region!.name}` } : null;
    },
  },
  {
    id: 'case-sector-and-group',
    family: 'cases',
    weight: 4,
    summary: 'staat in een praktijkvoorbeeld met dezelfde sector en dezelfde doelgroep',
    reason(pitch, employer) {
      const found = bestCase(pitch, employer, true);
      return found ? { text: `werkt ${sectorPlace(found.sector!)} met ${targetGroupName(found.group!)}`, caseStudy: { id: found.item.id, title: found.item.title } } : null;
    },
  },
  {
    id: 'case-sector-or-group',
    family: 'cases',
    weight: 2,
    summary: 'staat in een praktijkvoorbeeld met dezelfde sector of dezelfde doelgroep',
    reason(pitch, employer) {
      const found = bestCase(pitch, employer, false);
      if (!found) return null;
      const text = found.sector ? `werkt ${sectorPlace(found.sector)}` : `werkt met ${targetGroupName(found.group!)}`;
      return { text, caseStudy: { id: found.item.id, title: found.item.title } };
    },
  },
  {
    id: 'follows-topic-in-place',
    family: 'follows',
    weight: 3,
    summary: 'volgt de sector of doelgroep van de pitch én de regio of gemeente',
    reason(pitch, employer) {
      const topic = topicFollow(pitch, employer.follows);
      const place = placeFollow(pitch, employer.follows);
      return topic && place ? { text: `volgt ${topic} in ${place.in}` } : null;
    },
  },
  {
    id: 'follows-topic',
    family: 'follows',
    weight: 1,
    summary: 'volgt de sector of doelgroep van de pitch',
    reason(pitch, employer) {
      const topic = topicFollow(pitch, employer.follows);
      return topic ? { text: `volgt ${topic}` } : null;
    },
  },
  {
    id: 'follows-place',
    family: 'follows',
    weight: 1,
    summary: 'volgt de arbeidsmarktregio of de gemeente van de pitch',
    reason(pitch, employer) {
      const place = placeFollow(pitch, employer.follows);
      return place ? { text: `volgt ${place.followed}` } : null;
    },
  },
  {
    id: 'profile-sector',
    family: 'profile-sector',
    weight: 2,
    summary: 'werkt in een sector van de pitch (eigen profiel of de kennisbank)',
    reason(pitch, employer) {
      const own = new Set([...(employer.profile?.sectors ?? []), ...employer.knownSectors]);
      const sectors = pitch.sectors.filter((id) => own.has(id));
      return sectors.length > 0 ? { text: `werkt ${listWords(sectors.map(sectorPlace))}` } : null;
    },
  },
  {
    id: 'profile-region',
    family: 'profile-place',
    weight: 2,
    summary: 'werkt volgens het eigen profiel in de arbeidsmarktregio van de pitch',
    reason(pitch, employer) {
      return pitch.region && employer.profile?.regions.includes(pitch.region.id) ? { text: `werkt in de regio ${pitch.region.name}` } : null;
    },
  },
  {
    id: 'profile-province',
    family: 'profile-place',
    weight: 1,
    summary: 'werkt volgens het eigen profiel in de provincie van de pitch',
    reason(pitch, employer) {
      return pitch.province && employer.profile?.provinces.includes(pitch.province.id) ? { text: `werkt in de provincie ${pitch.province.name}` } : null;
    },
  },
  {
    id: 'profile-help-kind',
    family: 'profile-help',
    weight: 2,
    supporting: true,
    summary: 'kan volgens het eigen profiel de soort hulp bieden die de pitch vraagt',
    reason(pitch, employer) {
      const offered = employer.profile?.helpKinds ?? [];
      const kinds = pitch.helpKinds.filter(isMatchableHelpKind).filter((id) => offered.includes(id));
      return kinds.length > 0 ? { text: `kan ${listWords(kinds.map(helpKindObject))} bieden` } : null;
    },
  },
];

/** Whether these reasons make a match: at least one that is not merely supporting. */
export function makesMatch(reasons: readonly MatchReason[]): boolean {
  return reasons.some((reason) => !matchRules.find((rule) => rule.id === reason.rule)?.supporting);
}

/** Every reason an employer fits a pitch: per family the first rule that holds, strongest first. */
export function matchReasons(pitch: PitchFacts, employer: EmployerFacts): MatchReason[] {
  const reasons: MatchReason[] = [];
  const decided = new Set<MatchRule['family']>();
  for (const rule of matchRules) {
    if (decided.has(rule.family)) continue;
    const draft = rule.reason(pitch, employer);
    if (!draft) continue;
    decided.add(rule.family);
    reasons.push({ ...draft, rule: rule.id, weight: rule.weight });
  }
  return reasons.sort((a, b) => b.weight - a.weight || matchRuleIds.indexOf(a.rule) - matchRuleIds.indexOf(b.rule));
}
