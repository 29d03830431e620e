/**
 * The owner's way to her offers, on a phone (390×844), with the demo's twelve Poelenbrug offers:
 * "Bekijk het aanbod (12)" is her big button on her pitch (an employer still sees "Ik doe
 * mee"); the menu takes her to Mijn pitches (an employer to Mijn aanbod) in one tap; the offers
 * page starts with an overview that fits in two screens, filters by status with and without
 * JavaScript, opens an offer's details and answer form in one tap and reaches "De pitch
 * sluiten" without scrolling past the cards; the demo offers have a (made-up) contact. After an
 * accept and a decline the offers page, the pitch page and the public list say the same count,
 * and Mijn aanbod says how the closed pitch ended. Status words are read from the label maps.
 *
 * With the whole demo data seeded (pitches, closed pitches with made-up results, activities):
 * every surface that shows it says it is demo, so nobody takes it for what a real municipality
 * did. Feeds, calendar and spreadsheet by plain fetches, the weekly digest through the outbox,
 * the pages in one walk as a curator on a phone (who also must not be offered a case study
 * from a demo pitch; the pitch list's heading and the "Ik doe mee" page included).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { eq, inArray } from 'drizzle-orm';
import { offers, pitches } from '#db/marketplace-schema.ts';
import { organisations, outbox, users } from '#db/schema.ts';
import { offerStatusLabel, type OfferStatus } from '#domain/offer-lifecycle.ts';
import { pitchOutcomeLabel } from '#domain/pitch-lifecycle.ts';
import { hashPassword } from '#platform/auth/password.ts';
import { employersJoinedText, peoplePlacedText } from '#web/texts/pitch-texts.ts';
import { digestSends, follows } from '#db/follows-schema.ts';
import { pitchNewsSource } from '#features/follows/news-sources.ts';
import { sendWeeklyDigests } from '#features/jobs/digest.ts';
import { storyRefusalMessage } from '#features/marketplace/pitch-story.ts';
import { DEMO_RESULTS_NOTE, demoPitchNotice } from '#domain/demo-marks.ts';
import { seedMarketplace } from '../../scripts/demo-marketplace.ts';
import { seedFollowUps } from '../../scripts/demo-follow-ups.ts';
import { seedActivities } from '../../scripts/demo-activities.ts';
import { axeViolations, baseURL, connectBrowser, hasText, pageFrom, screenshot, visible } from './browser.ts';
import { goodPassword, identity, serverDatabase } from './accounts-support.ts';
import { publishedPitch } from './offers-support.ts';
import { confirmedAccount, signIn } from './session-support.ts';

const PHONE = { width: 390, height: 844 };
const DEMO = '/pitches/demo-zaanstad-poelenbrug/';

let browser: Browser;
const owner = { ...identity('overzicht-eigenaar'), name: 'Olga Overzicht', organisation: 'Zaanstad' };
const employer = { ...identity('overzicht-werkgever'), name: 'Piet Pakket', organisation: 'PostNL' };

beforeAll(async () => {
  browser = await connectBrowser();
  // The first on-demand request migrates the server's database; then this file adds its people and the demo pitch.
  await fetch(`${baseURL()}/pitches/`);
  await confirmedAccount(owner);
  await confirmedAccount(employer);
  const { db } = await serverDatabase();
  // All the demo data, as `npm run seed` adds it: the organisers of the demo activities first.
  await db.insert(organisations).values([
    { id: 'demo-netwerk', kind: 'partner', name: 'Netwerk Praktijkplein (demo)', verifiedAt: Date.now(), createdAt: Date.now() },
    { id: 'demo-voorbeeldbedrijf', kind: 'employer', name: 'Voorbeeldbedrijf (demo)', verifiedAt: Date.now(), createdAt: Date.now() },
    { id: 'demo-tweede-bedrijf', kind: 'employer', name: 'Tweede Voorbeeldbedrijf (demo)', verifiedAt: Date.now(), createdAt: Date.now() },
  ]).onConflictDoNothing();
  await seedMarketplace(db, owner.email, await hashPassword(goodPassword), Date.now());
  // Another file on this server (the search query set) may have seeded the demo first, without
  // this owner: the Zaanstad demo pitches are hers either way.
  const [ownerRow] = await db.select({ id: users.id }).from(users).where(eq(users.email, owner.email));
  await db.update(pitches).set({ authorId: ownerRow!.id }).where(inArray(pitches.id, ['demo-zaanstad-poelenbrug', 'demo-zaanstad-magazijn']));
  await seedFollowUps(db, 'niemand@demo.praktijkplein.nl');
  await seedActivities(db, 'niemand@demo.praktijkplein.nl');
});
afterAll(async () => {
  await browser?.close();
});

async function phone(who: { ip: string; email?: string }, javaScript = true): Promise<Page> {
  const { page } = await pageFrom(browser, who.ip, javaScript);
  await page.setViewportSize(PHONE);
  if (who.email) await signIn(page, who.email);
  return page;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** The filter link of a status, as the page words it: "In overweging (2)". */
