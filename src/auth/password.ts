/**
 * Passwords: argon2id with @node-rs/argon2's defaults (19 MiB, t=2, p=1). 8 to 128 characters,
 * any characters, no composition rules; common and personal passwords are refused with a reason.
 * Never hash inside a database transaction: it holds the write lock for the hash's duration.
 */
import { hash, verify } from '@node-rs/argon2';
import { commonPasswordReason } from './common-passwords.ts';
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

/** A Dutch message for a password that may not be used, or null. `personal`: name and e-mail. */
export function passwordProblem(password: string, personal: string[] = []): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `Kies een wachtwoord van minstens ${PASSWORD_MIN} tekens. Een zin van een paar woorden is sterk en makkelijk te onthouden.`;
  if (length > PASSWORD_MAX) return `Een wachtwoord mag hoogstens ${PASSWORD_MAX} tekens hebben.`;
  switch (commonPasswordReason(password, personal)) {
    case 'common':
      return 'Dit wachtwoord wordt veel gebruikt en is daardoor snel te raden. Kies een ander, bijvoorbeeld een zin van een paar woorden.';
    case 'word-with-suffix':
      return 'Dit is een bekend woord met cijfers of tekens erachter. Zulke wachtwoorden worden snel geraden. Kies iets minder voorspelbaars.';
    case 'personal':
      return 'Gebruik uw naam of e-mailadres niet in uw wachtwoord.';
    default:
      return null;
  }
}
