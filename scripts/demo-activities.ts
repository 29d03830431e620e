/**
 * Demo activities for the calendar, for trying it locally (never in
 * production). All are invented and say so in their title and text; the only fact from the
 * sources is the idea itself: at the work conference a group asked for one national calendar of
 * inclusive activities (werkconferentie-werkgevers-en-gemeenten.txt). Organisers are the demo
 * organisations. Dates are relative to the day of seeding (one lies in the past, so "voorbij"
 * has something to show). Idempotent: fixed ids.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { activities, activityFacets } from '#db/activities-schema.ts';
import { users } from '#db/schema.ts';
import { addDays, amsterdamInstant, amsterdamWallTime } from '#domain/amsterdam-time.ts';

interface DemoActivity {
  id: string;
  title: string;
  kind: 'meet-and-greet' | 'werkconferentie' | 'open-dag' | 'anders';
  description: string;
  /** Days from the seeding day, and the Amsterdam times. */
  inDays: number;
  from: string;
  until: string;
  place: string | null;
  municipalityId: string | null;
  onlineUrl: string | null;
  organisationId: string;
  organiserName: string;
  audiences: string[];
  targetGroups: string[];
  sectors: string[];
}

const demoText = 'Dit is een verzonnen voorbeeld (demodata): deze activiteit vindt niet echt plaats.';

export const demoActivities: DemoActivity[] = [
  {
    id: 'demo-werkconferentie-gemeenten-werkgevers',
    title: 'Werkconferentie gemeenten en werkgevers (demo)',
    kind: 'werkconferentie',
    description: `Wethouders en inclusieve werkgevers zoeken samen naar werk voor mensen die nu aan de kant staan. In groepjes bespreken we welke goede voorbeelden er over een jaar te zien kunnen zijn, en gemeenten pitchen hun vraag aan de zaal.\n\n${demoText}`,
    inDays: 21,
    from: '13:30',
    until: '17:00',
    place: 'Zaandam',
    municipalityId: 'zaanstad',
    onlineUrl: null,
    organisationId: 'demo-netwerk',
    organiserName: 'Netwerk Praktijkplein (demo)',
    audiences: ['gemeenten', 'werkgevers'],
    targetGroups: ['arbeidsbeperking', 'bijstand'],
    sectors: [],
  },
  {
    id: 'demo-meet-and-greet-online',
    title: 'Online meet & greet: werkgevers ontmoeten jobcoaches (demo)',
    kind: 'meet-and-greet',
    description: `Een uur kennismaken in kleine groepjes: werkgevers die iemand met een afstand tot de arbeidsmarkt willen aannemen, en jobcoaches die daarbij helpen. Warme contacten in plaats van een lijst met namen.\n\n${demoText}`,
    inDays: 9,
    from: '16:00',
    until: '17:00',
    place: null,
    municipalityId: null,
    onlineUrl: 'https://voorbeeld.praktijkplein.nl/meet-and-greet',
    organisationId: 'demo-voorbeeldbedrijf',
    organiserName: 'Voorbeeldbedrijf (demo)',
    audiences: ['werkgevers', 'professionals'],
    targetGroups: ['arbeidsbeperking'],
    sectors: [],
  },
  {
    id: 'demo-open-dag-voorbeeldbedrijf',
    title: 'Open dag bij Tweede Voorbeeldbedrijf (demo)',
    kind: 'open-dag',
    description: `Kijk mee in het magazijn: hoe het werk is opgedeeld zodat iedereen een taak heeft die past, en wat een buddy op de werkvloer doet. Voor werkzoekenden, klantmanagers van gemeenten en andere werkgevers.\n\n${demoText}`,
    inDays: 35,
    from: '10:00',
    until: '15:00',
    place: 'Utrecht',
    municipalityId: 'utrecht',
    onlineUrl: null,
    organisationId: 'demo-tweede-bedrijf',
    organiserName: 'Tweede Voorbeeldbedrijf (demo)',
    audiences: ['werkzoekenden', 'gemeenten', 'werkgevers'],
    targetGroups: ['jongeren', 'arbeidsbeperking'],
    sectors: ['logistiek'],
  },
  {
    id: 'demo-meet-and-greet-voorbij',
    title: 'Meet & greet in de wijk (demo)',
    kind: 'meet-and-greet',
    description: `Ondernemers uit de wijk drinken koffie met bewoners die werk zoeken. Een voorbeeld van een activiteit die al voorbij is: ze blijft in de kalender te vinden.\n\n${demoText}`,
    inDays: -14,
    from: '10:00',
    until: '12:00',
    place: 'Zaandam',
    municipalityId: 'zaanstad',
    onlineUrl: null,
    organisationId: 'demo-netwerk',
    organiserName: 'Netwerk Praktijkplein (demo)',
    audiences: ['werkzoekenden', 'werkgevers'],
    targetGroups: ['bijstand'],
    sectors: [],
  },
];

/** Inserts the demo activities that are not there yet (published); returns how many were added. */
export async function seedActivities(db: Database, submitterEmail: string, now = Date.now()): Promise<number> {
  const [submitter] = await db.select({ id: users.id }).from(users).where(eq(users.email, submitterEmail)).limit(1);
  const today = amsterdamWallTime(now).day;
  let added = 0;
  for (const demo of demoActivities) {
    const [existing] = await db.select({ id: activities.id }).from(activities).where(eq(activities.id, demo.id)).limit(1);
    if (existing) continue;
    const day = addDays(today, demo.inDays);
    const start = amsterdamInstant(day, demo.from);
    const end = amsterdamInstant(day, demo.until);
    if (!start.ok || !end.ok) throw new Error(`Demo-activiteit ${demo.id}: ongeldige tijd`);
    const publishedAt = now - 2 * 86_400_000;
    await db.batch([
      db.insert(activities).values({
        id: demo.id,
        title: demo.title,
        description: demo.description,
        kind: demo.kind,
        startsAt: start.instant,
        endsAt: end.instant,
        allDay: false,
        place: demo.place,
        municipalityId: demo.municipalityId,
        onlineUrl: demo.onlineUrl,
        organisationId: demo.organisationId,
        organiserName: demo.organiserName,
        submitterId: submitter?.id ?? null,
        status: 'published',
        demo: true,
        createdAt: Math.min(publishedAt, start.instant - 86_400_000),
        updatedAt: publishedAt,
        submittedAt: Math.min(publishedAt, start.instant - 86_400_000),
        publishedAt: Math.min(publishedAt, start.instant - 86_400_000),
      }),
      db.insert(activityFacets).values([
        ...demo.audiences.map((value) => ({ activityId: demo.id, facet: 'audience' as const, value })),
        ...demo.targetGroups.map((value) => ({ activityId: demo.id, facet: 'target-group' as const, value })),
        ...demo.sectors.map((value) => ({ activityId: demo.id, facet: 'sector' as const, value })),
      ]),
    ]);
    added++;
  }
  return added;
}
