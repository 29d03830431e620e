/**
 * Home of "follow and be told": what a person can follow, how the weekly
 * digest decides which news belongs to which follow, and when a digest is due. Plain data in,
 * plain data out: the digest job (src/features/jobs/digest.ts) loads follows and news, this module
 * matches and groups them, and the mail text is made in src/platform/mail/digest-messages.ts.
 *
 * Grouping rule: every news item appears once, under the first follow it matches in the order
 * pitch → municipality → region → sector → target group (the most specific first), so a new
 * Zaanstad pitch in logistics shows under "Zaanstad", not again under "Sector logistiek".
 */
import { addDays, amsterdamDate, amsterdamHour } from './amsterdam-time.ts';

/** What one can follow, most specific first (the digest groups in this order). */
export const followKinds = ['pitch', 'municipality', 'region', 'sector', 'target-group'] as const;
export type FollowKind = (typeof followKinds)[number];

/** The query parameter of /account/volgen/ per kind, in the site's own (Dutch) words: ?gemeente=zaanstad. */
export const followParameters = {
  pitch: 'pitch',
  municipality: 'gemeente',
  region: 'regio',
  sector: 'sector',
  'target-group': 'doelgroep',
} as const satisfies Record<FollowKind, string>;

/** One thing a person follows. `value`: a pitch id, municipality id, region id, sector id or target-group id. */
export interface Follow {
  kind: FollowKind;
  value: string;
}

/**
 * How a person hears of a follow: at once by e-mail when a pitch that fits is published, in
 * the weekly digest, or not by e-mail at all (the follow still counts on the site, for
 * instance in matchmaking). `weekly` is what every follow had before there was a choice.
 */
export const followDeliveries = ['immediate', 'weekly', 'none'] as const;
export type FollowDelivery = (typeof followDeliveries)[number];
export const DEFAULT_FOLLOW_DELIVERY: FollowDelivery = 'weekly';

/** The choice in the settings page's words. */
export const followDeliveryLabels: Record<FollowDelivery, string> = {
  immediate: 'Meteen een e-mail als er een passende pitch wordt gepubliceerd',
  weekly: 'In het wekelijkse overzicht',
  none: 'Niets: alleen volgen op de site',
};

/**
 * Kinds whose delivery one can choose: a new pitch can fit a place or a topic. A followed pitch
 * is already published; its news (closed, an outcome) stays in the weekly digest.
 */
export function deliveryIsChoosable(kind: FollowKind): boolean {
  return kind !== 'pitch';
}

/** A follow with the delivery its person chose. */
export interface DeliveredFollow extends Follow {
  delivery: FollowDelivery;
}

/**
 * The follows an at-once mail about this new pitch is for: those set to `immediate` that the
 * pitch fits, most specific first. Empty: no mail. However many match, the person gets one
 * mail (the use case claims one per person per pitch); these name why.
 */
export function immediateMatches(follows: readonly DeliveredFollow[], pitch: NewsItem): DeliveredFollow[] {
  return follows
    .filter((follow) => follow.delivery === 'immediate' && deliveryIsChoosable(follow.kind) && matchesFollow(pitch, follow))
    .sort((a, b) => followKinds.indexOf(a.kind) - followKinds.indexOf(b.kind));
}

/**
 * What the weekly digest reads of one person: the follows not set to `none`, and the news
 * minus the new pitches they already had by e-mail at once (`mailedPitchKeys`, NewsItem keys),
 * so the same pitch does not reach them twice. A pitch published before they chose "meteen"
 * was not mailed, so the digest still lists it.
 */
export function weeklyDigestInput(follows: readonly DeliveredFollow[], items: readonly NewsItem[], mailedPitchKeys: ReadonlySet<string>): { follows: Follow[]; items: NewsItem[] } {
  return {
    follows: follows.filter((follow) => follow.delivery !== 'none').map(({ kind, value }) => ({ kind, value })),
    items: items.filter((item) => !mailedPitchKeys.has(item.key)),
  };
}

