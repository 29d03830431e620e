/** The public form "Praktijk aandragen of vraag stellen" and the curators' "afgehandeld" marking. */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { aboutTitle } from '#features/search/about-titles.ts';
import { sendQueuedMail } from '#features/jobs/housekeeping.ts';
import { config } from '#platform/config.ts';
import { markSuggestion, submitSuggestion } from '#features/suggestions/suggestions.ts';
import { suggestionInput } from './suggestion-input.ts';
import { idField } from './fields.ts';
import { depsFor, forbidden, formError, notSignedIn, rateLimited, redirectTo, type FormOutcome } from './outcome.ts';

export const suggestions = {
  submit: defineAction({
    accept: 'form',
    input: suggestionInput,
    handler: async (input, context): Promise<FormOutcome> => {
      const deps = await depsFor(context);
      const result = await submitSuggestion(deps, context.locals.actor ?? null, input, {
        networkEmail: config().network.email,
        titleOf: (page) => aboutTitle(deps.db, page),
      });
      if (!result.ok) return rateLimited(result.retryAfterMs);
      sendQueuedMail(deps.db);
      return redirectTo(`/aandragen/verstuurd/?soort=${input.kind}`);
    },
  }),

  mark: defineAction({
    accept: 'form',
    input: z.object({ suggestionId: idField, handled: z.enum(['ja', 'nee']) }),
    handler: async (input, context): Promise<FormOutcome> => {
      if (!context.locals.actor) return notSignedIn();
      const result = await markSuggestion(await depsFor(context), context.locals.actor, input.suggestionId, input.handled === 'ja');
      if (!result.ok) return result.reason === 'forbidden' ? forbidden() : formError('Dit bericht is al door een collega bijgewerkt. Bekijk de lijst opnieuw.', 409);
      return redirectTo(`/beheer/suggesties/?melding=${input.handled === 'ja' ? 'afgehandeld' : 'heropend'}#suggesties`);
    },
  }),
};
