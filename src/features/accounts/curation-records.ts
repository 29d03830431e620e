/**
 * The stored side of curators' decisions that other parts need without the curation flows:
 * the data export, account deletion and retention (so those modules do not pull in the
 * marketplace through src/features/accounts/curation.ts).
 */
import { asc, sql } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { curationDecisions, organisations, users } from '#db/schema.ts';

/** The decision names this person (as its subject, or as a proposer of an employer). */
const about = (userId: string) => sql`exists (select 1 from json_each(${curationDecisions.userIds}) where value = ${userId})`;

/** Decisions about a person, oldest first (the export: what was decided and the reason they were told). */
export function decisionsAbout(db: Database, userId: string) {
  return db.select().from(curationDecisions).where(about(userId)).orderBy(asc(curationDecisions.decidedAt));
}

/**
 * Statement that removes the decisions about a person who deletes their account (their reasons
 * are about them); in the deletion's batch. A proposed employer's decision goes too: it names them.
 */
export function deleteDecisionsAbout(db: Database, userId: string) {
  return db.delete(curationDecisions).where(about(userId));
}

/** Decisions older than this are history (the audit log keeps what happened); a standing rejection stays while its subject exists. */
export const DECISION_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Statement for retention: confirmations and undone decisions after DECISION_RETENTION_MS (the
 * membership itself is on the account), and rejections whose person or employer no longer exists.
 */
export function deleteOldDecisions(db: Database, now = Date.now()) {
  const old = sql`${curationDecisions.decidedAt} < ${now - DECISION_RETENTION_MS} and (${curationDecisions.decision} = 'confirmed' or ${curationDecisions.undoneAt} is not null)`;
  const orphan = sql`(${curationDecisions.subjectType} = 'user' and not exists (select 1 from ${users} where ${users.id} = ${curationDecisions.subjectId}))
    or (${curationDecisions.subjectType} = 'organisation' and not exists (select 1 from ${organisations} where ${organisations.id} = ${curationDecisions.subjectId}))`;
  return db.delete(curationDecisions).where(sql`(${old}) or ${orphan}`);
}

