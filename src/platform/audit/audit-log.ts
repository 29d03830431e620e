/** The audit log: who did what to which record. Entries go in the same batch as the change. */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { auditLog } from '#db/schema.ts';
import { newId } from '#platform/auth/crypto.ts';

export interface AuditEntry {
  actorUserId: string | null;
  action: string;
  subjectType: 'user' | 'organisation' | 'pitch' | 'offer' | 'suggestion' | 'publication' | 'live-session' | 'activity' | 'content-draft' | 'invitation';
  subjectId: string;
  detail?: Record<string, unknown>;
}

export function audit(db: Database, entry: AuditEntry, now = Date.now()) {
  return db.insert(auditLog).values({
    id: newId(),
    actorUserId: entry.actorUserId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
    createdAt: now,
  });
}

/**
 * The same entry, written only when `condition` (an SQL boolean) holds when the statement runs.
 * Lets an entry join a batch whose change is itself conditional, so both happen or neither.
 */
export function auditIf(db: Database, entry: AuditEntry, condition: SQL, now = Date.now()) {
  return db.run(sql`insert into ${auditLog} (id, actor_user_id, action, subject_type, subject_id, detail, created_at)
    select ${newId()}, ${entry.actorUserId}, ${entry.action}, ${entry.subjectType}, ${entry.subjectId}, ${entry.detail ? JSON.stringify(entry.detail) : null}, ${now}
    where ${condition}`);
}
