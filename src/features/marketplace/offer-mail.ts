/** Who hears about offers, and what every offer mail says about its pitch and employer. */
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import type { PitchRow } from '#db/marketplace-schema.ts';
import { users } from '#db/schema.ts';
import { enqueueMail, type MailMessage } from '#platform/mail/outbox.ts';
import type { OfferMailContext } from '#platform/mail/offer-messages.ts';

/** The pitch and employer an offer mail is about. */
export const mailContext = (origin: string, pitch: Pick<PitchRow, 'id' | 'title'>, employerName: string): OfferMailContext => ({
  origin,
  pitchId: pitch.id,
  pitchTitle: pitch.title,
  employerName,
});

/**
 * Who hears about offers on a pitch: its author (while the account exists) and its contact
 * person, once each. The contact address was typed by a verified member of the municipality.
 */
export async function pitchOwners(db: Database, pitch: Pick<PitchRow, 'authorId' | 'contactEmail' | 'contactName'>) {
  // Only the author's confirmed address: the contact address on a pitch is typed freely, so
  // mailing it would let anyone point the site's mail at a stranger. Colleagues see offers on
  // the site.
  const recipients: { email: string; name: string; userId: string | null }[] = [];
  if (pitch.authorId) {
    const [author] = await db
      .select({ id: users.id, email: users.email, name: users.name })
      .from(users)
      .where(and(eq(users.id, pitch.authorId), isNotNull(users.emailVerifiedAt)))
      .limit(1);
    if (author) recipients.push({ email: author.email, name: author.name, userId: author.id });
  }
  return recipients;
}

/** The author of an offer, to tell about answers (none once the account is deleted). */
export async function offerAuthor(db: Database, authorId: string | null) {
  if (!authorId) return undefined;
  // Never to an address nobody confirmed (anyone can type a stranger's address when registering in the flow).
  const [author] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.id, authorId), isNotNull(users.emailVerifiedAt)))
    .limit(1);
  return author;
}

/** The outbox inserts for these messages, each tagged with the account it is about. */
export const mailTo = (db: Database, messages: { message: MailMessage; userId: string | null }[], now: number) =>
  messages.map(({ message, userId }) => enqueueMail(db, { ...message, userId }, now));
