/** The public form "Praktijk aandragen of vraag stellen" and the curators' "afgehandeld" marking. */
import { z } from 'astro/zod';
import { aboutTitle } from '#features/search/about-titles.ts';
import { config } from '#platform/config.ts';
import { markSuggestion, submitSuggestion } from '#features/suggestions/suggestions.ts';
import { suggestionInput } from '#features/suggestions/input.ts';
import { idField } from './fields.ts';
import { formAction } from './form-action.ts';
import { formError } from '#web/form-outcome.ts';

export const suggestions = {
  submit: formAction({
    input: suggestionInput,
    requires: 'anyone',
    run: ({ input, actor, deps }) =>
      submitSuggestion(deps, actor, input, {
        networkEmail: config().network.email,
        titleOf: (page) => aboutTitle(deps.db, page),
      }),
    done: (_result, { input }) => `/aandragen/verstuurd/?soort=${input.kind}`,
  }),

  mark: formAction({
    input: z.object({ suggestionId: idField, handled: z.enum(['yes', 'no']) }),
    requires: 'signed-in',
    run: ({ input, actor, deps }) => markSuggestion(deps, actor, input.suggestionId, input.handled === 'yes'),
    refused: (result) => (result.reason === 'forbidden' ? undefined : formError('Dit bericht is al door een collega bijgewerkt. Bekijk de lijst opnieuw.', 409)),
    done: (_result, { input }) => `/beheer/suggesties/?melding=${input.handled === 'yes' ? 'afgehandeld' : 'heropend'}#suggesties`,
  }),
};
