/** The curators' read model of the activity calendar: what waits for a decision. */
import { asc, eq } from 'drizzle-orm';
import { activities } from '#db/activities-schema.ts';
import { organisations, users } from '#db/schema.ts';
import type { Deps } from '#platform/context.ts';
import { can, type Actor } from '#domain/policy.ts';
import { loadActivity, type ActivityRecord } from './activities.ts';

/** One activity in the moderation queue, with what a curator needs to decide. */
export interface QueuedActivity extends ActivityRecord {
  submitterName: string | null;
  submitterEmail: string | null;
  organisationName: string | null;
}

/** The moderation queue: submitted activities, oldest submission first; null when the actor is no curator. */
export async function activityModerationQueue(deps: Deps, actor: Actor | null): Promise<QueuedActivity[] | null> {
  if (!can(actor, 'curation:view')) return null;
  const rows = await deps.db
    .select({ id: activities.id, submitterName: users.name, submitterEmail: users.email, organisationName: organisations.name })
    .from(activities)
    .leftJoin(users, eq(users.id, activities.submitterId))
    .leftJoin(organisations, eq(organisations.id, activities.organisationId))
    .where(eq(activities.status, 'submitted'))
    .orderBy(asc(activities.submittedAt));
  const queue: QueuedActivity[] = [];
  for (const row of rows) {
    const activity = await loadActivity(deps.db, row.id);
    if (!activity || !can(actor, 'activity:moderate', activity)) continue;
    queue.push({ ...activity, submitterName: row.submitterName, submitterEmail: row.submitterEmail, organisationName: row.organisationName });
  }
  return queue;
}
