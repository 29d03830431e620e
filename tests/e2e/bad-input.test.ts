/**
 * Over HTTP: generated posts (tests/integration/bad-input/forms.ts) at every form
 * action of a built server of the test's own, each posted twice, as Astro's RPC endpoint
 * (/_actions/<name>) and as the form on its page (?_action=<name>), urlencoded or multipart,
 * sometimes with broken percent-encoding; and generated queries and bodies at the JSON, CSV and
 * feed endpoints. For every answer: never a 500 and never a stack trace; a refused form shows a
 * message on its page (error summary or field message, never zod's English), keeps what the
 * person typed, and has written nothing (triggers record every write, fixture.ts). Each request
 * comes from its own X-Forwarded-For address (the server runs with TRUST_PROXY=1), with the
 * Origin and Sec-Fetch-Site a browser sends. Seeded and bounded like the in-process test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrateDatabase, openDatabase, type DatabaseHandle } from '#db/client.ts';
import { outbox } from '#db/schema.ts';
import { ensureReferenceData } from '#features/accounts/reference-data.ts';
import { sessionCookieName } from '#platform/auth/cookie.ts';
import { buildFixture, trackWrites, writeMark, writesAfter, type Fixture } from '../integration/bad-input/fixture.ts';
import { formModels, nastyText, postFor, seedOf, zodDefaultMessage, type FormModel, type Persona, type Post } from '../integration/bad-input/forms.ts';
import { startServer, type OwnServer } from './own-server.ts';

/** Posts per form (each is sent twice: RPC and page), fewer where a valid post costs an argon2 hash; requests per endpoint. */
const RUNS = 25;
const HASHING_RUNS = 10;
const ENDPOINT_RUNS = 60;
const hashing = new Set(['account.register', 'account.login', 'account.resetPassword', 'account.changePassword', 'account.requestEmailChange', 'account.deleteAccount', 'offers.createWithAccount']);

/** Writes the server makes on its own between requests: mail delivery marks the outbox, a session's last use is bumped. */
const BACKGROUND_WRITES = new Set(['UPDATE outbox', 'UPDATE sessions']);

