/** Why a link from an e-mail cannot be used, in plain Dutch. */
export const linkProblemText = {
  invalid: 'Deze link is niet geldig. Kopieer de hele link uit de e-mail, of vraag een nieuwe aan.',
  expired: 'Deze link is verlopen. Vraag een nieuwe aan.',
  used: 'Deze link is al gebruikt. Vraag zo nodig een nieuwe aan.',
} as const;
