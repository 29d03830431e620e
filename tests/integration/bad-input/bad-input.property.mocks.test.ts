/**
 * In process: thousands of generated posts (see forms.ts) at every form action
 * of src/actions/index.ts, each through Astro's own action runtime (its FormData parsing, the
 * action's zod schema, the handler, the use case) against a real libSQL file. For every post:
 * never an internal error; a refusal is a Dutch message or a Dutch message per field the form
 * has; and a refused post writes nothing but rate-limit and security-log rows (triggers record
 * every write, fixture.ts). Seeded and bounded: fast-check prints the seed and the shrunk post
 * of a failure; BAD_INPUT_SEED=<seed> replays it.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { actorFrom } from '#features/accounts/actor.ts';
import { validateSessionToken, type SessionContext } from '#platform/auth/session.ts';
import type { FormOutcome } from '#web/form-outcome.ts';
import { inputErrorMessages } from '#web/form-state.ts';
import { testDatabase, type TestDb } from '../accounts/helpers.ts';
import { buildFixture, trackWrites, writeMark, writesAfter, type Fixture } from './fixture.ts';
import { formModels, postFor, seedOf, toFormData, zodDefaultMessage, type FormModel, type Persona, type Post } from './forms.ts';

// The actions run in Astro's real action runtime, outside a build: astro:actions is that runtime.
vi.mock('astro:actions', async () => {
  const server = await import('../../../node_modules/astro/dist/actions/runtime/server.js');
  const client = await import('../../../node_modules/astro/dist/actions/runtime/client.js');
  return { defineAction: server.defineAction, isInputError: client.isInputError, ActionError: client.ActionError };
});
// Built content is not here: one case and one organisation are known by title.
vi.mock('astro:content', () => ({
  getEntry: async (collection: string, id: string) =>
    collection === 'cases' && id === 'postnl-pakketsorteercentra' ? { data: { title: 'PostNL: pakketsorteercentra' } } : collection === 'organisations' && id === 'zaanstad' ? { data: { name: 'Zaanstad' } } : undefined,
  getCollection: async () => [],
}));
// Mail waits in the outbox: delivery in the background would write to it between two checks.
vi.mock('#features/jobs/housekeeping.ts', async (original) => ({ ...(await original<object>()), sendQueuedMail: () => {} }));

/** Runs per action; actions that hash a password (argon2) get fewer, as each valid post costs a hash. */
const RUNS = 200;
const HASHING_RUNS = 60;
const hashing = new Set(['account.register', 'account.login', 'account.resetPassword', 'account.changePassword', 'account.requestEmailChange', 'account.deleteAccount', 'offers.createWithAccount']);

const APP_DATABASE = Symbol.for('praktijkplein.app-database');
const ACTION_CONTEXT = Symbol.for('astro.actionAPIContext');

let t: TestDb;
let fixture: Fixture;
let models: FormModel[];
const sessions = new Map<Persona, SessionContext | null>();
let server: Record<string, Record<string, (this: unknown, input: FormData) => Promise<{ data?: FormOutcome; error?: unknown }>>>;
let ipCounter = 0;
/** Per action: how many posts were accepted, refused per field, refused as a whole (printed at the end). */
const tally = new Map<string, { accepted: number; fields: number; form: number }>();

beforeAll(async () => {
  // Thousands of refused logins each log a security event on stdout: keep the test's output readable.
  vi.spyOn(console, 'log').mockImplementation(() => {});
  t = await testDatabase();
  fixture = await buildFixture(t);
  models = formModels(fixture.ids);
  sessions.set('anonymous', null);
  for (const [persona, token] of Object.entries(fixture.tokens)) sessions.set(persona as Persona, await validateSessionToken(t.handle.db, token));
  await trackWrites(t.handle.db);
  // The app's database (src/web/app-database.ts) is this test's file.
  (globalThis as Record<symbol, unknown>)[APP_DATABASE] = { handle: Promise.resolve(t.handle), ready: Promise.resolve(t.handle.db) };
  server = (await import('#actions/index.ts')).server as unknown as typeof server;
}, 120_000);

afterAll(() => {
  vi.restoreAllMocks();
  console.info(['aangenomen / veldmeldingen / formuliermelding per actie:', ...[...tally].map(([action, n]) => `  ${action}: ${n.accepted} / ${n.fields} / ${n.form}`)].join('\n'));
  delete (globalThis as Record<symbol, unknown>)[APP_DATABASE];
  t?.cleanup();
});

/** What Astro hands an action: the request, the client's address, the signed-in person, cookies. */
function actionContext(persona: Persona) {
  ipCounter++;
  const current = sessions.get(persona) ?? null;
  const context = {
    request: new Request('http://localhost:4321/', { method: 'POST' }),
    url: new URL('http://localhost:4321/'),
    // A fresh address per post: per-IP limits would otherwise answer most posts with 429.
    clientAddress: `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`,
    locals: current
      ? { user: current.user, organisation: current.organisation, session: current.session, actor: actorFrom(current.user, current.organisation) }
      : { user: null, organisation: null, session: null, actor: null },
    cookies: { get: () => undefined, has: () => false, set: () => {}, delete: () => {} },
  };
  Object.defineProperty(context, ACTION_CONTEXT, { value: true });
  return context;
}

