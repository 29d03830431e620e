/**
 * The outcome follow-up form: a verified member of the pitch's municipality
 * says, N months after closing, how many people started and how many are still at work.
 * Parses the form, calls answerFollowUp, and turns its refusals into Dutch field messages.
 */
import { z } from 'astro/zod';
import { FOLLOW_UP_MAX_PEOPLE, followUpMoments, followUpRefusalMessage } from '#domain/follow-up-schedule.ts';
import { answerFollowUp } from '#features/marketplace/follow-ups.ts';
import { idField } from './fields.ts';
import { formAction } from './form-action.ts';
import { fieldErrors, formError } from '#web/form-outcome.ts';

/** A count of people: digits only (no "3,5", no "-1"), at most the maximum. */
const peopleField = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^\d{1,6}$/, message)
    .transform(Number)
    .refine((n) => n <= FOLLOW_UP_MAX_PEOPLE, message);

export const followUps = {
  /** Records (or corrects) the answer to one question; back to the form with a notice. */
  answer: formAction({
    input: z.object({
      pitchId: idField,
      // Filled by the page (a hidden field): zod's own message becomes "reload the page" (form-state.ts).
      monthsAfter: z.coerce.number().refine((n) => (followUpMoments as readonly number[]).includes(n)),
      started: peopleField(followUpRefusalMessage['started-invalid']),
      stillWorking: peopleField(followUpRefusalMessage['still-working-invalid']),
    }),
    requires: 'signed-in',
    run: ({ input: { pitchId, monthsAfter, started, stillWorking }, actor, deps }) => answerFollowUp(deps, actor, pitchId, { monthsAfter, started, stillWorking }),
    refused: (result, { input }) => {
      switch (result.reason) {
        case 'not-found':
          return formError('Deze pitch bestaat niet (meer), of u mag er geen resultaat voor doorgeven.', 404);
        case 'not-due':
          return formError(`Deze vraag staat nog niet open: het antwoord na ${input.monthsAfter} maanden kunt u pas dan geven.`, 409);
        case 'started-invalid':
          return fieldErrors({ started: followUpRefusalMessage[result.reason] });
        case 'still-working-invalid':
        case 'still-working-above-started':
          return fieldErrors({ stillWorking: followUpRefusalMessage[result.reason] });
      }
    },
    done: (_result, { input }) => `/pitches/${encodeURIComponent(input.pitchId)}/resultaat/?melding=resultaat-doorgegeven#na-${input.monthsAfter}-maanden`,
  }),
};
