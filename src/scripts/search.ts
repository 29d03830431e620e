/**
 * Progressive enhancement of /zoeken/: the server answers the form with or without
 * JavaScript; this script answers while typing, with the same answers. The knowledge base comes
 * from Pagefind's browser index through the same ranking the server runs over the same index
 * (domain/search/knowledge-ranking.ts); the pitches come from the server (/zoeken/pitches.json),
 * which searches them as the page does. The parts of the page are filled and ordered as the
 * server orders them (sectionOrder), with the same status sentence (resultStatus).
 * If Pagefind or the server cannot be reached, the server's results simply stay on the page.
 */
import { FIRST_SHOWN, rankKnowledge, sectionOrder, type KnowledgeMeta, type ResultSection, type SearchEngine } from '../domain/search/knowledge-ranking.ts';
import { pitchCountLabel, resultStatus } from '../domain/search/result-status.ts';

/** Wait this long after the last keystroke before searching, so every key is not a search. */
const DEBOUNCE_MS = 250;
/** The "Soort pagina" value that picks pitches only; the server's PITCH_KIND. */
const PITCH_KIND = 'Pitch';
const ORGANISATION_KIND = 'Organisatie';

interface PitchJson {
  total: number;
  /** More than `total` match (the server ranks the newest only). */
  atLeast: boolean;
  hits: { title: string; href: string; badge: string; text: string; excerpt: { text: string; match: boolean }[] }[];
}

interface Part {
  section: HTMLElement;
  list: HTMLOListElement;
  count: HTMLElement;
}

/** Wires the search page's form; does nothing on pages without it. */
export function enhanceSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const container = document.querySelector<HTMLElement>('[data-search-sections]');
  const input = form?.elements.namedItem('q');
  const part = (name: ResultSection): Part | undefined => {
    const section = container?.querySelector<HTMLElement>(`[data-section="${name}"]`);
    const list = section?.querySelector<HTMLOListElement>('ol');
    const count = section?.querySelector<HTMLElement>('h2 span');
    return section && list && count ? { section, list, count } : undefined;
  };
  const parts = { knowledge: part('knowledge'), pitches: part('pitches'), organisations: part('organisations') };
  if (!form || !status || !container || !(input instanceof HTMLInputElement) || !parts.knowledge || !parts.pitches || !parts.organisations) return;
  enhance(form, input, status, container, parts as Record<ResultSection, Part>);
}

