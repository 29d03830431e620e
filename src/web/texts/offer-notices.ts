/** Messages after the offer forms (?melding=…), spread into notices.ts so Notice shows them. */
export const offerNotices = {
  'aanbod-verstuurd': 'Uw aanbod is verstuurd. De gemeente krijgt er een e-mail over; u hoort het hier en per e-mail als zij antwoordt.',
  'aanbod-wacht':
    'Uw aanbod is bewaard en wacht op bevestiging: de gemeente ziet het zodra uw e-mailadres, uw lidmaatschap en uw organisatie zijn bevestigd. U krijgt dan een e-mail.',
  'aanbod-gewijzigd': 'Uw aanbod is gewijzigd.',
  'aanbod-ingetrokken': 'Uw aanbod is ingetrokken.',
  'aanbod-beantwoord': 'Uw antwoord is opgeslagen. De werkgever krijgt er een e-mail over.',
  'pitch-gesloten': 'De pitch is gesloten. De werkgevers die meededen krijgen er een e-mail over.',
} as const;
