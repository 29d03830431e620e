/** Roles: a curator or admin gives a person a role (the first admin comes from the command line). */
import { eq } from 'drizzle-orm';
import { sessions, users, type Role } from '#db/schema.ts';
import { audit } from '#platform/audit/audit-log.ts';
import { securityEvent } from '#platform/audit/security-events.ts';
import { clock, type Deps } from '#platform/context.ts';
import { can, type Actor, type NotAllowed } from '#domain/policy.ts';
import { findUserByEmail } from './users.ts';
import { refused } from './curation-rules.ts';

/**
 * Gives a person a role; their sessions end so the new rights apply from the next login.
 * `actor` 'cli' means the command line (npm run user:role), which creates the first admin.
 */
export async function assignRole(
  deps: Deps,
  actor: Actor | null | 'cli',
  email: string,
  role: Role,
): Promise<{ ok: true } | NotAllowed | { ok: false; reason: 'not-found' }> {
  // A first look without the record, so a stranger learns nothing about who has an account.
  if (actor !== 'cli' && !can(actor, 'curation:view')) return refused(deps, actor, 'role:assign');
  const { db } = deps;
  const now = clock(deps);
  const user = await findUserByEmail(db, email);
  if (!user) return { ok: false, reason: 'not-found' };
  if (actor !== 'cli' && !can(actor, 'role:assign', { userId: user.id })) return refused(deps, actor, 'role:assign');
  const via = actor === 'cli' ? 'cli' : 'web';
  const event = securityEvent(db, { kind: 'role.assigned', userId: user.id, email: user.email, ip: actor === 'cli' ? null : deps.ip, detail: { role, via, by: actor === 'cli' ? null : actor.userId } }, now);
  await db.batch([
    db.update(users).set({ role }).where(eq(users.id, user.id)),
    db.delete(sessions).where(eq(sessions.userId, user.id)),
    audit(db, { actorUserId: actor === 'cli' ? null : actor.userId, action: 'role.assigned', subjectType: 'user', subjectId: user.id, detail: { role, via } }, now),
    event.insert,
  ]);
  event.announce();
  return { ok: true };
}
