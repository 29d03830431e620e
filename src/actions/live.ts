/** The curator's forms for a live pitch session: open, show another pitch, end. */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { endLiveSession, openLiveSession, showPitch, type ChangeLiveSessionResult } from '#features/live/live-sessions.ts';
import { idField } from './fields.ts';
import { depsFor, fieldErrors, forbidden, formError, notSignedIn, redirectTo, type FormOutcome } from './outcome.ts';

/** The Dutch answer to a refused change of a running session. */
function changeRefused(result: Exclude<ChangeLiveSessionResult, { ok: true }>): FormOutcome {
  switch (result.reason) {
    case 'forbidden':
      return forbidden();
    case 'not-found':
      return formError('Deze live sessie bestaat niet (meer).', 404);
    case 'not-in-session':
      return formError('Deze pitch hoort niet bij deze sessie.', 400);
    case 'ended':
      return formError('Deze sessie is al afgelopen. Een afgelopen sessie kan niet meer veranderen.', 409);
  }
}

export const live = {
  open: defineAction({
    accept: 'form',
    input: z.object({
      title: z.string({ error: 'Geef de sessie een naam.' }).trim().max(120, 'Een naam mag hoogstens 120 tekens hebben.'),
      // No box ticked: the field is absent; the use case says "Kies minstens één pitch."
      pitchIds: z.array(idField).max(50).optional(),
    }),
    handler: async (input, context): Promise<FormOutcome> => {
      if (!context.locals.actor) return notSignedIn();
      const result = await openLiveSession(await depsFor(context), context.locals.actor, { title: input.title, pitchIds: input.pitchIds ?? [] });
      if (result.ok) return redirectTo(`/beheer/live/${result.id}/?melding=live-geopend`);
      if (result.reason === 'forbidden') return forbidden();
      return fieldErrors(result.fields);
    },
  }),

  show: defineAction({
    accept: 'form',
    input: z.object({ sessionId: idField, pitchId: idField }),
    handler: async (input, context): Promise<FormOutcome> => {
      if (!context.locals.actor) return notSignedIn();
      const result = await showPitch(await depsFor(context), context.locals.actor, input.sessionId, input.pitchId);
      if (!result.ok) return changeRefused(result);
      return redirectTo(`/beheer/live/${input.sessionId}/?melding=live-getoond`);
    },
  }),

  end: defineAction({
    accept: 'form',
    input: z.object({ sessionId: idField }),
    handler: async (input, context): Promise<FormOutcome> => {
      if (!context.locals.actor) return notSignedIn();
      const result = await endLiveSession(await depsFor(context), context.locals.actor, input.sessionId);
      if (!result.ok) return changeRefused(result);
      return redirectTo(`/beheer/live/${input.sessionId}/?melding=live-beeindigd`);
    },
  }),
};
