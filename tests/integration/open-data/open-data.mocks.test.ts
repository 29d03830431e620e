/**
 * The open data of a trial install: the demo data (scripts/demo-data.ts) seeded into a real
 * database, plus a pitch and an activity whose texts hold an e-mail address, then every dataset
 * as CSV and as JSON. No output holds an account's address or name, a pitch's contact, an offer's
 * message, an employer that did not agree to be named, or any e-mail address at all; every row
 * fits its schema and the CSV holds the same rows; an item by id is the row of the list; and the
 * filters read as on the list pages (strictly for the API: refused with a Dutch reason).
 * Mocks astro:content with the real content files (content-collections.ts).
 */
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { activities } from '#db/activities-schema.ts';
import { offers, pitchFacets, pitches } from '#db/marketplace-schema.ts';
import { organisations, users } from '#db/schema.ts';
import { emptyPitchFilter } from '#domain/pitch-filter.ts';
import { listActivities } from '#features/activities/activity-list.ts';
import { listPitches } from '#features/marketplace/pitch-list.ts';
import type { AnyOpenDataset } from '#features/open-data/dataset.ts';
import { openDataDownload } from '#features/open-data/download.ts';
import { EMAIL_ADDRESS, EMAIL_LEFT_OUT } from '#features/open-data/public-text.ts';
import { datasetNamed, openDatasets } from '#features/open-data/registry.ts';
import { parseActivityQuery } from '#domain/activity-filter.ts';
import { pitchPlaces } from '#features/marketplace/pitch-list.ts';
import { parseCsv } from '#platform/csv.ts';
import { columnsOf } from '#features/open-data/columns.ts';
import { LICENCE_COLUMN } from '#features/open-data/output.ts';
import { demoUsers, seedDemoData } from '../../../scripts/demo-data.ts';
import { testDatabase, type TestDb } from '../accounts/helpers.ts';

vi.mock('astro:content', async () => (await import('./content-collections.ts')).astroContent);

const PLANTED = { pitchEmail: 'j.jansen@zaanstad.nl', contactName: 'Jolanda Jansen', phone: '06-12345678', activityEmail: 'aanmelden@voorbeeldbedrijf.nl' };

let t: TestDb;
/** Every dataset's CSV and JSON of the whole list, by dataset name. */
const outputs = new Map<string, { csv: string; json: string }>();

beforeAll(async () => {
  t = await testDatabase();
  const db = t.handle.db;
  const now = Date.now();
  await seedDemoData(db, 'geen-echte-hash', now);
  // A real-looking pitch and activity with personal data in the places people type it.
  await db.batch([
    db.insert(pitches).values({
      id: 'open-data-test-pitch',
      municipalityId: 'zaanstad',
      title: 'Werkplekken in de Rosmolenwijk',
      area: 'Rosmolenwijk',
      challenge: `Wij zoeken werkgevers. Vragen? Mail ${PLANTED.pitchEmail} of bel ons.`,
      challengeHtml: '<p>…</p>',
      ask: `Een werkervaringsplaats; reageer via ${PLANTED.pitchEmail.toUpperCase()}.`,
      askHtml: '<p>…</p>',
      closingDate: `${new Date(now).getUTCFullYear() + 1}-06-30`,
      contactName: PLANTED.contactName,
      contactRole: 'Werkgeversadviseur',
      contactEmail: PLANTED.pitchEmail,
      contactPhone: PLANTED.phone,
      status: 'published',
      createdAt: now,
      updatedAt: now,
      publishedAt: now,
    }),
    db.insert(pitchFacets).values({ pitchId: 'open-data-test-pitch', facet: 'target-group', value: 'jongeren' }),
    db.insert(activities).values({
      id: 'open-data-test-activiteit',
      title: 'Kennismaken bij de bakkerij',
      description: `Kom langs. Aanmelden: ${PLANTED.activityEmail}`,
      kind: 'meet-and-greet',
      startsAt: now + 10 * 86_400_000,
      endsAt: now + 10 * 86_400_000 + 7_200_000,
      place: 'Zaandam',
      municipalityId: 'zaanstad',
      organiserName: 'Voorbeeldbedrijf (demo)',
      status: 'published',
      createdAt: now,
      updatedAt: now,
      submittedAt: now,
      publishedAt: now,
    }),
  ]);
  for (const dataset of openDatasets) {
    const file = (format: 'csv' | 'json') => openDataDownload(t.deps(), dataset, format, new URLSearchParams(), 'Netwerk Praktijkplein (test)');
    outputs.set(dataset.name, { csv: (await file('csv')).body, json: (await file('json')).body });
  }
});