let dir: string;
let handle: DatabaseHandle;
let server: OwnServer;
let fixture: Fixture;
let models: FormModel[];
let ipCounter = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'praktijkplein-bad-input-'));
  const url = `file:${join(dir, 'bad-input.db')}`;
  handle = await openDatabase({ url });
  await migrateDatabase(handle);
  await ensureReferenceData(handle.db);
  fixture = await buildFixture({ handle, url, deps: (overrides = {}) => ({ db: handle.db, origin: 'http://127.0.0.1', ip: '192.0.2.1', ...overrides }), cleanup: () => {} });
  await trackWrites(handle.db);
  models = formModels(fixture.ids);
  // The first request starts housekeeping in the background (retention, reminders, the digest,
  // then mail delivery: src/features/jobs/housekeeping.ts). A mail queued here is sent in its last
  // step: once it is sent, the writes of the steps before have all been made.
  const marker = `housekeeping-${Date.now()}`;
  await handle.db.insert(outbox).values({ id: marker, toAddress: 'klaar@voorbeeld.nl', subject: 'Onderhoud klaar', body: '-', createdAt: Date.now() });
  server = await startServer(url, { TRUST_PROXY: '1' });
  await fetch(`${server.baseURL}/pitches/`);
  for (let i = 0; (await handle.db.select({ status: outbox.status }).from(outbox).where(eq(outbox.id, marker)))[0]?.status !== 'sent'; i++) {
    if (i > 300) throw new Error(`Het onderhoud na de eerste aanvraag werd niet klaar:\n${server.stdout()}\n${server.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 120_000);

afterAll(() => {
  server?.kill();
  handle?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Headers a browser sends with a form from this site, from an address of its own. */
function headers(persona: Persona): Record<string, string> {
  ipCounter++;
  const h: Record<string, string> = {
    origin: server.baseURL,
    'sec-fetch-site': 'same-origin',
    'x-forwarded-for': `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`,
  };
  if (persona !== 'anonymous') h.cookie = `${sessionCookieName(false)}=${fixture.tokens[persona]}`;
  return h;
}

/** Percent-encoding a browser never sends: invalid UTF-8, a lone surrogate's bytes, stray % signs. */
const brokenEncoding = fc.constantFrom('%ED%A0%80=1', 'name=%zz', '%=%', 'email=%C0%AF', '&&&', '=x', 'message=%FF%FE', '%00=%00');

type Encoding = { kind: 'urlencoded'; broken?: string } | { kind: 'multipart' };
const encodings: fc.Arbitrary<Encoding> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Encoding>({ kind: 'urlencoded' }) },
  { weight: 2, arbitrary: fc.constant<Encoding>({ kind: 'multipart' }) },
  { weight: 1, arbitrary: brokenEncoding.map<Encoding>((broken) => ({ kind: 'urlencoded', broken })) },
);

/** The body and its content type; files only go multipart (urlencoded sends their content as text). */
function body(post: Post, encoding: Encoding): { body: string | FormData; type?: string } {
  if (encoding.kind === 'multipart') {
    const form = new FormData();
    for (const [name, value] of post) {
      if (typeof value === 'string') form.append(name, value);
      else form.append(name, new Blob([value.file], { type: 'text/plain' }), 'bestand.txt');
    }
    return { body: form };
  }
  const params = new URLSearchParams(post.map(([name, value]) => [name, typeof value === 'string' ? value : value.file]));
  return { body: encoding.broken ? `${params}&${encoding.broken}` : params.toString(), type: 'application/x-www-form-urlencoded' };
}

async function send(path: string, persona: Persona, post: Post, encoding: Encoding) {
  const { body: payload, type } = body(post, encoding);
  const response = await fetch(`${server.baseURL}${path}`, { method: 'POST', headers: { ...headers(persona), ...(type ? { 'content-type': type } : {}) }, body: payload, redirect: 'manual' });
  return { status: response.status, text: await response.text(), location: response.headers.get('location') };
}

/** A stack trace or an internal file name in a body a person (or a script) gets. */
const stackTrace = /\n\s+at .*[/\\]|node_modules|dist\/server|\.m?js:\d+/;

/** The text of the HTML as a reader gets it (entities decoded), to find what was typed. */
const decode = (html: string) =>
  html.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (entity[0] !== '#') return named[entity.toLowerCase()]!;
    return String.fromCodePoint(entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
  });

/** Does the page show what went wrong: the error summary or a message at a field, with words in it? */
function showsMessage(html: string): boolean {
  const summary = html.match(/class="[^"]*pp-error-summary[^"]*"[^>]*>([\s\S]*?)<\/div>/)?.[1] ?? '';
  const atField = html.match(/class="[^"]*\bpp-error\b[^"]*"[^>]*>([\s\S]*?)<\/p>/)?.[1] ?? '';
  const words = (fragment: string) => fragment.replace(/<[^>]*>/g, '').trim().length > 0;
  return words(summary) || words(atField);
}

/** What is wrong with the answers to one post (an empty list: nothing). */
async function problemsWith(model: FormModel, persona: Persona, post: Post, encoding: Encoding): Promise<string[]> {
  const problems: string[] = [];
  let mark = await writeMark(handle.db);
  const rpc = await send(`/_actions/${model.action}`, persona, post, encoding);
  if (rpc.status >= 500) problems.push(`RPC: status ${rpc.status}`);
  if (stackTrace.test(rpc.text)) problems.push('RPC: stacktrace in het antwoord');
  const rpcWrites = (await writesAfter(handle.db, mark)).filter((write) => !BACKGROUND_WRITES.has(write));
  if (rpc.status >= 400 && rpcWrites.length > 0) problems.push(`RPC geweigerd (${rpc.status}), maar geschreven: ${rpcWrites.join(', ')}`);

  mark = await writeMark(handle.db);
  const page = await send(`${model.page}${model.page.includes('?') ? '&' : '?'}_action=${model.action}`, persona, post, encoding);
  const writes = (await writesAfter(handle.db, mark)).filter((write) => !BACKGROUND_WRITES.has(write));
  if (page.status >= 500) problems.push(`pagina: status ${page.status}`);
  if (stackTrace.test(page.text)) problems.push('pagina: stacktrace in het antwoord');
  if (page.status >= 400) {
    if (writes.length > 0) problems.push(`pagina geweigerd (${page.status}), maar geschreven: ${writes.join(', ')}`);
    const html = decode(page.text);
    if (page.status === 413) {
      if (!/te groot/.test(page.text)) problems.push('413 zonder uitleg');
    } else if (persona === model.persona) {
      // (Someone else posting this form gets the page's own "not for you" answer, or a 404.)
      if (!showsMessage(page.text)) problems.push(`pagina geweigerd (${page.status}) zonder zichtbare melding`);
      const english = html.match(/(Invalid (input|option)|Too (big|small))[^<]*/)?.[0];
      if (english && zodDefaultMessage.test(english)) problems.push(`Engelse melding op de pagina: ${english}`);
      // What the person typed is back in the form (only where the form itself is shown again).
      if (page.status === 422 && persona === model.persona && encoding.kind !== 'multipart' && !encoding.broken) {
        for (const name of model.kept ?? []) {
          const sent = post.filter(([field]) => field === name);
          const value = sent[0]?.[1];
          if (sent.length !== 1 || typeof value !== 'string' || value.trim() === '') continue;
          // The HTML parser drops NUL and a textarea's first newline; compare what survives parsing.
          const visible = value.toWellFormed().replace(/\0/g, '').replace(/^\r?\n/, '').replace(/\r\n?/g, '\n');
          if (visible.trim() && !html.replace(/\r\n?/g, '\n').replace(/\0/g, '').includes(visible)) problems.push(`ingevulde waarde van ${name} is weg: ${JSON.stringify(value.slice(0, 60))}`);
        }
      }
    }
  }
  return problems;
}

const personaFor = (model: FormModel) =>
  fc.oneof({ weight: 4, arbitrary: fc.constant(model.persona) }, { weight: 1, arbitrary: fc.constantFrom<Persona>('anonymous', 'member', 'owner', 'employer', 'curator') });

const placeholders = { pitchId: 'p', draftId: 'd', submittedId: 's', offerId: 'o', pendingUserId: 'u', pendingOrganisationId: 'g', suggestionId: 'b', memberEmail: 'lid@voorbeeld.nl', liveSessionId: 'l', closedPitchId: 'c', activityId: 'a' };
const actionOrder = [...formModels(placeholders).filter((m) => !m.destructive), ...formModels(placeholders).filter((m) => m.destructive)].map((m) => m.action);
const seed = seedOf();

// Examples the properties found, pinned (they run first: the properties may withdraw the offer).
describe('voorbeelden die de test vond', () => {
  async function postPage(path: string, persona: Persona, fields: Record<string, string>) {
    const response = await fetch(`${server.baseURL}${path}`, { method: 'POST', headers: { ...headers(persona), 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(), redirect: 'manual' });
    return { status: response.status, html: decode(await response.text()) };
  }

  test('een te lang bericht bij het antwoord op een aanbod: de melding staat bij het veld en de tekst blijft staan (zei eerst niets)', async () => {
    const [offer] = await handle.db.all<{ version: number }>(sql`SELECT version FROM offers WHERE id = ${fixture.ids.offerId}`);
    const message = `Welkom bij ons 👋 ${'x'.repeat(2001)}`;
    const page = await postPage(`/pitches/${fixture.ids.pitchId}/aanbod/?_action=offers.answer`, 'owner', { offerId: fixture.ids.offerId, version: String(offer!.version), answer: 'shortlist', message });
    expect(page.status).toBe(422);
    expect(page.html).toContain('Een bericht mag hoogstens 2000 tekens hebben.');
    expect(page.html).toContain(message);
  });

  test('een onbekend besluit bij het modereren: "Kies een besluit." boven de lijst (zei eerst niets)', async () => {
    const page = await postPage(`/beheer/pitches/?_action=pitches.moderate`, 'curator', { pitchId: fixture.ids.submittedId, version: '1', decision: 'publish\u0000' });
    expect(page.status).toBe(422);
    expect(showsMessage(page.html)).toBe(true);
    expect(page.html).toContain('Kies een besluit.');
  });

  test('een te lange opmerking bij een pitch of activiteit die niet in de wachtrij staat: de melding staat bovenaan (stond nergens; seed 404371020)', async () => {
    const note = 'x'.repeat(3000);
    for (const path of ['/beheer/pitches/?_action=pitches.moderate', '/beheer/activiteiten/?_action=activities.decide']) {
      const idField = path.includes('pitches') ? 'pitchId' : 'activityId';
      const page = await postPage(path, 'curator', { [idField]: '', version: '99', decision: 'publish', note });
      expect(page.status, path).toBe(422);
      expect(page.html, path).toMatch(/class="[^"]*pp-error-summary/);
    }
  });

  test('een verborgen veld dat ontbreekt: een Nederlandse melding, geen "Invalid input" (was Engels)', async () => {
    const page = await postPage(`/account/mijn-aanbod/?_action=offers.withdraw`, 'employer', { version: '1' });
    expect(page.status).toBe(422);
    expect(page.html).toContain('Het formulier kwam niet goed aan.');
    expect(page.html).not.toMatch(/Invalid input|expected string/);
  });
});

describe('onzin in elk formulier, over HTTP (punt 6)', () => {
  test.each(actionOrder)('%s: geen 500, een zichtbare melding, de invoer blijft staan, niets opgeslagen', async (actionName) => {
    const model = models.find((m) => m.action === actionName)!;
    await fc.assert(
      fc.asyncProperty(personaFor(model), postFor(model), encodings, async (persona, post, encoding) => {
        const problems = await problemsWith(model, persona, post, encoding);
        if (problems.length > 0) throw new Error(`${model.action} als ${persona} (${encoding.kind}${'broken' in encoding && encoding.broken ? `, ${encoding.broken}` : ''}): ${problems.join('; ')}`);
      }),
      { numRuns: hashing.has(actionName) ? HASHING_RUNS : RUNS, seed, verbose: 1 },
    );
  });
});

describe('onzin aan de JSON-, CSV- en feed-adressen', () => {
  const personas = fc.constantFrom<Persona>('anonymous', 'member', 'owner', 'employer', 'curator');
  const query = fc.array(fc.tuple(fc.oneof(fc.constantFrom('gemeente', 'q', 'doelgroep', 'sector', 'hulp', 'status', 'pagina', 'sorteer', 'token'), nastyText), nastyText), { maxLength: 4 });

  async function get(path: string, persona: Persona) {
    const response = await fetch(`${server.baseURL}${path}`, { headers: headers(persona), redirect: 'manual' });
    return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
  }

  test('GET met willekeurige queries: /account/gegevens.json, de feeds, de sitemap, de CSV, de pitchlijst en de open data', async () => {
    const paths = fc.oneof(
      query.map((q) => `/account/gegevens.json?${new URLSearchParams(q)}`),
      query.map((q) => `/pitches/rss.xml?${new URLSearchParams(q)}`),
      nastyText.map((gemeente) => `/pitches/rss.xml?gemeente=${encodeURIComponent(gemeente.replace(/[\uD800-\uDFFF]/g, '\uFFFD'))}`),
      query.map((q) => `/sitemap-pitches.xml?${new URLSearchParams(q)}`),
      fc.oneof(fc.constant(fixture.ids.pitchId), nastyText).map((id) => `/pitches/${encodeURIComponent(id.replace(/[\uD800-\uDFFF]/g, '\uFFFD'))}/aanbod.csv`),
      query.map((q) => `/pitches/?${new URLSearchParams(q)}`),
      // Open data: every dataset and a made-up name, with the list pages' parameters and worse.
      fc
        .tuple(fc.oneof(fc.constantFrom('praktijkvoorbeelden', 'instrumenten', 'organisaties', 'bronnen', 'pitches', 'activiteiten', 'resultaten'), nastyText), fc.constantFrom('csv', 'json'), query)
        .map(([name, format, q]) => `/open-data/${encodeURIComponent(name.replace(/[\uD800-\uDFFF]/g, '\uFFFD'))}.${format}?${new URLSearchParams(q)}`),
      query.map((q) => `/resultaten.csv?${new URLSearchParams(q)}`),
    );
    await fc.assert(
      fc.asyncProperty(paths, personas, async (path, persona) => {
        const answer = await get(path, persona);
        expect(answer.status, path).toBeLessThan(500);
        expect(answer.text, path).not.toMatch(stackTrace);
        if ((path.startsWith('/account/gegevens.json') || path.startsWith('/open-data/')) && path.includes('.json?') && answer.status === 200) expect(() => JSON.parse(answer.text), path).not.toThrow();
      }),
      { numRuns: ENDPOINT_RUNS, seed },
    );
  });

  test('JSON aan de acties (RPC en formulier): kapotte JSON, verkeerde typen, lege bodies geven 4xx, nooit 500', async () => {
    const json = fc.oneof(
      fc.json().map((text) => text),
      fc.constantFrom('{', '{"email":', '[', '"', 'nul', '{"email": 1, "password": [1,2]}', '\u0000', '', '{"__proto__": {"role": "admin"}}'),
      fc.string({ unit: 'binary', maxLength: 40 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...models), json, fc.boolean(), personas, async (model, text, viaPage, persona) => {
        const path = viaPage ? `${model.page}${model.page.includes('?') ? '&' : '?'}_action=${model.action}` : `/_actions/${model.action}`;
        const mark = await writeMark(handle.db);
        const response = await fetch(`${server.baseURL}${path}`, { method: 'POST', headers: { ...headers(persona), 'content-type': 'application/json' }, body: text, redirect: 'manual' });
        const answer = await response.text();
        expect(response.status, `${path} ${JSON.stringify(text)}`).toBeLessThan(500);
        expect(answer).not.toMatch(stackTrace);
        expect((await writesAfter(handle.db, mark)).filter((write) => !BACKGROUND_WRITES.has(write))).toEqual([]);
      }),
      { numRuns: ENDPOINT_RUNS, seed },
    );
  });

  test('voorbeeld dat de test vond: kapotte JSON aan een actie gaf 500 (nu 415)', async () => {
    for (const path of ['/_actions/account.login', '/account/inloggen/?_action=account.login']) {
      const response = await fetch(`${server.baseURL}${path}`, { method: 'POST', headers: { ...headers('anonymous'), 'content-type': 'application/json' }, body: '{' });
      expect(response.status, path).toBe(415);
      expect(await response.text()).toContain('formulier');
    }
  });
});
