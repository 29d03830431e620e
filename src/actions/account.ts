/**
 * Account form actions: parse the form, call the account flow, answer with a FormOutcome.
 * Session cookies are set and cleared here; everything else lives in src/features/accounts.
 */
import type { ActionAPIContext } from 'astro:actions';
import { z } from 'astro/zod';
import { confirmEmail } from '#features/verification/confirm-email.ts';
import { register, resendVerification } from '#features/accounts/registration.ts';
import { login } from '#features/accounts/login.ts';
import { resolveTypedMunicipality, typedMunicipalityProblem } from '#features/accounts/municipality-input.ts';
import { requestPasswordReset, resetPassword } from '#features/accounts/recovery.ts';
import { changePassword, confirmEmailChange, deleteAccount, logoutEverywhere, requestEmailChange } from '#features/accounts/profile.ts';
import { knownDeviceCookieName, knownDeviceCookieOptions, sessionCookieName, sessionCookieOptions } from '#platform/auth/cookie.ts';
import { invalidateSession } from '#platform/auth/session.ts';
import { registrableKinds } from '#domain/accounts.ts';
import { can } from '#domain/policy.ts';
import { safeReturnPath } from '#web/return-path.ts';
import { linkProblemText } from '#web/texts/link-problems.ts';
import { registrationLimitMessage } from '#web/texts/registration-limits.ts';
import { clock } from '#platform/context.ts';
import { currentPasswordField, emailField, nameField, newPasswordField, organisationNameField, tokenField } from './fields.ts';
import { formAction, type ActionArgs } from './form-action.ts';
import { fieldErrors, formError, notSignedIn, rateLimited, redirectTo, type FormOutcome } from '#web/form-outcome.ts';

const linkProblem = linkProblemText;
const wrongPassword = 'Dit is niet uw huidige wachtwoord.';

function setSession(context: ActionAPIContext, token: string) {
  context.cookies.set(sessionCookieName(), token, sessionCookieOptions());
}

const endSession = (context: ActionAPIContext) => context.cookies.delete(sessionCookieName(), { path: '/' });

/**
 * For the forms about one's own account: a signed-in person with a session who may manage
 * this account; anyone else gets the login message.
 */
function ownAccount<I>(args: ActionArgs<I, 'signed-in'>, run: (me: { user: ActionArgs<I, 'signed-in'>['user']; session: NonNullable<App.Locals['session']> }) => Promise<FormOutcome>) {
  const { actor, user, session } = args;
  return session && can(actor, 'account:manage', { userId: user.id }) ? run({ user, session }) : notSignedIn();
}

