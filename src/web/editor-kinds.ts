/**
 * The content editor's four kinds in one table: the URL segment under /beheer/inhoud/, what the
 * pages call it, which save action its form posts to, how its form is loaded (new, from
 * the file on the site, from a refused post) and which steps it has. The dynamic pages under
 * src/pages/beheer/inhoud/[kind]/ and the draft page read everything kind-specific from here,
 * so a fifth kind is one entry, not three new pages.
 *
 * It lives in the web layer (not in features/editor) because it names the actions; the form
 * component per kind is chosen by components/editor/EditorForm.astro (TypeScript files cannot
 * import .astro files).
 */
import type { AstroGlobal } from 'astro';
import type { FormState } from '#web/form-state.ts';
import type { Actor } from '#domain/policy.ts';
import { notFound, requireCan, signedInPage, type Stop } from './guards.ts';
import { contentIdPattern, contentPath, type ContentKind } from '#domain/content-editing.ts';
import { amsterdamDate } from '#domain/amsterdam-time.ts';
import { caseFormFromFile, caseFormFromState, newCaseForm } from '#features/editor/case-form.ts';
import { readContentFile } from '#platform/content-store.ts';
import { parseMdxFile } from '#features/editor/frontmatter.ts';
import { instrumentFormFromFile, instrumentFormFromState, instrumentsWithoutPage, newInstrumentForm } from '#features/editor/instrument-form.ts';
import { newOrganisationForm, organisationFormFromFile, organisationFormFromInput } from '#features/editor/organisation-form.ts';
import { newSourceForm, sourceFormFromFile, sourceFormFromInput } from '#features/editor/source-form.ts';

/** A sentence with one link in it, for the notices the pages show instead of a form. */
export interface LinkedSentence {
  before: string;
  link: { href: string; text: string };
  after: string;
}

/** What a loader gets from the page. */
export interface LoadInput {
  state: FormState;
  /** Whether the policy allows editing (nothing is read from disk when not). */
  allowed: boolean;
  /** The address of the page the form is on (the instrument form's "more rows" link goes back there). */
  pagePath: string;
  /** `?rijen=`: how many empty stance rows the instrument form shows. */
  extraRows: number;
}

/** The form of a new piece of content, with the props its form component takes besides form/errors/message/isNew. */
export interface NewForm {
  form: object;
  props: Record<string, unknown>;
  /** Shown instead of the form when nothing can be added (every instrument has a page, or the list of sources cannot be read). */
  nothingToAdd?: LinkedSentence;
}

/** A piece of content on the site, loaded for editing. */
export interface ExistingForm {
  /** The id drafts are stored under (a source's is its record id: the older ones end in `.txt`). */
  contentId: string;
  /** Its title (or name) as the file has it: the page heading. */
  title: string;
  form: object;
  props: Record<string, unknown>;
}

/** One kind of content as the editor's pages see it. */
export interface EditorKind {
  kind: ContentKind;
  /** The URL segment: /beheer/inhoud/<segment>/nieuw/. */
  segment: string;
  /** The singular as running text uses it ("praktijkvoorbeeld"). */
  noun: string;
  /** Heading and title of the "new" page. */
  newHeading: string;
  newDescription: string;
  /** The sentence above a new form. */
  newIntro?: string;
  /** "Dit praktijkvoorbeeld bestaat niet (meer)." and the like, for an id with nothing behind it. */
  missing: string;
  /**
   * The name of the `actions.editor` action its form (components/editor/EditorForm.astro picks
   * the component) posts to. A name, not the action: a page that takes a POST must import
   * astro:actions itself (src/integrations/route-methods.ts reads that to allow POST).
   */
  save: 'saveCase' | 'saveInstrument' | 'saveOrganisation' | 'saveSource';
  /** The form as a refused post left it. */
  fromState(state: FormState): object;
  loadNew(input: LoadInput): NewForm;
  /** Whether a draft's form adds a new piece of content (a case or instrument draft knows by its base hash; a list record by whether its id is listed yet). */
  draftIsNew(form: object, baseHash: string | null): boolean;
  /** The content behind `id` (the URL's part); null when there is none. */
  loadExisting(id: string, input: LoadInput): ExistingForm | null;
  /** Kinds that can be taken off the site: the hint's example, and the `kind` posted (none for a case, the action's default). */
  retire?: { mergedExample: string; postedKind?: 'instrument' };
}

/** A form field reader over a posted form's values, for the kinds whose `…FromInput` takes one. */
const inputOf = (state: FormState) => ({ get: (n: string) => state.values[n] ?? null, getAll: (n: string) => state.lists[n] ?? [] });

