/** Curator form actions: verify members and employers, set a municipality's e-mail domain. */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { setMunicipalityDomain, verifyMember, verifyOrganisation } from '../accounts/curation.ts';
import { sendQueuedMail } from '../jobs/housekeeping.ts';
import { idField } from './fields.ts';
import { depsFor, fieldErrors, forbidden, formError, notSignedIn, redirectTo, type FormOutcome } from './outcome.ts';

const gone = () => formError('Dit staat niet (meer) in de lijst; misschien heeft een collega het al gedaan.', 404);

export const curation = {
  verifyMember: defineAction({
    accept: 'form',
    input: z.object({ userId: idField }),
    handler: async (input, context): Promise<FormOutcome> => {
      if (!context.locals.actor) return notSignedIn();
      const deps = await depsFor(context);
      const result = await verifyMember(deps, context.locals.actor, input.userId);
      if (!result.ok) return result.reason === 'forbidden' ? forbidden() : gone();
      sendQueuedMail(deps.db);
      return redirectTo('/beheer/?melding=lid-bevestigd');
    },
  }),

  verifyOrganisation: defineAction({
    accept: 'form',
    input: z.object({ organisationId: idField }),
    handler: async (input, context): Promise<FormOutcome> => {
      if (!context.locals.actor) return notSignedIn();
      const result = await verifyOrganisation(await depsFor(context), context.locals.actor, input.organisationId);
      if (!result.ok) return result.reason === 'forbidden' ? forbidden() : gone();
      return redirectTo('/beheer/?melding=organisatie-bevestigd');
    },
  }),

  setDomain: defineAction({
    accept: 'form',
    input: z.object({ municipality: z.string({ error: 'Kies een gemeente.' }).min(1, 'Kies een gemeente.').max(100), domain: z.string().max(253, 'Dit domein is te lang.') }),
    handler: async (input, context): Promise<FormOutcome> => {
      if (!context.locals.actor) return notSignedIn();
      const result = await setMunicipalityDomain(await depsFor(context), context.locals.actor, input.municipality, input.domain);
      if (!result.ok) {
        if (result.reason === 'forbidden') return forbidden();
        if (result.reason === 'invalid-domain') return fieldErrors({ domain: 'Vul alleen het domein in, zoals zaanstad.nl.' });
        return fieldErrors({ municipality: 'Kies een gemeente uit de lijst.' });
      }
      return redirectTo('/beheer/?melding=domein-opgeslagen');
    },
  }),
};
