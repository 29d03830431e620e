/**
 * Offline check against passwords people pick most: zxcvbn-ts's common-password list plus
 * Dutch everyday words and first names, also with a few digits or signs stuck on the end
 * ("welkom123", "zomer2026!"). No outside service is reachable from here, nor needed.
 */
import { dictionary as common } from '@zxcvbn-ts/language-common';
import { dictionary as dutch } from '@zxcvbn-ts/language-nl-be';

let passwords: Set<string> | undefined;
let words: Set<string> | undefined;

function lists() {
  passwords ??= new Set((common as Record<string, string[]>)['passwords-common']);
  words ??= new Set(
    [...dutch.commonWords, ...dutch.boysFirstnames, ...dutch.girlsFirstnames, 'praktijkplein', 'wachtwoord', 'welkom', 'gemeente', 'werkgever', 'wethouder'].filter(
      (word) => word.length >= 4,
    ),
  );
  return { passwords, words };
}

export type CommonPasswordReason = 'common' | 'word-with-suffix' | 'personal';

/** Why a password is too easy to guess, or null when it is fine. */
export function commonPasswordReason(password: string, personal: string[] = []): CommonPasswordReason | null {
  const lower = password.toLowerCase();
  const { passwords, words } = lists();
  if (passwords.has(lower) || words.has(lower)) return 'common';
  const base = lower.replace(/[\d\W_]{1,6}$/u, '');
  if (base !== lower && base.length >= 4 && (passwords.has(base) || words.has(base))) return 'word-with-suffix';
  for (const part of personal.map((p) => p.toLowerCase()).filter((p) => p.length >= 4)) {
    if (lower.includes(part)) return 'personal';
  }
  return null;
}
