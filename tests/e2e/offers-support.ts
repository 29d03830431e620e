/** What offer tests need besides a browser: a published pitch in the server's database (the pitch slice owns writing them through the site). */
import { eq } from 'drizzle-orm';
import { pitches } from '#db/marketplace-schema.ts';
import { users } from '#db/schema.ts';
import { serverDatabase } from './accounts-support.ts';

/** Inserts a published pitch of Zaanstad by this author (an existing account), closing next year. */
export async function publishedPitch(authorEmail: string, title = 'Werk in de Poelenbrug') {
  const { db } = await serverDatabase();
  const [author] = await db.select().from(users).where(eq(users.email, authorEmail));
  if (!author) throw new Error(`geen account ${authorEmail}`);
  const id = `poelenbrug-${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  const now = Date.now();
  await db.insert(pitches).values({
    id,
    municipalityId: author.organisationId,
    authorId: author.id,
    title,
    area: 'Poelenbrug',
    challenge: 'Wie biedt?',
    challengeHtml: '<p>Wie biedt?</p>',
    ask: 'Banen',
    askHtml: '<p>Banen</p>',
    peopleSought: 10,
    closingDate: `${new Date().getFullYear() + 1}-06-30`,
    contactName: author.name,
    contactEmail: author.email,
    status: 'published',
    createdAt: now,
    updatedAt: now,
    publishedAt: now,
  });
  return id;
}

/** A curator's verification of a membership, as the curation page does it (for people the story does not follow there). */
export async function verifyMembership(email: string) {
  const { db } = await serverDatabase();
  await db.update(users).set({ membershipVerifiedAt: Date.now(), membershipVerifiedBy: 'curator' }).where(eq(users.email, email));
}
