/**
 * Demo pitches and offers, for trying the marketplace locally (never in production). Facts
 * about real organisations only where a source gives them: the Poelenbrug pitch as the work
 * conference report tells it (Zaanstad; many inhabitants far from work; "Wie biedt?"; ten
 * employers wanted to help); the other pitches say in their text that they are demo examples
 * built on what a municipality's programme says it wants. Every employer that offers is
 * fictional and says so in its name, and so is the contact person of each offer ("(voorbeeld)",
 * an address under the reserved top-level domain .example of RFC 2606, which never receives
 * mail), so the demo shows what a municipality gets: someone to call. Idempotent: pitches,
 * offers and contacts have fixed ids.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { offers, pitchFacets, pitches } from '#db/marketplace-schema.ts';
import { organisations, users } from '#db/schema.ts';
import { renderUserMarkdown } from '#platform/markdown/render-user-markdown.ts';
import { amsterdamDate } from '#domain/amsterdam-time.ts';
import type { OfferStatus } from '#domain/offer-lifecycle.ts';

interface DemoPitch {
  id: string;
  municipalityId: string;
  title: string;
  area: string;
  challenge: string;
  ask: string;
  helpKinds: string[];
  targetGroups: string[];
  sectors: string[];
  peopleSought: number | null;
  daysOpen: number;
  featured?: boolean;
}

const demoNotice = '*Dit is een voorbeeldpitch (demodata).*';

export const demoPitches: DemoPitch[] = [
  {
    id: 'demo-zaanstad-poelenbrug',
    municipalityId: 'zaanstad',
    title: 'Poelenbrug: wie biedt?',
    area: 'Poelenbrug',
    challenge: `In de wijk Poelenbrug wonen veel mensen met een afstand tot de arbeidsmarkt. De gemeente Zaanstad ziet daar kansen en wil samenwerken met werkgevers in de wijk.\n\nOp een werkconferentie van gemeenten en werkgevers legde de wethouder de vraag open bij de zaal: "Wie biedt?" Tien werkgevers wilden meedenken en de handen uit de mouwen steken. Met deze pitch zetten we die vraag hier open, zodat ook andere werkgevers kunnen aanhaken.\n\n${demoNotice} De gegevens over de pitch komen uit het verslag van de werkconferentie; de werkgevers die hier meedoen zijn verzonnen.`,
    ask: 'Werkgevers in de wijk die met de gemeente willen meedenken en samen de handen uit de mouwen willen steken. Wat u kunt bieden, bespreken we graag.',
    helpKinds: ['anders'],
    targetGroups: ['afstand-arbeidsmarkt'],
    sectors: [],
    peopleSought: null,
    daysOpen: 60,
    featured: true,
  },
  {
    id: 'demo-amsterdam-basisbanen',
    municipalityId: 'amsterdam',
    title: 'Basisbanen bij werkgevers in de stad',
    area: 'Heel Amsterdam',
    challenge: `Het verkiezingsprogramma voor Amsterdam wil, als deel van een banenpact, 2.000 nieuwe gesubsidieerde basisbanen voor mensen met een afstand tot de arbeidsmarkt. Een deel van die banen komt bij werkgevers in de markt.\n\n${demoNotice} Het programma beschrijft een voornemen; dit is geen echte pitch van de gemeente.`,
    ask: 'Werkgevers die een of meer basisbanen willen bieden.',
    helpKinds: ['banen'],
    targetGroups: ['afstand-arbeidsmarkt', 'bijstand'],
    sectors: [],
    peopleSought: null,
    daysOpen: 90,
  },
  {
    id: 'demo-nijmegen-jongerenpact',
    municipalityId: 'nijmegen',
    title: 'Jongerenpact: werk waar jongeren makkelijk instromen',
    area: 'Nijmegen en de regio',
    challenge: `Het programma van GroenLinks Nijmegen noemt een Jongerenpact: het Werkbedrijf en de gemeente willen met bedrijven en organisaties in de regio zorgen voor werk waar jongeren makkelijk instromen, werkritme opdoen en kunnen doorstromen.\n\n${demoNotice} Het programma beschrijft een voornemen; dit is geen echte pitch van de gemeente.`,
    ask: 'Bedrijven die werk hebben waar jongeren makkelijk kunnen instromen, werkritme kunnen opdoen en kunnen doorstromen.',
    helpKinds: ['banen'],
    targetGroups: ['jongeren'],
    sectors: [],
    peopleSought: null,
    daysOpen: 45,
  },
  {
    id: 'demo-zoetermeer-bedrijfsscholen',
    municipalityId: 'zoetermeer',
    title: 'Bedrijfsscholen voor BBL-leerlingen',
    area: 'Zoetermeer',
    challenge: `Het programma van de PvdA Zoetermeer wil bedrijfsscholen voor BBL-leerlingen in ICT, bouw en installatie, gezondheidszorg en logistiek: sectoren die vakbekwame medewerkers zoeken.\n\n${demoNotice} Het programma beschrijft een voornemen; dit is geen echte pitch van de gemeente.`,
    ask: 'Bedrijven in deze sectoren die BBL-plaatsen willen bieden en willen meedenken over een bedrijfsschool.',
    helpKinds: ['stage-bbl', 'opleiding'],
    targetGroups: ['jongeren', 'leerlingen'],
    sectors: ['ict', 'bouw-installatie', 'zorg', 'logistiek'],
    peopleSought: null,
    daysOpen: 75,
  },
];

/** Fictional employers for the demo offers (their names say so). */
export const demoEmployers = [
  'Zaanse Bakkerij (demo)',
  'Groenbedrijf De Poel (demo)',
  'Fietsenmakerij Om de Hoek (demo)',
  'Schoonmaakbedrijf Glans (demo)',
  'Supermarkt Het Plein (demo)',
  'Installatiebedrijf Warmte (demo)',
  'Drukkerij Zaandrukt (demo)',
  'Zorghuis De Linde (demo)',
  'Logistiek Centrum West (demo)',
  'Koffiebar De Molen (demo)',
].map((name, i) => ({ id: `demo-werkgever-${i + 1}`, name }));

