/**
 * What a refused registration says when a limit applies: whose limit it is (the network's, so
 * not the person's own fault when a room shares one Wi-Fi address), the time on the clock in
 * Amsterdam when it works again, and that what she typed is still there.
 */
import { amsterdamClockTime } from '#domain/amsterdam-time.ts';
import type { RegistrationLimited } from '#features/accounts/registration.ts';
import type { LivePassCheck } from '#features/live/live-codes.ts';

const MINUTE = 60_000;

/** "14:35": the first whole minute on the clock in Amsterdam at which a new try is allowed again. */
export function retryClock(now: number, retryAfterMs: number): string {
  return amsterdamClockTime(Math.ceil((now + retryAfterMs) / MINUTE) * MINUTE);
}

const kept = 'Wat u invulde staat er nog; typ alleen uw wachtwoord opnieuw.';

/** Why a live session's pass did not count (the normal limit applied instead). */
const passProblem: Record<Extract<LivePassCheck, { ok: false }>['reason'], string> = {
  ended: 'De live sessie van de QR-code is afgelopen, dus de ruimere grens voor de zaal geldt niet meer.',
  expired: 'De link van de QR-code is te oud, dus de ruimere grens voor de zaal geldt niet meer. Loopt de sessie nog? Scan de code dan opnieuw.',
  invalid: 'De link van de QR-code klopt niet, dus de ruimere grens voor de zaal geldt niet. Loopt de sessie nog? Scan de code dan opnieuw.',
};

/**
 * The message for a registration a limit refused. `pass`: the live session pass the form
 * carried, when it did not count (then the network's normal limit applied).
 */
export function registrationLimitMessage(limit: Pick<RegistrationLimited, 'retryAfterMs' | 'limit'>, now: number, pass?: LivePassCheck): string {
  const at = retryClock(now, limit.retryAfterMs);
  if (limit.limit === 'address') {
    return `Met dit e-mailadres is vanaf dit netwerk net een paar keer een account aangevraagd. Kijk in uw e-mail: misschien staat de link om te bevestigen er al. Opnieuw proberen kan om ${at}. ${kept}`;
  }
  const network = `Vanaf dit netwerk zijn net veel accounts gemaakt. Dat gebeurt bijvoorbeeld op de wifi van een zaal of bij een mobiele provider, waar veel mensen één internetadres delen. Een nieuw account maken vanaf dit netwerk kan weer om ${at}. ${kept}`;
  return pass && !pass.ok ? `${passProblem[pass.reason]} ${network}` : network;
}
