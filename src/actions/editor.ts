/**
 * The content editor's forms: save a case draft, publish it, ask a colleague to review,
 * review, discard, retire a page. Each reads the form, calls src/features/editor/, and maps the result to
 * Dutch messages; the use cases ask the policy ('content:edit') themselves.
 */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { clockTime } from '#web/texts/curation-texts.ts';
import { formatDate } from '#platform/texts/nl.ts';
import { caseFormFromInput, checkCaseForm } from '#features/editor/case-form.ts';
import { mdxIds } from '#platform/content-store.ts';
import { draftFromPitch } from '#features/editor/pitch-draft.ts';
import { storyRefusalMessage } from '#features/marketplace/pitch-story.ts';
import { checkInstrumentForm, instrumentFormFromInput } from '#features/editor/instrument-form.ts';
import { checkOrganisationForm, organisationFormFromInput } from '#features/editor/organisation-form.ts';
import { readContentFile } from '#platform/content-store.ts';
import { checkSourceForm, sourceFormFromInput } from '#features/editor/source-form.ts';
import { discardDraft, publishDraft, requestReview, reviewDraft, saveDraft, type SaveDraftResult } from '#features/editor/drafts.ts';
import { sendQueuedMail } from '#features/jobs/housekeeping.ts';
import { idField } from './fields.ts';
import { depsFor, fieldErrors, forbidden, formError, notSignedIn, redirectTo, type FormOutcome } from './outcome.ts';

const when = (ms: number) => `${formatDate(new Date(ms))} om ${clockTime(ms)}`;

/** The words for a refused save or publish: someone else got there first. */
function conflictMessage(result: { reason: 'stale'; by: string; at: number } | { reason: 'changed-since' }): FormOutcome {
  if (result.reason === 'stale') {
    return formError(`Iemand anders heeft dit intussen gewijzigd: ${result.by} sloeg dit concept op ${when(result.at)} op. Uw wijzigingen zijn niet opgeslagen; ze staan nog in het formulier. Open het concept opnieuw in een ander venster en neem uw wijzigingen over.`, 409);
  }
  return formError('Iemand anders heeft dit intussen gewijzigd: de pagina is gepubliceerd nadat u begon. Uw wijzigingen zijn niet opgeslagen; ze staan nog in het formulier. Begin een nieuw concept vanaf de gepubliceerde versie en neem uw wijzigingen over.', 409);
}

function saveOutcome(result: SaveDraftResult): FormOutcome {
  if (result.ok) return redirectTo(`/beheer/inhoud/concept/${result.draftId}/?melding=opgeslagen`);
  if (result.reason === 'forbidden') return forbidden();
  if (result.reason === 'not-found') return formError('Dit concept bestaat niet (meer).', 404);
  return conflictMessage(result);
}

const draftStep = z.object({ draftId: idField });

