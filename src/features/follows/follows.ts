/**
 * Following: follow and unfollow a pitch, municipality, labour-market region,
 * sector or target group; choose per follow how to hear of it (at once, weekly, not by e-mail);
 * switch the weekly digest on or off; the list for the settings page and the data export. Every change asks the policy ('follow:manage': one's own follows, public
 * pitches only). Values are checked against the closed vocabularies and the CBS lists, so a
 * crafted link cannot store something that does not exist.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { digestSettings, follows, pitchAlerts } from '#db/follows-schema.ts';
import { pitches } from '#db/marketplace-schema.ts';
import type { Deps } from '#platform/context.ts';
import { clock } from '#platform/context.ts';
import { loadGeo } from '#features/catalog/geo.ts';
import { caseListPath } from '#features/catalog/map-views.ts';
import { labelOf, sectors, targetGroups } from '#domain/facets.ts';
import { deliveryIsChoosable, followDeliveryLabels, followKinds, type Follow, type FollowDelivery, type FollowKind } from '#domain/follows.ts';
import { can, notAllowed, pitchVisibleTo, type Actor, type NotAllowed, type PitchSubject } from '#domain/policy.ts';

/** A follow as people read it: what it is called and where it lives on the site. */
export interface DescribedFollow extends Follow {
  label: string;
  path: string;
}

/** How each kind is named in a sentence and as a group heading ("Gemeente Zaanstad", "Sector: Logistiek"). */
export const followKindLabels: Record<FollowKind, string> = {
  pitch: 'Pitch',
  municipality: 'Gemeente',
  region: 'Arbeidsmarktregio',
  sector: 'Sector',
  'target-group': 'Doelgroep',
};

const facetPath = (parameter: 'sector' | 'doelgroep', id: string) => `/praktijkvoorbeelden/?${new URLSearchParams({ [parameter]: id })}`;

/** Names and paths of the follows that need no database (everything but pitches); null: unknown value. */
export function describeStaticFollow(follow: Follow): DescribedFollow | null {
  const { municipalities, regions } = loadGeo();
  switch (follow.kind) {
    case 'municipality': {
      const found = municipalities.find((m) => m.id === follow.value);
      return found ? { ...follow, label: `Gemeente ${found.name}`, path: `/organisaties/${found.id}/` } : null;
    }
    case 'region': {
      const found = regions.find((r) => r.id === follow.value);
      return found ? { ...follow, label: `Arbeidsmarktregio ${found.name}`, path: caseListPath('regio', found.id) } : null;
    }
    case 'sector':
      return sectors.ids.includes(follow.value as never) ? { ...follow, label: `Sector ${labelOf(sectors, follow.value).toLowerCase()}`, path: facetPath('sector', follow.value) } : null;
    case 'target-group':
      return targetGroups.ids.includes(follow.value as never)
        ? { ...follow, label: `Doelgroep ${labelOf(targetGroups, follow.value).toLowerCase()}`, path: facetPath('doelgroep', follow.value) }
        : null;
    case 'pitch':
      return null;
  }
}

/** The pitch a follow names, as the policy reads it, with its title; null: no such pitch. */
async function pitchOf(db: Database, id: string): Promise<(PitchSubject & { id: string; title: string }) | null> {
  const [row] = await db
    .select({ id: pitches.id, title: pitches.title, status: pitches.status, municipalityId: pitches.municipalityId })
    .from(pitches)
    .where(eq(pitches.id, id))
    .limit(1);
  return row ?? null;
}

export type ResolvedFollow = { ok: true; follow: DescribedFollow; pitch?: PitchSubject } | { ok: false; reason: 'unknown' };

/** Checks that the thing exists and names it; a pitch that is not public reads as unknown (it answers 404 elsewhere too). */
export async function resolveFollow(db: Database, follow: Follow): Promise<ResolvedFollow> {
  if (!followKinds.includes(follow.kind)) return { ok: false, reason: 'unknown' };
  if (follow.kind !== 'pitch') {
    const described = describeStaticFollow(follow);
    return described ? { ok: true, follow: described } : { ok: false, reason: 'unknown' };
  }
  const pitch = await pitchOf(db, follow.value);
  if (!pitch) return { ok: false, reason: 'unknown' };
  return { ok: true, follow: { ...follow, label: pitch.title, path: `/pitches/${pitch.id}/` }, pitch };
}

