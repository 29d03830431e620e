/**
 * On a publication's status page: while it waits or builds, asks for the
 * page again every few seconds and, once the state changed, puts the new status in place
 * (the region is aria-live, so the change is announced; focus and scroll stay where they are).
 * Without JavaScript the "Ververs" link does the same.
 */
const INTERVAL_MS = 4000;

/** Starts following, if the page shows a publication under way. */
export function followPublication(): void {
  const region = document.querySelector<HTMLElement>('[data-publication-status]');
  if (!region || !['queued', 'building'].includes(region.dataset.state ?? '')) return;
  const timer = window.setInterval(async () => {
    try {
      const response = await fetch(window.location.href, { headers: { Accept: 'text/html' }, cache: 'no-store' });
      if (!response.ok) return;
      const next = new DOMParser().parseFromString(await response.text(), 'text/html').querySelector<HTMLElement>('[data-publication-status]');
      if (!next || next.dataset.state === region.dataset.state) return;
      region.dataset.state = next.dataset.state;
      region.replaceChildren(...Array.from(next.childNodes).map((node) => document.importNode(node, true)));
      if (next.dataset.state === 'failed') document.title = `Fout: ${document.title.replace(/^Fout: /, '')}`;
      if (!['queued', 'building'].includes(next.dataset.state ?? '')) window.clearInterval(timer);
    } catch {
      // Offline for a moment: the next round tries again.
    }
  }, INTERVAL_MS);
}
