/**
 * Every page type of the site, once: public pages by address, and the pages behind a sign-in
 * with the person who sees them. The phone-layout and HTML-validity tests walk this list, so a
 * new page type added here is checked by both.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { baseURL } from './browser.ts';
import { identity } from './accounts-support.ts';
import { publishedPitch } from './offers-support.ts';
import { liveSessionFor } from './live-support.ts';
import { closedPitchWithOpenQuestion } from './follow-up-support.ts';
import { confirmedAccount, signIn } from './session-support.ts';

/** Pages anyone can open: [name, path]. */
export const publicPages: readonly (readonly [string, string])[] = [
  ['home', '/'],
  ['lijst praktijkvoorbeelden', '/praktijkvoorbeelden/'],
  ['lijst gefilterd', '/praktijkvoorbeelden/?sector=logistiek&doelgroep=arbeidsbeperking'],
  ['lijst zonder resultaat', '/praktijkvoorbeelden/?sector=ict&doelgroep=ouderen'],
  ['praktijkvoorbeeld', '/praktijkvoorbeelden/postnl-pakketsorteercentra/'],
  ['instrumenten', '/instrumenten/'],
  ['instrument', '/instrumenten/basisbaan/'],
  ['organisaties', '/organisaties/'],
  ['werkgever', '/organisaties/postnl/'],
  ['gemeente met praktijk', '/organisaties/zaanstad/'],
  ['gemeente zonder praktijk', '/organisaties/almere/'],
  ['kaart', '/kaart/'],
  ['kaart per regio', '/kaart/regio/'],
  ['kaart: gekozen gemeente', '/kaart/gemeente/zaanstad/'],
  ['zoeken', '/zoeken/'],
  ['zoeken met resultaten', '/zoeken/?q=basisbaan'],
  ['zoeken zonder resultaat', '/zoeken/?q=qwertyuiop'],
  ['pitches', '/pitches/'],
  ['pitches gefilterd', '/pitches/?q=werk'],
  ['pitches op de kaart', '/pitches/kaart/'],
  // Outcome follow-up
  ['resultaten', '/resultaten/'],
  ['resultaten gefilterd', '/resultaten/?gemeente=zaanstad&doelgroep=bijstand'],
  // Activity calendar.
  ['activiteiten', '/activiteiten/'],
  ['activiteiten gefilterd', '/activiteiten/?soort=werkconferentie&doelgroep=jongeren'],
  ['activiteiten voorbij', '/activiteiten/?wanneer=voorbij'],
  ['activiteiten per maand', '/activiteiten/maand/2027-03/'],
  ['over', '/over/'],
  ['praktijk aandragen', '/aandragen/'],
  ['praktijk aandragen over een pagina', '/aandragen/?over=/praktijkvoorbeelden/postnl-pakketsorteercentra/'],
  ['bronnen', '/bronnen/'],
  ['open data', '/open-data/'],
  // Open data: the API explained for developers.
  ['api', '/api/'],
  ['bron', '/bronnen/werkconferentie-werkgevers-en-gemeenten/'],
  ['inloggen', '/account/inloggen/'],
  ['registreren', '/account/registreren/'],
  ['registreren bij een gemeente', '/account/registreren/?soort=gemeente'],
  ['registreren bij een werkgever', '/account/registreren/?soort=werkgever'],
  ['wachtwoord vergeten', '/account/wachtwoord-vergeten/'],
  // Follow and be told: a link that does not (or no longer) work(s).
  ['afmelden met een kapotte link', '/afmelden/?t=kapot'],
  ['meteen-mails afmelden met een kapotte link', '/afmelden/meteen/?t=kapot'],
  // Matchmaking: the answer page of an invitation, with a link that does not work.
  ['uitnodiging met een kapotte link', '/uitnodiging/?t=kapot'],
  ['niet gevonden', '/bestaat-niet/'],
  // A live session's short room code that belongs to no running session.
  ['live-code onbekend', '/l/ZZZZ'],
];

/**
 * Embeds, shown in a frame on another site: no header or footer of the site, and headings that
 * start at h2 (the host page has the h1).
 */
export const embedPages: readonly (readonly [string, string])[] = [
  ['inbedding van een gemeente', '/embed/gemeente/zaanstad/'],
  ['inbedding neutraal met praktijkvoorbeelden', '/embed/gemeente/zaanstad/?stijl=neutraal&met=praktijkvoorbeelden'],
  ['inbedding zonder open pitch', '/embed/gemeente/almere/'],
  ['inbedding van een onbekende gemeente', '/embed/gemeente/bestaat-niet/'],
  ['inbedding van een werkgever', '/embed/werkgever/postnl/'],
  ['inbedding van een werkgever, neutraal', '/embed/werkgever/postnl/?stijl=neutraal'],
  ['inbedding van een onbekende werkgever', '/embed/werkgever/bestaat-niet/'],
];