export type FollowResult = { ok: true; follow: DescribedFollow } | { ok: false; reason: 'unknown' } | NotAllowed;

/**
 * Resolves a follow and asks the policy: what the confirm page shows and what `followThing`
 * stores. A pitch that is not public answers 'unknown', as the pitch itself answers 404.
 */
async function allowedFollow(deps: Deps, actor: Actor | null, follow: Follow): Promise<{ ok: true; follow: DescribedFollow; actor: Actor } | (FollowResult & { ok: false })> {
  if (!actor) return notAllowed;
  const resolved = await resolveFollow(deps.db, follow);
  if (!resolved.ok) return resolved;
  if (!can(actor, 'follow:manage', { userId: actor.userId, pitch: resolved.pitch })) return resolved.pitch ? { ok: false, reason: 'unknown' } : notAllowed;
  return { ok: true, follow: resolved.follow, actor };
}

/** For the confirm page (/account/volgen/?gemeente=zaanstad): what would be followed, and whether it already is. */
export async function followPreview(deps: Deps, actor: Actor | null, follow: Follow): Promise<(FollowResult & { ok: false }) | { ok: true; follow: DescribedFollow; following: boolean }> {
  const allowed = await allowedFollow(deps, actor, follow);
  if (!allowed.ok) return allowed;
  return { ok: true, follow: allowed.follow, following: await isFollowing(deps.db, allowed.actor.userId, follow) };
}

/** Follows the thing (following it twice changes nothing). A non-public pitch is refused. */
export async function followThing(deps: Deps, actor: Actor | null, follow: Follow): Promise<FollowResult> {
  const allowed = await allowedFollow(deps, actor, follow);
  if (!allowed.ok) return allowed;
  await deps.db
    .insert(follows)
    .values({ userId: allowed.actor.userId, kind: follow.kind, value: follow.value, createdAt: clock(deps) })
    .onConflictDoNothing();
  return { ok: true, follow: allowed.follow };
}

/** Stops following (also what no longer exists, such as a pitch that was withdrawn). */
export async function unfollowThing(deps: Deps, actor: Actor | null, follow: Follow): Promise<{ ok: true } | NotAllowed> {
  if (!can(actor, 'follow:manage', { userId: actor?.userId ?? '' })) return notAllowed;
  await deps.db.delete(follows).where(and(eq(follows.userId, actor.userId), eq(follows.kind, follow.kind), eq(follows.value, follow.value)));
  return { ok: true };
}

export type DeliveryResult = { ok: true; follow: DescribedFollow; delivery: FollowDelivery } | { ok: false; reason: 'not-following' | 'not-choosable' } | NotAllowed;

/**
 * Chooses how the person hears of one of their follows: at once when a fitting pitch is
 * published, in the weekly digest, or not by e-mail. Only for places and topics (a followed
 * pitch's news stays weekly); a follow they do not have is refused, never made.
 */
export async function setFollowDelivery(deps: Deps, actor: Actor | null, follow: Follow, delivery: FollowDelivery): Promise<DeliveryResult> {
  if (!can(actor, 'follow:manage', { userId: actor?.userId ?? '' })) return notAllowed;
  if (!deliveryIsChoosable(follow.kind)) return { ok: false, reason: 'not-choosable' };
  const described = describeStaticFollow(follow);
  const updated = await deps.db
    .update(follows)
    .set({ delivery })
    .where(and(eq(follows.userId, actor.userId), eq(follows.kind, follow.kind), eq(follows.value, follow.value)))
    .returning({ kind: follows.kind });
  if (updated.length === 0 || !described) return { ok: false, reason: 'not-following' };
  return { ok: true, follow: described, delivery };
}

/** Switches the weekly digest on or off. Switching it on starts the next digest from now, not from before the pause. */
export async function setDigest(deps: Deps, actor: Actor | null, enabled: boolean): Promise<{ ok: true } | NotAllowed> {
  if (!can(actor, 'follow:manage', { userId: actor?.userId ?? '' })) return notAllowed;
  const now = clock(deps);
  await deps.db
    .insert(digestSettings)
    .values({ userId: actor.userId, enabled, changedAt: now })
    .onConflictDoUpdate({ target: digestSettings.userId, set: { enabled, changedAt: now } });
  return { ok: true };
}

