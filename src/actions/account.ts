/**
 * Account form actions: parse the form, call the account flow, answer with a FormOutcome.
 * Session cookies are set and cleared here; everything else lives in src/features/accounts.
 */
import { defineAction, type ActionAPIContext } from 'astro:actions';
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
import { sendQueuedMail } from '#features/jobs/housekeeping.ts';
import { safeReturnPath } from '#web/return-path.ts';
import { linkProblemText } from '#web/texts/link-problems.ts';
import { currentPasswordField, emailField, nameField, newPasswordField, organisationNameField, tokenField } from './fields.ts';
import { depsFor, fieldErrors, formError, notSignedIn, rateLimited, redirectTo, type FormOutcome } from './outcome.ts';

const linkProblem = linkProblemText;

function setSession(context: ActionAPIContext, token: string) {
  context.cookies.set(sessionCookieName(), token, sessionCookieOptions());
}

function signedIn(context: ActionAPIContext) {
  const { user, actor, session } = context.locals;
  return user && session && can(actor, 'account:manage', { userId: user.id }) ? { user, actor, session } : null;
}

export const account = {
  register: defineAction({
    accept: 'form',
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
    handler: async (input, context): Promise<FormOutcome> => {
      const deps = await depsFor(context);
      const result = await register(deps, {
        name: input.name,
        email: input.email,
        password: input.password,
        kind: input.kind,
        // A municipality is typed (its name or a place in it) and resolved by the use case.
        municipality: input.kind === 'municipality' ? input.municipality : undefined,
        organisationId: input.kind === 'employer' ? input.employer || undefined : undefined,
        newEmployerName: input.kind === 'employer' ? input.newEmployerName : undefined,
      });
      if (!result.ok) {
        if (result.reason === 'rate-limited') return rateLimited(result.retryAfterMs);
        const { organisationId, ...rest } = result.fields;
        return fieldErrors({ ...rest, ...(organisationId ? { [input.kind === 'municipality' ? 'municipality' : 'employer']: organisationId } : {}) });
      }
      sendQueuedMail(deps.db);
      return redirectTo('/account/registreren/verstuurd/');
    },
  }),

  confirmEmail: defineAction({
    accept: 'form',
    input: z.object({ token: tokenField }),
    handler: async (input, context): Promise<FormOutcome> => {
      const result = await confirmEmail(await depsFor(context), input.token);
      if (!result.ok) return formError(linkProblem[result.reason], 400);
      return redirectTo(context.locals.user ? '/account/?melding=bevestigd' : '/account/inloggen/?melding=bevestigd');
    },
  }),

  resendVerification: defineAction({
    accept: 'form',
    input: z.object({}),
    handler: async (_input, context): Promise<FormOutcome> => {
      const me = signedIn(context);
      if (!me) return notSignedIn();
      const deps = await depsFor(context);
      const result = await resendVerification(deps, me.user);
      if (!result.ok) return result.reason === 'rate-limited' ? rateLimited(result.retryAfterMs) : redirectTo('/account/');
      sendQueuedMail(deps.db);
      return redirectTo('/account/?melding=link-verstuurd');
    },
  }),

  login: defineAction({
    accept: 'form',
    input: z.object({
      email: emailField,
      password: z.string({ error: 'Vul uw wachtwoord in.' }).min(1, 'Vul uw wachtwoord in.').max(4096),
      /** Where to go after logging in; anything but a path on this site becomes /account/. */
      next: z.string().max(2000).optional(),
    }),
    handler: async (input, context): Promise<FormOutcome> => {
      const knownDevice = context.cookies.get(knownDeviceCookieName())?.value;
      const result = await login(await depsFor(context), { ...input, knownDevice });
      if (!result.ok) {
        if (result.reason === 'rate-limited') return rateLimited(result.retryAfterMs);
        return formError('Het e-mailadres of het wachtwoord klopt niet. Let op hoofdletters, of vraag een nieuw wachtwoord aan.', 401);
      }
      // A session from before login (possibly planted) is replaced by the new one.
      setSession(context, result.token);
      context.cookies.set(knownDeviceCookieName(), result.deviceMark, knownDeviceCookieOptions());
      return redirectTo(safeReturnPath(input.next));
    },
  }),

  logout: defineAction({
    accept: 'form',
    input: z.object({}),
    handler: async (_input, context): Promise<FormOutcome> => {
      if (context.locals.session) await invalidateSession((await depsFor(context)).db, context.locals.session.id);
      context.cookies.delete(sessionCookieName(), { path: '/' });
      return redirectTo('/account/inloggen/?melding=uitgelogd');
    },
  }),

  logoutEverywhere: defineAction({
    accept: 'form',
    input: z.object({}),
    handler: async (_input, context): Promise<FormOutcome> => {
      const me = signedIn(context);
      if (!me) return notSignedIn();
      await logoutEverywhere(await depsFor(context), me.user);
      context.cookies.delete(sessionCookieName(), { path: '/' });
      return redirectTo('/account/inloggen/?melding=overal-uitgelogd');
    },
  }),

  requestReset: defineAction({
    accept: 'form',
    input: z.object({ email: emailField }),
    handler: async (input, context): Promise<FormOutcome> => {
      const deps = await depsFor(context);
      const result = await requestPasswordReset(deps, input);
      if (!result.ok) return rateLimited(result.retryAfterMs);
      sendQueuedMail(deps.db);
      return redirectTo('/account/wachtwoord-vergeten/?melding=verstuurd');
    },
  }),

  resetPassword: defineAction({
    accept: 'form',
    input: z.object({ token: tokenField, password: newPasswordField }),
    handler: async (input, context): Promise<FormOutcome> => {
      const deps = await depsFor(context);
      const result = await resetPassword(deps, input);
      if (!result.ok) {
        if (result.reason === 'weak-password') return fieldErrors({ password: result.message });
        return formError(linkProblem[result.reason], 400);
      }
      sendQueuedMail(deps.db);
      context.cookies.delete(sessionCookieName(), { path: '/' });
      return redirectTo('/account/inloggen/?melding=wachtwoord-hersteld');
    },
  }),

  changePassword: defineAction({
    accept: 'form',
    // Not `current`/`next`: `next` is the login form's return path, which a failed login keeps.
    input: z.object({ currentPassword: currentPasswordField, newPassword: newPasswordField }),
    handler: async (input, context): Promise<FormOutcome> => {
      const me = signedIn(context);
      if (!me) return notSignedIn();
      const deps = await depsFor(context);
      const result = await changePassword(deps, me.user, { current: input.currentPassword, next: input.newPassword });
      if (!result.ok) {
        if (result.reason === 'rate-limited') return rateLimited(result.retryAfterMs);
        if (result.reason === 'wrong-password') return fieldErrors({ currentPassword: 'Dit is niet uw huidige wachtwoord.' });
        return fieldErrors({ newPassword: result.message });
      }
      setSession(context, result.token);
      sendQueuedMail(deps.db);
      return redirectTo('/account/?melding=wachtwoord-gewijzigd');
    },
  }),

  requestEmailChange: defineAction({
    accept: 'form',
    input: z.object({ password: currentPasswordField, email: emailField }),
    handler: async (input, context): Promise<FormOutcome> => {
      const me = signedIn(context);
      if (!me) return notSignedIn();
      const deps = await depsFor(context);
      const result = await requestEmailChange(deps, me.user, input);
      if (!result.ok) {
        if (result.reason === 'rate-limited') return rateLimited(result.retryAfterMs);
        if (result.reason === 'wrong-password') return fieldErrors({ password: 'Dit is niet uw huidige wachtwoord.' });
        return fieldErrors({ email: 'Dit is al uw e-mailadres. Vul het nieuwe adres in.' });
      }
      sendQueuedMail(deps.db);
      return redirectTo('/account/?melding=e-mail-verstuurd');
    },
  }),

  confirmEmailChange: defineAction({
    accept: 'form',
    input: z.object({ token: tokenField }),
    handler: async (input, context): Promise<FormOutcome> => {
      const deps = await depsFor(context);
      // This browser stays signed in if it is the same person's session; every other one ends.
      const result = await confirmEmailChange(deps, input.token, context.locals.session);
      if (!result.ok) {
        if (result.reason === 'taken') return formError('Dit e-mailadres hoort inmiddels bij een ander account. Uw adres is niet gewijzigd.', 409);
        return formError(linkProblem[result.reason], 400);
      }
      sendQueuedMail(deps.db);
      return redirectTo(context.locals.user ? '/account/?melding=e-mail-gewijzigd' : '/account/inloggen/?melding=e-mail-gewijzigd');
    },
  }),

  deleteAccount: defineAction({
    accept: 'form',
    input: z.object({
      password: currentPasswordField,
      confirm: z.literal('on', { error: 'Vink aan dat u uw account echt wilt verwijderen.' }),
    }),
    handler: async (input, context): Promise<FormOutcome> => {
      const me = signedIn(context);
      if (!me) return notSignedIn();
      const deps = await depsFor(context);
      const result = await deleteAccount(deps, me.user, input);
      if (!result.ok) {
        if (result.reason === 'rate-limited') return rateLimited(result.retryAfterMs);
        return fieldErrors({ password: 'Dit is niet uw huidige wachtwoord.' });
      }
      context.cookies.delete(sessionCookieName(), { path: '/' });
      sendQueuedMail(deps.db);
      return redirectTo('/account/verwijderd/');
    },
  }),
};

