/**
 * The outcome follow-up form: a verified member of the pitch's municipality
 * says, N months after closing, how many people started and how many are still at work.
 * Parses the form, calls answerFollowUp, and turns its refusals into Dutch field messages.
 */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { FOLLOW_UP_MAX_PEOPLE, followUpMoments, followUpRefusalMessage } from '#domain/follow-up-schedule.ts';
import { answerFollowUp } from '#features/marketplace/follow-ups.ts';
import { idField } from './fields.ts';
import { depsFor, fieldErrors, formError, notSignedIn, redirectTo, type FormOutcome } from './outcome.ts';

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
  answer: defineAction({
    accept: 'form',
    input: z.object({
      pitchId: idField,
      // Filled by the page (a hidden field): zod's own message becomes "reload the page" (form-state.ts).
      monthsAfter: z.coerce.number().refine((n) => (followUpMoments as readonly number[]).includes(n)),
      started: peopleField(followUpRefusalMessage['started-invalid']),
      stillWorking: peopleField(followUpRefusalMessage['still-working-invalid']),
    }),
    handler: async ({ pitchId, monthsAfter, started, stillWorking }, context): Promise<FormOutcome> => {
      if (!context.locals.actor) return notSignedIn();
      const result = await answerFollowUp(await depsFor(context), context.locals.actor, pitchId, { monthsAfter, started, stillWorking });
      if (!result.ok) {
        switch (result.reason) {
          case 'not-found':
            return formError('Deze pitch bestaat niet (meer), of u mag er geen resultaat voor doorgeven.', 404);
          case 'not-due':
            return formError(`Deze vraag staat nog niet open: het antwoord na ${monthsAfter} maanden kunt u pas dan geven.`, 409);
          case 'started-invalid':
            return fieldErrors({ started: followUpRefusalMessage[result.reason] });
          case 'still-working-invalid':
          case 'still-working-above-started':
            return fieldErrors({ stillWorking: followUpRefusalMessage[result.reason] });
        }
      }
      return redirectTo(`/pitches/${encodeURIComponent(pitchId)}/resultaat/?melding=resultaat-doorgegeven#na-${monthsAfter}-maanden`);
    },
  }),
};