/** The made-up person behind each demo employer's offer, in the same order as `demoEmployers`. */
export const demoContacts = [
  { name: 'Bas Bakker (voorbeeld)', email: 'bas.bakker@zaanse-bakkerij.example' },
  { name: 'Gerda Groen (voorbeeld)', email: 'gerda.groen@de-poel.example' },
  { name: 'Frits Fietsma (voorbeeld)', email: 'frits@om-de-hoek.example' },
  { name: 'Sanne Schoon (voorbeeld)', email: 'sanne@glans.example' },
  { name: 'Pim Plein (voorbeeld)', email: 'pim.plein@het-plein.example' },
  { name: 'Ilse Warmte (voorbeeld)', email: 'ilse@warmte.example' },
  { name: 'Dirk Druk (voorbeeld)', email: 'dirk@zaandrukt.example' },
  { name: 'Linda de Linde (voorbeeld)', email: 'linda@de-linde.example' },
  { name: 'Wim West (voorbeeld)', email: 'wim.west@lcw.example' },
  { name: 'Mo Molenaar (voorbeeld)', email: 'mo@de-molen.example' },
].map((contact, i) => ({ ...contact, id: `demo-contact-${i + 1}`, organisationId: demoEmployers[i]!.id }));

/** The ten offers on the Poelenbrug pitch, in various states. */
const poelenbrugOffers: { status: OfferStatus; helpKinds: string[]; places: number | null; showName: boolean; message: string; ownerMessage?: string }[] = [
  { status: 'accepted', helpKinds: ['banen'], places: 2, showName: true, message: 'Wij zoeken twee mensen voor de bakkerij, vroege diensten.', ownerMessage: 'Graag! We nemen contact op om kennis te maken.' },
  { status: 'shortlisted', helpKinds: ['werkervaringsplaatsen'], places: 3, showName: true, message: 'Drie werkervaringsplaatsen in het groenonderhoud in de wijk.' },
  { status: 'offered', helpKinds: ['mentor-buddy'], places: null, showName: true, message: 'Een van onze monteurs wil buddy zijn.' },
  { status: 'offered', helpKinds: ['banen', 'mentor-buddy'], places: 1, showName: false, message: 'Eén baan in de schoonmaak, met een vaste collega als buddy.' },
  { status: 'offered', helpKinds: ['werkervaringsplaatsen'], places: 2, showName: true, message: 'Vakkenvullen, in de middag.' },
  { status: 'shortlisted', helpKinds: ['stage-bbl'], places: 1, showName: true, message: 'Een BBL-plek voor een leerling installatietechniek.' },
  { status: 'declined', helpKinds: ['anders'], places: null, showName: false, message: 'Wij kunnen drukwerk voor de wijkkrant doen.', ownerMessage: 'Dank u, maar dat past niet bij deze vraag.' },
  { status: 'offered', helpKinds: ['banen'], places: 2, showName: true, message: 'Twee banen als zorgassistent, met opleiding.' },
  { status: 'withdrawn', helpKinds: ['banen'], places: 1, showName: false, message: 'Helaas is onze vacature vervuld.' },
  { status: 'offered', helpKinds: ['werkervaringsplaatsen', 'opleiding'], places: 4, showName: true, message: 'Werkervaring in het magazijn, met een heftruckcursus.' },
];

