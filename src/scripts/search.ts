/**
 * Progressive enhancement of /zoeken/: the server answers the form for both
 * halves (pitches and the kennisbank), with or without JavaScript. This script only adds
 * as-you-type results for the kennisbank through Pagefind's browser index; pitches are not in
 * that index, so they stay as the server gave them until the form is submitted (a normal GET).
 * If Pagefind cannot load, the server's results simply stay on the page.
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; samenvatting?: string };
  filters: Record<string, string[]>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, string> }): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

/** The order of kinds, as the server sorts them (catalog/search-documents.ts kindOrder). */
const KIND_ORDER: Record<string, number> = { Praktijkvoorbeeld: 0, Instrument: 1, Organisatie: 2 };
const ORGANISATION_KIND = 'Organisatie';

/** How many kennisbank results are rendered while typing (each costs a fragment request). */
const PAGE_SIZE = 20;
/** Wait this long after the last keystroke before searching, so every key is not a search. */
const DEBOUNCE_MS = 250;
/** The "Soort pagina" value that picks pitches only; the server's PITCH_KIND. */
const PITCH_KIND = 'Pitch';

/** Wires the search page's form to Pagefind; does nothing on pages without it. */
export function enhanceSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const section = document.querySelector<HTMLElement>('[data-content-section]');
  const list = section?.querySelector<HTMLOListElement>('[data-search-results]');
  const count = section?.querySelector<HTMLElement>('[data-content-count]');
  const input = form?.elements.namedItem('q');
  if (form && status && section && list && count && input instanceof HTMLInputElement) enhance(form, input, status, section, list, count);
}

function enhance(form: HTMLFormElement, input: HTMLInputElement, status: HTMLElement, section: HTMLElement, list: HTMLOListElement, count: HTMLElement): void {
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select')];
  const elsewhere = document.querySelector<HTMLElement>('[data-content-elsewhere]');
  // Server-only parts that describe the submitted words, not what is being typed.
  const serverOnly = [...document.querySelectorAll<HTMLElement>('[data-did-you-mean], [data-no-results]')];
  const orgSection = document.querySelector<HTMLElement>('[data-organisation-section]');
  const orgList = orgSection?.querySelector<HTMLOListElement>('[data-organisation-results]');
  const orgCount = orgSection?.querySelector<HTMLElement>('[data-organisation-count]');

  // What the server answered, to put back when the field says the same thing again.
  const server = {
    key: stateKey(input.value.trim(), filtersOf(selects)),
    status: status.textContent ?? '',
    items: [...list.children].map((item) => item.cloneNode(true)),
    count: count.textContent ?? '',
    hidden: section.hidden,
    orgItems: [...(orgList?.children ?? [])].map((item) => item.cloneNode(true)),
    orgCount: orgCount?.textContent ?? '',
    orgHidden: orgSection?.hidden ?? true,
  };

  let pagefind: Promise<Pagefind> | undefined;
  const load = () => {
    // A runtime path, not a module Vite should bundle: Pagefind writes it after the build.
    const url = '/pagefind/pagefind.js';
    pagefind ??= import(/* @vite-ignore */ url).then(async (module: Pagefind) => {
      await module.options({ excerptLength: 24 });
      return module;
    });
    return pagefind;
  };

  let generation = 0;
  async function search(): Promise<void> {
    const current = ++generation;
    const term = input.value.trim();
    const filters = filtersOf(selects);
    const what = term ? ` voor “${term}”` : '';
    if (stateKey(term, filters) === server.key) {
      showServerResults();
      return;
    }
    if (!term && Object.keys(filters).length === 0) {
      show([], [], 'Typ een zoekterm of kies een filter.');
      return;
    }
    if (filters.Soort === PITCH_KIND) {
      show([], [], `Druk op Zoeken om pitches te zoeken${what}.`);
      return;
    }
    try {
      const engine = await load();
      const response = await engine.search(term || null, { filters });
      const found = response?.results ?? [];
      const data = await Promise.all(found.slice(0, PAGE_SIZE).map((r) => r.data()));
      if (current !== generation) return;
      const n = found.length;
      const pages = `${n} ${n === 1 ? 'pagina' : 'pagina’s'}`;
      const shown = n > PAGE_SIZE ? ` (de eerste ${PAGE_SIZE} staan hieronder)` : '';
      // Cases, then instruments, then organisations; Pagefind's relevance within a kind (a stable sort).
      const kindOf = (result: PagefindResultData) => result.filters.Soort?.[0] ?? '';
      const sorted = [...data].sort((a, b) => (KIND_ORDER[kindOf(a)] ?? 9) - (KIND_ORDER[kindOf(b)] ?? 9));
      show(
        sorted.filter((r) => kindOf(r) !== ORGANISATION_KIND).map(renderResult),
        sorted.filter((r) => kindOf(r) === ORGANISATION_KIND).map(renderResult),
        `${n === 0 ? 'Geen pagina’s' : pages} uit de kennisbank${what}${shown}. Druk op Zoeken om ook pitches te zoeken.`,
      );
    } catch {
      // No Pagefind (offline, blocked, an old index): the server's answer stays; the button still works.
      if (current === generation) status.textContent = `${server.status} Druk op Zoeken om te zoeken${what}.`;
    }
  }

  function show(items: HTMLElement[], organisations: HTMLElement[], message: string): void {
    list.replaceChildren(...items);
    count.textContent = String(items.length);
    section.hidden = items.length === 0;
    if (orgSection && orgList && orgCount) {
      orgList.replaceChildren(...organisations);
      orgCount.textContent = String(organisations.length);
      orgSection.hidden = organisations.length === 0;
    }
    if (elsewhere) elsewhere.hidden = true;
    for (const part of serverOnly) part.hidden = true;
    status.textContent = message;
  }

  function showServerResults(): void {
    list.replaceChildren(...server.items.map((item) => item.cloneNode(true)));
    count.textContent = server.count;
    section.hidden = server.hidden;
    if (orgSection && orgList && orgCount) {
      orgList.replaceChildren(...server.orgItems.map((item) => item.cloneNode(true)));
      orgCount.textContent = server.orgCount;
      orgSection.hidden = server.orgHidden;
    }
    if (elsewhere) elsewhere.hidden = false;
    for (const part of serverOnly) part.hidden = false;
    status.textContent = server.status;
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(search, DEBOUNCE_MS);
  };
  input.addEventListener('input', later);
  for (const select of selects) select.addEventListener('change', later);
  // Submitting stays a normal GET: the server then refreshes pitches and the kennisbank together.
  form.addEventListener('submit', () => {
    clearTimeout(timer);
    generation++;
  });
}

