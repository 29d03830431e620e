/**
 * The schema.org data in the pages' heads, read as a search engine reads it: the data block the
 * browser parsed (Chromium, against the built server), expanded by the jsonld library into full
 * schema.org terms. Per page type the right type and the facts the page shows: the site with its
 * search, a case as an Article, organisations, an activity as an Event at Amsterdam times. A demo
 * activity has none. A title written to break out of the element stays text, runs nothing, and
 * the page reports no CSP violation (a data block is not a script the policy governs).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import jsonld from 'jsonld';
import { inArray } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { activities } from '#db/activities-schema.ts';
import { amsterdamInstant } from '#domain/amsterdam-time.ts';
import { connectBrowser, openPage } from './browser.ts';
import { serverDatabase } from './accounts-support.ts';
import { dayFromNow } from './pitch-support.ts';

const SCHEMA = 'http://schema.org/';

/**
 * schema.org's context maps every term onto its vocabulary (it says "@vocab": "http://schema.org/").
 * The test machine has no internet, so the loader answers that mapping itself instead of fetching it.
 */
const expandOptions: jsonld.Options.Expand = {
  documentLoader: async (url: string) => {
    if (!/^https?:\/\/schema\.org\/?$/.test(url)) throw new Error(`Geen netwerk in de test: ${url}`);
    return { contextUrl: undefined, documentUrl: url, document: { '@context': { '@vocab': SCHEMA } } };
  },
};

type Expanded = Record<string, unknown>;

/** The objects of a property of an expanded node (values as their text, nodes as nodes). */
function values(node: Expanded, property: string): (Expanded | string)[] {
  const found = (node[`${SCHEMA}${property}`] ?? []) as Expanded[];
  return found.map((entry) => ('@value' in entry ? String(entry['@value']) : entry));
}
const text = (node: Expanded, property: string) => values(node, property).filter((v): v is string => typeof v === 'string');
const nodes = (node: Expanded, property: string) => values(node, property).filter((v): v is Expanded => typeof v !== 'string');
const types = (node: Expanded) => ((node['@type'] ?? []) as string[]).map((type) => type.replace(SCHEMA, ''));

interface Visit {
  /** Every JSON-LD block in the page as the browser parsed it, expanded. */
  data: Expanded[];
  /** How many data blocks the head holds. */
  blocks: number;
  /** CSP violations the page reported, and scripts that ran (dialogs). */
  violations: string[];
  dialogs: string[];
}

let browser: Browser;
let page: Page;
let close: () => Promise<void>;
beforeAll(async () => {
  browser = await connectBrowser();
  const opened = await openPage(browser);
  page = opened.page;
  close = () => opened.context.close();
  // Collected from the first script of every document, before the page's own.
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
});
/** The activities this file wrote: removed afterwards, so the calendar pages the next test file walks hold none of them. */
const written: string[] = [];
afterAll(async () => {
  if (written.length > 0) await (await serverDatabase()).db.delete(activities).where(inArray(activities.id, written));
  await close?.();
  await browser?.close();
});

async function visit(path: string): Promise<Visit> {
  const dialogs: string[] = [];
  const consoleViolations: string[] = [];
  const onDialog = (dialog: { message(): string; dismiss(): Promise<void> }) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  };
  const onConsole = (message: { text(): string }) => {
    if (/Content Security Policy/i.test(message.text())) consoleViolations.push(message.text());
  };
  page.on('dialog', onDialog);
  page.on('console', onConsole);
  try {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const reported = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    const violations = [...reported, ...consoleViolations];
    const blocks = await page.$$eval('head script[type="application/ld+json"]', (scripts) => scripts.map((s) => s.textContent ?? ''));
    const parsed = blocks.map((block) => {
      try {
        return JSON.parse(block) as jsonld.JsonLdDocument;
      } catch {
        throw new Error(`${path}: geen JSON in het gegevensblok (CSP-meldingen: ${violations.join('; ') || 'geen'}): ${block.slice(0, 200)}`);
      }
    });
    const data = (await Promise.all(parsed.map((block) => jsonld.expand(block, expandOptions)))).flat() as Expanded[];
    return { data, blocks: blocks.length, violations, dialogs };
  } finally {
    page.off('dialog', onDialog);
    page.off('console', onConsole);
  }
}

/** The one expanded node of this type in the page. */
function single(visit: Visit, type: string): Expanded {
  const matching = visit.data.filter((node) => types(node).includes(type));
  expect(matching.map(types)).toEqual([[type]]);
  return matching[0]!;
}

