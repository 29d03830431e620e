/** Messages after a successful activity form, keyed by the ?melding= value. */
export const activityNotices = {
  'activiteit-ingediend': 'Uw activiteit is aangemeld. Een curator bekijkt haar; u krijgt een e-mail zodra ze in de kalender staat of als er iets moet veranderen.',
  'activiteit-gewijzigd': 'Uw wijzigingen zijn opgeslagen en de activiteit is (opnieuw) ingediend. Een curator bekijkt haar.',
  'activiteit-gepubliceerd': 'De activiteit staat in de kalender; de indiener krijgt daarover een e-mail.',
  'activiteit-teruggestuurd': 'De activiteit is teruggestuurd met uw opmerking; de indiener krijgt daarover een e-mail.',
  'activiteit-afgewezen': 'De activiteit is afgewezen; de indiener krijgt de reden per e-mail.',
  'activiteit-geannuleerd': 'De activiteit staat nu als geannuleerd in de kalender. Wie zich op de agenda abonneerde, ziet dat bij de volgende verversing.',
} as const;
