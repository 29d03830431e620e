/**
 * The content editor's forms: save a draft of a case, instrument, organisation or source,
 * publish it, ask a colleague to review, review, discard, retire a page. Each reads the form,
 * calls src/features/editor/, and maps the result to Dutch messages; the use cases ask the
 * policy ('content:edit') themselves.
 */
import { z } from 'astro/zod';
import { clockTime } from '#web/texts/curation-texts.ts';
import { formatDate } from '#platform/texts/nl.ts';
import { checkCaseForm } from '#features/editor/case-form.ts';
import { mdxIds, readContentFile } from '#platform/content-store.ts';
import { draftFromPitch } from '#features/editor/pitch-draft.ts';
import { caseFormInput, instrumentFormInput, organisationFormInput, sourceFormInput } from '#features/editor/input.ts';
import { storyRefusalMessage } from '#features/marketplace/pitch-story.ts';
import { checkInstrumentForm } from '#features/editor/instrument-form.ts';
import { checkOrganisationForm } from '#features/editor/organisation-form.ts';
import { checkSourceForm } from '#features/editor/source-form.ts';
import { discardDraft, publishDraft, requestReview, reviewDraft, saveDraft, type SaveDraftResult } from '#features/editor/drafts.ts';
import { idField, versionField } from './fields.ts';
import { formAction } from './form-action.ts';
import { fieldErrors, formError, type FormOutcome } from '#web/form-outcome.ts';

const when = (ms: number) => `${formatDate(new Date(ms))} om ${clockTime(ms)}`;

/** The words for a refused save or publish: someone else got there first. */
function conflictMessage(result: { reason: 'stale'; by: string; at: number } | { reason: 'changed-since' }): FormOutcome {
  if (result.reason === 'stale') {
    return formError(`Iemand anders heeft dit intussen gewijzigd: ${result.by} sloeg dit concept op ${when(result.at)} op. Uw wijzigingen zijn niet opgeslagen; ze staan nog in het formulier. Open het concept opnieuw in een ander venster en neem uw wijzigingen over.`, 409);
  }
  return formError('Iemand anders heeft dit intussen gewijzigd: de pagina is gepubliceerd nadat u begon. Uw wijzigingen zijn niet opgeslagen; ze staan nog in het formulier. Begin een nieuw concept vanaf de gepubliceerde versie en neem uw wijzigingen over.', 409);
}

/** A refused save (forbidden: the common words). */
function saveRefused(result: Exclude<SaveDraftResult, { ok: true }>): FormOutcome | undefined {
  if (result.reason === 'forbidden') return undefined;
  if (result.reason === 'not-found') return formError('Dit concept bestaat niet (meer).', 404);
  return conflictMessage(result);
}

const savedDraft = (result: Extract<SaveDraftResult, { ok: true }>) => `/beheer/inhoud/concept/${result.draftId}/?melding=opgeslagen`;

const text = (value: FormDataEntryValue | null) => (typeof value === 'string' ? value : '');

/**
 * An editor form as posted: its own fields become the form object (`form`); beside them every
 * editor form sends whether the page is new, the draft it saves over and that draft's
 * version, and the hash of the live file it started from.
 */
function editorSave<F>(form: z.ZodType<F, FormData>) {
  return z
    .instanceof(FormData)
    .transform((data): { form: FormData; isNew: boolean; draftId?: string; version?: unknown; baseHash: string | null } => ({
      form: data,
      isNew: data.get('isNew') === 'true',
      draftId: text(data.get('draftId')) || undefined,
      version: text(data.get('version')) || undefined,
      baseHash: text(data.get('baseHash')) || null,
    }))
    .pipe(z.object({ form, isNew: z.boolean(), draftId: idField.optional(), version: versionField.optional(), baseHash: z.string().max(100).nullable() }));
}

const draftStep = z.object({ draftId: idField });
const notOpen = () => formError('Dit concept is al gepubliceerd of weggegooid.', 409);

