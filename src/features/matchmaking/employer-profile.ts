/**
 * The employer's own profile (sectors, regions and provinces it works in, kinds of help) and its
 * consent to be invited to pitches that fit. Members of the employer see it; only verified
 * members change it ('employer:edit-profile'), and the setting stays off until one of them turns
 * it on. Every save is in the audit log, and switching the setting is an entry of its own, so
 * who agreed to invitations can be traced.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { employerProfiles } from '#db/matchmaking-schema.ts';
import { organisations } from '#db/schema.ts';
import { audit } from '#platform/audit/audit-log.ts';
import { clock, type Deps } from '#platform/context.ts';
import { can, notAllowed, type Actor, type NotAllowed } from '#domain/policy.ts';
import type { ProfileInput } from './profile-input.ts';

/** A profile as the page shows it; an employer without a row has an empty one, setting off. */
export interface EmployerProfileView {
  sectors: string[];
  regions: string[];
  provinces: string[];
  helpKinds: string[];
  allowsInvitations: boolean;
  updatedAt: number | null;
}

const emptyProfile: EmployerProfileView = { sectors: [], regions: [], provinces: [], helpKinds: [], allowsInvitations: false, updatedAt: null };

/** The stored profile of an employer, or the empty one. */
export async function loadEmployerProfile(db: Database, organisationId: string): Promise<EmployerProfileView> {
  const [row] = await db.select().from(employerProfiles).where(eq(employerProfiles.organisationId, organisationId)).limit(1);
  if (!row) return emptyProfile;
  return { sectors: row.sectors, regions: row.regions, provinces: row.provinces, helpKinds: row.helpKinds, allowsInvitations: row.allowsInvitations, updatedAt: row.updatedAt };
}

export type ProfilePageResult = { ok: true; organisation: { id: string; name: string }; profile: EmployerProfileView; mayEdit: boolean } | NotAllowed;

/** The profile page of the actor's own employer: who may see it, and whether they may change it. */
export async function employerProfilePage(deps: Deps, actor: Actor | null): Promise<ProfilePageResult> {
  if (!actor || !can(actor, 'employer:view-profile', { organisationId: actor.organisationId }) || actor.organisationKind !== 'employer') return notAllowed;
  const [organisation] = await deps.db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.id, actor.organisationId)).limit(1);
  if (!organisation) return notAllowed;
  return { ok: true, organisation, profile: await loadEmployerProfile(deps.db, organisation.id), mayEdit: can(actor, 'employer:edit-profile', { organisationId: organisation.id }) };
}

export type SaveProfileResult = { ok: true; allowsInvitations: boolean; switched: boolean } | NotAllowed;

/** Saves the profile of the actor's own employer. */
export async function saveEmployerProfile(deps: Deps, actor: Actor | null, input: ProfileInput): Promise<SaveProfileResult> {
  if (!actor) return notAllowed;
  const organisationId = actor.organisationId;
  if (!can(actor, 'employer:edit-profile', { organisationId })) return notAllowed;
  const { db } = deps;
  const now = clock(deps);
  const before = await loadEmployerProfile(db, organisationId);
  const values = { sectors: input.sectors, regions: input.regions, provinces: input.provinces, helpKinds: input.helpKinds, allowsInvitations: input.allowsInvitations, updatedBy: actor.userId, updatedAt: now };
  const switched = before.allowsInvitations !== input.allowsInvitations;
  await db.batch([
    db
      .insert(employerProfiles)
      .values({ organisationId, ...values })
      .onConflictDoUpdate({ target: employerProfiles.organisationId, set: values }),
    audit(db, { actorUserId: actor.userId, action: 'employer-profile.saved', subjectType: 'organisation', subjectId: organisationId }, now),
    ...(switched
      ? [audit(db, { actorUserId: actor.userId, action: input.allowsInvitations ? 'employer-profile.invitations-on' : 'employer-profile.invitations-off', subjectType: 'organisation', subjectId: organisationId }, now)]
      : []),
  ]);
  return { ok: true, allowsInvitations: input.allowsInvitations, switched };
}
