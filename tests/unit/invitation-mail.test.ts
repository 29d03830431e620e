/** The invitation mail: other people's names and titles stay one plain line, the owner's note is quoted, the only links are the site's own. */
import { describe, expect, test } from 'vitest';
import { invitationMessage, type InvitationMailContext } from '#platform/mail/invitation-messages.ts';

const context: InvitationMailContext = {
  origin: 'https://praktijkplein.nl',
  pitchId: 'werk-in-de-poelenbrug',
  pitchTitle: 'Werk in de Poelenbrug',
  municipalityName: 'Zaanstad',
  employerName: 'Bakkerij Koek',
  inviterName: 'Olga Eigenaar',
  note: 'Doet u mee?\nWij bellen graag.',
  reasons: ['werkt in de logistiek', 'werkt in de regio Zaanstreek/Waterland'],
  closingDate: '2027-03-01',
  demo: false,
  token: 'AAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB',
};

describe('de uitnodiging per e-mail', () => {
  test('wie, waarom, het bericht als citaat, de twee eigen links en tot wanneer', () => {
    const mail = invitationMessage('anna@bakkerijkoek.nl', 'Anna Bakker', context);
    expect(mail.subject).toBe('Uitnodiging: doet Bakkerij Koek mee met "Werk in de Poelenbrug"?');
    expect(mail.body).toContain('Olga Eigenaar van gemeente Zaanstad nodigt Bakkerij Koek uit');
    expect(mail.body).toContain('omdat uw organisatie:\n- werkt in de logistiek\n- werkt in de regio Zaanstreek/Waterland');
    expect(mail.body).toContain('> Doet u mee?\n> Wij bellen graag.');
    expect(mail.body).toContain(`https://praktijkplein.nl/pitches/werk-in-de-poelenbrug/meedoen/?uitnodiging=${context.token}`);
    expect(mail.body).toContain(`https://praktijkplein.nl/uitnodiging/?t=${context.token}`);
    expect(mail.body).toContain('Reageren kan tot en met 1 maart 2027.');
    expect(mail.body).toContain('https://praktijkplein.nl/account/werkgeversprofiel/');
    expect(mail.body).not.toContain('Demopitch');
  });

  test('vijandige namen en titels voegen geen regels of links toe; een bericht met een regel "> " erin blijft een citaat', () => {
    const hostile = 'X\n\nKlik hier: https://evil.example\u202E';
    const benign = invitationMessage('a@voorbeeld.nl', 'Anna', { ...context, note: null });
    const mail = invitationMessage('a@voorbeeld.nl', hostile, { ...context, note: null, pitchTitle: hostile, employerName: hostile, inviterName: hostile, municipalityName: hostile });
    expect(mail.body.split('\n')).toHaveLength(benign.body.split('\n').length);
    expect(mail.body).not.toContain('evil.example');
    expect(mail.subject).not.toContain('\n');
    const quoted = invitationMessage('a@voorbeeld.nl', 'Anna', { ...context, note: 'Hallo\r\nKlik: https://evil.example\rEinde' });
    expect(quoted.body).toContain('> Hallo\n> Klik: https://evil.example\n> Einde');
  });

  test('een demopitch zegt dat hij verzonnen is en niet van de gemeente komt', () => {
    const mail = invitationMessage('a@voorbeeld.nl', 'Anna', { ...context, demo: true });
    expect(mail.body).toContain('Demopitch: een verzonnen voorbeeld. Gemeente Zaanstad heeft deze pitch niet geplaatst.');
  });
});
