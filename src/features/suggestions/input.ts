/**
 * The form "Praktijk aandragen of vraag stellen" as one zod schema with Dutch messages: the
 * action parses with it and the tests do too, so what the form accepts cannot drift from what
 * is stored. Optional fields are `nullish`: Astro's form parser may hand an empty field as null.
 */
import { z } from 'astro/zod';
import { emailField, nameField, organisationNameField } from '#platform/person-fields.ts';
import { MESSAGE_MAX, MESSAGE_MIN, suggestionKinds } from '#domain/suggestions.ts';

export const suggestionInput = z.object({
  kind: z.enum(suggestionKinds, { error: 'Kies wat u wilt doen: een praktijkvoorbeeld aandragen, een vraag stellen of een fout melden.' }),
  message: z
    .string({ error: 'Schrijf uw bericht.' })
    .trim()
    .min(1, 'Schrijf uw bericht.')
    .min(MESSAGE_MIN, `Schrijf iets meer (minstens ${MESSAGE_MIN} tekens), zodat een curator begrijpt wat u bedoelt.`)
    .max(MESSAGE_MAX, `Uw bericht is te lang: hoogstens ${MESSAGE_MAX} tekens. Stuur een lang verhaal liever in delen.`),
  name: nameField,
  email: emailField,
  organisation: organisationNameField.nullable(),
  /** The page it is about (a hidden field, filled from the link's ?over=; checked by the use case, never trusted). */
  about: z.string().max(300).nullish(),
});

export type SuggestionFormInput = z.infer<typeof suggestionInput>;