export const editor = {
  saveCase: formAction({
    input: editorSave(caseFormInput),
    requires: 'signed-in',
    run: ({ input: { form, isNew, draftId, version, baseHash }, actor, deps }) => {
      const checked = checkCaseForm(form, { isNew: isNew && !draftId, existingIds: new Set(mdxIds('cases')) });
      if (!checked.ok) return fieldErrors(checked.fields);
      return saveDraft(deps, actor, { kind: 'case', contentId: form.id, formData: form, title: checked.title, fileText: checked.fileText, draftId, version, baseHash });
    },
    refused: saveRefused,
    done: savedDraft,
  }),

  /** Instruments (with their per-municipality stances) are edited like cases. */
  saveInstrument: formAction({
    input: editorSave(instrumentFormInput),
    requires: 'signed-in',
    run: ({ input: { form, isNew, draftId, version, baseHash }, actor, deps }) => {
      const checked = checkInstrumentForm(form, { isNew: isNew && !draftId, existingIds: new Set(mdxIds('instruments')) });
      if (!checked.ok) return fieldErrors(checked.fields);
      return saveDraft(deps, actor, { kind: 'instrument', contentId: form.id, formData: form, title: checked.title, fileText: checked.fileText, draftId, version, baseHash });
    },
    refused: saveRefused,
    done: savedDraft,
  }),

  /** One organisation of organisations.yaml; the draft is the whole file with only its record changed. */
  saveOrganisation: formAction({
    input: editorSave(organisationFormInput),
    requires: 'signed-in',
    run: ({ input: { form, isNew, draftId, version, baseHash }, actor, deps }) => {
      // The record is replaced in the file as it is now; saveDraft refuses when that is no longer the file the form started from.
      const live = readContentFile('organisations/organisations.yaml');
      if (!live) return formError('De lijst met organisaties is nu niet te lezen. Probeer het later opnieuw.', 503);
      const checked = checkOrganisationForm(form, live.text, { isNew });
      if (!checked.ok) return fieldErrors(checked.fields);
      return saveDraft(deps, actor, { kind: 'organisation', contentId: form.id, formData: form, title: checked.title, fileText: checked.fileText, draftId, version, baseHash });
    },
    refused: saveRefused,
    done: savedDraft,
  }),

  /** One entry of sources.yaml, typed in by the curator (a new one's id may come from its title). */
  saveSource: formAction({
    input: editorSave(sourceFormInput),
    requires: 'signed-in',
    run: ({ input: { form, isNew, draftId, version, baseHash }, actor, deps }) => {
      const live = readContentFile('sources/sources.yaml');
      if (!live) return formError('De lijst met bronnen is nu niet te lezen. Probeer het later opnieuw.', 503);
      const checked = checkSourceForm(form, live.text, { isNew });
      if (!checked.ok) return fieldErrors(checked.fields);
      return saveDraft(deps, actor, { kind: 'source', contentId: checked.id, formData: { ...form, id: checked.id }, title: checked.title, fileText: checked.fileText, draftId, version, baseHash });
    },
    refused: saveRefused,
    done: savedDraft,
  }),

  retire: formAction({
    input: z.object({
      contentId: z.string().regex(/^[a-z0-9-]{1,80}$/),
      /** Which kind of page; cases unless the form says otherwise. */
      kind: z.enum(['case', 'instrument']).default('case'),
      title: z.string().max(200),
      baseHash: z.string().max(100),
      reason: z.string({ error: 'Schrijf waarom de pagina van de site gaat.' }).trim().min(10, 'Schrijf waarom de pagina van de site gaat (minstens 10 tekens).').max(500, 'Hoogstens 500 tekens.'),
    }),
    requires: 'signed-in',
    run: ({ input, actor, deps }) => {
      if (!mdxIds(input.kind === 'case' ? 'cases' : 'instruments').includes(input.contentId)) return formError(`Dit ${input.kind === 'case' ? 'praktijkvoorbeeld' : 'instrument'} staat niet (meer) op de site.`, 404);
      return saveDraft(deps, actor, {
        kind: input.kind, contentId: input.contentId, action: 'retire', reason: input.reason, formData: { reason: input.reason }, title: input.title, fileText: null, baseHash: input.baseHash,
      });
    },
    refused: saveRefused,
    done: savedDraft,
  }),

  publish: formAction({
    input: draftStep.extend({ version: versionField }),
    requires: 'signed-in',
    run: ({ input, actor, user, deps }) => publishDraft(deps, actor, input.draftId, input.version, user.name),
    refused: (result) => {
      switch (result.reason) {
        case 'forbidden':
          return undefined;
        case 'not-found':
          return formError('Dit concept bestaat niet (meer).', 404);
        case 'not-open':
          return notOpen();
        case 'invalid':
          return formError('Dit concept is nog niet in orde. Sla het eerst op zonder fouten.', 422);
        case 'publish-refused':
          return formError(result.message, 409);
        case 'stale':
        case 'changed-since':
          return conflictMessage(result);
      }
    },
    done: (result) => `/beheer/inhoud/publicaties/${result.publicationId}/`,
  }),

  requestReview: formAction({
    input: draftStep.extend({ reviewerId: z.string({ error: 'Kies een collega.' }).min(1, 'Kies een collega.').max(200) }),
    requires: 'signed-in',
    run: ({ input, actor, deps }) => requestReview(deps, actor, input.draftId, input.reviewerId),
    refused: (result) => {
      if (result.reason === 'forbidden') return undefined;
      if (result.reason === 'no-reviewer') return fieldErrors({ reviewerId: 'Kies een collega uit de lijst.' });
      return notOpen();
    },
    done: (_result, { input }) => `/beheer/inhoud/concept/${input.draftId}/?melding=review-gevraagd`,
  }),

  review: formAction({
    input: draftStep.extend({ note: z.string().max(2000, 'Hoogstens 2000 tekens.').default(''), decision: z.enum(['approve', 'comment']) }),
    requires: 'signed-in',
    run: ({ input, actor, deps }) => {
      if (input.decision === 'comment' && !input.note.trim()) return fieldErrors({ note: 'Schrijf uw opmerking.' });
      return reviewDraft(deps, actor, input.draftId, { note: input.note, approve: input.decision === 'approve' });
    },
    refused: (result) => (result.reason === 'forbidden' ? undefined : formError('Voor dit concept is geen review (meer) gevraagd.', 409)),
    done: (_result, { input }) => `/beheer/inhoud/concept/${input.draftId}/?melding=${input.decision === 'approve' ? 'goedgekeurd' : 'opmerking'}`,
  }),

  discard: formAction({
    input: draftStep,
    requires: 'signed-in',
    run: ({ input, actor, deps }) => discardDraft(deps, actor, input.draftId),
    refused: (result) => (result.reason === 'forbidden' ? undefined : notOpen()),
    done: () => '/beheer/inhoud/?melding=weggegooid',
  }),

  /** "Open als concept in de editor": a closed, matched pitch's case study as an editor draft. */
  draftFromPitch: formAction({
    input: z.object({ pitchId: idField }),
    requires: 'signed-in',
    run: ({ input, actor, deps }) => draftFromPitch(deps, actor, input.pitchId),
    refused: (result) => {
      switch (result.reason) {
        case 'forbidden':
          return undefined;
        case 'not-found':
          return formError('Deze pitch bestaat niet (meer).', 404);
        case 'exists':
          return formError(`Er staat al een praktijkvoorbeeld met het adres "${result.contentId}" op de site. Open dat in de editor via Inhoud.`, 409);
        default:
          return formError(storyRefusalMessage[result.reason], 409);
      }
    },
    done: (result) => `/beheer/inhoud/concept/${result.draftId}/`,
  }),
};