afterAll(() => t?.cleanup());

const json = (name: string) => JSON.parse(outputs.get(name)!.json) as { licentie: { id: string }; bron: { adres: string }; filters: Record<string, string[]>; aantal: number; items: Record<string, unknown>[] };

describe('geen persoonsgegevens in de open data', () => {
  test('de demodata en de geplante gegevens staan in de database, en de lijsten zijn niet leeg', async () => {
    const addresses = (await t.handle.db.select({ email: users.email }).from(users)).map((u) => u.email);
    for (const demo of demoUsers) expect(addresses).toContain(demo.email);
    expect(json('pitches').aantal).toBeGreaterThanOrEqual(5);
    expect(json('activiteiten').aantal).toBeGreaterThanOrEqual(4);
    expect(json('resultaten').aantal).toBeGreaterThanOrEqual(3);
    for (const dataset of openDatasets) expect(json(dataset.name).aantal, dataset.name).toBeGreaterThan(0);
    // The planted pitch and activity are in it, their addresses replaced (not the rows left out).
    expect(outputs.get('pitches')!.csv).toContain(`Mail ${EMAIL_LEFT_OUT} of bel ons.`);
    expect(outputs.get('activiteiten')!.json).toContain(`Aanmelden: ${EMAIL_LEFT_OUT}`);
  });

  test('geen e-mailadres, naam of contact van een account, geen bericht, geen werkgever die niet genoemd wil worden', async () => {
    const db = t.handle.db;
    const accounts = await db.select({ email: users.email, name: users.name }).from(users);
    const contacts = await db.select({ name: pitches.contactName, email: pitches.contactEmail, phone: pitches.contactPhone }).from(pitches);
    const messages = await db.select({ message: offers.message, ownerMessage: offers.ownerMessage }).from(offers);
    const named = new Set((await db.select({ employerId: offers.employerId }).from(offers).where(eq(offers.showName, true))).map((o) => o.employerId));
    const unnamed = await db
      .select({ id: organisations.id, name: organisations.name })
      .from(offers)
      .innerJoin(organisations, eq(organisations.id, offers.employerId))
      .where(and(eq(offers.showName, false)));
    const hidden = unnamed.filter((employer) => !named.has(employer.id)).map((employer) => employer.name);
    // Without these the scan below would prove nothing.
    expect(hidden.length).toBeGreaterThan(0);
    expect(messages.filter((m) => (m.message ?? '').length >= 20).length).toBeGreaterThan(0);

    const secrets = [
      ...accounts.flatMap((account) => [account.email, account.name]),
      ...contacts.flatMap((contact) => [contact.name, contact.email, contact.phone ?? '']),
      ...messages.flatMap((m) => [m.message ?? '', m.ownerMessage ?? '']).filter((text) => text.length >= 20),
      ...hidden,
      ...Object.values(PLANTED),
    ].filter((secret) => secret.length > 0);
    for (const [name, { csv, json: body }] of outputs) {
      for (const output of [csv, body, JSON.stringify(JSON.parse(body))]) {
        const lower = output.toLowerCase();
        for (const secret of secrets) expect(lower.includes(secret.toLowerCase()), `${name} bevat "${secret}"`).toBe(false);
        expect(output.match(EMAIL_ADDRESS), `${name} bevat een e-mailadres`).toBeNull();
        expect(output.match(/[\w.+-]+@[\w-]+\.[\w.-]+/g), `${name} bevat een e-mailadres`).toBeNull();
      }
    }
  });
});

