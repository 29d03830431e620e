/**
 * The one form-action skeleton (src/actions/form-action.ts), run through Astro's real action
 * runtime against a real libSQL file: who is asking, the common refusals in their words, the
 * use case's success as a redirect, and the mail a use case queued delivered after the action.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { z } from 'astro/zod';
import { outbox } from '#db/schema.ts';
import { enqueueMail } from '#platform/mail/outbox.ts';
import type { FormOutcome } from '#web/form-outcome.ts';
import { actorFrom } from '#features/accounts/actor.ts';
import { validateSessionToken } from '#platform/auth/session.ts';
import { createSession } from '#platform/auth/session.ts';
import { testDatabase, registeredUser, type TestDb } from '../accounts/helpers.ts';

// The actions run in Astro's real action runtime, outside a build: astro:actions is that runtime.
vi.mock('astro:actions', async () => {
  const server = await import('../../../node_modules/astro/dist/actions/runtime/server.js');
  const client = await import('../../../node_modules/astro/dist/actions/runtime/client.js');
  return { defineAction: server.defineAction, isInputError: client.isInputError, ActionError: client.ActionError };
});

// The mail job's module reads built content, which is not here.
vi.mock('astro:content', () => ({ getEntry: async () => undefined, getCollection: async () => [] }));

const APP_DATABASE = Symbol.for('praktijkplein.app-database');
const ACTION_CONTEXT = Symbol.for('astro.actionAPIContext');

type Called = (this: unknown, input: FormData) => Promise<{ data?: FormOutcome; error?: unknown }>;

let t: TestDb;
let signedIn: App.Locals;
const visitor: App.Locals = { user: null, organisation: null, session: null, actor: null };
let formAction: typeof import('#actions/form-action.ts').formAction;

beforeAll(async () => {
  vi.spyOn(console, 'log').mockImplementation(() => {});
  t = await testDatabase();
  (globalThis as Record<symbol, unknown>)[APP_DATABASE] = { handle: Promise.resolve(t.handle), ready: Promise.resolve(t.handle.db) };
  const user = await registeredUser(t, 'anna@voorbeeld.nl');
  const session = (await validateSessionToken(t.handle.db, (await createSession(t.handle.db, user.id)).token))!;
  signedIn = { user: session.user, organisation: session.organisation, session: session.session, actor: actorFrom(session.user, session.organisation) };
  ({ formAction } = await import('#actions/form-action.ts'));
});

afterAll(() => {
  vi.restoreAllMocks();
  delete (globalThis as Record<symbol, unknown>)[APP_DATABASE];
  t?.cleanup();
});

/** Posts a form to an action as Astro would, with these locals. */
async function post(action: unknown, locals: App.Locals, fields: Record<string, string> = {}) {
  const context = {
    request: new Request('http://localhost:4321/', { method: 'POST' }),
    url: new URL('http://localhost:4321/'),
    clientAddress: '192.0.2.7',
    locals,
    cookies: { get: () => undefined, has: () => false, set: () => {}, delete: () => {} },
  };
  Object.defineProperty(context, ACTION_CONTEXT, { value: true });
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return (action as Called).bind(context)(form);
}

describe('formAction: één skelet voor elk formulier', () => {
  test('niet ingelogd bij een actie voor ingelogden: de inlogmelding, en de use case draait niet', async () => {
    const run = vi.fn(async () => ({ ok: true as const }));
    const action = formAction({ input: z.object({}), requires: 'signed-in', run, done: () => '/klaar/' });
    const { data } = await post(action, visitor);
    expect(data).toEqual({ ok: false, status: 401, message: 'U bent niet (meer) ingelogd. Log opnieuw in en probeer het nog eens.' });
    expect(run).not.toHaveBeenCalled();
  });

  test('ingelogd: de use case krijgt wie het vraagt en de ingelezen invoer; succes wordt een doorverwijzing', async () => {
    const action = formAction({
      input: z.object({ count: z.coerce.number() }),
      requires: 'signed-in',
      run: async ({ input, actor, user }) => ({ ok: true as const, seen: `${actor.userId === user.id}:${input.count}` }),
      done: (result) => `/klaar/?gezien=${result.seen}`,
    });
    expect((await post(action, signedIn, { count: '3' })).data).toEqual({ ok: true, redirect: '/klaar/?gezien=true:3' });
  });

  test('{ ok: false, reason: "stale" } wordt de verouderd-melding van de actie, met 409', async () => {
    const stale = 'Iemand anders heeft dit intussen gewijzigd.';
    const action = formAction({ input: z.object({}), requires: 'anyone', stale, run: async () => ({ ok: false as const, reason: 'stale' as const }), done: () => '/klaar/' });
    expect((await post(action, visitor)).data).toEqual({ ok: false, status: 409, message: stale });
  });

  test('de gewone weigeringen in hun vaste woorden: geen toegang, te vaak, ongeldige velden; de actie zelf gaat voor', async () => {
    type Refusal = { ok: false; reason: 'forbidden' } | { ok: false; reason: 'rate-limited'; retryAfterMs: number } | { ok: false; reason: 'invalid'; fields: Record<string, string> } | { ok: false; reason: 'gone' };
    const answer = (result: Refusal) => formAction({ input: z.object({}), requires: 'anyone', run: async (): Promise<Refusal | { ok: true }> => result, refused: () => undefined, done: () => '/' });
    expect((await post(answer({ ok: false, reason: 'forbidden' }), visitor)).data).toEqual({ ok: false, status: 403, message: 'U mag dit niet doen met uw account.' });
    const limited = (await post(answer({ ok: false, reason: 'rate-limited', retryAfterMs: 60_000 }), visitor)).data;
    expect(limited).toMatchObject({ ok: false, status: 429 });
    expect(limited?.ok === false && limited.message).toMatch(/^U heeft het te vaak achter elkaar geprobeerd\./);
    expect((await post(answer({ ok: false, reason: 'invalid', fields: { title: 'Vul de titel in.' } }), visitor)).data).toEqual({ ok: false, status: 422, fields: { title: 'Vul de titel in.' } });
    // A reason without words is a mistake in the action layer: an error, never a silent success.
    expect((await post(answer({ ok: false, reason: 'gone' }), visitor)).error).toBeDefined();
  });

  test('mail die de use case in de wachtrij zette, is na de actie verstuurd', async () => {
    const mailId = 'mail-van-de-actie';
    const action = formAction({
      input: z.object({}),
      requires: 'anyone',
      run: async ({ deps }) => {
        await enqueueMail(deps.db, { id: mailId, to: 'anna@voorbeeld.nl', subject: 'Bevestiging', body: 'Dank u.' });
        return { ok: true as const };
      },
      done: () => '/klaar/',
    });
    expect((await post(action, visitor)).data).toEqual({ ok: true, redirect: '/klaar/' });
    // Delivery runs in the background, after the answer: wait for it (a few seconds at most).
    const status = async () => (await t.handle.db.select({ status: outbox.status }).from(outbox).where(eq(outbox.id, mailId)))[0]?.status;
    await vi.waitFor(async () => expect(await status()).toBe('sent'), { timeout: 5_000, interval: 50 });
  });
});
