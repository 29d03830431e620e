/**
 * The editor's four forms as zod schemas: each takes the posted FormData as it is (repeated
 * fields such as stance rows and checkbox groups included) and gives the form object the
 * checks and the draft store work with. Nothing is refused here: the form's own check
 * (check…Form) words every problem in Dutch at its field, and keeps what was typed.
 */
import { z } from 'astro/zod';
import { caseFormFromInput, type CaseForm } from './case-form.ts';
import { instrumentFormFromInput, type InstrumentForm } from './instrument-form.ts';
import { organisationFormFromInput, type OrganisationForm } from './organisation-form.ts';
import { sourceFormFromInput, type SourceForm } from './source-form.ts';

const posted = z.instanceof(FormData);

export const caseFormInput: z.ZodType<CaseForm, FormData> = posted.transform(caseFormFromInput);
export const instrumentFormInput: z.ZodType<InstrumentForm, FormData> = posted.transform(instrumentFormFromInput);
export const organisationFormInput: z.ZodType<OrganisationForm, FormData> = posted.transform(organisationFormFromInput);
export const sourceFormInput: z.ZodType<SourceForm, FormData> = posted.transform(sourceFormFromInput);