/**
 * Adds the demo pitches, their facets, the Poelenbrug offers and their contacts; returns how many
 * pitches are new. `contactPasswordHash`: the contacts' password (the demo password, so the demo
 * can also be seen through an employer's eyes). `only`: just these demo pitches (a test that
 * needs the Poelenbrug pitch and not the rest).
 */
export async function seedMarketplace(db: Database, authorEmail: string, contactPasswordHash: string, now = Date.now(), only?: readonly string[]): Promise<number> {
  const [author] = await db.select({ id: users.id }).from(users).where(eq(users.email, authorEmail)).limit(1);
  await db
    .insert(organisations)
    .values(demoEmployers.map((e) => ({ id: e.id, kind: 'employer' as const, name: e.name, verifiedAt: now, createdAt: now })))
    .onConflictDoNothing();
  await db
    .insert(users)
    .values(
      demoContacts.map((c) => ({
        id: c.id,
        email: c.email,
        name: c.name,
        passwordHash: contactPasswordHash,
        organisationId: c.organisationId,
        emailVerifiedAt: now,
        membershipVerifiedAt: now,
        membershipVerifiedBy: 'curator' as const,
        createdAt: now,
      })),
    )
    .onConflictDoNothing();
  let added = 0;
  for (const [index, demo] of demoPitches.entries()) {
    if (only && !only.includes(demo.id)) continue;
    const [existing] = await db.select({ id: pitches.id }).from(pitches).where(eq(pitches.id, demo.id)).limit(1);
    if (existing) continue;
    const publishedAt = now - (index + 1) * 24 * 60 * 60 * 1000;
    const closingDate = amsterdamDate(new Date(now + demo.daysOpen * 24 * 60 * 60 * 1000));
    const facetRows = [
      ...demo.helpKinds.map((value) => ({ pitchId: demo.id, facet: 'help-kind' as const, value })),
      ...demo.targetGroups.map((value) => ({ pitchId: demo.id, facet: 'target-group' as const, value })),
      ...demo.sectors.map((value) => ({ pitchId: demo.id, facet: 'sector' as const, value })),
    ];
    const offerRows =
      demo.id === 'demo-zaanstad-poelenbrug'
        ? poelenbrugOffers.map((offer, i) => ({
            id: `${demo.id}-aanbod-${i + 1}`,
            pitchId: demo.id,
            employerId: demoEmployers[i]!.id,
            authorId: demoContacts[i]!.id,
            helpKinds: offer.helpKinds,
            places: offer.places,
            message: offer.message,
            showName: offer.showName,
            status: offer.status,
            ownerMessage: offer.ownerMessage ?? null,
            demo: true,
            createdAt: publishedAt + (i + 1) * 60 * 60 * 1000,
            updatedAt: publishedAt + (i + 1) * 60 * 60 * 1000,
          }))
        : [];
    await db.batch([
      db.insert(pitches).values({
        id: demo.id,
        municipalityId: demo.municipalityId,
        authorId: demo.municipalityId === 'zaanstad' ? (author?.id ?? null) : null,
        title: demo.title,
        area: demo.area,
        challenge: demo.challenge,
        challengeHtml: renderUserMarkdown(demo.challenge),
        ask: demo.ask,
        askHtml: renderUserMarkdown(demo.ask),
        peopleSought: demo.peopleSought,
        closingDate,
        contactName: 'Demo Contactpersoon',
        contactRole: 'Accountmanager werkgevers (demo)',
        contactEmail: 'contact@demo.praktijkplein.nl',
        status: 'published',
        featured: demo.featured ?? false,
        demo: true,
        createdAt: publishedAt,
        updatedAt: publishedAt,
        submittedAt: publishedAt,
        publishedAt,
      }),
      ...(facetRows.length ? [db.insert(pitchFacets).values(facetRows)] : []),
      ...(offerRows.length ? [db.insert(offers).values(offerRows)] : []),
    ]);
    added++;
  }
  // A database seeded before the demo offers had contacts: give them theirs (only where none is set).
  for (const [i, contact] of demoContacts.entries()) {
    await db
      .update(offers)
      .set({ authorId: contact.id })
      .where(and(eq(offers.id, `demo-zaanstad-poelenbrug-aanbod-${i + 1}`), isNull(offers.authorId)));
  }
  return added;
}
