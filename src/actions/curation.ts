/**
 * Curator form actions: confirm or reject members and proposed employers (with a reason),
 * undo such a decision, set an organisation's own e-mail domain. A decision's e-mail waits for
 * the undo window (src/features/accounts/curation.ts): the delivery after the action leaves it
 * queued until then; an undo may queue a correction, which goes out at once.
 */
import { z } from 'astro/zod';
import { decideMember, decideOrganisation } from '#features/verification/curator-decisions.ts';
import { setOrganisationDomain } from '#features/accounts/organisation-domains.ts';
import { undoDecision } from '#features/accounts/decision-undo.ts';
import { type DecideResult } from '#features/accounts/curation-decisions.ts';
import { REASON_MAX, undoWindowText } from '#domain/curation-decision.ts';
import { idField } from './fields.ts';
import { formAction } from './form-action.ts';
import { fieldErrors, formError, type FormOutcome } from '#web/form-outcome.ts';

const gone = () => formError('Dit staat niet (meer) in de lijst; misschien heeft een collega het al gedaan.', 404);

/** The card's two buttons send decision=confirm or decision=reject; a form without one confirms (as before). */
const decisionFields = {
  decision: z.enum(['confirm', 'reject']).nullish(),
  reason: z.string().trim().max(REASON_MAX, `Een toelichting mag hoogstens ${REASON_MAX} tekens hebben.`).nullish(),
  /** The live session's page confirms with the same action and returns there; anything else returns to /beheer/. */
  returnTo: z.string().max(300).nullish(),
};

const decisionInput = (input: { decision?: 'confirm' | 'reject' | null; reason?: string | null }) => ({
  decision: input.decision === 'reject' ? ('rejected' as const) : ('confirmed' as const),
  reason: input.reason,
});

/** A live session's page (/beheer/live/<id>/), the one other place a curator confirms from. */
const LIVE_SESSION_PAGE = /^\/beheer\/live\/[A-Za-z0-9_-]{1,100}\/$/;

/** Where a decision goes: the overview with its undo notice, or back to the live session's page with its notice. */
const decided = (result: Extract<DecideResult, { ok: true }>, { input }: { input: { returnTo?: string | null } }) =>
  input.returnTo && LIVE_SESSION_PAGE.test(input.returnTo) ? `${input.returnTo}?besluit=${result.decisionId}#wachtend` : `/beheer/?besluit=${result.decisionId}#melding`;

/** A decision refused (forbidden: the common words). */
function decisionRefused(result: Exclude<DecideResult, { ok: true }>): FormOutcome | undefined {
  if (result.reason === 'forbidden') return undefined;
  if (result.reason === 'reason-required') return fieldErrors({ reason: 'Schrijf waarom u niet bevestigt. De persoon leest dit in de e-mail.' });
  return gone();
}

export const curation = {
  verifyMember: formAction({
    input: z.object({ userId: idField, ...decisionFields }),
    requires: 'signed-in',
    run: ({ input, actor, deps }) => decideMember(deps, actor, input.userId, decisionInput(input)),
    refused: decisionRefused,
    done: decided,
  }),

  verifyOrganisation: formAction({
    input: z.object({ organisationId: idField, ...decisionFields }),
    requires: 'signed-in',
    run: ({ input, actor, deps }) => decideOrganisation(deps, actor, input.organisationId, decisionInput(input)),
    refused: decisionRefused,
    done: decided,
  }),

  undo: formAction({
    input: z.object({ decisionId: idField }),
    requires: 'signed-in',
    run: ({ input, actor, deps }) => undoDecision(deps, actor, input.decisionId),
    refused: (result) => {
      switch (result.reason) {
        case 'forbidden':
          return formError('Alleen de curator die dit besloot, kan het ongedaan maken.', 403);
        case 'too-late':
          return formError(`Ongedaan maken kan tot ${undoWindowText} na het besluit; die tijd is voorbij en de e-mail is verstuurd. Wilt u het besluit herzien, neem dan zelf contact op met de persoon.`, 409);
        case 'offers-released':
          return formError('Dit kan niet meer ongedaan worden gemaakt: het wachtende aanbod van deze persoon is al aan de gemeente doorgestuurd.', 409);
        case 'already-undone':
          return formError('Dit besluit is al ongedaan gemaakt.', 409);
        default:
          return gone();
      }
    },
    done: (result) => `/beheer/?ongedaan=${result.decisionId}#melding`,
  }),

  setDomain: formAction({
    input: z.object({
      organisation: z.string({ error: 'Kies een organisatie.' }).min(1, 'Kies een organisatie.').max(100),
      domain: z.string().max(253, 'Dit domein is te lang.'),
    }),
    requires: 'signed-in',
    run: ({ input, actor, deps }) => setOrganisationDomain(deps, actor, input.organisation, input.domain),
    refused: (result) => {
      if (result.reason === 'forbidden') return undefined;
      if (result.reason === 'invalid-domain') return fieldErrors({ domain: 'Vul alleen het domein in, zoals zaanstad.nl.' });
      if (result.reason === 'free-mail-domain') {
        return fieldErrors({
          domain: 'Dit is een e-maildienst waar iedereen een adres kan nemen, geen eigen domein van de organisatie. Vul het domein van de organisatie zelf in, zoals postnl.nl.',
        });
      }
      return fieldErrors({ organisation: 'Kies een gemeente of werkgever uit de lijst.' });
    },
    done: () => '/beheer/?melding=domein-opgeslagen',
  }),
};
