/**
 * Following: follow and unfollow (from the confirm page /account/volgen/?…,
 * the pitch page and the settings page) and the digest switch. The use cases ask the policy;
 * here only the form is read and the outcome mapped. After following, the person goes back to
 * where they came from (`next`, a safe same-site path) with a notice.
 */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { followKinds } from '#domain/follows.ts';
import { followThing, setDigest, unfollowThing } from '#features/follows/follows.ts';
import { safeReturnPath } from '#web/return-path.ts';
import { idField } from './fields.ts';
import { depsFor, forbidden, formError, notSignedIn, redirectTo, type FormOutcome } from './outcome.ts';

const followInput = z.object({
  kind: z.enum(followKinds, { error: 'Het formulier kwam niet goed aan. Laad de pagina opnieuw en probeer het nog eens.' }),
  value: idField,
  next: z.string().max(1000).optional(),
});

/** Back to the page the person came from, with the notice; the settings page when none was given. */
function back(next: string | undefined, notice: string): FormOutcome {
  const path = safeReturnPath(next || '/account/volgen/');
  const url = new URL(path, 'https://praktijkplein.invalid');
  url.searchParams.set('melding', notice);
  return redirectTo(url.pathname + url.search + url.hash);
}

export const follows = {
  follow: defineAction({
    accept: 'form',
    input: followInput,
    handler: async (input, context): Promise<FormOutcome> => {
      if (!context.locals.actor) return notSignedIn();
      const result = await followThing(await depsFor(context), context.locals.actor, { kind: input.kind, value: input.value });
      if (!result.ok) return result.reason === 'forbidden' ? forbidden() : formError('Dit kunt u niet volgen: het bestaat niet (meer) of is niet openbaar.', 404);
      return back(input.next, 'gevolgd');
    },
  }),

  unfollow: defineAction({
    accept: 'form',
    input: followInput,
    handler: async (input, context): Promise<FormOutcome> => {
      if (!context.locals.actor) return notSignedIn();
      const result = await unfollowThing(await depsFor(context), context.locals.actor, { kind: input.kind, value: input.value });
      if (!result.ok) return forbidden();
      return back(input.next, 'ontvolgd');
    },
  }),

  digest: defineAction({
    accept: 'form',
    input: z.object({ digest: z.enum(['aan', 'uit'], { error: 'Kies of u het weekoverzicht wilt ontvangen.' }) }),
    handler: async (input, context): Promise<FormOutcome> => {
      if (!context.locals.actor) return notSignedIn();
      const result = await setDigest(await depsFor(context), context.locals.actor, input.digest === 'aan');
      if (!result.ok) return forbidden();
      return redirectTo(`/account/volgen/?melding=${input.digest === 'aan' ? 'weekoverzicht-aan' : 'weekoverzicht-uit'}`);
    },
  }),
};
