/** The shared pieces of every mail body: names on one line, other people's words quoted line by line. */
import { describe, expect, test } from 'vitest';
import { footer, quoted, safeName } from '#platform/mail/format.ts';
import { offerAnsweredMessage } from '#platform/mail/offer-messages.ts';

describe('mailopmaak', () => {
  test('elke regel van geciteerde tekst begint met "> ", ook na \\r\\n en na een losse \\r', () => {
    expect(quoted('een\r\ntwee\ndrie\rvier')).toBe('> een\n> twee\n> drie\n> vier');
    expect(quoted('Bel ons\rhttps://elders.example/inloggen')).not.toMatch(/(^|\n|\r)https:/);
  });

  test('het bericht van de gemeente bij een antwoord op een aanbod laat geen regel ongeciteerd (losse \\r)', () => {
    const context = { origin: 'https://praktijkplein.test', pitchId: 'p1', pitchTitle: 'Werk in de zorg', employerName: 'Zorg BV' };
    const mail = offerAnsweredMessage('a@example.nl', 'Anna', context, 'accepted', 'Welkom!\rKlik hier: nep');
    expect(mail.body).toContain('> Welkom!\n> Klik hier: nep');
    expect(mail.body).not.toContain('\r');
  });

  test('een naam blijft één regel, een lege naam wordt "gebruiker van Praktijkplein"', () => {
    expect(safeName('Anna\nde Vries')).not.toContain('\n');
    expect(safeName('')).toBe('gebruiker van Praktijkplein');
    expect(safeName(null)).toBe('gebruiker van Praktijkplein');
  });

  test('de afsluiting zegt waarom iemand de e-mail krijgt', () => {
    expect(footer('dit adres op Praktijkplein is gebruikt')).toBe('\n\nMet vriendelijke groet,\nPraktijkplein\n\nU krijgt deze e-mail omdat dit adres op Praktijkplein is gebruikt.');
  });
});