export const account = {
  register: formAction({
    input: z.object({
      name: nameField,
      email: emailField,
      password: newPasswordField,
      kind: z.enum(registrableKinds, { error: 'Kies of u bij een gemeente of bij een werkgever werkt.' }),
      // Checked here too (the use case checks again), so the message shows with the other fields' messages.
      municipality: z
        .string()
        .max(100, 'Een gemeentenaam heeft hoogstens 100 tekens.')
        .optional()
        .superRefine((text, ctx) => {
          if (text === undefined) return;
          const typed = resolveTypedMunicipality(text);
          if (!typed.ok) ctx.addIssue({ code: 'custom', message: typedMunicipalityProblem(text, typed) });
        }),
      employer: z.string().max(100).optional(),
      newEmployerName: organisationNameField,
    }),
    requires: 'anyone',
    run: ({ input, deps }) =>
      register(deps, {
        name: input.name,
        email: input.email,
        password: input.password,
        kind: input.kind,
        // A municipality is typed (its name or a place in it) and resolved by the use case.
        municipality: input.kind === 'municipality' ? input.municipality : undefined,
        organisationId: input.kind === 'employer' ? input.employer || undefined : undefined,
        newEmployerName: input.kind === 'employer' ? input.newEmployerName : undefined,
      }),
    refused: (result, { input, deps }) => {
      if (result.reason === 'rate-limited') return formError(registrationLimitMessage(result, clock(deps)), 429);
      const { organisationId, ...rest } = result.fields;
      return fieldErrors({ ...rest, ...(organisationId ? { [input.kind === 'municipality' ? 'municipality' : 'employer']: organisationId } : {}) });
    },
    done: () => '/account/registreren/verstuurd/',
  }),

  confirmEmail: formAction({
    input: z.object({ token: tokenField }),
    requires: 'anyone',
    run: ({ input, deps }) => confirmEmail(deps, input.token),
    refused: (result) => formError(linkProblem[result.reason], 400),
    done: (_result, { user }) => (user ? '/account/?melding=bevestigd' : '/account/inloggen/?melding=bevestigd'),
  }),

  resendVerification: formAction({
    input: z.object({}),
    requires: 'signed-in',
    run: (args) =>
      ownAccount(args, async ({ user }) => {
        const result = await resendVerification(args.deps, user);
        if (result.ok) return redirectTo('/account/?melding=link-verstuurd');
        // Nothing to confirm (any more): back to the account page, without a notice.
        return result.reason === 'rate-limited' ? rateLimited(result.retryAfterMs) : redirectTo('/account/');
      }),
  }),

  login: formAction({
    input: z.object({
      email: emailField,
      password: z.string({ error: 'Vul uw wachtwoord in.' }).min(1, 'Vul uw wachtwoord in.').max(4096),
      /** Where to go after logging in; anything but a path on this site becomes /account/. */
      next: z.string().max(2000).optional(),
    }),
    requires: 'anyone',
    run: ({ input, deps, context }) => login(deps, { ...input, knownDevice: context.cookies.get(knownDeviceCookieName())?.value }),
    refused: (result) =>
      result.reason === 'rate-limited' ? undefined : formError('Het e-mailadres of het wachtwoord klopt niet. Let op hoofdletters, of vraag een nieuw wachtwoord aan.', 401),
    done: (result, { input, context }) => {
      // A session from before login (possibly planted) is replaced by the new one.
      setSession(context, result.token);
      context.cookies.set(knownDeviceCookieName(), result.deviceMark, knownDeviceCookieOptions());
      return safeReturnPath(input.next);
    },
  }),

  logout: formAction({
    input: z.object({}),
    requires: 'anyone',
    run: async ({ session, deps, context }) => {
      if (session) await invalidateSession(deps.db, session.id);
      endSession(context);
      return redirectTo('/account/inloggen/?melding=uitgelogd');
    },
  }),

  logoutEverywhere: formAction({
    input: z.object({}),
    requires: 'signed-in',
    run: (args) =>
      ownAccount(args, async ({ user }) => {
        await logoutEverywhere(args.deps, user);
        endSession(args.context);
        return redirectTo('/account/inloggen/?melding=overal-uitgelogd');
      }),
  }),

  requestReset: formAction({
    input: z.object({ email: emailField }),
    requires: 'anyone',
    run: ({ input, deps }) => requestPasswordReset(deps, input),
    done: () => '/account/wachtwoord-vergeten/?melding=verstuurd',
  }),

  resetPassword: formAction({
    input: z.object({ token: tokenField, password: newPasswordField }),
    requires: 'anyone',
    run: ({ input, deps }) => resetPassword(deps, input),
    refused: (result) => (result.reason === 'weak-password' ? fieldErrors({ password: result.message }) : formError(linkProblem[result.reason], 400)),
    done: (_result, { context }) => {
      endSession(context);
      return '/account/inloggen/?melding=wachtwoord-hersteld';
    },
  }),

  changePassword: formAction({
    // Not `current`/`next`: `next` is the login form's return path, which a failed login keeps.
    input: z.object({ currentPassword: currentPasswordField, newPassword: newPasswordField }),
    requires: 'signed-in',
    run: (args) =>
      ownAccount(args, async ({ user }) => {
        const result = await changePassword(args.deps, user, { current: args.input.currentPassword, next: args.input.newPassword });
        if (!result.ok) {
          if (result.reason === 'rate-limited') return rateLimited(result.retryAfterMs);
          if (result.reason === 'wrong-password') return fieldErrors({ currentPassword: wrongPassword });
          return fieldErrors({ newPassword: result.message });
        }
        setSession(args.context, result.token);
        return redirectTo('/account/?melding=wachtwoord-gewijzigd');
      }),
  }),

  requestEmailChange: formAction({
    input: z.object({ password: currentPasswordField, email: emailField }),
    requires: 'signed-in',
    run: (args) =>
      ownAccount(args, async ({ user }) => {
        const result = await requestEmailChange(args.deps, user, args.input);
        if (result.ok) return redirectTo('/account/?melding=e-mail-verstuurd');
        if (result.reason === 'rate-limited') return rateLimited(result.retryAfterMs);
        if (result.reason === 'wrong-password') return fieldErrors({ password: wrongPassword });
        return fieldErrors({ email: 'Dit is al uw e-mailadres. Vul het nieuwe adres in.' });
      }),
  }),

  confirmEmailChange: formAction({
    input: z.object({ token: tokenField }),
    requires: 'anyone',
    // This browser stays signed in if it is the same person's session; every other one ends.
    run: ({ input, deps, session }) => confirmEmailChange(deps, input.token, session),
    refused: (result) =>
      result.reason === 'taken' ? formError('Dit e-mailadres hoort inmiddels bij een ander account. Uw adres is niet gewijzigd.', 409) : formError(linkProblem[result.reason], 400),
    done: (_result, { user }) => (user ? '/account/?melding=e-mail-gewijzigd' : '/account/inloggen/?melding=e-mail-gewijzigd'),
  }),

  deleteAccount: formAction({
    input: z.object({
      password: currentPasswordField,
      confirm: z.literal('on', { error: 'Vink aan dat u uw account echt wilt verwijderen.' }),
    }),
    requires: 'signed-in',
    run: (args) =>
      ownAccount(args, async ({ user }) => {
        const result = await deleteAccount(args.deps, user, args.input);
        if (!result.ok) return result.reason === 'rate-limited' ? rateLimited(result.retryAfterMs) : fieldErrors({ password: wrongPassword });
        endSession(args.context);
        return redirectTo('/account/verwijderd/');
      }),
  }),
};
