/**
 * What every curation step shares: whose membership a curator verifies, when a rejection
 * stands, and how a refused attempt is logged (curation.refused, a security event).
 */
import { sql } from 'drizzle-orm';
import { curationDecisions, organisations, users } from '#db/schema.ts';
import { logSecurityEvent } from '#platform/audit/security-events.ts';
import { clock, type Deps } from '#platform/context.ts';
import type { CurationSubjectType } from '#domain/curation-decision.ts';
import { notAllowed, type Action, type Actor, type NotAllowed } from '#domain/policy.ts';
import { registrableKinds } from '#domain/accounts.ts';

/** Kinds whose members must be verified before they act for the organisation: those one can register with. */
export const memberKinds = registrableKinds;

/** The policy said no: a signed-in person tried a curator action (probing or a crafted form). */
export async function refused(deps: Deps, actor: Actor | null, action: Action): Promise<NotAllowed> {
  if (actor) await logSecurityEvent(deps.db, { kind: 'curation.refused', userId: actor.userId, ip: deps.ip, detail: { action } }, clock(deps));
  return notAllowed;
}

/**
 * A rejection of this subject that stands (not undone). The id is a column of the outer query
 * (the waiting lists) or a value (one person's own account).
 */
export function rejectionStands(subjectType: CurationSubjectType, subjectId: typeof users.id | typeof organisations.id | string) {
  return sql`exists (select 1 from ${curationDecisions} where ${curationDecisions.subjectType} = ${subjectType} and ${curationDecisions.subjectId} = ${subjectId} and ${curationDecisions.decision} = 'rejected' and ${curationDecisions.undoneAt} is null)`;
}

/** No standing rejection: what keeps a rejected subject out of the waiting lists. */
export function noStandingRejection(subjectType: CurationSubjectType, subjectId: typeof users.id | typeof organisations.id) {
  return sql`not ${rejectionStands(subjectType, subjectId)}`;
}
