/**
 * The marketplace's part of a verification: offers that waited for their author to be
 * verified move on. Called by features/verification after an address, a membership or an
 * employer is confirmed (accounts itself knows nothing of offers).
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { offers } from '#db/marketplace-schema.ts';
import { organisations, users } from '#db/schema.ts';
import { clock, type Deps } from '#platform/context.ts';
import { audit } from '#platform/audit/audit-log.ts';
import { isUniqueViolation } from '#platform/database/errors.ts';
import { batchUnlessStale, isStaleWrite, nextVersion } from '#platform/database/versioned-write.ts';
import { enqueueMail } from '#platform/mail/outbox.ts';
import { offerReceivedMessage, offerReleasedMessage, offerSupersededMessage, type ReleaseCause } from '#platform/mail/offer-messages.ts';
import { transition } from '#domain/offer-lifecycle.ts';
import { employerHasOffer, type WriteHooks } from './offers.ts';
import { loadOfferPitch } from './offer-records.ts';
import { mailContext, mailTo, pitchOwners } from './offer-mail.ts';

/**
 * Moves waiting offers on to 'offered' once their author can act for the employer (address
 * confirmed, membership and organisation verified), and tells the pitch owners and the author.
 * Called after every verification: an address confirmed (by a domain, a membership follows),
 * a member or a new employer verified by a curator. Each offer goes through the lifecycle's
 * 'verify' by 'system'; one on a pitch that closed meanwhile stays waiting (it may be withdrawn).
 * One whose employer meanwhile made its one offer on the pitch (through a verified colleague)
 * goes through 'supersede' instead: withdrawn, never a second offer, and its author is told why.
 * `cause` words the author's mail (a curator's confirmation is told there, with the reason);
 * `hooks` lets a test step in just before the write. Returns the released offers with their authors.
 */
export async function releaseWaitingOffers(
  deps: Deps,
  who: { userId: string } | { organisationId: string },
  cause: ReleaseCause = { by: 'address' },
  hooks: WriteHooks = {},
): Promise<{ offerId: string; authorId: string }[]> {
  const { db } = deps;
  const now = clock(deps);
  const rows = await db
    .select({ offer: offers, employerName: organisations.name, author: { id: users.id, email: users.email, name: users.name } })
    .from(offers)
    .innerJoin(users, eq(users.id, offers.authorId))
    .innerJoin(organisations, eq(organisations.id, offers.employerId))
    .where(
      and(
        eq(offers.status, 'waiting-for-verification'),
        'userId' in who ? eq(offers.authorId, who.userId) : eq(offers.employerId, (who as { organisationId: string }).organisationId),
        // Still a member of that employer, and everything verified (policy's "acts for").
        eq(users.organisationId, offers.employerId),
        isNotNull(users.emailVerifiedAt),
        isNotNull(users.membershipVerifiedAt),
        isNotNull(organisations.verifiedAt),
      ),
    );
  const released: { offerId: string; authorId: string }[] = [];
  for (const row of rows) {
    const pitch = await loadOfferPitch(db, row.offer.pitchId);
    if (!pitch) continue;
    const move = transition(row.offer, pitch, 'verify', { by: 'system' });
    if (!move.ok) continue;
    const context = mailContext(deps.origin, pitch, row.employerName);
    const supersede = async () => {
      const withdrawn = transition(row.offer, pitch, 'supersede', { by: 'system' });
      if (!withdrawn.ok) return;
      // An offer withdrawn meanwhile makes the batch stale: nothing is written.
      await batchUnlessStale(db, [
        db
          .update(offers)
          .set({ status: withdrawn.status, version: nextVersion(offers.version, row.offer.version), updatedAt: now })
          .where(eq(offers.id, row.offer.id)),
        audit(db, { actorUserId: null, action: 'offer.superseded', subjectType: 'offer', subjectId: row.offer.id, detail: { pitchId: pitch.id, to: withdrawn.status } }, now),
        enqueueMail(db, { ...offerSupersededMessage(row.author.email, row.author.name, context), userId: row.author.id }, now),
      ]);
    };
    if (await employerHasOffer(db, pitch.id, row.offer.employerId)) {
      await supersede();
      continue;
    }
    const owners = await pitchOwners(db, pitch);
    await hooks.beforeWrite?.();
    try {
      // One batch per offer: one that was withdrawn meanwhile fails alone (stale), the rest go on.
      await db.batch([
        db
          .update(offers)
          .set({ status: move.status, version: nextVersion(offers.version, row.offer.version), updatedAt: now })
          .where(eq(offers.id, row.offer.id)),
        audit(db, { actorUserId: null, action: 'offer.released', subjectType: 'offer', subjectId: row.offer.id, detail: { pitchId: pitch.id, to: move.status } }, now),
        ...mailTo(db, owners.map((o) => ({ message: offerReceivedMessage(o.email, o.name, context, row.offer.helpKinds), userId: o.userId })), now),
        enqueueMail(db, { ...offerReleasedMessage(row.author.email, row.author.name, context, cause), userId: row.author.id }, now),
      ]);
      released.push({ offerId: row.offer.id, authorId: row.author.id });
    } catch (error) {
      // A colleague's offer was written between our check and this write: the index refused a second one.
      if (isUniqueViolation(error)) await supersede();
      else if (!isStaleWrite(error)) throw error;
    }
  }
  return released;
}