/** The form's chosen filters, by their Pagefind filter name (the select's name). */
function filtersOf(selects: HTMLSelectElement[]): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const select of selects) if (select.value) filters[select.name] = select.value;
  return filters;
}

function stateKey(term: string, filters: Record<string, string>): string {
  return JSON.stringify([term, Object.entries(filters).sort()]);
}

/** One result as the server renders it: linked title, kind, and the page's summary. */
function renderResult(result: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const heading = document.createElement('h3');
  heading.className = 'utrecht-heading-3';
  const link = document.createElement('a');
  link.className = 'utrecht-link';
  link.href = result.url;
  link.textContent = result.meta.title ?? result.url;
  heading.append(link);
  item.append(heading);
  const kind = result.filters.Soort?.[0];
  if (kind) {
    const badge = document.createElement('span');
    badge.className = 'utrecht-badge-status';
    badge.textContent = kind;
    item.append(badge);
  }
  const excerpt = document.createElement('p');
  excerpt.className = 'utrecht-paragraph';
  // The page's own summary reads better than a fragment (and never shows the hidden synonym
  // list); pages without one get Pagefind's excerpt, with only its <mark>s kept as elements.
  if (result.meta.samenvatting) excerpt.textContent = result.meta.samenvatting;
  else excerpt.append(...markedText(result.excerpt));
  item.append(excerpt);
  return item;
}

/** Pagefind's excerpt HTML as text nodes and <mark>s; everything else becomes plain text. */
function markedText(html: string): Node[] {
  // DOMParser documents are inert: nothing in them runs or loads.
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  return [...parsed.childNodes].map((node) => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? '');
  });
}
