/**
 * Following: follow and unfollow (from the confirm page /account/volgen/?…,
 * the pitch page and the settings page), the choice per follow how to hear of it, and the
 * digest switch. The use cases ask the policy;
 * here only the form is read and the outcome mapped. After following, the person goes back to
 * where they came from (`next`, a safe same-site path) with a notice.
 */
import { z } from 'astro/zod';
import { followDeliveries, followKinds, type FollowDelivery } from '#domain/follows.ts';
import { followThing, setDigest, setFollowDelivery, unfollowThing } from '#features/follows/follows.ts';
import { safeReturnPath } from '#web/return-path.ts';
import { followAnchor } from '#web/follow-anchor.ts';
import { idField } from './fields.ts';
import { formAction } from './form-action.ts';
import { forbidden, formError } from '#web/form-outcome.ts';

const followInput = z.object({
  kind: z.enum(followKinds, { error: 'Het formulier kwam niet goed aan. Laad de pagina opnieuw en probeer het nog eens.' }),
  value: idField,
  next: z.string().max(1000).optional(),
});

/** The notice after a choice, per choice. */
const deliveryNotice: Record<FollowDelivery, string> = { immediate: 'bericht-meteen', weekly: 'bericht-wekelijks', none: 'bericht-niets' };

/** Back to the page the person came from, with the notice; the settings page when none was given. */
function back(next: string | undefined, notice: string): string {
  const path = safeReturnPath(next || '/account/volgen/');
  const url = new URL(path, 'https://praktijkplein.invalid');
  url.searchParams.set('melding', notice);
  return url.pathname + url.search + url.hash;
}

export const follows = {
  follow: formAction({
    input: followInput,
    requires: 'signed-in',
    run: ({ input, actor, deps }) => followThing(deps, actor, { kind: input.kind, value: input.value }),
    refused: (result) => (result.reason === 'forbidden' ? undefined : formError('Dit kunt u niet volgen: het bestaat niet (meer) of is niet openbaar.', 404)),
    done: (_result, { input }) => back(input.next, 'gevolgd'),
  }),

  unfollow: formAction({
    input: followInput,
    requires: 'signed-in',
    run: ({ input, actor, deps }) => unfollowThing(deps, actor, { kind: input.kind, value: input.value }),
    refused: () => forbidden(),
    done: (_result, { input }) => back(input.next, 'ontvolgd'),
  }),

  delivery: formAction({
    input: z.object({
      kind: followInput.shape.kind,
      value: idField,
      delivery: z.enum(followDeliveries, { error: 'Kies hoe u erover wilt horen: meteen, in het weekoverzicht, of niet per e-mail.' }),
    }),
    requires: 'signed-in',
    run: ({ input, actor, deps }) => setFollowDelivery(deps, actor, { kind: input.kind, value: input.value }, input.delivery),
    refused: (result) =>
      result.reason === 'not-following'
        ? formError('U volgt dit niet (meer), dus er is niets gekozen. Bekijk hieronder wat u volgt.', 404)
        : result.reason === 'not-choosable'
          ? formError('Over een pitch die u volgt, hoort u in het weekoverzicht; daar is niets te kiezen.', 422)
          : undefined,
    done: (result) => `/account/volgen/?melding=${deliveryNotice[result.delivery]}#${followAnchor(result.follow)}`,
  }),

  digest: formAction({
    input: z.object({ digest: z.enum(['on', 'off'], { error: 'Kies of u het weekoverzicht wilt ontvangen.' }) }),
    requires: 'signed-in',
    run: ({ input, actor, deps }) => setDigest(deps, actor, input.digest === 'on'),
    refused: () => forbidden(),
    done: (_result, { input }) => `/account/volgen/?melding=${input.digest === 'on' ? 'weekoverzicht-aan' : 'weekoverzicht-uit'}`,
  }),
};
