/**
 * A name is one line of printable text, refused at the form and in the domain
 * otherwise; and an e-mail body never carries a name's extra lines, invisible characters or link.
 */
import { describe, expect, test } from 'vitest';
import { nameField, organisationNameField } from '#actions/fields.ts';
import { nameProblem, oneLine } from '#domain/names.ts';
import * as messages from '#platform/mail/messages.ts';

const hostileNames: [string, string, RegExp][] = [
  ['een lege regel en een link', 'Anna\n\nKlik hier: https://evil.example', /één regel/],
  ['een regeleinde (CR)', 'Anna\rDe bank', /één regel/],
  ['een regelscheidingsteken (U+2028)', 'Anna\u2028Klik hier', /één regel/],
  ['NEL (U+0085)', 'Anna\u0085Klik hier', /één regel/],
  ['een tab', 'Anna\tde Vries', /stuurtekens/],
  ['een NUL', 'Anna\u0000de Vries', /stuurtekens/],
  ['ESC (terminalcodes)', 'Anna\u001b[31m', /stuurtekens/],
  ['een bidi-override (U+202E)', 'Anna \u202Enoitcelloc', /onzichtbare tekens/],
  ['een bidi-isolate (U+2066)', 'Anna \u2066x\u2069', /onzichtbare tekens/],
  ['een zero-width space', 'An\u200Bna', /onzichtbare tekens/],
  ['een webadres', 'Anna https://evil.example', /webadres/],
  ['www.', 'Anna www.evil.example', /webadres/],
  ['een kaal domein met pad', 'Jan. Uw account is geblokkeerd; herstel via praktijkplein-hulp.nl/herstel', /webadres/],
  ['een kaal domein', 'Jan evil.nl', /webadres/],
  ['mailto:', 'Jan mailto:x@evil.nl', /webadres/],
  ['een e-mailadres', 'Jan x@evil.nl', /webadres/],
];

describe('een naam is één regel gewone tekst', () => {
  test.each(hostileNames)('%s wordt geweigerd met een Nederlandse melding', (_what, name, message) => {
    expect(nameProblem(name)).toMatch(message);
    const parsed = nameField.safeParse(name);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(message);
  });

  // eslint-disable-next-line no-control-regex -- the hostile names are picked by their control characters
  test.each(hostileNames.filter(([, name]) => /[\n\r\u2028\u0085\t\u0000\u001b\p{Cf}]|https?:|www\./u.test(name)))(
    'ook als organisatienaam: %s',
    (_what, name) => {
      expect(organisationNameField.safeParse(name).success).toBe(false);
    },
  );

  test('een organisatie mag op een domein lijken (een curator kijkt eerst): Bol.com', () => {
    expect(organisationNameField.safeParse('Bol.com').success).toBe(true);
    expect(nameField.safeParse('Bol.com').success).toBe(false);
  });

  test.each(['Anna de Vries', 'Jan-Willem van ’t Hoff', 'Zoë Özdemir', 'Ngô Thị Minh', 'محمد العلي', 'Bakkerij & Zn. B.V.'])('%s mag', (name) => {
    expect(nameProblem(name)).toBeNull();
    expect(nameField.safeParse(name).success).toBe(true);
  });
});

describe('namen in e-mail', () => {
  const hostile = 'Anna\n\nKlik hier: https://evil.example/inloggen\r\n\u202Eknil\u202C\u200B  ' + 'x'.repeat(500);
  const builders = {
    existingAccount: (name: string) => messages.existingAccountMessage('a@voorbeeld.nl', name, 'https://praktijkplein.nl'),
    passwordReset: (name: string) => messages.passwordResetMessage('a@voorbeeld.nl', name, 'https://praktijkplein.nl/account/wachtwoord-herstellen/?token=t'),
    passwordChanged: (name: string) => messages.passwordChangedMessage('a@voorbeeld.nl', name, 'https://praktijkplein.nl'),
    emailChanged: (name: string) => messages.emailChangedMessage('a@voorbeeld.nl', name, 'b@voorbeeld.nl'),
    accountDeleted: (name: string) => messages.accountDeletedMessage('a@voorbeeld.nl', name),
    membershipVerifiedName: (name: string) => messages.membershipVerifiedMessage('a@voorbeeld.nl', name, 'Zaanstad'),
    membershipVerifiedOrganisation: (name: string) => messages.membershipVerifiedMessage('a@voorbeeld.nl', 'Anna', name),
  };

  test.each(Object.entries(builders))('%s: een vijandige naam voegt geen regels, link of onzichtbare tekens toe', (_name, build) => {
    const benign = build('Anna');
    const built = build(hostile);
    expect(built.body.split('\n')).toHaveLength(benign.body.split('\n').length);
    expect(built.body).not.toContain('evil.example');
    expect(built.body).not.toMatch(/https?:\/\/(?!praktijkplein\.nl\/)/);
    // No control characters but the message's own line feeds, and no format (bidi, zero-width) characters.
    // eslint-disable-next-line no-control-regex -- the assertion is that no control character is left
    expect(built.body).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\p{Cf}]/u);
    expect(built.subject).toBe(benign.subject);
  });

  test('mail aan een nog onbevestigd adres noemt geen naam: wie die intypte, hoeft de eigenaar niet te zijn', () => {
    const verify = messages.verifyEmailMessage('slachtoffer@voorbeeld.nl', 'https://praktijkplein.nl/account/bevestigen/?token=t');
    const change = messages.emailChangeMessage('slachtoffer@voorbeeld.nl', 'https://praktijkplein.nl/account/e-mailadres-bevestigen/?token=t');
    for (const mail of [verify, change]) {
      expect(mail.body.startsWith('Hallo,\n')).toBe(true);
      expect(mail.body.match(/https?:\/\/\S+/g)).toEqual([expect.stringMatching(/^https:\/\/praktijkplein\.nl\/account\//)]);
    }
  });

  test('oneLine laat ook een kaal domein of e-mailadres uit een persoonsnaam weg', () => {
    expect(oneLine('Jan herstel via praktijkplein-hulp.nl/herstel nu')).toBe('Jan herstel via nu');
    expect(oneLine('Jan mailto:x@evil.nl')).toBe('Jan');
    expect(oneLine('Bol.com', 100, 'organisation')).toBe('Bol.com');
  });

  test('oneLine maakt één regel van hoogstens de gegeven lengte', () => {
    expect(oneLine('  Anna \n\n de\tVries  ')).toBe('Anna de Vries');
    expect(oneLine('An\u200Bna \u202Eevil')).toBe('Anna evil');
    expect(oneLine('zie https://evil.example/pad hier')).toBe('zie hier');
    expect(oneLine('zie www.evil.example')).toBe('zie');
    expect([...oneLine('x'.repeat(500), 100)]).toHaveLength(100);
  });
});
