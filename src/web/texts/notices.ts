/** Messages shown after a successful form, keyed by the ?melding= value of the redirect. */
import { validFor } from '#platform/mail/messages.ts';
import { offerNotices } from './offer-notices.ts';
import { activityNotices } from './activity-notices.ts';
import { matchmakingNotices } from './matchmaking-notices.ts';

export const notices = {
  bevestigd: 'Uw e-mailadres is bevestigd.',
  uitgelogd: 'U bent uitgelogd.',
  'overal-uitgelogd': 'U bent op al uw apparaten uitgelogd.',
  // Every address gets a mail (with a link only if it has an account), so the page says the same for both.
  verstuurd: `We hebben een e-mail gestuurd naar dit adres. Heeft het een account op Praktijkplein, dan staat er een link in om een nieuw wachtwoord in te stellen (${validFor('password-reset')} geldig). Kijk ook in de map met ongewenste e-mail.`,
  'wachtwoord-hersteld': 'Uw nieuwe wachtwoord is ingesteld. U bent overal uitgelogd; log in met het nieuwe wachtwoord.',
  'wachtwoord-gewijzigd': 'Uw wachtwoord is gewijzigd. Op andere apparaten bent u uitgelogd.',
  'link-verstuurd': 'We hebben een nieuwe bevestigingslink gestuurd. Oudere links werken niet meer.',
  'e-mail-verstuurd': 'We hebben een bevestigingslink gestuurd naar het nieuwe adres. Tot u die gebruikt, blijft uw oude adres actief.',
  'e-mail-gewijzigd': 'Uw e-mailadres is gewijzigd.',
  'lid-bevestigd': 'Het lidmaatschap is bevestigd; de persoon krijgt daarover een e-mail.',
  'organisatie-bevestigd': 'De werkgever is bevestigd, en daarmee ook wie hem aanmeldde.',
  'domein-opgeslagen': 'Het e-maildomein is opgeslagen.',
  // Pitches: the author's steps and the curators' decisions.
  'pitch-opgeslagen': 'Uw pitch is opgeslagen als concept. Alleen u en uw collega’s van de gemeente zien hem.',
  'pitch-ingediend': 'Uw pitch is ingediend. Een curator bekijkt hem; u krijgt een e-mail zodra hij online staat of als er iets moet veranderen.',
  'pitch-gepubliceerd': 'De pitch is gepubliceerd; de indiener krijgt daarover een e-mail.',
  'pitch-teruggestuurd': 'De pitch is teruggestuurd met uw opmerking; de indiener krijgt daarover een e-mail.',
  'pitch-afgewezen': 'De pitch is afgewezen; de indiener krijgt de reden per e-mail.',
  'pitch-uitgelicht': 'De pitch staat nu uitgelicht bovenaan de lijst met pitches.',
  'pitch-niet-uitgelicht': 'De pitch staat niet meer uitgelicht.',
  // Outcome follow-up.
  'resultaat-doorgegeven': 'Dank u. Het resultaat is opgeslagen en staat nu op de pagina van de pitch en in het overzicht van resultaten.',
  ...offerNotices,
  ...activityNotices,
  ...matchmakingNotices,
  // Follow and be told.
  gevolgd: 'U volgt dit nu. Wat er nieuw is, leest u in het weekoverzicht op maandagochtend.',
  ontvolgd: 'U volgt dit niet meer.',
  'weekoverzicht-aan': 'U krijgt het weekoverzicht weer, vanaf nu.',
  'weekoverzicht-uit': 'U krijgt geen weekoverzicht meer. Wat u volgt, blijft bewaard.',
  'bericht-meteen': 'Opgeslagen. Wordt er een pitch gepubliceerd die hierbij past, dan krijgt u meteen een e-mail.',
  'bericht-wekelijks': 'Opgeslagen. Wat hierbij nieuw is, staat in het weekoverzicht op maandagochtend.',
  'bericht-niets': 'Opgeslagen. U krijgt hierover geen e-mail meer; u volgt het nog wel.',
} as const;
