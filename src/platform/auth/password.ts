/**
 * Passwords: argon2id with @node-rs/argon2's defaults (19 MiB, t=2, p=1). 8 to 128 characters,
 * any characters, no composition rules; passwords that are easy to guess (zxcvbn score below 3,
 * common, personal) are refused with a reason.
 * Never hash inside a database transaction: it holds the write lock for the hash's duration.
 */
import { hash, verify } from '@node-rs/argon2';
import { commonPasswordReason, type CommonPasswordReason } from './common-passwords.ts';
import { hashQueue } from './hash-queue.ts';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export function hashPassword(password: string): Promise<string> {
  return hashQueue().run(() => hash(password));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await hashQueue().run(() => verify(passwordHash, password));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the time of a real check when there is no account, so timing does not tell. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  // Each step waits for its own turn in the queue; none holds a slot while waiting for another.
  dummyHash ??= hashPassword('geen-account-met-dit-adres');
  await verifyPassword(await dummyHash, password);
  return false;
}

/** Why a password is refused, in Dutch: what is wrong and what works instead. */
const REASON_TEXT: Record<CommonPasswordReason, string> = {
  repeat: 'Dit wachtwoord herhaalt steeds dezelfde tekens (zoals aaaaaaaa of spaties) en is daardoor direct te raden. Kies bijvoorbeeld een zin van een paar woorden.',
  sequence: 'Dit wachtwoord is een reeks (zoals abcdefgh of 12345678) en is daardoor direct te raden. Kies bijvoorbeeld een zin van een paar woorden.',
  keyboard: 'Dit wachtwoord volgt de toetsen op het toetsenbord (zoals qwerty of asdfgh) en is daardoor snel te raden. Kies bijvoorbeeld een zin van een paar woorden.',
  date: 'Jaartallen en datums in een wachtwoord zijn snel te raden. Kies bijvoorbeeld een zin van een paar woorden.',
  common: 'Dit wachtwoord wordt veel gebruikt en is daardoor snel te raden. Kies een ander, bijvoorbeeld een zin van een paar woorden.',
  word: 'Eén woord of naam, ook met een paar tekens erbij, is snel te raden. Maak er een zin van een paar woorden van.',
  'site-word':
    'Dit wachtwoord is vooral een plaatsnaam of een woord dat bij Praktijkplein hoort (zoals gemeente of werkgever), en is daardoor snel te raden, ook met cijfers of tekens erbij. Kies iets minder voorspelbaars.',
  'word-with-suffix': 'Dit is een bekend woord met cijfers of tekens erachter. Zulke wachtwoorden worden snel geraden. Kies iets minder voorspelbaars.',
  personal: 'Gebruik uw naam of e-mailadres niet in uw wachtwoord.',
  guessable: 'Dit wachtwoord is te makkelijk te raden. Maak het langer, bijvoorbeeld een zin van een paar woorden.',
};

/**
 * A Dutch message for a password that may not be used, or null. `personal`: the person's name
 * and e-mail address, which count as easy to guess. Length first (8–128 characters), then
 * how guessable it is (common-passwords.ts).
 */
export function passwordProblem(password: string, personal: string[] = []): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `Kies een wachtwoord van minstens ${PASSWORD_MIN} tekens. Een zin van een paar woorden is sterk en makkelijk te onthouden.`;
  if (length > PASSWORD_MAX) return `Een wachtwoord mag hoogstens ${PASSWORD_MAX} tekens hebben.`;
  const reason = commonPasswordReason(password, personal);
  return reason ? REASON_TEXT[reason] : null;
}
