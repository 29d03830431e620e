/**
 * The fields a person fills in about themselves (name, e-mail address, organisation, password,
 * a link's token), with Dutch messages; shared by every form that asks the same thing, in
 * the web layer and in the features' own input schemas.
 */
import { z } from 'astro/zod';
import { passwordProblem } from '#platform/auth/password.ts';
import { nameProblem, type NameKind } from '#domain/names.ts';

export const emailField = z
  .string({ error: 'Vul uw e-mailadres in.' })
  .trim()
  .min(1, 'Vul uw e-mailadres in.')
  .max(254, 'Dit e-mailadres is te lang.')
  .pipe(z.email({ error: 'Vul een geldig e-mailadres in, zoals naam@organisatie.nl.' }));

/** Refuses names that are not one line of printable text (they go into e-mail and onto pages). */
const oneLineName = (kind: NameKind) => (value: string, ctx: z.RefinementCtx) => {
  const problem = nameProblem(value, kind);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
};

export const nameField = z
  .string({ error: 'Vul uw naam in.' })
  .trim()
  .min(2, 'Vul uw naam in (minstens 2 tekens).')
  .max(100, 'Een naam mag hoogstens 100 tekens hebben.')
  .superRefine(oneLineName('person'));

/** The name of an organisation someone proposes; optional (empty when one is chosen from the list). */
export const organisationNameField = z.string().trim().max(120, 'Een naam mag hoogstens 120 tekens hebben.').superRefine(oneLineName('organisation')).optional();

/**
 * Length and common passwords are checked here, so the message shows together with the
 * other fields' messages; the domain checks again, with the person's name and address.
 */
export const newPasswordField = z
  .string({ error: 'Kies een wachtwoord.' })
  .min(1, 'Kies een wachtwoord.')
  .max(4096, 'Dit wachtwoord is te lang.')
  .superRefine((password, ctx) => {
    const problem = passwordProblem(password);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const currentPasswordField = z
  .string({ error: 'Vul uw huidige wachtwoord in.' })
  .min(1, 'Vul uw huidige wachtwoord in.')
  .max(4096, 'Dit wachtwoord is te lang.');

export const tokenField = z.string({ error: 'Deze link is niet (meer) geldig.' }).min(1, 'Deze link is niet (meer) geldig.').max(200, 'Deze link is niet (meer) geldig.');
