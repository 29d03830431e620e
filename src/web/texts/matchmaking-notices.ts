/** Messages after the matchmaking forms (?melding=…): the site's notices (spread into notices.ts) and the invitation page's own. */
export const matchmakingNotices = {
  'profiel-opgeslagen': 'Uw werkgeversprofiel is opgeslagen.',
  'uitnodigingen-aan': 'Uw werkgeversprofiel is opgeslagen. Gemeenten kunnen uw organisatie nu uitnodigen voor pitches die passen.',
  'uitnodigingen-uit': 'Uw werkgeversprofiel is opgeslagen. Gemeenten zien uw organisatie niet meer bij hun voorstellen en kunnen haar niet meer uitnodigen.',
  uitgenodigd: 'De uitnodiging is verstuurd. Hieronder ziet u of de werkgever meedoet of niet.',
} as const;

/** On the invitation's own page (/uitnodiging/), after "Nee, dank u" and after a reason. */
export const invitationPageNotices = {
  afgeslagen: 'U heeft de uitnodiging afgeslagen. De gemeente ziet dat u niet meedoet.',
  'reden-ontvangen': 'Dank u. De gemeente ziet uw reden bij de uitnodiging.',
  'reden-weg': 'Uw reden is weggehaald.',
} as const;