/** The hash the form was filled from: after a refused save, the one it was first opened with. */
const baseHashOf = (state: FormState, file: { hash: string } | null | undefined) => (state.submitted ? state.values.baseHash : file?.hash);

/** Reads a case's or instrument's own file, for an id of the right shape only. */
const mdxFile = (kind: 'case' | 'instrument', id: string) => (contentIdPattern.test(id) ? readContentFile(contentPath(kind, id)) : null);

const WRITE_ONLY_WHAT_A_SOURCE_SHOWS = 'Schrijf alleen wat een bron laat zien, in eigen woorden. Verzin geen feiten over echte organisaties.';

const editorKinds: readonly EditorKind[] = [
  {
    kind: 'case',
    segment: 'praktijkvoorbeeld',
    noun: 'praktijkvoorbeeld',
    newHeading: 'Nieuw praktijkvoorbeeld',
    newDescription: 'Een nieuw praktijkvoorbeeld schrijven.',
    newIntro: WRITE_ONLY_WHAT_A_SOURCE_SHOWS,
    missing: 'Dit praktijkvoorbeeld bestaat niet (meer).',
    save: 'saveCase',
    fromState: (state) => caseFormFromState(state.values, state.lists),
    loadNew: ({ state }) => ({ form: state.submitted ? caseFormFromState(state.values, state.lists) : newCaseForm(amsterdamDate(Date.now())), props: {} }),
    draftIsNew: (_form, baseHash) => !baseHash,
    loadExisting(id, { state }) {
      const file = mdxFile('case', id);
      const fromFile = file ? caseFormFromFile(id, file.text) : null;
      if (!fromFile) return null;
      return { contentId: id, title: fromFile.title, form: state.submitted ? caseFormFromState(state.values, state.lists) : fromFile, props: { baseHash: baseHashOf(state, file) } };
    },
    retire: { mergedExample: 'het voorbeeld' },
  },
  {
    kind: 'instrument',
    segment: 'instrument',
    noun: 'instrument',
    newHeading: 'Nieuw instrument',
    newDescription: 'Een nieuw instrument beschrijven.',
    newIntro: WRITE_ONLY_WHAT_A_SOURCE_SHOWS,
    missing: 'Dit instrument bestaat niet (meer).',
    save: 'saveInstrument',
    fromState: (state) => instrumentFormFromState(state.values, state.lists),
    loadNew({ state, allowed, pagePath, extraRows }) {
      const free = allowed ? instrumentsWithoutPage() : [];
      return {
        form: state.submitted ? instrumentFormFromState(state.values, state.lists) : newInstrumentForm(amsterdamDate(Date.now())),
        props: { pagePath, extraRows },
        nothingToAdd:
          free.length === 0 && !state.submitted
            ? {
                before: 'Elk instrument uit de lijst met instrumenten heeft al een pagina. ',
                link: { href: '/beheer/inhoud/#instrumenten', text: 'Bewerk een bestaand instrument' },
                after: '. Een nieuw soort instrument is ook een filter bij de praktijkvoorbeelden en wordt eerst door een ontwikkelaar aan de lijst toegevoegd.',
              }
            : undefined,
      };
    },
    draftIsNew: (_form, baseHash) => !baseHash,
    loadExisting(id, { state, pagePath, extraRows }) {
      const file = mdxFile('instrument', id);
      const fromFile = file ? instrumentFormFromFile(id, file.text) : null;
      if (!fromFile) return null;
      return {
        contentId: id,
        title: fromFile.title,
        form: state.submitted ? instrumentFormFromState(state.values, state.lists) : fromFile,
        props: { baseHash: baseHashOf(state, file), pagePath, extraRows },
      };
    },
    retire: { mergedExample: 'het instrument', postedKind: 'instrument' },
  },
  {
    kind: 'organisation',
    segment: 'organisatie',
    noun: 'organisatie',
    newHeading: 'Nieuwe organisatie',
    newDescription: 'Een werkgever of partner toevoegen.',
    newIntro: 'Een werkgever of partner die een bron noemt. Schrijf alleen wat de bron zegt; verzin geen feiten over echte organisaties.',
    missing: 'Deze organisatie staat niet (meer) in de lijst.',
    save: 'saveOrganisation',
    fromState: (state) => organisationFormFromInput(inputOf(state)),
    loadNew({ state, allowed }) {
      // The list as the form saw it: a colleague's publish in the meantime is noticed on save.
      const baseHash = state.submitted ? state.values.baseHash : allowed ? readContentFile(contentPath('organisation', ''))?.hash : undefined;
      return { form: state.submitted ? organisationFormFromInput(inputOf(state)) : newOrganisationForm(), props: { baseHash } };
    },
    // An organisation draft adds a record when its id is not (yet) in the list.
    draftIsNew: (form) => !organisationFormFromFile((form as { id: string }).id, readContentFile(contentPath('organisation', ''))?.text ?? ''),
    loadExisting(id, { state }) {
      const file = contentIdPattern.test(id) ? readContentFile(contentPath('organisation', id)) : null;
      const fromFile = file ? organisationFormFromFile(id, file.text) : null;
      if (!fromFile) return null;
      return { contentId: id, title: fromFile.name, form: state.submitted ? organisationFormFromInput(inputOf(state)) : fromFile, props: { baseHash: baseHashOf(state, file) } };
    },
  },
  {
    kind: 'source',
    segment: 'bron',
    noun: 'bron',
    newHeading: 'Nieuwe bron',
    newDescription: 'Een bron aan de lijst toevoegen.',
    newIntro: 'Een bron is een tekst waar praktijkvoorbeelden en instrumenten op steunen: een verslag, een verkiezingsprogramma, een rapport. Beschrijf hem hier en zeg waar lezers hem vinden. Staat hij al in de lijst, bewerk dan de bestaande bron vanuit het overzicht.',
    missing: 'Deze bron staat niet (meer) in de lijst.',
    save: 'saveSource',
    fromState: (state) => sourceFormFromInput(inputOf(state)),
    loadNew({ state, allowed }) {
      const file = allowed ? readContentFile(contentPath('source', '')) : null;
      return {
        form: state.submitted ? sourceFormFromInput(inputOf(state)) : newSourceForm(),
        props: { baseHash: baseHashOf(state, file) },
        nothingToAdd:
          allowed && !file
            ? { before: 'De lijst met bronnen is nu niet te lezen. Probeer het later opnieuw, of ', link: { href: '/beheer/inhoud/#bronnen', text: 'ga terug naar het overzicht' }, after: '.' }
            : undefined,
      };
    },
    draftIsNew: (form) => !sourceFormFromFile((form as { id: string }).id, readContentFile(contentPath('source', ''))?.text ?? ''),
    // The address is the id without `.txt`, as on /bronnen/ (the older sources are named after their text file).
    loadExisting(slug, { state }) {
      const file = contentIdPattern.test(slug) ? readContentFile(contentPath('source', '')) : null;
      const fromFile = file ? (sourceFormFromFile(slug, file.text) ?? sourceFormFromFile(`${slug}.txt`, file.text)) : null;
      if (!fromFile) return null;
      return { contentId: fromFile.id, title: fromFile.title, form: state.submitted ? sourceFormFromInput(inputOf(state)) : fromFile, props: { baseHash: baseHashOf(state, file) } };
    },
  },
];

