/**
 * Home of how curators hear that someone waits for them. A person enters a curator's waiting
 * list when they confirm their address (and their membership is not confirmed by their
 * organisation's own domain); a waiting offer makes it urgent, because the municipality does not
 * see it until a curator decides. Every curator gets one mail a little later, with a key per
 * curator: whoever else arrives in that time joins the same mail as a line instead of adding
 * one (enqueueJoinedMail), so ten registrations in a minute are one mail per curator.
 */
import { and, eq, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '#db/client.ts';
import { organisations, users } from '#db/schema.ts';
import { enqueueJoinedMail } from '#platform/mail/outbox.ts';
import { waitingApplicantLine, waitingForCuratorMessage } from '#platform/mail/curation-messages.ts';
import { memberKinds, noStandingRejection } from './curation-rules.ts';
import { moderatorAddresses } from './users.ts';

/**
 * How long the curators' mail waits for more people to join it: short enough that a curator
 * hears within a minute, long enough that a room full of registrations is one mail.
 */
export const CURATOR_ALERT_DELAY_MS = 45 * 1000;

/** Someone in a curator's waiting list, as the curators' mail names them. */
export interface WaitingApplicant {
  person: string;
  organisation: string;
  /** The person proposed a new employer: the curator confirms the organisation and the person together. */
  newEmployer: boolean;
}

/**
 * The person as a curator's waiting list shows them, or null when they are not in it: address
 * confirmed, membership not, of a municipality or employer, and no rejection that stands (the
 * same conditions as pendingMembers and pendingOrganisations in curation-queues.ts).
 */
export async function waitingApplicant(db: Database, userId: string): Promise<WaitingApplicant | null> {
  const [row] = await db
    .select({ person: users.name, organisation: organisations.name, organisationVerifiedAt: organisations.verifiedAt })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        eq(users.id, userId),
        isNotNull(users.emailVerifiedAt),
        isNull(users.membershipVerifiedAt),
        inArray(organisations.kind, memberKinds),
        or(
          and(isNotNull(organisations.verifiedAt), noStandingRejection('user', users.id)),
          and(eq(organisations.kind, 'employer'), isNull(organisations.verifiedAt), noStandingRejection('organisation', organisations.id)),
        ),
      ),
    )
    .limit(1);
  return row ? { person: row.person, organisation: row.organisation, newEmployer: row.organisationVerifiedAt === null } : null;
}

/** The curators' mail for one waiting person: one joined outbox row per curator (run them in the change's batch). */
export async function curatorAlertStatements(
  db: Database,
  origin: string,
  applicant: WaitingApplicant & { pitchTitles: readonly string[] },
  now: number,
): Promise<BatchItem<'sqlite'>[]> {
  const line = waitingApplicantLine(applicant);
  return (await moderatorAddresses(db)).map((curator) => {
    const { message, tail } = waitingForCuratorMessage(curator.email, curator.name, origin, line);
    return enqueueJoinedMail(db, { ...message, userId: curator.id, replaces: `curator-waiting:${curator.id}`, notBefore: now + CURATOR_ALERT_DELAY_MS }, { line, tail }, now);
  });
}
