/**
 * Progressive enhancement of a GET filter form (the case list and the pitch list): apply a
 * choice as soon as it is made, without a page load, keeping focus where it is. Without
 * JavaScript the form's submit button does the same. Controls tied to the form with the
 * `form` attribute (the pitch list's sort) count as well. Expects on the page: the form
 * `[data-filter-form]`, the results `#filter-results` (replaced whole, pagination included),
 * counts `[data-count-for]`, a live region `[data-live-count]` and the heading `[data-result-count]`.
 */
export function enhanceFilterForm(): void {
  const form = document.querySelector<HTMLFormElement>('[data-filter-form]');
  if (!form) return;
  let pending: AbortController | undefined;
  document.addEventListener('change', async (event) => {
    const control = event.target as HTMLInputElement | HTMLSelectElement | null;
    if (control?.form !== form) return;
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) params.append(name, String(value));
    const url = `${form.action}${params.size > 0 ? `?${params}` : ''}`;
    pending?.abort();
    pending = new AbortController();
    try {
      const response = await fetch(url, { signal: pending.signal, headers: { accept: 'text/html' } });
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
      // One persistent live region, so screen readers hear the new count every time.
      const live = document.querySelector('[data-live-count]');
      const heading = document.querySelector('[data-result-count]');
      if (live && heading) live.textContent = heading.textContent?.trim() ?? '';
      history.replaceState(null, '', url);
    } catch (error) {
      if ((error as Error).name !== 'AbortError') form.submit();
    }
  });
}