/** Writes a published activity straight into the server's database (moderation is tested elsewhere). */
async function publishedActivity(fields: { title: string; day: string; from: string; until: string; demo?: boolean; place?: string | null; onlineUrl?: string | null }) {
  const start = amsterdamInstant(fields.day, fields.from);
  const end = amsterdamInstant(fields.day, fields.until);
  if (!start.ok || !end.ok) throw new Error('ongeldige tijd');
  const id = `jsonld-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const now = Date.now();
  const { db } = await serverDatabase();
  written.push(id);
  await db.insert(activities).values({
    id,
    title: fields.title,
    description: 'Werkgevers en de gemeente maken kennis met elkaar. Aanmelden is niet nodig.',
    kind: 'meet-and-greet',
    startsAt: start.instant,
    endsAt: end.instant,
    place: fields.place === undefined ? 'Zaandam' : fields.place,
    onlineUrl: fields.onlineUrl ?? null,
    organiserName: 'Zaanstad',
    status: 'published',
    demo: fields.demo ?? false,
    createdAt: now,
    updatedAt: now,
    submittedAt: now,
    publishedAt: now,
  });
  return { id, start: start.instant, end: end.instant };
}

describe('schema.org-gegevens op de pagina’s', () => {
  test('home: de site als WebSite, met zoeken via /zoeken/?q=', async () => {
    const home = await visit('/');
    const site = single(home, 'WebSite');
    expect(text(site, 'name')).toEqual(['Praktijkplein']);
    expect(text(site, 'inLanguage')).toEqual(['nl']);
    const [action] = nodes(site, 'potentialAction');
    expect(types(action!)).toEqual(['SearchAction']);
    const [template] = text(nodes(action!, 'target')[0]!, 'urlTemplate');
    expect(new URL(template!).pathname + new URL(template!).search).toBe('/zoeken/?q={search_term_string}');
    // The template answers with the search page when a word is filled in.
    const filled = template!.replace('{search_term_string}', 'basisbaan');
    expect((await page.request.get(new URL(filled).pathname + new URL(filled).search)).status()).toBe(200);
    expect(home.violations).toEqual([]);
  });

  test('praktijkvoorbeeld: een Article over instrumenten en doelgroepen, dat organisaties en gemeenten noemt', async () => {
    const casePage = await visit('/praktijkvoorbeelden/postnl-pakketsorteercentra/');
    const article = single(casePage, 'Article');
    expect(text(article, 'headline')).toEqual([(await page.locator('h1').innerText()).trim()]);
    expect(text(article, 'datePublished')[0]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(text(article, 'inLanguage')).toEqual(['nl']);
    expect(text(article, 'license')).toEqual(['https://creativecommons.org/licenses/by/4.0/']);
    const about = nodes(article, 'about');
    expect(about.length).toBeGreaterThan(0);
    expect(about.every((term) => types(term).includes('DefinedTerm'))).toBe(true);
    const mentioned = nodes(article, 'mentions');
    const named = (type: string) => mentioned.filter((node) => types(node).includes(type)).flatMap((node) => text(node, 'name'));
    expect(named('Organization')).toContain('PostNL');
    expect(named('GovernmentOrganization')).toEqual(expect.arrayContaining(['Gemeente Apeldoorn', 'Gemeente Amsterdam', 'Gemeente Venlo']));
    expect(text(nodes(article, 'publisher')[0]!, 'name')[0]).toBeTruthy();
    expect(casePage.violations).toEqual([]);
  });

  test('organisaties: een gemeente is een GovernmentOrganization met CBS-code, een werkgever een Organization', async () => {
    const zaanstad = single(await visit('/organisaties/zaanstad/'), 'GovernmentOrganization');
    expect(text(zaanstad, 'name')).toEqual(['Gemeente Zaanstad']);
    expect(text(nodes(zaanstad, 'identifier')[0]!, 'value')).toEqual(['GM0479']);
    const postnl = single(await visit('/organisaties/postnl/'), 'Organization');
    expect(text(postnl, 'name')).toEqual(['PostNL']);
  });

  test('activiteit: een Event met Amsterdamse tijden, plaats, organisator en status', async () => {
    const day = dayFromNow(20);
    const { id, start, end } = await publishedActivity({ title: 'Kennismaken in Zaandam', day, from: '14:00', until: '16:30' });
    const event = single(await visit(`/activiteiten/${id}/`), 'Event');
    expect(text(event, 'name')).toEqual(['Kennismaken in Zaandam']);
    const [startDate] = text(event, 'startDate');
    const [endDate] = text(event, 'endDate');
    expect(startDate).toMatch(new RegExp(`^${day}T14:00:00\\+0[12]:00$`));
    expect(Date.parse(startDate!)).toBe(start);
    expect(Date.parse(endDate!)).toBe(end);
    expect(text(event, 'eventStatus')).toEqual(['https://schema.org/EventScheduled']);
    expect(text(event, 'eventAttendanceMode')).toEqual(['https://schema.org/OfflineEventAttendanceMode']);
    expect(text(nodes(event, 'location')[0]!, 'name')).toEqual(['Zaandam']);
    expect(text(nodes(event, 'organizer')[0]!, 'name')).toEqual(['Zaanstad']);
  });

  test('een demo-activiteit doet niet alsof: geen schema.org-gegevens', async () => {
    const { id } = await publishedActivity({ title: 'Demo: kennismaken', day: dayFromNow(21), from: '10:00', until: '11:00', demo: true });
    const demo = await visit(`/activiteiten/${id}/`);
    expect(demo.blocks).toBe(0);
    // The page itself is there, and says it is made up.
    expect(await page.getByText(/Een verzonnen voorbeeld om de kalender te laten zien/).count()).toBe(1);
  });

  test('een titel die uit het element wil breken blijft tekst: niets voert uit, geen CSP-melding', async () => {
    const hostile = `</script><script>alert('titel')</script><!-- <script>alert(2)</script> & </SCRIPT >`;
    const { id } = await publishedActivity({ title: hostile, day: dayFromNow(22), from: '09:00', until: '10:00', place: null, onlineUrl: 'https://meet.example/zaal' });
    const hostilePage = await visit(`/activiteiten/${id}/`);
    expect(hostilePage.blocks).toBe(1);
    const event = single(hostilePage, 'Event');
    expect(text(event, 'name')).toEqual([hostile]);
    expect(text(event, 'eventAttendanceMode')).toEqual(['https://schema.org/OnlineEventAttendanceMode']);
    expect(types(nodes(event, 'location')[0]!)).toEqual(['VirtualLocation']);
    expect(hostilePage.dialogs).toEqual([]);
    // Only the site's own script tags, none made from the title.
    expect(await page.$$eval('script:not([type="application/ld+json"])', (scripts) => scripts.map((s) => s.getAttribute('src')).filter((src) => !src?.startsWith('/_astro/')))).toEqual([]);
    expect(hostilePage.violations).toEqual([]);
  });
});