function enhance(form: HTMLFormElement, input: HTMLInputElement, status: HTMLElement, container: HTMLElement, parts: Record<ResultSection, Part>): void {
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select')];
  // Server-only parts that describe the submitted words, not what is being typed.
  const serverOnly = [...document.querySelectorAll<HTMLElement>('[data-did-you-mean], [data-no-results], [data-content-elsewhere], [data-server-only]')];
  const more = document.querySelector<HTMLElement>('[data-content-more]');
  const moreCount = more?.querySelector<HTMLElement>('[data-content-more-count]');
  const folded = document.querySelector<HTMLDetailsElement>('[data-more-results]');
  const foldedList = folded?.querySelector<HTMLOListElement>('[data-more-list]');
  const foldedCount = folded?.querySelector<HTMLElement>('[data-more-results-count]');

  // What the server answered, to put back when the field says the same thing again.
  const snapshot = (part: Part) => ({ items: [...part.list.children].map((item) => item.cloneNode(true)), count: part.count.textContent ?? '', hidden: part.section.hidden });
  const server = {
    key: stateKey(input.value.trim(), filtersOf(selects)),
    parts: { knowledge: snapshot(parts.knowledge), pitches: snapshot(parts.pitches), organisations: snapshot(parts.organisations) },
    order: [...container.children],
    more: { hidden: more?.hidden ?? true, count: moreCount?.textContent ?? '' },
    folded: { items: [...(foldedList?.children ?? [])].map((item) => item.cloneNode(true)), hidden: folded?.hidden ?? true, count: foldedCount?.textContent ?? '' },
    status: status.textContent ?? '',
  };
  const showServerAnswer = () => {
    for (const name of ['knowledge', 'pitches', 'organisations'] as const) {
      const saved = server.parts[name];
      parts[name].list.replaceChildren(...saved.items.map((item) => item.cloneNode(true)));
      parts[name].count.textContent = saved.count;
      parts[name].section.hidden = saved.hidden;
    }
    container.append(...server.order);
    if (more && moreCount) {
      more.hidden = server.more.hidden;
      moreCount.textContent = server.more.count;
    }
    if (folded && foldedList && foldedCount) {
      foldedList.replaceChildren(...server.folded.items.map((item) => item.cloneNode(true)));
      folded.hidden = server.folded.hidden;
      foldedCount.textContent = server.folded.count;
    }
    for (const part of serverOnly) part.hidden = false;
    status.textContent = server.status;
  };

  let pagefind: Promise<SearchEngine> | undefined;
  const load = () => {
    // A runtime path, not a module Vite should bundle: Pagefind writes it after the build.
    const url = '/pagefind/pagefind.js';
    pagefind ??= import(/* @vite-ignore */ url) as Promise<SearchEngine>;
    return pagefind;
  };

  let generation = 0;
  let pitchRequest: AbortController | undefined;
  async function search(): Promise<void> {
    const current = ++generation;
    const term = input.value.trim();
    const filters = filtersOf(selects);
    if (stateKey(term, filters) === server.key) {
      pitchRequest?.abort();
      showServerAnswer();
      return;
    }
    const asked = term !== '' || Object.keys(filters).length > 0;
    pitchRequest?.abort();
    pitchRequest = new AbortController();
    try {
      const [knowledge, pitches] = await Promise.all([
        asked && filters.Soort !== PITCH_KIND ? load().then((engine) => rankKnowledge(engine, term, filters)) : { pages: [], total: 0 },
        asked ? fetchPitches(term, filters, pitchRequest.signal) : { total: 0, atLeast: false, hits: [] },
      ]);
      if (current !== generation) return;
      const pages = knowledge.pages.filter((page) => page.kind !== ORGANISATION_KIND);
      const organisations = knowledge.pages.filter((page) => page.kind === ORGANISATION_KIND);
      fill(parts.knowledge, pages.slice(0, FIRST_SHOWN).map((page) => renderKnowledge(page, true)), pages.length);
      if (folded && foldedList && foldedCount) {
        foldedList.replaceChildren(...pages.slice(FIRST_SHOWN).map((page) => renderKnowledge(page, true)));
        folded.hidden = pages.length <= FIRST_SHOWN;
        foldedCount.textContent = String(Math.max(pages.length - FIRST_SHOWN, 0));
      }
      fill(parts.organisations, organisations.map((page) => renderKnowledge(page, false)));
      fill(parts.pitches, pitches.hits.map(renderPitch), pitches.total, pitchCountLabel(pitches.total, pitches.atLeast));
      if (more && moreCount) {
        const rest = knowledge.total - knowledge.pages.length;
        more.hidden = rest <= 0;
        moreCount.textContent = String(rest);
      }
      const order = sectionOrder(term, { knowledge: pages[0]?.title, pitches: pitches.hits[0]?.title, organisations: organisations[0]?.title });
      container.append(...order.map((name) => parts[name].section));
      for (const part of serverOnly) part.hidden = true;
      status.textContent = resultStatus(term, asked, pitches.total, knowledge.total, pitches.atLeast);
    } catch (error) {
      if (current !== generation || (error instanceof DOMException && error.name === 'AbortError')) return;
      // No index or no server (offline, blocked): the server's answer stays; the button still works.
      status.textContent = `${server.status} Druk op Zoeken om te zoeken${term ? ` voor “${term}”` : ''}.`;
    }
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(search, DEBOUNCE_MS);
  };
  input.addEventListener('input', later);
  for (const select of selects) select.addEventListener('change', later);
  // Submitting stays a normal GET: the server then answers the whole page.
  form.addEventListener('submit', () => {
    clearTimeout(timer);
    generation++;
    pitchRequest?.abort();
  });
}

async function fetchPitches(term: string, filters: Record<string, string>, signal: AbortSignal): Promise<PitchJson> {
  const params = new URLSearchParams({ q: term, ...filters });
  const response = await fetch(`/zoeken/pitches.json?${params}`, { signal, headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`pitches: ${response.status}`);
  return (await response.json()) as PitchJson;
}

function fill(part: Part, items: HTMLElement[], total = items.length, label = total.toLocaleString('nl-NL')): void {
  part.list.replaceChildren(...items);
  part.count.textContent = label;
  part.section.hidden = total === 0;
}

/** The form's chosen filters, by the select's name (the names the index's filters carry). */
function filtersOf(selects: HTMLSelectElement[]): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const select of selects) if (select.value) filters[select.name] = select.value;
  return filters;
}

function stateKey(term: string, filters: Record<string, string>): string {
  return JSON.stringify([term, Object.entries(filters).sort()]);
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

function titleLink(title: string, href: string): HTMLHeadingElement {
  const link = element('a', 'utrecht-link', title);
  link.href = href;
  return element('h3', 'utrecht-heading-3', link);
}

/** As components/search/KnowledgeResult.astro renders it. */
function renderKnowledge(page: KnowledgeMeta, badge: boolean): HTMLLIElement {
  return element('li', '', titleLink(page.title, page.href), ...(badge ? [element('span', 'utrecht-badge-status', page.kind)] : []), element('p', 'utrecht-paragraph', page.summary));
}

/** As components/search/PitchResult.astro renders it. */
function renderPitch(hit: PitchJson['hits'][number]): HTMLLIElement {
  const item = element('li', '', titleLink(hit.title, hit.href), element('p', 'utrecht-paragraph', element('span', 'utrecht-badge-status', hit.badge), ` ${hit.text}`));
  if (hit.excerpt.length > 0) item.append(element('p', 'utrecht-paragraph', ...hit.excerpt.map((part) => (part.match ? element('mark', '', part.text) : part.text))));
  return item;
}
