/**
 * Progressive enhancement of a GET filter form (the case list and the pitch list): apply a
 * choice as soon as it is made, without a page load, keeping focus where it is. Without
 * JavaScript the form's submit button does the same. Controls tied to the form with the
 * `form` attribute (the pitch list's sort) count as well. Expects on the page: the form
 * `[data-filter-form]`, the results `#filter-results` (replaced whole, chips and pagination
 * included, carrying `data-total`), counts `[data-count-for]`, a live region `[data-live-count]`
 * and the heading `[data-result-count]`; optionally `[data-live-intro]`, text over the list that is
 * replaced as well. In the form (components/filters/FilterPanel.astro):
 * the "Filteren (n)" toggle `[data-filter-toggle]` with `[data-chosen-count]`, and the button
 * `[data-show-results]`, which says how many results there are and, with the results already
 * in place, closes the filters and moves to the results instead of loading the page again
 *.
 */
export function enhanceFilterForm(): void {
  const form = document.querySelector<HTMLFormElement>('[data-filter-form]');
  if (!form) return;
  const toggle = form.querySelector<HTMLDetailsElement>('[data-filter-toggle]');
  const showButton = form.querySelector<HTMLButtonElement>('[data-show-results]');
  const chosenCount = form.querySelector<HTMLElement>('[data-chosen-count]');
  /** The list's address without query or anchor; the form's action carries the results anchor. */
  const action = new URL(form.action);
  const anchor = action.hash.slice(1);
  action.hash = '';
  action.search = '';

  const updateButton = () => {
    const total = Number(document.getElementById('filter-results')?.dataset.total);
    if (showButton && Number.isFinite(total)) showButton.textContent = `Toon ${total} ${total === 1 ? 'resultaat' : 'resultaten'}`;
    if (chosenCount) {
      const chosen = [...form.elements].filter((el) => el instanceof HTMLInputElement && el.type === 'checkbox' && el.checked).length;
      chosenCount.textContent = `(${chosen})`;
    }
  };
  updateButton();

  let pending: AbortController | undefined;
  // The results are already on the page: close the filters and go there, as the form would.
  showButton?.addEventListener('click', (event) => {
    if (pending) return; // a request is under way: let the form load the page instead
    event.preventDefault();
    if (toggle && getComputedStyle(toggle.querySelector('summary')!).display !== 'none') toggle.open = false;
    const results = anchor ? document.getElementById(anchor) : null;
    results?.scrollIntoView({ block: 'start' });
    results?.focus({ preventScroll: true });
  });

  document.addEventListener('change', async (event) => {
    const control = event.target as HTMLInputElement | HTMLSelectElement | null;
    if (control?.form !== form) return;
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) params.append(name, String(value));
    const url = `${action.pathname}${params.size > 0 ? `?${params}` : ''}`;
    pending?.abort();
    const current = new AbortController();
    pending = current;
    try {
      const response = await fetch(url, { signal: current.signal, headers: { accept: 'text/html' } });
      if (!response.ok) throw new Error(String(response.status));
      const next = new DOMParser().parseFromString(await response.text(), 'text/html');
      document.getElementById('filter-results')?.replaceWith(next.getElementById('filter-results')!);
      for (const count of document.querySelectorAll<HTMLElement>('[data-count-for]')) {
        const fresh = next.querySelector(`[data-count-for="${count.dataset.countFor}"]`);
        if (!fresh) continue;
        count.textContent = fresh.textContent;
        const option = count.closest('.pp-option');
        const freshOption = fresh.closest('.pp-option');
        if (option && freshOption) option.classList.toggle('pp-option--empty', freshOption.classList.contains('pp-option--empty'));
      }
      // Text over the list that depends on what it shows (the pitch list says when all of it is demo).
      const intro = document.querySelector('[data-live-intro]');
      const freshIntro = next.querySelector('[data-live-intro]');
      if (intro && freshIntro) intro.replaceWith(freshIntro);
      updateButton();
      // One persistent live region, so screen readers hear the new count every time.
      const live = document.querySelector('[data-live-count]');
      const heading = document.querySelector('[data-result-count]');
      if (live && heading) live.textContent = heading.textContent?.trim() ?? '';
      history.replaceState(null, '', url);
    } catch (error) {
      if ((error as Error).name !== 'AbortError') form.submit();
    } finally {
      if (pending === current) pending = undefined;
    }
  });
}
