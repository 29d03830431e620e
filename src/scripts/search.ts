/**
 * Browser side of /zoeken/: runs the query through Pagefind's JavaScript API and renders an
 * accessible result list (status line announced, links first). Loaded only on the search page.
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

const PAGE_SIZE = 20;

export function runSearch(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  if (form && status && list) enhance(form, status, list);
}

function enhance(form: HTMLFormElement, status: HTMLElement, list: HTMLOListElement): void {
  const input = form.elements.namedItem('q') as HTMLInputElement;
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')];

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  for (const select of selects) select.value = params.get(select.name) ?? '';
  if (selects.some((s) => s.value)) form.querySelector('details')?.setAttribute('open', '');

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
  async function search() {
    const term = input.value.trim();
    const filters: Record<string, string> = {};
    for (const select of selects) if (select.value) filters[select.name] = select.value;
    const next = new URLSearchParams();
    if (term) next.set('q', term);
    for (const [name, value] of Object.entries(filters)) next.set(name, value);
    history.replaceState(null, '', `${location.pathname}${next.size ? `?${next}` : ''}`);

    const current = ++generation;
    if (!term && Object.keys(filters).length === 0) {
      status.textContent = 'Typ een zoekterm of kies een filter.';
      list.replaceChildren();
      return;
    }
    status.textContent = 'Bezig met zoeken…';
    try {
      const engine = await load();
      const response = await engine.search(term || null, { filters });
      const found = response?.results ?? [];
      const data = await Promise.all(found.slice(0, PAGE_SIZE).map((r) => r.data()));
      if (current !== generation) return;
      list.replaceChildren(...data.map(renderResult));
      const what = term ? ` voor “${term}”` : '';
      status.textContent =
        found.length === 0
          ? `Geen resultaten${what}. Probeer een ander woord of minder filters.`
          : `${found.length} ${found.length === 1 ? 'resultaat' : 'resultaten'}${what}${found.length > PAGE_SIZE ? ` (de eerste ${PAGE_SIZE} staan hieronder)` : ''}`;
    } catch {
      if (current === generation) status.textContent = 'Zoeken lukt nu niet. Probeer het later opnieuw, of gebruik de filters op de lijst met praktijkvoorbeelden.';
    }
  }

  function renderResult(result: PagefindResultData): HTMLLIElement {
    const item = document.createElement('li');
    const heading = document.createElement('h3');
    heading.className = 'utrecht-heading-3';
    const link = document.createElement('a');
    link.className = 'utrecht-link';
    link.href = result.url;
    link.textContent = result.meta.title ?? result.url;
    heading.append(link);
    const kind = result.filters.Soort?.[0];
    const excerpt = document.createElement('p');
    excerpt.className = 'utrecht-paragraph';
    // The page's own summary reads better than a fragment (and never shows the hidden
    // synonym list); pages without one get Pagefind's excerpt, keeping only its <mark>s.
    if (result.meta.samenvatting) excerpt.textContent = result.meta.samenvatting;
    else excerpt.innerHTML = result.excerpt.replace(/<(?!\/?mark>)[^>]*>/g, '');
    item.append(heading);
    if (kind) {
      const badge = document.createElement('span');
      badge.className = 'utrecht-badge-status';
      badge.textContent = kind;
      item.append(badge);
    }
    item.append(excerpt);
    return item;
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });
  for (const select of selects) select.addEventListener('change', search);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    search();
  });
  if (input.value || selects.some((s) => s.value)) search();
  else status.textContent = 'Typ een zoekterm of kies een filter.';
}
