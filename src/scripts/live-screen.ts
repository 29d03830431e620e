/**
 * The live screen's script, the only one on that page: it follows the
 * session's event stream and updates the count, the names and the other pitches' counts in
 * place, announcing a change politely (role="status"). When the stream drops it shows a discreet
 * "verbinding herstellen…" and reconnects by itself: EventSource retries on its own while the
 * server is unreachable; if it gives up (an error answer, e.g. from a proxy while the app
 * restarts) a new one is made, waiting a little longer each time. A switch to another pitch or
 * the end of the session reloads the page, which the server then draws anew (a new QR code, or
 * "Sessie afgelopen" with the final tally).
 */
import { announcement, employersLabel, screenNames, waitingText } from '#web/texts/live-texts.ts';

/** What the stream sends (src/features/live/live-tally.ts, LiveSnapshot), as far as the screen reads it. */
interface Snapshot {
  status: 'open' | 'ended';
  currentPitchId: string;
  pitches: { pitchId: string; employers: number; named: string[]; waiting: number }[];
}

interface Shown {
  status: string;
  currentPitchId: string;
  named: string[];
}

const FIRST_RETRY_MS = 2000;
const MAX_RETRY_MS = 30_000;

/** Starts following the stream when the page is an open session's screen; otherwise does nothing. */
export function followLiveScreen(): void {
  const root = document.querySelector<HTMLElement>('[data-live-screen]');
  if (!root?.dataset.stream || !root.dataset.state || typeof EventSource === 'undefined') return;
  const url = root.dataset.stream;
  let shown = JSON.parse(root.dataset.state) as Shown;
  const find = (name: string) => root.querySelector<HTMLElement>(`[data-live-${name}]`);
  const connection = find('connection');
  let retryMs = FIRST_RETRY_MS;
  let source: EventSource | undefined;

  const setConnected = (connected: boolean) => {
    if (connection) connection.hidden = connected;
  };

  const apply = (snapshot: Snapshot) => {
    if (snapshot.status !== shown.status || snapshot.currentPitchId !== shown.currentPitchId) {
      // Another pitch on show, or the session ended: the server draws that page.
      source?.close();
      window.location.reload();
      return;
    }
    const current = snapshot.pitches.find((pitch) => pitch.pitchId === snapshot.currentPitchId);
    if (!current) return;
    const count = find('count');
    const changed = count?.textContent !== String(current.employers) || current.named.join('\n') !== shown.named.join('\n');
    if (count) count.textContent = String(current.employers);
    const label = find('label');
    if (label) label.textContent = employersLabel(current.employers);
    const names = screenNames(current.named);
    const list = find('names');
    if (list) list.replaceChildren(...names.shown.map((name) => Object.assign(document.createElement('li'), { textContent: name })));
    const rest = find('rest');
    if (rest) rest.textContent = names.rest;
    const waiting = find('waiting');
    if (waiting) waiting.textContent = waitingText(current.waiting);
    for (const pitch of snapshot.pitches) {
      const other = root.querySelector<HTMLElement>(`[data-live-other="${CSS.escape(pitch.pitchId)}"]`);
      if (other) other.textContent = String(pitch.employers);
    }
    if (changed) {
      const announce = find('announce');
      if (announce) announce.textContent = announcement(current.employers, current.named.filter((name) => !shown.named.includes(name)));
    }
    shown = { ...shown, named: current.named };
  };

  const connect = () => {
    source = new EventSource(url);
    source.addEventListener('open', () => {
      setConnected(true);
      retryMs = FIRST_RETRY_MS;
    });
    source.addEventListener('stand', (event) => {
      setConnected(true);
      apply(JSON.parse((event as MessageEvent<string>).data) as Snapshot);
    });
    source.addEventListener('error', () => {
      setConnected(false);
      if (source?.readyState === EventSource.CLOSED) {
        source.close();
        setTimeout(connect, retryMs);
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
      }
    });
  };
  connect();
}
