/**
 * Demo pitches and offers, for trying the marketplace locally (never in production). Facts
 * about real organisations only where a source gives them, and always told in the third
 * person: no demo pitch speaks for a municipality, and each says in its text that the
 * municipality did not post it. The Poelenbrug pitch retells what the work conference report
 * says (Zaanstad; many inhabitants far from work; "Wie biedt?"; ten employers in the room
 * wanted to help) and says that the employers offering here are made up, not those ten; the
 * other pitches are built on what a party's election programme says. Every sentence is our
 * own wording (no run of 12 words from a source sentence). Every employer that offers is
 * fictional and says so in its name, and so is the contact person of each offer ("(voorbeeld)",
 * an address under the reserved top-level domain .example of RFC 2606, which never receives
 * mail), so the demo shows what a municipality gets: someone to call. Idempotent: pitches,
 * offers and contacts have fixed ids.
 */
import { pitchSearchKeys } from '#domain/search/pitch-keys.ts';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
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

/** The notice at the end of every demo pitch: not the municipality's own. */
const demoNotice = (municipality: string) => `*Dit is een voorbeeldpitch (demodata), geen echte pitch van de gemeente ${municipality}. De gemeente heeft hem niet op Praktijkplein gezet.*`;

export const demoPitches: DemoPitch[] = [
  {
    id: 'demo-zaanstad-poelenbrug',
    municipalityId: 'zaanstad',
    title: 'Poelenbrug: wie biedt? (demo)',
    area: 'Poelenbrug',
    challenge: `Op de werkconferentie van gemeenten en werkgevers vroeg de wethouder van Zaanstad de zaal om hulp voor de wijk Poelenbrug. Volgens het verslag ziet de gemeente daar kansen: in die wijk hebben veel bewoners moeite om aan werk te komen. De wethouder wilde met werkgevers uit de wijk samenwerken en vroeg: "Wie biedt?" Tien werkgevers in de zaal wilden meedenken en meehelpen.\n\nDeze demopitch laat zien hoe zo'n vraag hier op Praktijkplein zou staan.\n\n${demoNotice('Zaanstad')} De werkgevers die hier reageren, hun aanbod en de antwoorden daarop zijn verzonnen. Het zijn niet de tien werkgevers van de werkconferentie.`,
    ask: 'Een echte pitch zou hier zeggen wat de gemeente van werkgevers vraagt. In dit voorbeeld: werkgevers in en rond de Poelenbrug die willen meedenken en meedoen, met een baan, een werkervaringsplaats, een leerplek of een buddy.',
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
    title: 'Basisbanen bij werkgevers in de stad (demo)',
    area: 'Heel Amsterdam',
    challenge: `Een verkiezingsprogramma voor Amsterdam wil een banenpact voor mensen met een uitkering. Daarin horen 2.000 basisbanen met subsidie, voor wie moeilijk aan werk komt. Een deel van die banen wil het programma bij gewone werkgevers onderbrengen.\n\nDeze demopitch laat zien hoe een gemeente zo'n plan hier zou kunnen voorleggen.\n\n${demoNotice('Amsterdam')} Het programma beschrijft een voornemen, geen resultaat.`,
    ask: 'In dit voorbeeld: werkgevers die een of meer basisbanen willen bieden.',
    helpKinds: ['banen'],
    targetGroups: ['afstand-arbeidsmarkt', 'bijstand'],
    sectors: [],
    peopleSought: null,
    daysOpen: 90,
  },
  {
    id: 'demo-nijmegen-jongerenpact',
    municipalityId: 'nijmegen',
    title: 'Jongerenpact: werk waar jongeren kunnen beginnen (demo)',
    area: 'Nijmegen en de regio',
    challenge: `Het programma van GroenLinks Nijmegen noemt het Jongerenpact iets wat al bereikt is: volgens de partij is het er. Daarin werken gemeente en Werkbedrijf met bedrijven en organisaties uit de regio aan banen waar jongeren gemakkelijk kunnen beginnen, een vast ritme leren en daarna verder kunnen groeien.\n\nDeze demopitch laat zien hoe een gemeente met zo'n pact hier werkgevers zou kunnen zoeken.\n\n${demoNotice('Nijmegen')} Dat het pact bestaat, schrijft de partij in haar programma; andere bronnen bevestigen het hier niet.`,
    ask: 'In dit voorbeeld: bedrijven en organisaties in de regio met werk waar een jongere zonder veel ervaring kan starten, een ritme kan opbouwen en kan doorgroeien.',
    helpKinds: ['banen'],
    targetGroups: ['jongeren'],
    sectors: [],
    peopleSought: null,
    daysOpen: 45,
  },
  {
    id: 'demo-zoetermeer-bedrijfsscholen',
    municipalityId: 'zoetermeer',
    title: 'Bedrijfsscholen voor BBL-leerlingen (demo)',
    area: 'Zoetermeer',
    challenge: `De PvdA in Zoetermeer wil in haar programma dat de gemeente helpt bij het opzetten van bedrijfsscholen voor BBL-leerlingen. Het gaat om vier sterke sectoren in de stad: ICT, bouw en installatie, zorg en logistiek. Die zoeken vakmensen op vmbo-, mbo- en hoger niveau.\n\nDeze demopitch laat zien hoe een gemeente zo'n plan hier zou kunnen voorleggen.\n\n${demoNotice('Zoetermeer')} Het programma beschrijft een voornemen, geen resultaat.`,
    ask: 'In dit voorbeeld: bedrijven in deze sectoren die BBL-plaatsen willen bieden en willen meedenken over een bedrijfsschool.',
    helpKinds: ['stage-bbl', 'opleiding'],
    // The programme speaks of BBL-leerlingen (vmbo, mbo), not of young people in general.
    targetGroups: ['leerlingen'],
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
  'Kinderopvang De Vlinder (demo)',
  'Garage Zaanbocht (demo)',
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
  { name: 'Vera Vlinder (voorbeeld)', email: 'vera@de-vlinder.example' },
  { name: 'Gijs Garage (voorbeeld)', email: 'gijs@zaanbocht.example' },
].map((contact, i) => ({ ...contact, id: `demo-contact-${i + 1}`, organisationId: demoEmployers[i]!.id }));

/**
 * The twelve offers on the Poelenbrug pitch, in various states. Deliberately not ten, and nine
 * that "doen mee": the report's ten employers in the room must not seem to be these.
 */
const poelenbrugOffers: { status: OfferStatus; helpKinds: string[]; places: number | null; showName: boolean; message: string; ownerMessage?: string }[] = [
  { status: 'accepted', helpKinds: ['banen'], places: 2, showName: true, message: 'Wij zoeken twee mensen voor de bakkerij, vroege diensten.', ownerMessage: 'Verzonnen demo-antwoord, niet van de gemeente Zaanstad: graag, we maken een afspraak om kennis te maken.' },
  { status: 'shortlisted', helpKinds: ['werkervaringsplaatsen'], places: 3, showName: true, message: 'Drie werkervaringsplaatsen in het groenonderhoud in de wijk.' },
  { status: 'offered', helpKinds: ['mentor-buddy'], places: null, showName: true, message: 'Een van onze monteurs wil buddy zijn.' },
  { status: 'offered', helpKinds: ['banen', 'mentor-buddy'], places: 1, showName: false, message: 'Eén baan in de schoonmaak, met een vaste collega als buddy.' },
  { status: 'offered', helpKinds: ['werkervaringsplaatsen'], places: 2, showName: true, message: 'Vakkenvullen, in de middag.' },
  { status: 'shortlisted', helpKinds: ['stage-bbl'], places: 1, showName: true, message: 'Een BBL-plek voor een leerling installatietechniek.' },
  { status: 'declined', helpKinds: ['anders'], places: null, showName: false, message: 'Wij kunnen drukwerk voor de wijkkrant doen.', ownerMessage: 'Verzonnen demo-antwoord, niet van de gemeente Zaanstad: dank u, maar drukwerk past niet bij deze vraag.' },
  { status: 'offered', helpKinds: ['banen'], places: 2, showName: true, message: 'Twee banen als zorgassistent, met opleiding.' },
  { status: 'withdrawn', helpKinds: ['banen'], places: 1, showName: false, message: 'Helaas is onze vacature vervuld.' },
  { status: 'offered', helpKinds: ['werkervaringsplaatsen', 'opleiding'], places: 4, showName: true, message: 'Werkervaring in het magazijn, met een heftruckcursus.' },
  { status: 'offered', helpKinds: ['stage-bbl'], places: 1, showName: true, message: 'Een leerplek als pedagogisch medewerker, met een vaste begeleider.' },
  { status: 'declined', helpKinds: ['banen'], places: 1, showName: true, message: 'Een baan in de werkplaats, voor iemand met een rijbewijs.', ownerMessage: 'Verzonnen demo-antwoord, niet van de gemeente Zaanstad: dank u; voor deze baan is een rijbewijs nodig, dat hebben de meeste kandidaten niet.' },
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
    const [existing] = await db.select({ demo: pitches.demo, title: pitches.title, challenge: pitches.challenge, ask: pitches.ask }).from(pitches).where(eq(pitches.id, demo.id)).limit(1);
    if (existing) {
      const outdated = existing.title !== demo.title || existing.challenge !== demo.challenge || existing.ask !== demo.ask;
      if (existing.demo && outdated) await refreshDemoTexts(db, demo);
      continue;
    }
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
        searchKeys: pitchSearchKeys(demo),
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
  // Answers seeded before they said they are made up (only the demo's own rows).
  for (const [i, offer] of poelenbrugOffers.entries()) {
    if (!offer.ownerMessage) continue;
    await db
      .update(offers)
      .set({ ownerMessage: offer.ownerMessage })
      .where(and(eq(offers.id, `demo-zaanstad-poelenbrug-aanbod-${i + 1}`), eq(offers.demo, true), ne(offers.ownerMessage, offer.ownerMessage)));
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

/**
 * A demo pitch seeded by an older version: its title, texts and target groups as they are now
 * (older texts spoke for the municipality). Only rows marked demo; offers, dates and status stay.
 */
async function refreshDemoTexts(db: Database, demo: DemoPitch): Promise<void> {
  await db.batch([
    db
      .update(pitches)
      .set({ title: demo.title, challenge: demo.challenge, challengeHtml: renderUserMarkdown(demo.challenge), ask: demo.ask, askHtml: renderUserMarkdown(demo.ask), searchKeys: pitchSearchKeys(demo), version: sql`${pitches.version} + 1` })
      .where(and(eq(pitches.id, demo.id), eq(pitches.demo, true))),
    db.delete(pitchFacets).where(and(eq(pitchFacets.pitchId, demo.id), eq(pitchFacets.facet, 'target-group'))),
    ...(demo.targetGroups.length ? [db.insert(pitchFacets).values(demo.targetGroups.map((value) => ({ pitchId: demo.id, facet: 'target-group' as const, value })))] : []),
  ]);
}
