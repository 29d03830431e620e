/**
 * The one skeleton of every form action. An action says what it reads (a zod schema, parsed by
 * Astro before anything runs), who must be asking, and which use case it runs; this module
 * does the rest the same way for all of them:
 *
 * - who is asking: a person who must be signed in and is not gets the login message (401);
 * - the dependencies (database, origin, client address for per-IP limits) via depsFor;
 * - the use case's result union becomes the form's outcome: a success goes where `done` says,
 *   the common refusals get their one wording (forbidden → 403, rate-limited → 429 with the
 *   wait, stale → the action's stale message with 409, invalid → the messages per field) and
 *   `refused` words the rest;
 * - after every successful action, mail the use case queued is delivered in the background,
 *   so no action can forget to send it (delivery only sends what is due, so a delayed message,
 *   such as a curator's decision inside its undo window, still waits).
 *
 * Authorization is not decided here: the use cases ask the policy with the record in hand.
 */
import { defineAction, type ActionAPIContext } from 'astro:actions';
import type { z } from 'astro/zod';
import type { Actor } from '#domain/policy.ts';
import type { Deps } from '#platform/context.ts';
import { sendQueuedMail } from '#features/jobs/housekeeping.ts';
import { depsFor } from '#web/request.ts';
import { fieldErrors, forbidden, formError, isFormOutcome, notSignedIn, rateLimited, redirectTo, type FormOutcome } from '#web/form-outcome.ts';

type User = NonNullable<App.Locals['user']>;
type Session = NonNullable<App.Locals['session']>;

/** Who an action needs: anybody, or a signed-in person (with their actor and user). */
export type Requirement = 'anyone' | 'signed-in';

/** Who is asking, as the action's requirement guarantees it. */
export type Asker<W extends Requirement> = W extends 'signed-in'
  ? { actor: Actor; user: User; session: Session | null }
  : { actor: Actor | null; user: User | null; session: Session | null };

/** What `run`, `done` and `refused` get: the parsed input, who asks, the dependencies, Astro's context. */
export type ActionArgs<I, W extends Requirement> = Asker<W> & { input: I; deps: Deps; context: ActionAPIContext };

/** The loose shape of a use case's result union. */
type UseCaseResult = { ok: true } | { ok: false; reason: string };

type Success<R> = Exclude<Extract<R, { ok: true }>, FormOutcome>;
type Refusal<R> = Exclude<Extract<R, { ok: false }>, FormOutcome>;

export interface FormActionSpec<S extends z.ZodType, W extends Requirement, R> {
  /** The form's fields; Astro parses the posted form with it (a refusal shows per field). */
  input: S;
  /** Who must be asking: 'signed-in' answers anyone else with the login message. */
  requires: W;
  /** The words for { ok: false, reason: 'stale' }: someone changed the record since the form was made. */
  stale?: string;
  /** Runs the use case; may answer with an outcome itself (a check the form needs first). */
  run(args: ActionArgs<z.output<S>, W>): Promise<R | FormOutcome> | R | FormOutcome;
  /** Where a success goes: a path on this site, or a whole outcome. */
  done?(result: Success<R>, args: ActionArgs<z.output<S>, W>): string | FormOutcome;
  /** The words for refusals of this action; the common ones (see above) are worded here when it returns nothing. */
  refused?(result: Refusal<R>, args: ActionArgs<z.output<S>, W>): FormOutcome | undefined;
}

/** Who is asking, or null when the requirement is not met. */
function askerFor<W extends Requirement>(requires: W, locals: App.Locals): Asker<W> | null {
  const { actor, user, session } = locals;
  if (requires === 'signed-in' && (!actor || !user)) return null;
  return { actor, user, session } as Asker<W>;
}

/** The common refusals, in the same words for every form. */
function commonRefusal(result: { ok: false; reason: string } & Record<string, unknown>, stale: string | undefined): FormOutcome | undefined {
  switch (result.reason) {
    case 'forbidden':
      return forbidden();
    case 'rate-limited':
      return typeof result.retryAfterMs === 'number' ? rateLimited(result.retryAfterMs) : undefined;
    case 'stale':
      return stale === undefined ? undefined : formError(stale, 409);
    case 'invalid':
      return result.fields && typeof result.fields === 'object' ? fieldErrors(result.fields as Record<string, string>) : undefined;
  }
  return undefined;
}

/** The outcome of one run: the action's own answer, its success, or its refusal in words. */
export async function outcomeOf<S extends z.ZodType, W extends Requirement, R>(spec: FormActionSpec<S, W, R>, args: ActionArgs<z.output<S>, W>): Promise<FormOutcome> {
  const result = await spec.run(args);
  if (isFormOutcome(result)) return result;
  const union = result as unknown as UseCaseResult & Record<string, unknown>;
  if (union.ok) {
    if (!spec.done) throw new Error('Formulieractie zonder bestemming na succes');
    const next = spec.done(result as Success<R>, args);
    return typeof next === 'string' ? redirectTo(next) : next;
  }
  const words = spec.refused?.(result as Refusal<R>, args) ?? commonRefusal(union as { ok: false; reason: string }, spec.stale);
  // Every reason has words; one without is a mistake in this layer, shown as the generic error page text.
  if (!words) throw new Error(`Formulieractie zonder melding voor "${(union as { reason: string }).reason}"`);
  return words;
}

/** Defines a form action (accept: 'form') from its input, requirement and use case. */
export function formAction<S extends z.ZodType, W extends Requirement, R>(spec: FormActionSpec<S, W, R>) {
  const handler = async (input: z.output<S>, context: ActionAPIContext): Promise<FormOutcome> => {
    const asker = askerFor(spec.requires, context.locals);
    if (!asker) return notSignedIn();
    const deps = await depsFor(context);
    const outcome = await outcomeOf(spec, { ...asker, input, deps, context });
    if (outcome.ok) sendQueuedMail(deps.db);
    return outcome;
  };
  // Astro types the handler with a conditional on the schema, which TypeScript cannot resolve for a generic S.
  return defineAction<FormOutcome, 'form', S>({ accept: 'form', input: spec.input, handler: handler as never });
}
