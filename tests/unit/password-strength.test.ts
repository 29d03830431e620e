/**
 * Passwords that are easy to guess are refused with a Dutch reason (zxcvbn
 * score below 3, with site words, municipality names and the person's own words as context);
 * passphrases and random passwords pass. 8 to 128 characters stays the length rule.
 */
import { describe, expect, test } from 'vitest';
import { newPasswordField } from '#actions/fields.ts';
import { passwordProblem } from '#platform/auth/password.ts';

const person = ['Anna de Vries', 'anna.devries'];

const refused: [string, string, RegExp][] = [
  ['acht spaties', ' '.repeat(8), /herhaalt steeds dezelfde tekens/],
  ['aaaaaaaa', 'aaaaaaaa', /herhaalt steeds dezelfde tekens/],
  ['acht NUL-tekens', '\u0000'.repeat(8), /herhaalt steeds dezelfde tekens/],
  ['abcdefgh', 'abcdefgh', /reeks/],
  ['12345678', '12345678', /veel gebruikt|reeks/],
  ['qwertyuiop', 'qwertyuiop', /veel gebruikt|toetsenbord/],
  ['een gemeente met een jaartal', 'zaanstad2024', /plaatsnaam/],
  ['een gemeente met cijfers en een teken', 'Amsterdam123!', /plaatsnaam/],
  ['een gemeente met een apostrof', "'s-Hertogenbosch1", /plaatsnaam/],
  ['de naam van de site', 'Praktijkplein2024!', /plaatsnaam of een woord dat bij Praktijkplein hoort/],
  ['een bekend woord met cijfers', 'welkom123', /bekend woord|veel gebruikt|te makkelijk/],
  ['een woord met een jaartal en teken', 'zomer2026!', /bekend woord/],
  ['l33t-taal', 'P@ssw0rd1', /veel gebruikt|te makkelijk/],
  ['de eigen naam', 'annadevries-2026', /naam of e-mailadres/],
  ['de eigen naam, omgedraaid', 'Vries-anna-99x', /naam of e-mailadres/],
  ['een gemeente twee keer', 'zaanstad zaanstad', /woord|plaatsnaam/],
  ['een gemeente zoals mensen haar noemen, met jaartal', 'denbosch2024!', /woord|plaatsnaam/],
  ['twee bekende woorden aan elkaar met tekens', 'Gemeente!Zaanstad1', /woord|plaatsnaam/],
  ['te kort', 'kort', /minstens 8 tekens/],
  ['te lang', 'x'.repeat(129), /hoogstens 128 tekens/],
];

const accepted: [string, string][] = [
  ['het demowachtwoord uit de README', 'oefenen op het praktijkplein'],
  ['het wachtwoord van de tests', 'een lange zin als wachtwoord'],
  ['een andere zin', 'nog een heel ander wachtwoord'],
  ['een willekeurig wachtwoord van 12 tekens', 'xK9#mQ2$vL7p'],
  ['een willekeurig wachtwoord van 128 tekens', 'q8#Lm2$Zx7!pR4@w'.repeat(8)],
];

describe('zwakke wachtwoorden worden geweigerd met een reden', () => {
  test.each(refused)('%s', (_what, password, reason) => {
    expect(passwordProblem(password, person)).toMatch(reason);
  });

  test('het formulierveld geeft dezelfde reden', () => {
    const parsed = newPasswordField.safeParse('zaanstad2024');
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/plaatsnaam/);
  });

  test('geen Engelse uitleg van zxcvbn', () => {
    for (const [, password] of refused) {
      expect(passwordProblem(password, person)).not.toMatch(/\b(the|this|avoid|add|password|words)\b/i);
    }
  });
});

describe('sterke wachtwoorden mogen', () => {
  test.each(accepted)('%s', (_what, password) => {
    expect(passwordProblem(password, person)).toBeNull();
  });

  test('een willekeurig wachtwoord van 12 tekens, telkens anders', () => {
    const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!@#$%&*';
    for (let i = 0; i < 20; i++) {
      const random = Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => alphabet[byte % alphabet.length]).join('');
      expect(passwordProblem(random, person), random).toBeNull();
    }
  });
});
