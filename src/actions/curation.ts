/** Curator form actions: verify members and employers, set an organisation's own e-mail domain. */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { setOrganisationDomain, verifyMember, verifyOrganisation } from '../accounts/curation.ts';
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
      const deps = await depsFor(context);
      const result = await verifyOrganisation(deps, context.locals.actor, input.organisationId);
      if (!result.ok) return result.reason === 'forbidden' ? forbidden() : gone();
      sendQueuedMail(deps.db);
      return redirectTo('/beheer/?melding=organisatie-bevestigd');
    },
  }),

  setDomain: defineAction({
    accept: 'form',
    input: z.object({
      organisation: z.string({ error: 'Kies een organisatie.' }).min(1, 'Kies een organisatie.').max(100),
      domain: z.string().max(253, 'Dit domein is te lang.'),
    }),
    handler: async (input, context): Promise<FormOutcome> => {
      if (!context.locals.actor) return notSignedIn();
      const deps = await depsFor(context);
      const result = await setOrganisationDomain(deps, context.locals.actor, input.organisation, input.domain);
      if (!result.ok) {
        if (result.reason === 'forbidden') return forbidden();
        if (result.reason === 'invalid-domain') return fieldErrors({ domain: 'Vul alleen het domein in, zoals zaanstad.nl.' });
        if (result.reason === 'free-mail-domain') {
          return fieldErrors({
            domain: 'Dit is een e-maildienst waar iedereen een adres kan nemen, geen eigen domein van de organisatie. Vul het domein van de organisatie zelf in, zoals postnl.nl.',
          });
        }
        return fieldErrors({ organisation: 'Kies een gemeente of werkgever uit de lijst.' });
      }
      return redirectTo('/beheer/?melding=domein-opgeslagen');
    },
  }),
};
