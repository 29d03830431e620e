/** Publishing: revert a revision in one step, after a confirmation page. */
import { z } from 'astro/zod';
import { revertAs } from '#features/publishing/history.ts';
import { idField } from './fields.ts';
import { formAction } from './form-action.ts';
import { formError } from '#web/form-outcome.ts';

export const publishing = {
  revert: formAction({
    input: z.object({ revisionId: idField }),
    requires: 'signed-in',
    run: ({ input, actor, user, deps }) => revertAs(deps.db, actor, user.name, input.revisionId),
    refused: (result) => {
      if (result.reason === 'forbidden') return undefined;
      // The publisher words its own refusals (a publication running, too many in a row).
      if (result.reason === 'rate-limited') return formError(result.message, 429);
      return formError(result.message, result.reason === 'busy' ? 503 : 409);
    },
    done: (result) => `/beheer/inhoud/publicaties/${result.publicationId}/`,
  }),
};
