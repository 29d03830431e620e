/**
 * AVG for the calendar, live sessions, digests and the content editor: "download my data" includes the person's activities,
 * content drafts, publications, live sessions and digests; deleting the account removes the
 * name from the publication history (the change itself stays, like the audit log's entries).
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { activities } from '#db/activities-schema.ts';
import { contentDrafts } from '#db/editor-schema.ts';
import { liveSessions } from '#db/live-schema.ts';
import { publications, revisions } from '#db/publishing-schema.ts';
import { deleteAccount, exportUserData } from '#features/accounts/profile.ts';
import { strongPassword, testDatabase, type TestDb } from './helpers.ts';
import { verifiedMember } from '../marketplace/helpers.ts';

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => t.cleanup());

describe('bijdragen in "mijn gegevens" en bij verwijderen', () => {
  test('de export noemt activiteiten, concepten, publicaties en sessies; na verwijderen staat de naam niet meer in de geschiedenis', async () => {
    const { user } = await verifiedMember(t, 'cora@zaanstad.nl', { kind: 'municipality', organisationId: 'zaanstad' });
    const db = t.handle.db;
    const now = Date.parse('2026-11-20T10:00:00Z');
    await db.insert(activities).values({
      id: 'meet-en-greet-abc', title: 'Meet & greet in Zaandam', description: 'Kennismaken.', kind: 'meet-and-greet', startsAt: now, endsAt: now + 3_600_000,
      place: 'Zaandam', organiserName: 'Zaanstad', organisationId: 'zaanstad', submitterId: user.id, status: 'submitted', createdAt: now, updatedAt: now, submittedAt: now,
    } as typeof activities.$inferInsert);
    await db.insert(contentDrafts).values({
      id: 'concept1', kind: 'case', contentId: 'nieuw-voorbeeld', title: 'Nieuw voorbeeld', fileText: '---\n---\n', formData: '{}', createdBy: user.id, updatedBy: user.id, createdAt: now, updatedAt: now,
    } as typeof contentDrafts.$inferInsert);
    await db.insert(publications).values({
      id: 'pub1', state: 'live', summary: 'Nieuw praktijkvoorbeeld', publisherId: user.id, publisherName: 'Cora Curator', changes: '[]', createdAt: now,
    } as typeof publications.$inferInsert);
    await db.insert(revisions).values({
      id: 'rev1', publicationId: 'pub1', publisherId: user.id, publisherName: 'Cora Curator', summary: 'Nieuw praktijkvoorbeeld', changes: '[]', paths: '[]', createdAt: now,
    } as typeof revisions.$inferInsert);
    await db.insert(liveSessions).values({ id: 'sessie1', title: 'Werkconferentie', createdBy: user.id, status: 'ended', createdAt: now, endedAt: now } as typeof liveSessions.$inferInsert);

    const data = (await exportUserData(t.deps(), user.id))!;
    expect(data.aangemeldeActiviteiten).toEqual([expect.objectContaining({ titel: 'Meet & greet in Zaandam' })]);
    expect(data.conceptenVanInhoud).toEqual([expect.objectContaining({ pagina: 'nieuw-voorbeeld', gemaaktDoorUzelf: true })]);
    expect(data.publicaties).toEqual([expect.objectContaining({ samenvatting: 'Nieuw praktijkvoorbeeld', naamInDeGeschiedenis: 'Cora Curator' })]);
    expect(data.livePitchsessies).toEqual([expect.objectContaining({ titel: 'Werkconferentie' })]);

    expect(await deleteAccount(t.deps(), user, { password: strongPassword })).toEqual({ ok: true });
    const names = [...(await db.select({ name: publications.publisherName }).from(publications)), ...(await db.select({ name: revisions.publisherName }).from(revisions))];
    expect(names.map((n) => n.name)).toEqual(['Verwijderd account', 'Verwijderd account']);
    expect((await db.select().from(activities).where(eq(activities.id, 'meet-en-greet-abc')))[0]?.submitterId).toBeNull();
  });
});
