/**
 * Matchmaking's forms: an employer saves its profile and invitation setting; a pitch's owner
 * invites a suggested employer; an invited employer declines (no login: the link's token is the
 * proof) and may add a reason. Authorization and consent are decided in the use cases
 * (src/features/matchmaking/), with the records in hand.
 */
import { z } from 'astro/zod';
import { invitationRefusalMessage } from '#domain/matchmaking/invitations.ts';
import { saveEmployerProfile } from '#features/matchmaking/employer-profile.ts';
import { declineReasonField, invitationInput } from '#features/matchmaking/invitation-input.ts';
import { declineInvitation, giveDeclineReason, inviteEmployer } from '#features/matchmaking/invitations.ts';
import { getMatchKnowledge } from '#features/matchmaking/knowledge.ts';
import { profileInput } from '#features/matchmaking/profile-input.ts';
import { invitationDeclinePath } from '#platform/mail/invitation-messages.ts';
import { formError } from '#web/form-outcome.ts';
import { idField, tokenField } from './fields.ts';
import { formAction } from './form-action.ts';

const suggestionsPath = (pitchId: string) => `/pitches/${encodeURIComponent(pitchId)}/werkgevers/`;

const gone = () => formError('Deze pitch bestaat niet (meer), of u heeft er geen toegang toe.', 404);
const badLink = () => formError('Deze link werkt niet. Kopieer de hele link uit de e-mail, of vraag de gemeente om een nieuwe uitnodiging.', 400);
const closed = () => formError('Deze pitch neemt geen reacties meer aan: de sluitingsdatum is voorbij of de gemeente heeft hem gesloten.', 409);
const alreadyJoined = () => formError('Uw organisatie doet al mee met deze pitch. Wilt u uw aanbod intrekken, doe dat dan onder Mijn aanbod.', 409);

export const matchmaking = {
  /** An employer's member saves the profile and the invitation setting. */
  saveProfile: formAction({
    input: profileInput,
    requires: 'signed-in',
    run: ({ input, actor, deps }) => saveEmployerProfile(deps, actor, input),
    done: (result) => `/account/werkgeversprofiel/?melding=${!result.switched ? 'profiel-opgeslagen' : result.allowsInvitations ? 'uitnodigingen-aan' : 'uitnodigingen-uit'}`,
  }),

  /** A pitch's owner (or a colleague) invites a suggested employer, with an optional note. */
  invite: formAction({
    input: z.object({ pitchId: idField, ...invitationInput.shape }),
    requires: 'signed-in',
    run: async ({ input: { pitchId, ...invitation }, actor, deps }) => inviteEmployer(deps, actor, pitchId, invitation, await getMatchKnowledge()),
    refused: (result) => {
      if (result.reason === 'not-found') return gone();
      if (result.reason === 'rate-limited') return undefined;
      return formError(invitationRefusalMessage[result.reason], result.reason === 'not-own-pitch' ? 403 : 409);
    },
    done: (result) => `${suggestionsPath(result.pitchId)}?melding=uitgenodigd#uitnodigingen`,
  }),

  /** "Nee, dank u": the button on the invitation's page. */
  decline: formAction({
    input: z.object({ token: tokenField }),
    requires: 'anyone',
    run: ({ input, deps }) => declineInvitation(deps, input.token),
    refused: (result) => (result.reason === 'already-joined' ? alreadyJoined() : result.reason === 'closed' ? closed() : badLink()),
    done: (_result, { input }) => `${invitationDeclinePath(input.token)}&melding=afgeslagen`,
  }),

  /** The reason for a decline, afterwards (optional). */
  giveReason: formAction({
    input: z.object({ token: tokenField, reason: declineReasonField }),
    requires: 'anyone',
    run: ({ input, deps }) => giveDeclineReason(deps, input.token, input.reason),
    refused: (result) => (result.reason === 'not-declined' ? formError('U heeft deze uitnodiging niet zelf afgeslagen, dus er is geen reden van u om op te slaan.', 409) : result.reason === 'closed' ? closed() : badLink()),
    done: (_result, { input }) => `${invitationDeclinePath(input.token)}&melding=${input.reason ? 'reden-ontvangen' : 'reden-weg'}`,
  }),
};