export const editor = {
  saveCase: defineAction({
    accept: 'form',
    handler: async (input: FormData, context): Promise<FormOutcome> => {
      const actor = context.locals.actor;
      if (!actor) return notSignedIn();
      const form = caseFormFromInput(input);
      const isNew = input.get('isNew') === 'ja';
      const draftId = typeof input.get('draftId') === 'string' && input.get('draftId') ? String(input.get('draftId')) : undefined;
      const checked = checkCaseForm(form, { isNew: isNew && !draftId, existingIds: new Set(mdxIds('cases')) });
      if (!checked.ok) return fieldErrors(checked.fields);
      const version = Number(input.get('version'));
      const baseHash = typeof input.get('baseHash') === 'string' && input.get('baseHash') ? String(input.get('baseHash')) : null;
      const result = await saveDraft(await depsFor(context), actor, {
        kind: 'case', contentId: form.id, formData: form, title: checked.title, fileText: checked.fileText, draftId, version: Number.isFinite(version) ? version : undefined, baseHash,
      });
      return saveOutcome(result);
    },
  }),

  // h/11forms: instruments (with their per-municipality stances) are edited like cases.
  saveInstrument: defineAction({
    accept: 'form',
    handler: async (input: FormData, context): Promise<FormOutcome> => {
      const actor = context.locals.actor;
      if (!actor) return notSignedIn();
      const form = instrumentFormFromInput(input);
      const isNew = input.get('isNew') === 'ja';
      const draftId = typeof input.get('draftId') === 'string' && input.get('draftId') ? String(input.get('draftId')) : undefined;
      const checked = checkInstrumentForm(form, { isNew: isNew && !draftId, existingIds: new Set(mdxIds('instruments')) });
      if (!checked.ok) return fieldErrors(checked.fields);
      const version = Number(input.get('version'));
      const baseHash = typeof input.get('baseHash') === 'string' && input.get('baseHash') ? String(input.get('baseHash')) : null;
      const result = await saveDraft(await depsFor(context), actor, {
        kind: 'instrument', contentId: form.id, formData: form, title: checked.title, fileText: checked.fileText, draftId, version: Number.isFinite(version) ? version : undefined, baseHash,
      });
      return saveOutcome(result);
    },
  }),

  // h/11forms: one organisation of organisations.yaml; the draft is the whole file with only its record changed.
  saveOrganisation: defineAction({
    accept: 'form',
    handler: async (input: FormData, context): Promise<FormOutcome> => {
      const actor = context.locals.actor;
      if (!actor) return notSignedIn();
      const form = organisationFormFromInput(input);
      const isNew = input.get('isNew') === 'ja';
      const draftId = typeof input.get('draftId') === 'string' && input.get('draftId') ? String(input.get('draftId')) : undefined;
      const deps = await depsFor(context);
      // The record is replaced in the file as it is now; saveDraft refuses when that is no longer the file the form started from.
      const live = readContentFile('organisations/organisations.yaml');
      const baseHash = typeof input.get('baseHash') === 'string' && input.get('baseHash') ? String(input.get('baseHash')) : null;
      if (!live) return formError('De lijst met organisaties is nu niet te lezen. Probeer het later opnieuw.', 503);
      const checked = checkOrganisationForm(form, live.text, { isNew });
      if (!checked.ok) return fieldErrors(checked.fields);
      const version = Number(input.get('version'));
      const result = await saveDraft(deps, actor, {
        kind: 'organisation', contentId: form.id, formData: form, title: checked.title, fileText: checked.fileText, draftId, version: Number.isFinite(version) ? version : undefined, baseHash,
      });
      return saveOutcome(result);
    },
  }),

  // h/11forms: one entry of sources.yaml, typed in by the curator (a new one's id may come from its title).
  saveSource: defineAction({
    accept: 'form',
    handler: async (input: FormData, context): Promise<FormOutcome> => {
      const actor = context.locals.actor;
      if (!actor) return notSignedIn();
      const form = sourceFormFromInput(input);
      const isNew = input.get('isNew') === 'ja';
      const draftId = typeof input.get('draftId') === 'string' && input.get('draftId') ? String(input.get('draftId')) : undefined;
      const live = readContentFile('sources/sources.yaml');
      if (!live) return formError('De lijst met bronnen is nu niet te lezen. Probeer het later opnieuw.', 503);
      const checked = checkSourceForm(form, live.text, { isNew });
      if (!checked.ok) return fieldErrors(checked.fields);
      const version = Number(input.get('version'));
      const baseHash = typeof input.get('baseHash') === 'string' && input.get('baseHash') ? String(input.get('baseHash')) : null;
      const result = await saveDraft(await depsFor(context), actor, {
        kind: 'source', contentId: checked.id, formData: { ...form, id: checked.id }, title: checked.title, fileText: checked.fileText, draftId, version: Number.isFinite(version) ? version : undefined, baseHash,
      });
      return saveOutcome(result);
    },
  }),

  retire: defineAction({
    accept: 'form',
    input: z.object({
      contentId: z.string().regex(/^[a-z0-9-]{1,80}$/),
      /** h/11forms: which kind of page; cases unless the form says otherwise. */
      kind: z.enum(['case', 'instrument']).default('case'),
      title: z.string().max(200),
      baseHash: z.string().max(100),
      reason: z.string({ error: 'Schrijf waarom de pagina van de site gaat.' }).trim().min(10, 'Schrijf waarom de pagina van de site gaat (minstens 10 tekens).').max(500, 'Hoogstens 500 tekens.'),
    }),
    handler: async (input, context): Promise<FormOutcome> => {
      const actor = context.locals.actor;
      if (!actor) return notSignedIn();
      if (!mdxIds(input.kind === 'case' ? 'cases' : 'instruments').includes(input.contentId)) return formError(`Dit ${input.kind === 'case' ? 'praktijkvoorbeeld' : 'instrument'} staat niet (meer) op de site.`, 404);
      const result = await saveDraft(await depsFor(context), actor, {
        kind: input.kind, contentId: input.contentId, action: 'retire', reason: input.reason, formData: { reason: input.reason }, title: input.title, fileText: null, baseHash: input.baseHash,
      });
      return saveOutcome(result);
    },
  }),

  publish: defineAction({
    accept: 'form',
    input: draftStep.extend({ version: z.coerce.number().int() }),
    handler: async (input, context): Promise<FormOutcome> => {
      const actor = context.locals.actor;
      const user = context.locals.user;
      if (!actor || !user) return notSignedIn();
      const result = await publishDraft(await depsFor(context), actor, input.draftId, input.version, user.name);
      if (result.ok) return redirectTo(`/beheer/inhoud/publicaties/${result.publicationId}/`);
      switch (result.reason) {
        case 'forbidden':
          return forbidden();
        case 'not-found':
          return formError('Dit concept bestaat niet (meer).', 404);
        case 'not-open':
          return formError('Dit concept is al gepubliceerd of weggegooid.', 409);
        case 'invalid':
          return formError('Dit concept is nog niet in orde. Sla het eerst op zonder fouten.', 422);
        case 'publish-refused':
          return formError(result.message, 409);
        case 'stale':
        case 'changed-since':
          return conflictMessage(result);
      }
    },
  }),

  requestReview: defineAction({
    accept: 'form',
    input: draftStep.extend({ reviewerId: z.string({ error: 'Kies een collega.' }).min(1, 'Kies een collega.').max(200) }),
    handler: async (input, context): Promise<FormOutcome> => {
      if (!context.locals.actor) return notSignedIn();
      const deps = await depsFor(context);
      const result = await requestReview(deps, context.locals.actor, input.draftId, input.reviewerId);
      if (!result.ok) {
        if (result.reason === 'forbidden') return forbidden();
        if (result.reason === 'no-reviewer') return fieldErrors({ reviewerId: 'Kies een collega uit de lijst.' });
        return formError('Dit concept is al gepubliceerd of weggegooid.', 409);
      }
      sendQueuedMail(deps.db);
      return redirectTo(`/beheer/inhoud/concept/${input.draftId}/?melding=review-gevraagd`);
    },
  }),

  review: defineAction({
    accept: 'form',
    input: draftStep.extend({ note: z.string().max(2000, 'Hoogstens 2000 tekens.').default(''), decision: z.enum(['goedkeuren', 'opmerking']) }),
    handler: async (input, context): Promise<FormOutcome> => {
      if (!context.locals.actor) return notSignedIn();
      if (input.decision === 'opmerking' && !input.note.trim()) return fieldErrors({ note: 'Schrijf uw opmerking.' });
      const result = await reviewDraft(await depsFor(context), context.locals.actor, input.draftId, { note: input.note, approve: input.decision === 'goedkeuren' });
      if (!result.ok) return result.reason === 'forbidden' ? forbidden() : formError('Voor dit concept is geen review (meer) gevraagd.', 409);
      return redirectTo(`/beheer/inhoud/concept/${input.draftId}/?melding=${input.decision === 'goedkeuren' ? 'goedgekeurd' : 'opmerking'}`);
    },
  }),

  discard: defineAction({
    accept: 'form',
    input: draftStep,
    handler: async (input, context): Promise<FormOutcome> => {
      if (!context.locals.actor) return notSignedIn();
      const result = await discardDraft(await depsFor(context), context.locals.actor, input.draftId);
      if (!result.ok) return result.reason === 'forbidden' ? forbidden() : formError('Dit concept is al gepubliceerd of weggegooid.', 409);
      return redirectTo('/beheer/inhoud/?melding=weggegooid');
    },
  }),

  /** "Open als concept in de editor": a closed, matched pitch's case study as an editor draft. */
  draftFromPitch: defineAction({
    accept: 'form',
    input: z.object({ pitchId: idField }),
    handler: async (input, context): Promise<FormOutcome> => {
      if (!context.locals.actor) return notSignedIn();
      const result = await draftFromPitch(await depsFor(context), context.locals.actor, input.pitchId);
      if (result.ok) return redirectTo(`/beheer/inhoud/concept/${result.draftId}/`);
      switch (result.reason) {
        case 'forbidden':
          return forbidden();
        case 'not-found':
          return formError('Deze pitch bestaat niet (meer).', 404);
        case 'exists':
          return formError(`Er staat al een praktijkvoorbeeld met het adres "${result.contentId}" op de site. Open dat in de editor via Inhoud.`, 409);
        default:
          return formError(storyRefusalMessage[result.reason], 409);
      }
    },
  }),
};