/** A signed-in browser context and the page types that person sees. */
export interface SignedIn {
  who: string;
  context: BrowserContext;
  pages: (readonly [string, string])[];
}

/**
 * A confirmed municipality member with a published pitch, a confirmed employer and a curator,
 * each signed in, with the pages behind their sign-in. The accounts and sessions are written
 * into the database (registering is tested elsewhere); the offer and the activity are made
 * through the site as people do.
 */
export async function signedInPages(browser: Browser, viewport?: { width: number; height: number }): Promise<SignedIn[]> {
  const people = {
    member: { ...identity('paginas-gemeente'), name: 'Greet Gemeente', organisation: 'Zaanstad' },
    employer: { ...identity('paginas-werkgever'), name: 'Wim Werkgever', organisation: 'PostNL' },
    curator: { ...identity('paginas-curator'), name: 'Cor Curator', organisation: 'Utrecht', role: 'curator' as const },
  };
  const contexts: Record<keyof typeof people, BrowserContext> = {} as never;
  for (const [role, who] of Object.entries(people) as [keyof typeof people, (typeof people)[keyof typeof people]][]) {
    const context = await browser.newContext({ baseURL: baseURL(), locale: 'nl-NL', viewport, extraHTTPHeaders: { 'x-forwarded-for': who.ip } });
    const page = await context.newPage();
    await confirmedAccount(who);
    await signIn(page, who.email);
    await page.close();
    contexts[role] = context;
  }
  const pitch = await publishedPitch(people.member.email, 'Werk in de Poelenbrug voor iedereen');
  // Outcome follow-up: a closed pitch whose 3-month question is open.
  const closed = await closedPitchWithOpenQuestion(people.member.email, 'Werkervaring in de Poelenbrug: hoe ging het?');
  // An offer, so the offer lists show a card with its facts (the longest words are there).
  const offering = await contexts.employer.newPage();
  await offering.goto(`/pitches/${pitch}/meedoen/`);
  await offering.getByLabel('Werkervaringsplaatsen').check();
  await offering.getByLabel('Aantal plaatsen').fill('3');
  await offering.getByLabel(/Bericht aan de gemeente/).fill('Wij hebben drie werkervaringsplaatsen in het magazijn.');
  await offering.getByRole('button', { name: 'Aanbod versturen' }).click();
  await offering.waitForURL((url) => !url.pathname.endsWith('/meedoen/'));
  await offering.close();
  // Live pitch session: a session on the pitch, for its curator page and its screen.
  const live = await liveSessionFor(pitch);
  // An activity submitted by the member (activity calendar): its page and edit form.
  const activityPage = await contexts.member.newPage();
  await activityPage.goto('/activiteiten/nieuw/');
  await activityPage.getByLabel('Titel').fill('Meet & greet werkgevers en gemeente Zaanstad');
  await activityPage.getByLabel('Soort activiteit').selectOption('meet-and-greet');
  await activityPage.getByLabel('Beschrijving').fill('Werkgevers en de gemeente maken kennis met elkaar, bij de koffie in het wijkcentrum.');
  await activityPage.getByLabel('Begindatum').fill(new Date(Date.now() + 20 * 864e5).toISOString().slice(0, 10));
  await activityPage.getByLabel('Begintijd').fill('14:00');
  await activityPage.getByLabel('Eindtijd').fill('16:00');
  await activityPage.getByLabel('Plaats of adres').fill('Wijkcentrum Poelenbrug, Zaandam');
  await activityPage.getByLabel('Werkgevers', { exact: true }).check();
  await activityPage.getByRole('button', { name: 'Activiteit aanmelden' }).click();
  await activityPage.waitForURL(/\/activiteiten\/[a-z0-9-]+\/\?/);
  const activity = new URL(activityPage.url()).pathname;
  await activityPage.close();
  // A case draft, so the editor's draft page and its preview are checked too.
  const editing = await contexts.curator.newPage();
  await editing.goto('/beheer/inhoud/praktijkvoorbeeld/postnl-pakketsorteercentra/');
  await editing.getByRole('button', { name: 'Concept opslaan' }).click();
  await editing.waitForURL(/\/beheer\/inhoud\/concept\/[^/]+\/\?melding=opgeslagen$/);
  const draftPath = new URL(editing.url()).pathname;
  // An instrument draft and an organisation draft (their draft pages and the instrument's preview).
  await editing.goto('/beheer/inhoud/instrument/basisbaan/');
  await editing.getByRole('button', { name: 'Concept opslaan' }).click();
  await editing.waitForURL(/\/beheer\/inhoud\/concept\/[^/]+\/\?melding=opgeslagen$/);
  const instrumentDraftPath = new URL(editing.url()).pathname;
  await editing.goto('/beheer/inhoud/organisatie/asito/');
  await editing.getByRole('button', { name: 'Concept opslaan' }).click();
  await editing.waitForURL(/\/beheer\/inhoud\/concept\/[^/]+\/\?melding=opgeslagen$/);
  const organisationDraftPath = new URL(editing.url()).pathname;
  await editing.close();
  return [
    {
      who: 'gemeentemedewerker',
      context: contexts.member,
      pages: [
        ['mijn account', '/account/'],
        ['mijn pitches', '/account/mijn-pitches/'],
        ['nieuwe pitch', '/pitches/nieuw/'],
        ['pitch (eigenaar)', `/pitches/${pitch}/`],
        ['aanbod op een pitch', `/pitches/${pitch}/aanbod/`],
        ['werkgevers die passen', `/pitches/${pitch}/werkgevers/`],
        ['resultaat doorgeven', `/pitches/${closed}/resultaat/`],
        ['pitch bewerken', `/pitches/${pitch}/bewerken/`],
        ['wachtwoord wijzigen', '/account/wachtwoord/'],
        ['e-mailadres wijzigen', '/account/e-mailadres/'],
        ['account verwijderen', '/account/verwijderen/'],
        ['activiteit aanmelden', '/activiteiten/nieuw/'],
        ['activiteit (indiener)', activity],
        ['activiteit bewerken', `${activity}bewerken/`],
        // Follow and be told.
        ['wat ik volg', '/account/volgen/'],
        ['volgen bevestigen', '/account/volgen/?gemeente=zaanstad'],
        ['pitch volgen bevestigen', `/account/volgen/?pitch=${pitch}`],
      ],
    },
    {
      who: 'werkgever',
      context: contexts.employer,
      pages: [
        ['pitch (werkgever)', `/pitches/${pitch}/`],
        ['meedoen', `/pitches/${pitch}/meedoen/`],
        ['mijn aanbod', '/account/mijn-aanbod/'],
        ['werkgeversprofiel', '/account/werkgeversprofiel/'],
        ['pitches voor u', '/account/pitches-voor-u/'],
      ],
    },
    {
      who: 'curator',
      context: contexts.curator,
      pages: [
        ['beheer', '/beheer/'],
        ['beheer pitches', '/beheer/pitches/'],
        ['pitches zonder aanbod', '/beheer/pitches-zonder-aanbod/'],
        ['beheer berichten', '/beheer/suggesties/'],
        // Publishing; the status page of one publication is checked in publishing.test.ts.
        ['geschiedenis van de inhoud', '/beheer/inhoud/geschiedenis/'],
        // Live pitch session; the screen is public, but needs a session.
        ['live pitchsessies', '/beheer/live/'],
        ['nieuwe live sessie', '/beheer/live/nieuw/'],
        ['live sessie', `/beheer/live/${live}/`],
        ['live sessie beëindigen (bevestigen)', `/beheer/live/${live}/?beeindigen=ja`],
        ['livescherm', `/live/${live}/`],
        ['beheer activiteiten', '/beheer/activiteiten/'],
        // Content editor
        ['inhoud bewerken', '/beheer/inhoud/'],
        ['nieuw praktijkvoorbeeld', '/beheer/inhoud/praktijkvoorbeeld/nieuw/'],
        ['praktijkvoorbeeld bewerken', '/beheer/inhoud/praktijkvoorbeeld/postnl-pakketsorteercentra/'],
        ['praktijkvoorbeeld van de site halen', '/beheer/inhoud/praktijkvoorbeeld/postnl-pakketsorteercentra/van-de-site/'],
        ['concept', draftPath],
        ['voorbeeld van een concept', `${draftPath}voorbeeld/`],
        // Instruments (with stances) and organisations in the editor.
        ['nieuw instrument', '/beheer/inhoud/instrument/nieuw/'],
        ['instrument bewerken', '/beheer/inhoud/instrument/basisbaan/'],
        ['instrument van de site halen', '/beheer/inhoud/instrument/basisbaan/van-de-site/'],
        ['concept van een instrument', instrumentDraftPath],
        ['voorbeeld van een instrumentconcept', `${instrumentDraftPath}voorbeeld/`],
        ['nieuwe organisatie', '/beheer/inhoud/organisatie/nieuw/'],
        ['organisatie bewerken', '/beheer/inhoud/organisatie/asito/'],
        ['concept van een organisatie', organisationDraftPath],
        ['nieuwe bron', '/beheer/inhoud/bron/nieuw/'],
        ['bron bewerken', '/beheer/inhoud/bron/werkconferentie-werkgevers-en-gemeenten/'],
      ],
    },
  ];
}
