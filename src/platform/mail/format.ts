/**
 * The pieces every mail body shares. People's names and notes are their own input: a name
 * goes through oneLine() (one line, nothing shaped like a link), free text is quoted line by
 * line so it reads as their words and cannot pose as the mail's own text.
 */
import { oneLine } from '#domain/names.ts';

/** A person's name as it may appear in a mail body ("Beste …,"). */
export const safeName = (name: string | null | undefined) => oneLine(name ?? '', 100) || 'gebruiker van Praktijkplein';

/** The closing lines, with why the person gets this mail ("u op Praktijkplein een pitch schreef"). */
export const footer = (why: string) => `\n\nMet vriendelijke groet,\nPraktijkplein\n\nU krijgt deze e-mail omdat ${why}.`;

/**
 * Free text quoted: every line starts with "> ". Line ends of any kind (\r\n, a lone \r, \n)
 * count, so a lone carriage return cannot smuggle an unquoted line into the mail.
 */
export const quoted = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
