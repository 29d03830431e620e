/** Publishing: revert a revision in one step, after a confirmation page. */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { revertAs } from '#features/publishing/history.ts';
import { idField } from './fields.ts';
import { depsFor, forbidden, formError, notSignedIn, redirectTo, type FormOutcome } from './outcome.ts';

export const publishing = {
  revert: defineAction({
    accept: 'form',
    input: z.object({ revisionId: idField }),
    handler: async (input, context): Promise<FormOutcome> => {
      const actor = context.locals.actor;
      if (!actor) return notSignedIn();
      const { db } = await depsFor(context);
      const result = await revertAs(db, actor, context.locals.user?.name ?? '', input.revisionId);
      if (result.ok) return redirectTo(`/beheer/inhoud/publicaties/${result.publicationId}/`);
      if (result.reason === 'forbidden') return forbidden();
      if (result.reason === 'rate-limited') return formError(result.message, 429);
      return formError(result.message, result.reason === 'busy' ? 503 : 409);
    },
  }),
};