/** Whether the digest is on for this person (no row: on). */
export async function digestEnabled(db: Database, userId: string): Promise<boolean> {
  const [row] = await db.select({ enabled: digestSettings.enabled }).from(digestSettings).where(eq(digestSettings.userId, userId)).limit(1);
  return row?.enabled ?? true;
}

/** Does this person follow this thing? */
export async function isFollowing(db: Database, userId: string, follow: Follow): Promise<boolean> {
  const [row] = await db
    .select({ kind: follows.kind })
    .from(follows)
    .where(and(eq(follows.userId, userId), eq(follows.kind, follow.kind), eq(follows.value, follow.value)))
    .limit(1);
  return Boolean(row);
}

/**
 * The "Volgen" control of a page: 'sign-in' for a visitor (a link to the confirm page, which
 * asks to log in), 'following' or 'not-following' for someone signed in, 'no' when the thing
 * cannot be followed (a pitch that is not public).
 */
export async function followState(deps: Deps, actor: Actor | null, follow: Follow, pitch?: PitchSubject): Promise<'sign-in' | 'following' | 'not-following' | 'no'> {
  // A visitor may follow what is public once signed in: a pitch only when everyone may see it.
  if (!actor) return pitch && !pitchVisibleTo(null, pitch) ? 'no' : 'sign-in';
  if (!can(actor, 'follow:manage', { userId: actor.userId, pitch })) return 'no';
  return (await isFollowing(deps.db, actor.userId, follow)) ? 'following' : 'not-following';
}

/** One entry of the settings page: a follow with its name, how the person hears of it, and when it started. */
export interface FollowListEntry extends DescribedFollow {
  delivery: FollowDelivery;
  createdAt: number;
}

/** What a person follows (most specific kind first, then by name) and whether the digest is on; for the settings page. */
export async function followSettings(deps: Deps, actor: Actor | null): Promise<{ ok: true; follows: FollowListEntry[]; digestEnabled: boolean } | NotAllowed> {
  if (!can(actor, 'follow:manage', { userId: actor?.userId ?? '' })) return notAllowed;
  const rows = await deps.db.select().from(follows).where(eq(follows.userId, actor.userId)).orderBy(asc(follows.createdAt));
  const pitchIds = rows.filter((r) => r.kind === 'pitch').map((r) => r.value);
  const titles = new Map(
    pitchIds.length === 0
      ? []
      : (await deps.db.select({ id: pitches.id, title: pitches.title }).from(pitches).where(inArray(pitches.id, pitchIds))).map((p) => [p.id, p.title] as const),
  );
  const entries = rows.map((row): FollowListEntry => {
    const follow: Follow = { kind: row.kind, value: row.value };
    if (row.kind === 'pitch') return { ...follow, label: titles.get(row.value) ?? 'Een pitch die niet meer bestaat', path: `/pitches/${row.value}/`, delivery: row.delivery, createdAt: row.createdAt };
    const described = describeStaticFollow(follow);
    return { ...(described ?? { ...follow, label: row.value, path: '/' }), delivery: row.delivery, createdAt: row.createdAt };
  });
  entries.sort((a, b) => followKinds.indexOf(a.kind) - followKinds.indexOf(b.kind) || a.label.localeCompare(b.label, 'nl'));
  return { ok: true, follows: entries, digestEnabled: await digestEnabled(deps.db, actor.userId) };
}

/** What the data export (AVG) shows of following: every follow with its choice, the digest setting, and the at-once mails sent (which pitch, when). */
export async function followsForExport(db: Database, userId: string) {
  const [rows, enabled, alerts] = await Promise.all([
    db.select().from(follows).where(eq(follows.userId, userId)).orderBy(asc(follows.createdAt)),
    digestEnabled(db, userId),
    db.select({ pitchId: pitchAlerts.pitchId, createdAt: pitchAlerts.createdAt }).from(pitchAlerts).where(eq(pitchAlerts.userId, userId)).orderBy(asc(pitchAlerts.createdAt)),
  ]);
  return {
    weekoverzicht: enabled ? 'aan' : 'uit',
    volgt: rows.map((row) => ({
      soort: followKindLabels[row.kind],
      waarde: row.value,
      bericht: deliveryIsChoosable(row.kind) ? followDeliveryLabels[row.delivery] : followDeliveryLabels.weekly,
      sinds: new Date(row.createdAt).toISOString(),
    })),
    meteenGemaildOverPitches: alerts.map((alert) => ({ pitch: alert.pitchId, op: new Date(alert.createdAt).toISOString() })),
  };
}
