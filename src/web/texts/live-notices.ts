/** Confirmations on the curator's live-session page, keyed by ?melding=; only known keys. */
export const liveNotices = {
  'live-geopend': 'De sessie is geopend. Open het scherm op de beamer en deel de QR-code.',
  'live-getoond': 'Het scherm toont nu de gekozen pitch.',
  'live-beeindigd': 'De sessie is beëindigd. Het scherm toont de eindstand.',
} as const;

/** The notice for a ?melding= value, or undefined for anything else (the URL cannot put words on the page). */
export function liveNotice(key: string | null): string | undefined {
  return key && Object.hasOwn(liveNotices, key) ? liveNotices[key as keyof typeof liveNotices] : undefined;
}