/** What is wrong with an action's answer to a post, if anything (an empty list: nothing). */
export function problemsWith(model: FormModel, result: { data?: FormOutcome; error?: unknown }, writes: string[]): string[] {
  const problems: string[] = [];
  const fieldNames = new Set(Object.keys(model.fields));
  const checkMessage = (where: string, message: unknown) => {
    if (typeof message !== 'string' || message.trim() === '') problems.push(`${where}: geen melding`);
    else if (zodDefaultMessage.test(message)) problems.push(`${where}: Engelse standaardmelding "${message}"`);
  };
  let refused = true;
  if (result.error) {
    const error = result.error as { type?: string; status?: number; code?: string; message?: string; fields?: Record<string, string[] | undefined> };
    if (error.type === 'AstroActionInputError') {
      // What the page gets to show (src/web/form-state.ts).
      const shown = inputErrorMessages(error.fields ?? {});
      if (!shown.message && Object.keys(shown.fields).length === 0) problems.push('invoerfout zonder melding');
      if (shown.message !== undefined) checkMessage('formulier', shown.message);
      for (const [name, text] of Object.entries(shown.fields)) {
        if (!fieldNames.has(name.replace(/\.\d+$/, ''))) problems.push(`melding bij onbekend veld ${name}`);
        checkMessage(`veld ${name}`, text);
      }
    } else if ((error.status ?? 500) >= 500) {
      problems.push(`interne fout ${error.status} ${error.code}: ${error.message}`);
    }
  } else if (result.data && !result.data.ok) {
    const { status, message, fields = {} } = result.data;
    if (status < 400 || status >= 500) problems.push(`status ${status}`);
    if (!message && Object.keys(fields).length === 0) problems.push('geweigerd zonder melding');
    if (message !== undefined) checkMessage('formulier', message);
    for (const [name, text] of Object.entries(fields)) {
      if (!fieldNames.has(name.replace(/\.\d+$/, ''))) problems.push(`melding bij onbekend veld ${name}`);
      checkMessage(`veld ${name}`, text);
    }
  } else if (result.data?.ok) {
    refused = false;
    if (!result.data.redirect.startsWith('/') || result.data.redirect.startsWith('//')) problems.push(`doorverwijzing naar ${result.data.redirect}`);
  } else {
    problems.push('geen antwoord');
  }
  const count = tally.get(model.action) ?? { accepted: 0, fields: 0, form: 0 };
  if (!refused) count.accepted++;
  else if ((result.error as { type?: string } | undefined)?.type === 'AstroActionInputError' || Object.keys((result.data as { fields?: object } | undefined)?.fields ?? {}).length > 0) count.fields++;
  else count.form++;
  tally.set(model.action, count);
  if (refused && writes.length > 0) problems.push(`geweigerd, maar geschreven: ${writes.join(', ')}`);
  return problems;
}

/** The people who post a form: mostly the one it is for, sometimes someone else. */
const personaFor = (model: FormModel) =>
  fc.oneof({ weight: 4, arbitrary: fc.constant(model.persona) }, { weight: 1, arbitrary: fc.constantFrom<Persona>('anonymous', 'member', 'owner', 'employer', 'curator') });

async function post(model: FormModel, persona: Persona, form: Post) {
  const [group, name] = model.action.split('.') as [string, string];
  const action = server[group]![name]!;
  const mark = await writeMark(t.handle.db);
  const result = await action.bind(actionContext(persona))(toFormData(form));
  return { result, writes: await writesAfter(t.handle.db, mark) };
}

describe('wat de pagina van een geweigerd formulier laat zien (voorbeelden die de test vond)', () => {
  test('zod’s Engelse melding bij een verborgen veld of een bestand wordt één Nederlandse melding boven het formulier', () => {
    expect(inputErrorMessages({ pitchId: ['Invalid input: expected string, received null'], title: ['Vul de titel in.'] })).toEqual({
      fields: { title: 'Vul de titel in.' },
      message: 'Het formulier kwam niet goed aan. Laad de pagina opnieuw en probeer het nog eens.',
    });
  });

  test('de melding bij een veld dat de pagina zelf invult (verborgen, of de knop) staat boven het formulier, waar elke pagina hem toont', () => {
    expect(inputErrorMessages({ decision: ['Kies een besluit.'] })).toEqual({ fields: {}, message: 'Kies een besluit.' });
    expect(inputErrorMessages({ message: ['Een bericht mag hoogstens 2000 tekens hebben.'] })).toEqual({ fields: { message: 'Een bericht mag hoogstens 2000 tekens hebben.' } });
  });
});

describe('onzin in elk formulier (punt 6)', () => {
  test('de lijst van acties is volledig: elke actie uit src/actions heeft een model', async () => {
    const names = Object.entries(server).flatMap(([group, actions]) => Object.keys(actions).map((name) => `${group}.${name}`));
    expect(models.map((model) => model.action).sort()).toEqual(names.sort());
  });

  // Actions whose success changes what later posts meet (a withdrawn offer, a closed pitch) run last.
  const placeholders = { pitchId: 'p', draftId: 'd', submittedId: 's', offerId: 'o', pendingUserId: 'u', pendingOrganisationId: 'g', suggestionId: 'b', memberEmail: 'lid@voorbeeld.nl', liveSessionId: 'l', closedPitchId: 'c', activityId: 'a' };
  const actionOrder = [...formModels(placeholders).filter((m) => !m.destructive), ...formModels(placeholders).filter((m) => m.destructive)].map((m) => m.action);
  const seed = seedOf();

  test.each(actionOrder)('%s: geen 500, een duidelijke melding, en niets opgeslagen als het geweigerd is', async (actionName) => {
    const model = models.find((m) => m.action === actionName)!;
    await fc.assert(
      fc.asyncProperty(personaFor(model), postFor(model), async (persona, form) => {
        const { result, writes } = await post(model, persona, form);
        const problems = problemsWith(model, result, writes);
        if (problems.length > 0) throw new Error(`${model.action} als ${persona}: ${problems.join('; ')}`);
      }),
      { numRuns: hashing.has(actionName) ? HASHING_RUNS : RUNS, seed, verbose: 1 },
    );
  });
});
