/**
 * Demo data for outcome follow-up, so /resultaten/ and the pitch page are not
 * empty on a trial install (never in production). Two closed demo pitches whose titles and
 * texts say they are made up, with made-up numbers: one of Zaanstad by the demo member (closed
 * 13 months ago: answers after 3 and 6 months, the 12-month question open as a task on the
 * account page), one of Amsterdam (partly matched, answered after 3 months). Idempotent.
 */
import { pitchSearchKeys } from '#domain/search/pitch-keys.ts';
import { eq } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { followUps } from '#db/follow-up-schema.ts';
import { pitchFacets, pitches } from '#db/marketplace-schema.ts';
import { users } from '#db/schema.ts';
import { newId } from '#platform/auth/crypto.ts';
import { followUpSchedule } from '#domain/follow-up-schedule.ts';
import { amsterdamDate } from '#domain/amsterdam-time.ts';
import { renderUserMarkdown } from '#platform/markdown/render-user-markdown.ts';

const DAY = 24 * 60 * 60 * 1000;
const madeUp = '*Dit is een verzonnen voorbeeldpitch (demodata): de pitch, de uitkomst en de resultaten bestaan niet echt.*';

const demoClosed = [
  {
    id: 'demo-zaanstad-magazijn',
    municipalityId: 'zaanstad',
    byDemoMember: true,
    title: 'Werkervaring in het magazijn (demo)',
    area: 'Zaandam',
    challenge: `Een verzonnen voorbeeld: de gemeente zocht werkgevers met werkervaringsplaatsen in logistiek voor mensen in de bijstand.\n\n${madeUp}`,
    ask: 'Werkervaringsplaatsen met een buddy op de werkvloer.',
    helpKinds: ['werkervaringsplaatsen', 'mentor-buddy'],
    targetGroups: ['bijstand'],
    sectors: ['logistiek'],
    outcome: 'matched' as const,
    peoplePlaced: 6,
    closedDaysAgo: 395,
    answers: { 3: [6, 6], 6: [6, 5] } as Record<number, [number, number]>,
  },
  {
    id: 'demo-amsterdam-zorg',
    municipalityId: 'amsterdam',
    byDemoMember: false,
    title: 'Jongeren aan de slag in de zorg (demo)',
    area: 'Amsterdam-Noord',
    challenge: `Een verzonnen voorbeeld: BBL-plaatsen in de zorg voor jongeren zonder startkwalificatie.\n\n${madeUp}`,
    ask: 'Zorgorganisaties met BBL-plaatsen en een praktijkopleider.',
    helpKinds: ['stage-bbl', 'opleiding'],
    targetGroups: ['jongeren'],
    sectors: ['zorg'],
    outcome: 'partly' as const,
    peoplePlaced: 3,
    closedDaysAgo: 120,
    answers: { 3: [3, 2] } as Record<number, [number, number]>,
  },
];

/** Adds the closed demo pitches with their questions and answers; returns how many are new. */
export async function seedFollowUps(db: Database, authorEmail: string, now = Date.now()): Promise<number> {
  const [author] = await db.select({ id: users.id }).from(users).where(eq(users.email, authorEmail)).limit(1);
  let added = 0;
  for (const demo of demoClosed) {
    const [existing] = await db.select({ id: pitches.id }).from(pitches).where(eq(pitches.id, demo.id)).limit(1);
    if (existing) continue;
    const closedAt = now - demo.closedDaysAgo * DAY;
    const publishedAt = closedAt - 60 * DAY;
    const authorId = demo.byDemoMember ? (author?.id ?? null) : null;
    await db.batch([
      db.insert(pitches).values({
        id: demo.id,
        municipalityId: demo.municipalityId,
        authorId,
        title: demo.title,
        area: demo.area,
        challenge: demo.challenge,
        challengeHtml: renderUserMarkdown(demo.challenge),
        ask: demo.ask,
        askHtml: renderUserMarkdown(demo.ask),
        searchKeys: pitchSearchKeys(demo),
        peopleSought: demo.peoplePlaced,
        closingDate: amsterdamDate(new Date(closedAt)),
        contactName: 'Demo Contactpersoon',
        contactRole: 'Accountmanager werkgevers (demo)',
        contactEmail: 'contact@demo.praktijkplein.nl',
        status: 'closed',
        outcome: demo.outcome,
        peoplePlaced: demo.peoplePlaced,
        demo: true,
        createdAt: publishedAt,
        updatedAt: closedAt,
        submittedAt: publishedAt,
        publishedAt,
        closedAt,
      }),
      db.insert(pitchFacets).values([
        ...demo.helpKinds.map((value) => ({ pitchId: demo.id, facet: 'help-kind' as const, value })),
        ...demo.targetGroups.map((value) => ({ pitchId: demo.id, facet: 'target-group' as const, value })),
        ...demo.sectors.map((value) => ({ pitchId: demo.id, facet: 'sector' as const, value })),
      ]),
      db.insert(followUps).values(
        followUpSchedule(closedAt).map(({ monthsAfter, dueOn }) => {
          const answer = demo.answers[monthsAfter];
          const answeredAt = closedAt + monthsAfter * 30 * DAY + DAY;
          return {
            id: newId(),
            pitchId: demo.id,
            monthsAfter,
            dueOn,
            createdAt: closedAt,
            // Answered ones were reminded long ago; open ones wait for the reminder job.
            remindedAt: answer ? answeredAt - DAY : null,
            ...(answer ? { started: answer[0], stillWorking: answer[1], answeredBy: authorId, answeredAt } : {}),
          };
        }),
      ),
    ]);
    added++;
  }
  return added;
}
