/**
 * The plain-language rule (B1) for the summary of a case or an instrument: the line under the
 * title, in lists and in search results, read by busy people who are not specialists.
 *
 * - at most 20 words in a sentence, and at most 15 on average;
 * - no semicolons (two sentences read easier than one joined by ";");
 * - a word from the jargon list is explained where it first appears: directly followed by a
 *   short explanation in parentheses, "regelluw (met zo min mogelijk regels)", or as the subject
 *   of a definition, "Een garantiebaan is …". An instrument's summary explains the instrument:
 *   jargon in its title (`defines`) is what the summary is there to explain.
 *
 * The findings are in plain Dutch for the curator. They are advice: the editor shows them beside
 * the summary and on the publish step, it does not refuse a summary that breaks the rule.
 * Plain TypeScript, no I/O.
 */

export const maxWordsPerSentence = 20;
export const maxAverageWords = 15;
/** An explanation in parentheses longer than this is no longer "short". */
export const maxExplanationWords = 12;

/**
 * Words a reader outside the field does not know. `forms` are how the word starts in a text
 * (lower case); a longer word that starts with one (loonwaardebepaling, arbeidsmarktregio's,
 * SEBO-keurmerk) uses the same jargon and needs the same explanation.
 */
export const jargon: readonly { word: string; forms: readonly string[] }[] = [
  { word: 'regelluw', forms: ['regelluw'] },
  { word: 'loonwaarde', forms: ['loonwaarde'] },
  { word: 'pitchronde', forms: ['pitchronde'] },
  { word: 'arbeidsmarktregio', forms: ['arbeidsmarktregio'] },
  { word: 'arrangement', forms: ['arrangement'] },
  { word: 'sociale onderneming', forms: ['sociale onderneming'] },
  { word: 'breed offensief', forms: ['breed offensief', 'brede offensief'] },
  { word: 'SEBO', forms: ['sebo'] },
  { word: 'loonkostensubsidie', forms: ['loonkostensubsidie'] },
  { word: 'beschut werk', forms: ['beschut werk', 'beschutte werk'] },
  { word: 'participatiewet', forms: ['participatiewet'] },
  { word: 'UWV', forms: ['uwv'] },
  { word: 'BBL', forms: ['bbl'] },
  { word: 'werkgeversservicepunt', forms: ['werkgeversservicepunt', 'werkgevers service punt', 'werkgevers servicepunt', 'werkgeversservice punt'] },
  { word: 'garantiebaan', forms: ['garantiebaan', 'garantiebanen'] },
  { word: 'centrumgemeente', forms: ['centrumgemeente'] },
  { word: 'klantmanager', forms: ['klantmanager'] },
  { word: 'jobcoach', forms: ['jobcoach'] },
  { word: 'praktijkschool', forms: ['praktijkschool', 'praktijkscholen'] },
  { word: 'meet & greet', forms: ['meet & greet', 'meet-and-greet'] },
];

/** One thing in a text that breaks the rule, said so a curator knows what to change. */
export interface PlainLanguageFinding {
  rule: 'zin-te-lang' | 'gemiddeld-te-lang' | 'puntkomma' | 'vaktaal';
  message: string;
}

/**
 * The sentences of a text. A sentence ends at . ! or ? followed by a space and a capital, a digit
 * or an opening quote, so "2.000", "bijv. de" and "o.a. de" do not split a sentence.
 */
export function sentencesOf(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .split(/(?<=[.!?…]["'”’)]?) (?=[\p{Lu}\p{N}"'„“‘(])/u)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/** The words of a sentence: everything between spaces with a letter or digit in it ("mbo-diploma" and "2.000" are one word each). */
export function wordsOf(sentence: string): string[] {
  return sentence.split(/[\s/]+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

const letter = /[\p{L}\p{N}]/u;

/** Where a jargon word is first used in the text: the index of its first letter and of the end of the whole word, or null. */
function firstUse(text: string, forms: readonly string[]): { start: number; end: number } | null {
  const lower = text.toLowerCase();
  let best: { start: number; end: number } | null = null;
  for (const form of forms) {
    let from = 0;
    for (;;) {
      const at = lower.indexOf(form, from);
      if (at < 0) break;
      from = at + 1;
      // Only at the start of a word: "bbl" in "BBL-leerling", not in some other word.
      if (at > 0 && letter.test(lower[at - 1]!)) continue;
      let end = at + form.length;
      while (end < text.length && /[\p{L}\p{N}'’-]/u.test(text[end]!)) end++;
      if (!best || at < best.start) best = { start: at, end };
      break;
    }
  }
  return best;
}

/** Is the word at `end` directly followed by a short explanation in parentheses, or by "is" or "betekent" that define it? */
function explainedAt(text: string, end: number): boolean {
  if (/^\s+(is|zijn|betekent|betekenen|wil zeggen)\s/i.test(text.slice(end))) return true;
  const after = text.slice(end).match(/^\s*\(([^()]*)\)/);
  if (!after) return false;
  const words = wordsOf(after[1]!).length;
  return words >= 1 && words <= maxExplanationWords;
}

/**
 * What in a summary breaks the plain-language rule; empty when it keeps to it. `defines`: the
 * title of the instrument a summary explains (jargon in it is not flagged there).
 */
export function plainLanguageFindings(text: string, options: { defines?: string } = {}): PlainLanguageFinding[] {
  const findings: PlainLanguageFinding[] = [];
  const sentences = sentencesOf(text);
  if (sentences.length === 0) return findings;
  const counts = sentences.map((s) => wordsOf(s).length);
  const several = sentences.length > 1;
  const which = (i: number) => (several ? `Zin ${i + 1}` : 'De zin');

  counts.forEach((count, i) => {
    if (count > maxWordsPerSentence) {
      findings.push({ rule: 'zin-te-lang', message: `${which(i)} heeft ${count} woorden; houd het bij ${maxWordsPerSentence} of minder.` });
    }
  });
  const average = counts.reduce((a, b) => a + b, 0) / counts.length;
  // One sentence that is already too long says the same thing twice; say it once.
  if (average > maxAverageWords && (several || counts[0]! <= maxWordsPerSentence)) {
    const shown = Number.isInteger(average) ? String(average) : average.toFixed(1).replace('.', ',');
    findings.push({
      rule: 'gemiddeld-te-lang',
      message: several
        ? `De zinnen hebben gemiddeld ${shown} woorden; houd het gemiddelde bij ${maxAverageWords} of minder. Maak een lange zin korter of splits hem.`
        : `De zin heeft ${shown} woorden; houd zinnen gemiddeld bij ${maxAverageWords} of minder. Splits hem in twee zinnen.`,
    });
  }
  sentences.forEach((sentence, i) => {
    if (sentence.includes(';')) findings.push({ rule: 'puntkomma', message: `${which(i)} heeft een puntkomma (;). Maak er twee zinnen van.` });
  });
  const defined = (options.defines ?? '').toLowerCase();
  for (const { forms } of jargon) {
    if (defined && forms.some((form) => firstUse(defined, [form]))) continue;
    const use = firstUse(text, forms);
    if (use && !explainedAt(text, use.end)) {
      const as = text.slice(use.start, use.end);
      findings.push({ rule: 'vaktaal', message: `"${as}" is vaktaal. Zet de eerste keer direct een korte uitleg tussen haakjes erachter, zoals: ${as} (uitleg in gewone woorden).` });
    }
  }
  return findings;
}