describe('elke regel past in zijn schema, in CSV en JSON', () => {
  test.each(openDatasets.map((dataset) => [dataset.name, dataset] as const))('%s', async (name, dataset) => {
    const document = json(name);
    expect(document.licentie.id).toBe('CC-BY-4.0');
    expect(document.bron.adres).toBe(`https://praktijkplein.test${dataset.listPath}`);
    for (const item of document.items) dataset.row.strict().parse(item);
    const csv = outputs.get(name)!.csv;
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const read = parseCsv(csv, ';');
    expect(read).toHaveLength(document.aantal);
    // The schema's columns, then the licence on every row (a saved file keeps it).
    expect(Object.keys(read[0]!)).toEqual([...columnsOf(dataset.row).map((column) => column.title), LICENCE_COLUMN]);
    for (const row of read) expect(row[LICENCE_COLUMN]).toBe('CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/), bron: Praktijkplein (Netwerk Praktijkplein (test))');
    // Same rows in the same order: the ids line up.
    expect(read.map((row) => row.Id)).toEqual(document.items.map((item) => item.id));
    for (const item of document.items) expect(String(item.adres)).toMatch(/^https:\/\/praktijkplein\.test\//);
  });

  test('een demoregel zegt het in zijn titel of naam, niet alleen in de kolom Demo', () => {
    for (const name of ['pitches', 'activiteiten', 'resultaten']) {
      const items = json(name).items.filter((item) => item.demo === true);
      expect(items.length, name).toBeGreaterThan(0);
      for (const item of items) expect(String(item.titel ?? item.pitch)).toMatch(/\(demo\)/);
    }
    for (const item of json('pitches').items.filter((item) => item.demo === true)) expect(item.gemeente).toMatch(/\(demo\)$/);
  });

  test('één item op id is dezelfde regel als in de lijst; een onbekend id is er niet', async () => {
    for (const dataset of openDatasets) {
      const rows = await dataset.list(t.deps(), parsed(dataset, new URLSearchParams()));
      for (const row of rows.slice(0, 3)) expect(await dataset.get(t.deps(), dataset.idOf(row)), dataset.name).toEqual(row);
      expect(await dataset.get(t.deps(), 'bestaat-niet'), dataset.name).toBeUndefined();
    }
  });

  test('een pitch die niet openbaar is, staat er niet in en is op id niet te vinden', async () => {
    await t.handle.db.update(pitches).set({ status: 'draft' }).where(eq(pitches.id, 'open-data-test-pitch'));
    try {
      const pitchesSet = datasetNamed('pitches')!;
      expect(await pitchesSet.get(t.deps(), 'open-data-test-pitch')).toBeUndefined();
      const ids = (await pitchesSet.list(t.deps(), parsed(pitchesSet, new URLSearchParams()))).map((row) => row.id);
      expect(ids).not.toContain('open-data-test-pitch');
      expect(ids).toContain('demo-zaanstad-poelenbrug');
    } finally {
      await t.handle.db.update(pitches).set({ status: 'published' }).where(eq(pitches.id, 'open-data-test-pitch'));
    }
  });
});

/** The filters of a query, read leniently (as a download does). */
function parsed(dataset: AnyOpenDataset, query: URLSearchParams): unknown {
  const result = dataset.parseFilters(query, { strict: false });
  if (!result.ok) throw new Error(`${dataset.name} weigert ${query}`);
  return result.filters;
}

describe('de filters van elke lijst', () => {
  test.each(openDatasets.map((dataset) => [dataset.name, dataset] as const))('%s: streng weigert een onbekende parameter en waarde in het Nederlands; soepel negeert ze', (_name, dataset) => {
    const strict = (query: string) => dataset.parseFilters(new URLSearchParams(query), { strict: true });
    const unknown = strict('kleur=blauw');
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.problems).toEqual([{ parameter: 'kleur', message: expect.stringMatching(/^Onbekende parameter "kleur"\. Deze lijst (filtert op: .+|heeft geen filters)\.$/) }]);
    expect(dataset.parseFilters(new URLSearchParams('kleur=blauw&pagina=2&sorteer=nieuwste'), { strict: false }).ok).toBe(true);
    expect(strict('').ok).toBe(true);
    const [first] = dataset.filterParameters;
    if (!first) return;
    const value = first.values()[0]!.id;
    const known = strict(`${first.name}=${encodeURIComponent(value)}`);
    expect(known.ok).toBe(true);
    // What the output reports as applied is the query it was given.
    if (known.ok) expect(dataset.queryOf(known.filters).getAll(first.name)).toEqual([value]);
    const refused = strict(`${first.name}=bestaat-niet`);
    expect(refused).toEqual({ ok: false, problems: [{ parameter: first.name, message: `Onbekende waarde "bestaat-niet" voor "${first.name}".` }] });
    // Leniently, the unknown value is dropped as the list page drops it (the overview keeps it and finds nothing).
    expect(dataset.parseFilters(new URLSearchParams(`${first.name}=bestaat-niet`), { strict: false }).ok).toBe(true);
  });

  test('een parameter met één waarde mag niet twee keer; een lege waarde telt als niet gekozen', () => {
    const outcome = datasetNamed('resultaten')!;
    expect(outcome.parseFilters(new URLSearchParams('gemeente=zaanstad&gemeente=utrecht'), { strict: true })).toEqual({ ok: false, problems: [{ parameter: 'gemeente', message: 'Geef "gemeente" hooguit één keer.' }] });
    expect(outcome.parseFilters(new URLSearchParams('gemeente=&doelgroep=jongeren'), { strict: true }).ok).toBe(true);
    const cases = datasetNamed('praktijkvoorbeelden')!;
    expect(cases.parseFilters(new URLSearchParams('doelgroep=jongeren&doelgroep=bijstand&sector='), { strict: true }).ok).toBe(true);
  });

  test('de download van een gefilterde lijst houdt wat de lijstpagina toont', async () => {
    const db = t.handle.db;
    const now = new Date();
    // Pitches: the list page's filter, all pages.
    const pitchQuery = new URLSearchParams('doelgroep=jongeren&sorteer=sluitingsdatum&pagina=3&onbekend=1');
    const pitchesSet = datasetNamed('pitches')!;
    const page = await listPitches(db, { filter: { ...emptyPitchFilter(), targetGroups: ['jongeren'] }, sort: 'nieuwste', page: 1 }, now, 1000);
    const fromDownload = await pitchesSet.list(t.deps(), parsed(pitchesSet, pitchQuery));
    expect(fromDownload.map((row) => row.id)).toEqual(page.items.map((item) => item.id));
    expect(fromDownload.map((row) => row.id)).toContain('open-data-test-pitch');
    // Activities: the period is the page's when asked for, both without it.
    const activitySet = datasetNamed('activiteiten')!;
    const coming = await listActivities(db, parseActivityQuery(new URLSearchParams('wanneer=komend'), pitchPlaces().vocabulary), now.getTime());
    expect((await activitySet.list(t.deps(), parsed(activitySet, new URLSearchParams('wanneer=komend')))).map((row) => row.id)).toEqual(coming.items.map((item) => item.id));
    const all = await activitySet.list(t.deps(), parsed(activitySet, new URLSearchParams()));
    expect(all.length).toBe(coming.total + coming.otherPeriodTotal);
    expect(JSON.parse((await openDataDownload(t.deps(), activitySet, 'json', new URLSearchParams('wanneer=komend&soort=bestaat-niet'), 'Netwerk')).body).filters).toEqual({ wanneer: ['komend'] });
    // Cases: a target group narrows to the cases that have it.
    const casesSet = datasetNamed('praktijkvoorbeelden')!;
    const youth = await casesSet.list(t.deps(), parsed(casesSet, new URLSearchParams('doelgroep=jongeren')));
    expect(youth.length).toBeGreaterThan(0);
    expect(youth.length).toBeLessThan(json('praktijkvoorbeelden').aantal);
    for (const row of youth) expect(row.doelgroepen).toContain('Jongeren');
  });
});
