/**
 * zod issues from the content schemas as Dutch sentences beside the form's fields. The schemas already say in Dutch what is wrong with a reference or a vocabulary value
 * ("onbekende gemeente …"); zod's own English defaults ("Too small: expected string to have
 * >=5 characters") are translated here by their code, so every problem a curator sees is Dutch.
 */
import type { z } from 'astro/zod';

/** zod's own messages start like this; the schemas' Dutch ones never do. */
const ZOD_DEFAULT = /^(Invalid|Too (big|small)|Unrecognized|Expected)/;

type Issue = z.core.$ZodIssue;

/** One issue as a Dutch sentence. */
export function dutchIssueMessage(issue: Issue): string {
  if (issue.message && !ZOD_DEFAULT.test(issue.message)) return issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'Vul dit in.' : `Schrijf minstens ${issue.minimum} tekens.`;
      if (issue.origin === 'array') return `Kies er minstens ${issue.minimum}.`;
      return 'Deze waarde is te klein.';
    case 'too_big':
      if (issue.origin === 'string') return `Schrijf hoogstens ${issue.maximum} tekens.`;
      if (issue.origin === 'array') return `Kies er hoogstens ${issue.maximum}.`;
      return 'Deze waarde is te groot.';
    case 'invalid_type':
      if (issue.expected === 'date') return 'Vul een geldige datum in (dag, maand en jaar).';
      if (issue.input === undefined || issue.input === null || issue.input === '') return 'Vul dit in.';
      return 'Deze waarde kan hier niet.';
    case 'invalid_value':
      return `Kies een van de mogelijkheden (${issue.values.map(String).join(', ')}).`;
    case 'invalid_format':
      return 'Deze waarde heeft niet de goede vorm.';
    case 'unrecognized_keys':
      return `Onbekend veld: ${issue.keys.join(', ')}.`;
    default:
      return 'Deze waarde klopt niet.';
  }
}

/**
 * The first message per form field. `fieldOf` names the form field for an issue's path (by
 * default its first segment: `municipalities.0` → `municipalities`).
 */
export function fieldMessages(issues: readonly Issue[], fieldOf: (path: readonly PropertyKey[]) => string = (path) => String(path[0] ?? 'form')): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    fields[field] ??= dutchIssueMessage(issue);
  }
  return fields;
}
