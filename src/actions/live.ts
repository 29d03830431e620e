/** The curator's forms for a live pitch session: open, show another pitch, end. */
import { z } from 'astro/zod';
import { endLiveSession, openLiveSession, showPitch, type ChangeLiveSessionResult } from '#features/live/live-sessions.ts';
import { idField } from './fields.ts';
import { formAction } from './form-action.ts';
import { formError, type FormOutcome } from '#web/form-outcome.ts';

/** The Dutch answer to a refused change of a running session (forbidden: the common words). */
function changeRefused(result: Exclude<ChangeLiveSessionResult, { ok: true }>): FormOutcome | undefined {
  switch (result.reason) {
    case 'forbidden':
      return undefined;
    case 'not-found':
      return formError('Deze live sessie bestaat niet (meer).', 404);
    case 'not-in-session':
      return formError('Deze pitch hoort niet bij deze sessie.', 400);
    case 'ended':
      return formError('Deze sessie is al afgelopen. Een afgelopen sessie kan niet meer veranderen.', 409);
  }
}

export const live = {
  open: formAction({
    input: z.object({
      title: z.string({ error: 'Geef de sessie een naam.' }).trim().max(120, 'Een naam mag hoogstens 120 tekens hebben.'),
      // No box ticked: the field is absent; the use case says "Kies minstens één pitch."
      pitchIds: z.array(idField).max(50).optional(),
    }),
    requires: 'signed-in',
    run: ({ input, actor, deps }) => openLiveSession(deps, actor, { title: input.title, pitchIds: input.pitchIds ?? [] }),
    done: (result) => `/beheer/live/${result.id}/?melding=live-geopend`,
  }),

  show: formAction({
    input: z.object({ sessionId: idField, pitchId: idField }),
    requires: 'signed-in',
    run: ({ input, actor, deps }) => showPitch(deps, actor, input.sessionId, input.pitchId),
    refused: changeRefused,
    done: (_result, { input }) => `/beheer/live/${input.sessionId}/?melding=live-getoond`,
  }),

  end: formAction({
    input: z.object({ sessionId: idField }),
    requires: 'signed-in',
    run: ({ input, actor, deps }) => endLiveSession(deps, actor, input.sessionId),
    refused: changeRefused,
    done: (_result, { input }) => `/beheer/live/${input.sessionId}/?melding=live-beeindigd`,
  }),
};