/** The kind behind a URL segment, or undefined for one the editor does not have. */
export function editorKindForSegment(segment: string | undefined): EditorKind | undefined {
  return editorKinds.find((k) => k.segment === segment);
}

/** The entry for a kind (the draft page starts from the draft's kind). */
export function editorKind(kind: ContentKind): EditorKind {
  return editorKinds.find((k) => k.kind === kind)!;
}

/** The title of a case or instrument file for the "van de site halen" page: its frontmatter title, else its id. */
export function retireTitle(kind: 'case' | 'instrument', id: string): { file: { text: string; hash: string }; title: string } | null {
  const file = mdxFile(kind, id);
  return file ? { file, title: String(parseMdxFile(file.text)?.data.title ?? id) } : null;
}

/** `?rijen=`: the number of empty stance rows asked for (2 by default, at most 20). */
export function extraRowsOf(url: URL): number {
  return Math.min(Number(url.searchParams.get('rijen')) || 2, 20);
}

type ActionLike = Parameters<AstroGlobal['getActionResult']>[0];

/**
 * The start of the editor's per-kind pages: the kind from the URL (an unknown one is not found),
 * then the post, the login and the policy (403, with the page's own text, for anyone but a
 * curator or admin). `actionFor` names the page's action; the page passes `actions.editor.…`
 * itself, since a page that takes a POST must import astro:actions.
 */
export async function editorPage(Astro: AstroGlobal, actionFor: (kind: EditorKind) => ActionLike): Promise<Stop | { response?: undefined; kind: EditorKind; state: FormState; actor: Actor; allowed: boolean }> {
  const kind = editorKindForSegment(Astro.params.kind);
  if (!kind) return notFound();
  const page = await signedInPage(Astro, actionFor(kind));
  if (page.response) return page;
  return { kind, state: page.state, actor: page.actor, allowed: requireCan(Astro, page.actor, 'content:edit') };
}