/** The kinds of news the digest knows; each comes from a NewsSource (src/features/follows/news-sources.ts). */
export const newsKinds = ['pitch', 'pitch-update', 'case', 'activity'] as const;
export type NewsKind = (typeof newsKinds)[number];

/**
 * One piece of news, as every source delivers it. `about` says what it concerns: a new pitch,
 * case or activity carries its places and facets; news about an existing pitch (closed, an
 * outcome) carries only `pitch`, so it reaches those who follow that pitch and nobody else.
 */
export interface NewsItem {
  /** Unique across sources ("case:postnl-…", "pitch:abc"), so an item is listed once. */
  key: string;
  kind: NewsKind;
  title: string;
  /** Site path (/pitches/abc/); the mail makes it absolute with SITE_URL. */
  path: string;
  /** A short line under the title: "Gesloten: matched", "Zaanstad · 12 maart". */
  note?: string;
  about: {
    pitch?: string;
    municipalities?: readonly string[];
    regions?: readonly string[];
    sectors?: readonly string[];
    targetGroups?: readonly string[];
  };
}

/** A group of the digest: one follow with the news placed under it. */
export interface DigestGroup {
  follow: Follow;
  items: NewsItem[];
}

/** Does this item concern this follow? */
export function matchesFollow(item: NewsItem, follow: Follow): boolean {
  const { about } = item;
  switch (follow.kind) {
    case 'pitch':
      return about.pitch === follow.value;
    case 'municipality':
      return about.municipalities?.includes(follow.value) ?? false;
    case 'region':
      return about.regions?.includes(follow.value) ?? false;
    case 'sector':
      return about.sectors?.includes(follow.value) ?? false;
    case 'target-group':
      return about.targetGroups?.includes(follow.value) ?? false;
  }
}

/**
 * The digest of one person: their follows (most specific first, then in the order given) with
 * the items that match, each item once; follows without news are left out. An empty result
 * means: send nothing.
 */
export function groupDigest(follows: readonly Follow[], items: readonly NewsItem[]): DigestGroup[] {
  const ordered = [...follows].sort((a, b) => followKinds.indexOf(a.kind) - followKinds.indexOf(b.kind));
  const placed = new Set<string>();
  const groups: DigestGroup[] = [];
  for (const follow of ordered) {
    const mine = items.filter((item) => !placed.has(item.key) && matchesFollow(item, follow));
    for (const item of mine) placed.add(item.key);
    // The same item from two sources (or listed twice) still counts once.
    const unique = mine.filter((item, index) => mine.findIndex((other) => other.key === item.key) === index);
    if (unique.length > 0) groups.push({ follow, items: unique });
  }
  return groups;
}

const HOUR_MS = 60 * 60 * 1000;
/** A new week's digest is due from Monday 07:00 Amsterdam time (in the inbox at the start of the working week). */
export const DIGEST_HOUR = 7;

/** ISO 8601 week ("2026-W07") of a calendar day (YYYY-MM-DD). */
export function isoWeek(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(year, month - 1, date));
  const weekday = utc.getUTCDay() || 7;
  // The Thursday of this week decides the year it belongs to.
  utc.setUTCDate(utc.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(utc.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((utc.getTime() - yearStart) / (24 * HOUR_MS) + 1) / 7);
  return `${utc.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * The digest period `now` falls in: the ISO week of the Amsterdam calendar, shifted so that a
 * week starts on Monday at DIGEST_HOUR. A person gets at most one digest per period; the first
 * run on or after Monday 07:00 sends it. (The shift is taken in Amsterdam local time, so it is
 * 07:00 in both summer and winter time.)
 */
export function digestPeriod(now: number): string {
  // Amsterdam's wall clock at `now`, DIGEST_HOUR earlier: Monday 06:59 still counts as last week.
  const local = amsterdamDate(new Date(now));
  const hour = amsterdamHour(now);
  if (hour >= DIGEST_HOUR) return isoWeek(local);
  return isoWeek(addDays(local, -1));
}