const filterName = (status: OfferStatus, n: number) => `${capital(offerStatusLabel[status])} (${n})`;
const overviewRows = (page: Page) => page.locator('#overzicht .pp-offer-rows > li');

describe('de eigenaar op haar pitch en in het menu', () => {
  test('de eigenaar: "Bekijk het aanbod (12)" als grote knop; het menu brengt haar in één tik naar Mijn pitches', async () => {
    const page = await phone(owner);
    await page.goto(DEMO);
    const call = page.locator('.pp-call');
    await hasText(call, 'Bekijk het aanbod (12)');
    expect(await call.getAttribute('href')).toBe(`${DEMO}aanbod/`);
    expect(await page.getByRole('link', { name: 'Ik doe mee' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'overzicht-pitch-eigenaar-390');

    await page.locator('.pp-header__menu summary').click();
    await page.getByRole('banner').getByRole('link', { name: 'Mijn pitches' }).click();
    await page.waitForURL(/\/account\/mijn-pitches\/$/);
    expect(await page.getByRole('banner').getByRole('link', { name: 'Mijn aanbod' }).count()).toBe(0);
    await page.context().close();
  });

  test('een werkgever houdt "Ik doe mee" en krijgt Mijn aanbod in het menu; een bezoeker geen van beide', async () => {
    const page = await phone(employer);
    await page.goto(DEMO);
    await hasText(page.locator('.pp-call'), 'Ik doe mee');
    expect(await page.getByRole('link', { name: /Bekijk het aanbod/ }).count()).toBe(0);
    await page.locator('.pp-header__menu summary').click();
    expect(await page.getByRole('banner').getByRole('link', { name: 'Mijn pitches' }).count()).toBe(0);
    await page.getByRole('banner').getByRole('link', { name: 'Mijn aanbod' }).click();
    await page.waitForURL(/\/account\/mijn-aanbod\/$/);
    await page.context().close();

    const visitor = await phone({ ip: identity('overzicht-bezoeker').ip });
    await visitor.goto(DEMO);
    await hasText(visitor.locator('.pp-call'), 'Ik doe mee');
    expect(await visitor.getByRole('banner').getByRole('link', { name: /^Mijn (pitches|aanbod)$/ }).count()).toBe(0);
    await visitor.context().close();
  });
});

describe('het overzicht van twaalf aanbiedingen op een telefoon', () => {
  test('past op twee schermen, met wie, soort hulp, plaatsen, status en een demo-contactpersoon', async () => {
    const page = await phone(owner);
    await page.goto(`${DEMO}aanbod/`);
    expect(await overviewRows(page).count()).toBe(12);
    // "Fits in two screens": the overview (counts, filter, the twelve lines and the link to closing)
    // ends within the first 2 × 844 px of the page, measured from the top of the document at
    // 390 px wide, so two swipes of a phone's screen show all of it.
    const bottom = await page.locator('#overzicht').evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);
    expect(bottom).toBeLessThanOrEqual(2 * PHONE.height);
    const first = await overviewRows(page).first().innerText();
    for (const part of ['Zaanse Bakkerij (demo)', offerStatusLabel.accepted, 'Banen', '2 plaatsen']) expect(first).toContain(part);
    // Every status with its count, and "doen mee" as everywhere (offered, shortlisted, accepted).
    const filter = page.getByRole('navigation', { name: 'Aanbod per status' });
    await visible(filter.getByRole('link', { name: 'Alle (12)' }));
    for (const [status, n] of [['offered', 6], ['shortlisted', 2], ['accepted', 1], ['declined', 2], ['withdrawn', 1]] as const) {
      await visible(filter.getByRole('link', { name: filterName(status, n), exact: true }));
    }
    await hasText(page.locator('#overzicht p strong').first(), employersJoinedText(9, true));
    // The demo offers name a made-up contact at a reserved domain, on the page and in the CSV.
    await visible(page.getByText('Bas Bakker (voorbeeld)'));
    expect(await page.getByText('account verwijderd').count()).toBe(0);
    const csv = (await (await page.request.get(`${DEMO}aanbod.csv`)).body()).toString('utf8');
    expect(csv).toContain('Zaanse Bakkerij (demo);Bas Bakker (voorbeeld);bas.bakker@zaanse-bakkerij.example;');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'overzicht-aanbod-390', { fullPage: true });
    await page.context().close();
  });

  test.each([false, true])('filteren op status (JavaScript: %s): alleen die regels en kaarten, de keuze gemarkeerd', async (javaScript) => {
    const page = await phone(owner, javaScript);
    await page.goto(`${DEMO}aanbod/`);
    await page.getByRole('link', { name: filterName('shortlisted', 2), exact: true }).click();
    await page.waitForURL(/\?status=shortlisted/);
    expect(await overviewRows(page).count()).toBe(2);
    expect(await page.locator('.pp-card').count()).toBe(2);
    expect((await overviewRows(page).allInnerTexts()).every((row) => row.includes(offerStatusLabel.shortlisted))).toBe(true);
    expect(await page.getByRole('link', { name: filterName('shortlisted', 2), exact: true }).getAttribute('aria-current')).toBe('page');
    await page.getByRole('link', { name: 'Alle (12)' }).click();
    await page.waitForURL((url) => !url.search.includes('status='));
    expect(await overviewRows(page).count()).toBe(12);
    if (javaScript) expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  test('één tik van een regel naar de details en het antwoord; "De pitch sluiten" zonder langs de kaarten te scrollen', async () => {
    const page = await phone(owner);
    await page.goto(`${DEMO}aanbod/`);
    // On screen: its top within the viewport (a scrolled-to heading may sit a fraction of a pixel
    // above it). Polled: the browser may scroll to the fragment a moment after the address changed.
    const inView = (selector: string) =>
      page.locator(selector).evaluate((el) => {
        const box = el.getBoundingClientRect();
        return box.top > -2 && box.top < window.innerHeight;
      });
    // Closing: a link in the overview takes her there.
    await page.locator('#overzicht').getByRole('link', { name: 'De pitch sluiten' }).click();
    await page.waitForURL(/#sluiten$/);
    await expect.poll(() => inView('#sluiten'), { timeout: 10_000 }).toBe(true);

    await page.goto(`${DEMO}aanbod/`);
    const who = 'Fietsenmakerij Om de Hoek (demo)';
    await page.locator('#overzicht').getByRole('link', { name: who }).click();
    await page.waitForURL(/#aanbod-demo-zaanstad-poelenbrug-aanbod-3$/);
    await expect.poll(() => inView('#aanbod-demo-zaanstad-poelenbrug-aanbod-3'), { timeout: 10_000 }).toBe(true);
    await page.getByLabel(`Bericht aan ${who}`).fill('Graag, we bellen u.');
    await page.getByRole('button', { name: new RegExp(`^In overweging nemen\\s*:\\s*${who.replace(/[()]/g, '\\$&')}$`) }).click();
    await hasText(page.getByRole('status'), /antwoord is opgeslagen/);
    await hasText(overviewRows(page).filter({ hasText: who }).locator('.utrecht-badge-status'), offerStatusLabel.shortlisted);
    await visible(page.getByRole('link', { name: filterName('shortlisted', 3), exact: true }));
    await page.context().close();
  });
});

describe('dezelfde aantallen op drie pagina’s, en de uitkomst in Mijn aanbod', () => {
  test('na accepteren en afwijzen zeggen de aanbodpagina, de pitchpagina en de lijst hetzelfde; na het sluiten ook', async () => {
    const title = `Tellen in de Poelenbrug ${Date.now().toString(36)}`;
    const pitchId = await publishedPitch(owner.email, title);
    const second = { ...identity('overzicht-werkgever2'), name: 'Anouk Schoon', organisation: 'Asito' };
    const asito = await confirmedAccount(second);
    const { db } = await serverDatabase();
    const [piet] = await db.select().from(users).where(eq(users.email, employer.email));
    const now = Date.now();
    const offer = (id: string, employerId: string, authorId: string) => ({ id, pitchId, employerId, authorId, helpKinds: ['banen'], places: 1, message: 'Wij doen mee.', showName: true, status: 'offered' as const, createdAt: now, updatedAt: now });
    await db.insert(offers).values([offer(`${pitchId}-a`, piet!.organisationId, piet!.id), offer(`${pitchId}-b`, asito.organisationId, asito.id)]);

    const page = await phone(owner);
    await page.goto(`/pitches/${pitchId}/aanbod/`);
    await page.getByRole('button', { name: /^Accepteren\s*:\s*PostNL$/ }).click();
    await hasText(page.getByRole('status'), /antwoord is opgeslagen/);
    await page.getByRole('button', { name: /^Afwijzen\s*:\s*Asito$/ }).click();
    await hasText(page.getByRole('status'), /antwoord is opgeslagen/);

    const visitor = await phone({ ip: identity('overzicht-teller').ip });
    // The list filtered to the pitch's own status: on the shared server other files' Zaanstad
    // pitches may fill the first page, and closed ones come after the open ones.
    const counts = async (status: 'open' | 'gesloten') => {
      await page.goto(`/pitches/${pitchId}/aanbod/`);
      const onOffers = await page.locator('#overzicht p strong').first().innerText();
      await page.goto(`/pitches/${pitchId}/`);
      const onPitch = await page.locator('.pp-offer-count strong').innerText();
      await visitor.goto(`/pitches/?gemeente=zaanstad&status=${status}`);
      const onList = await visitor.locator('article', { has: visitor.locator(`a[href="/pitches/${pitchId}/"]`) }).locator('.pp-pitch-card__meta').innerText();
      return { onOffers, onPitch, onList };
    };
    const open = await counts('open');
    expect([open.onOffers, open.onPitch]).toEqual([employersJoinedText(1, true), employersJoinedText(1, true)]);
    expect(open.onList).toContain(employersJoinedText(1, true));
    // The owner's button counts every offer she received, as "Alle" on the offers page does.
    await hasText(page.locator('.pp-call'), 'Bekijk het aanbod (2)');

    await page.goto(`/pitches/${pitchId}/aanbod/`);
    await page.getByLabel(pitchOutcomeLabel.matched, { exact: true }).check();
    await page.getByLabel('Aantal geplaatste mensen').fill('1');
    await page.getByRole('button', { name: 'Pitch sluiten' }).click();
    await hasText(page.getByRole('status'), /De pitch is gesloten/);
    const closed = await counts('gesloten');
    expect([closed.onOffers, closed.onPitch]).toEqual([employersJoinedText(1, false), employersJoinedText(1, false)]);
    expect(closed.onList).toContain(employersJoinedText(1, false));

    // PostNL reads the outcome beside its offer.
    const mine = await phone(employer);
    await mine.goto('/account/mijn-aanbod/');
    const card = mine.locator('.pp-card', { hasText: title });
    await hasText(card.locator('.pp-pitch-outcome'), `Uitkomst van de pitch: ${pitchOutcomeLabel.matched}, ${peoplePlacedText(1)}.`);
    expect(await axeViolations(mine)).toEqual([]);
    for (const p of [page, visitor, mine]) await p.context().close();
  });
});

describe('demodata is overal als demo te herkennen', () => {
  const curator = { ...identity('demo-curator'), name: 'Cora Curator', organisation: 'Netwerk Praktijkplein (demo)', role: 'curator' as const };
  const demoIds = ['demo-zaanstad-poelenbrug', 'demo-amsterdam-basisbanen', 'demo-nijmegen-jongerenpact', 'demo-zoetermeer-bedrijfsscholen'];

  test('RSS, iCal en de CSV van de resultaten: elk demo-item draagt zijn merkteken', async () => {
    const rss = await (await fetch(`${baseURL()}/pitches/rss.xml`)).text();
    const items = rss.split('<item>').slice(1).filter((item) => demoIds.some((id) => item.includes(`/pitches/${id}/`)));
    expect(items).toHaveLength(demoIds.length);
    for (const item of items) {
      expect(item).toMatch(/<title>[^<]*\(demo\)<\/title>/);
      expect(item).toMatch(/<description>Demopitch: een verzonnen voorbeeld\. Gemeente \w+ heeft deze pitch niet geplaatst\./);
    }
    // Amsterdam's own feed: with only demo pitches in it, its title does not call them Amsterdam's.
    const amsterdam = await (await fetch(`${baseURL()}/pitches/rss.xml?gemeente=amsterdam`)).text();
    const channelTitle = amsterdam.match(/<channel><title>([^<]*)<\/title>/)?.[1];
    const amsterdamItems = amsterdam.split('<item>').slice(1);
    expect(amsterdamItems.length).toBeGreaterThan(0);
    if (amsterdamItems.every((item) => item.includes('<description>Demopitch:'))) expect(channelTitle).toBe('Praktijkplein: demopitches over gemeente Amsterdam');
    else expect(channelTitle).toBe('Praktijkplein: pitches van gemeente Amsterdam en demopitches');

    // RFC 5545 folds long lines: unfold before reading an event.
    const ics = (await (await fetch(`${baseURL()}/activiteiten.ics`)).text()).replace(/\r\n[ \t]/g, '');
    const events = ics.split('BEGIN:VEVENT').slice(1).filter((event) => /^UID:activiteit-demo-/m.test(event));
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) expect(event).toMatch(/^SUMMARY:.*\(demo\)/m);

    const csv = (await (await fetch(`${baseURL()}/open-data/resultaten.csv`)).text()).split('\r\n');
    const demoRows = csv.filter((line) => line.includes('/pitches/demo-'));
    expect(demoRows.length).toBeGreaterThanOrEqual(3);
    // Id; Pitch (demo); Adres; Gemeente (demo); …; Demo ja; the licence
    for (const row of demoRows) expect(row).toMatch(/^[^;]+;[^;]*\(demo\);[^;]+;(Zaanstad|Amsterdam) \(demo\);.*;ja;CC BY 4\.0 [^;]*$/);
  });

  test('het weekoverzicht noemt een nieuwe demopitch demo, met wie hem niet plaatste', async () => {
    const { db } = await serverDatabase();
    const [piet] = await db.select().from(users).where(eq(users.email, employer.email));
    await db.insert(follows).values({ userId: piet!.id, kind: 'municipality', value: 'zaanstad', createdAt: Date.now() - 10 * 86_400_000 }).onConflictDoNothing();
    // A run of the server's own may have covered this week already: this digest starts at the follow.
    await db.delete(digestSends).where(eq(digestSends.userId, piet!.id));
    const result = await sendWeeklyDigests(db, Date.now() + 14 * 86_400_000, { sources: [pitchNewsSource], origin: baseURL() });
    expect(result.sent).toBeGreaterThanOrEqual(1);
    const mails = await db.select().from(outbox).where(eq(outbox.toAddress, employer.email));
    const digest = mails.filter((m) => m.subject.startsWith('Nieuw bij wat u volgt')).sort((a, b) => b.createdAt - a.createdAt)[0]!;
    expect(digest.body).toContain('* Poelenbrug: wie biedt? (demo)');
    expect(digest.body).toContain(demoPitchNotice('Zaanstad'));
  });

  test('één wandeling als curator op een telefoon: homepagina, kaarten, pitch, resultaten', async () => {
    await confirmedAccount(curator);
    const page = await phone(curator);

    // The home page: the demo card says so, and the heading over it does not read as a real request.
    await page.goto('/');
    const showcase = page.locator('section', { has: page.locator('#pitches-kop') });
    const homeCard = showcase.locator('article', { has: page.locator('a[href="/pitches/demo-zaanstad-poelenbrug/"]') });
    await visible(homeCard.locator('[data-demo-card]'));
    const heading = await page.locator('#pitches-kop').innerText();
    if (!heading.includes('(demo)')) await visible(showcase.getByText(/label Demo is een verzonnen voorbeeld/));

    // The pitch page: no "Pitch van gemeente Zaanstad", the notice, and the employers are made up.
    await page.goto('/pitches/demo-zaanstad-poelenbrug/');
    await hasText(page.locator('.pp-pitch__kicker'), /^Demopitch: geen echte pitch van gemeente Zaanstad/);
    expect(await page.getByText(/^Pitch van gemeente Zaanstad/).count()).toBe(0);
    await hasText(page.locator('[data-demo-notice]'), demoPitchNotice('Zaanstad'));
    await hasText(page.locator('.pp-offer-count'), /doen mee \(verzonnen demowerkgevers\)/);
    await visible(page.getByText(/Het zijn niet de tien werkgevers van de werkconferentie/));
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'demo-pitch-390', { fullPage: true });

    // The "Ik doe mee" page of a demo pitch: not "Een pitch van Zaanstad", but the demo notice.
    await page.goto('/pitches/demo-zaanstad-poelenbrug/meedoen/');
    const offerLead = await page.locator('.pp-lead[data-demo-notice]').innerText();
    expect(offerLead.slice(0, demoPitchNotice('Zaanstad').length)).toBe(demoPitchNotice('Zaanstad'));
    expect(await page.getByText(/Een pitch van Zaanstad/).count()).toBe(0);
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toBe(demoPitchNotice('Zaanstad'));

    // The list's card, and the list's heading: with only demo pitches on show it does not read as
    // municipalities asking; should another file have added a real one, it names both.
    await page.goto('/pitches/?gemeente=nijmegen');
    await hasText(page.locator('article', { has: page.locator('a[href="/pitches/demo-nijmegen-jongerenpact/"]') }).locator('[data-demo-card]'), /Demo Verzonnen voorbeeld over gemeente Nijmegen/);
    const listCards = await page.locator('main article').count();
    const listDemoCards = await page.locator('main article [data-demo-card]').count();
    const listHeading = page.getByRole('heading', { level: 1 });
    if (listDemoCards === listCards) {
      await hasText(listHeading, /^Zo zie(t een pitch|n pitches) eruit \(demo\)$/);
      await hasText(page.locator('[data-demo-pitches-note]'), /verzonnen voorbeeld(en)?\. De gemeente(n)? die erin sta(at|an), (heeft hem|hebben ze) niet geplaatst/);
    } else {
      await hasText(listHeading, /^Pitches van gemeenten en demopitches$/);
      await hasText(page.locator('[data-demo-pitches-note]'), /label Demo is een verzonnen voorbeeld/);
    }
    expect(await page.getByText(/^Gemeenten vragen werkgevers/).count()).toBe(listDemoCards === listCards ? 0 : 1);

    // Nijmegen's own page: demo pitches are not listed as "Pitches van Nijmegen". With only demo on
    // show the heading says "Demopitches over"; should another file have added a real pitch, it names both.
    await page.goto('/organisaties/nijmegen/');
    const pitchSection = page.locator('section[aria-labelledby="pitches"]');
    await visible(pitchSection.locator('article', { has: page.locator('a[href="/pitches/demo-nijmegen-jongerenpact/"]') }));
    const cards = await pitchSection.locator('article').count();
    const demoCards = await pitchSection.locator('article [data-demo-card]').count();
    const sectionHeading = page.locator('#pitches');
    if (demoCards === cards) {
      await hasText(sectionHeading, /^Demopitches over Nijmegen$/);
      await hasText(pitchSection.locator('[data-demo-pitches-note]'), /verzonnen voorbeeld(en)?\. Gemeente Nijmegen heeft (hem|ze) niet geplaatst/);
    } else {
      await hasText(sectionHeading, /^Pitches van Nijmegen en demopitches$/);
    }
    await visible(pitchSection.getByRole('link', { name: 'Alle pitches over Nijmegen' }));

    // The pitch map counts demo pitches apart: Zaanstad's marker says how many of its pitches are demo.
    await page.goto('/pitches/kaart/');
    await visible(page.locator('[data-demo-map]'));
    expect(await page.locator('svg a[aria-label^="Zaanstad"]').getAttribute('aria-label')).toMatch(/^Zaanstad( \(demo\))?: \d+ pitch(es)? \((waarvan \d+ )?demo\)$/);

    // A closed demo pitch with made-up results: every row marked, and no case study offered.
    await page.goto('/pitches/demo-zaanstad-magazijn/');
    const results = page.getByRole('region', { name: /Wat het opleverde \(demo\)/ });
    await hasText(results.locator('[data-demo-results]'), DEMO_RESULTS_NOTE);
    const rows = await results.locator('tbody th').allInnerTexts();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/\(demo\)$/);
    expect(await page.getByRole('link', { name: 'Maak er een praktijkvoorbeeld van' }).count()).toBe(0);
    await hasText(page.locator('[data-demo-story]'), storyRefusalMessage.demo);

    // The overview: Zaanstad's and Amsterdam's rows, their chart labels and the totals say demo.
    await page.goto('/resultaten/');
    const perMunicipality = page.getByRole('table', { name: /Per gemeente/ });
    for (const place of ['Zaanstad', 'Amsterdam']) {
      await hasText(perMunicipality.getByRole('row', { name: new RegExp(place) }).locator('th'), new RegExp(`^${place} \\((waarvan \\d+ )?demo\\)$`));
    }
    const chartLabels = await page.locator('section[aria-labelledby="per-gemeente"] .pp-chart__label').allTextContents();
    for (const place of ['Zaanstad', 'Amsterdam']) expect(chartLabels.find((label) => label.startsWith(place))).toMatch(/demo\)$/);
    await hasText(page.locator('.pp-outcome-totals dd').first(), /\d+ \((waarvan \d+ )?demo\)/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'demo-resultaten-390', { fullPage: true });
    await page.context().close();
  });
});
