/**
 * A page's view of its form after a POST: the values to put back (never passwords), the
 * message per field, a form-level message, and the status code to answer with.
 */
import { isInputError } from 'astro:actions';
import type { AstroGlobal } from 'astro';
import type { FormOutcome } from './outcome.ts';

/** Fields whose value is never sent back to the browser. */
const SECRET_FIELDS = new Set(['password', 'current', 'next', 'token']);

export interface FormState {
  submitted: boolean;
  values: Record<string, string>;
  fields: Record<string, string>;
  message?: string;
  redirect?: string;
}

type ActionLike = Parameters<AstroGlobal['getActionResult']>[0];

/** The state of whichever of the page's actions was submitted (a page may host several forms). */
export async function readFormState(Astro: AstroGlobal, ...pageActions: ActionLike[]): Promise<FormState> {
  const result = pageActions.map((action) => Astro.getActionResult(action)).find(Boolean) as { data?: FormOutcome; error?: unknown } | undefined;
  if (!result) return { submitted: false, values: {}, fields: {} };
  const values: Record<string, string> = {};
  try {
    for (const [name, value] of await Astro.request.formData()) {
      if (typeof value === 'string' && !SECRET_FIELDS.has(name)) values[name] = value;
    }
  } catch {
    // The body could not be read again; the fields simply start empty.
  }
  if (result.error) {
    if (isInputError(result.error)) {
      Astro.response.status = 422;
      const fields = Object.fromEntries(
        Object.entries(result.error.fields as Record<string, string[] | undefined>)
          .filter(([, messages]) => messages && messages.length > 0)
          .map(([name, messages]) => [name, messages![0]!]),
      );
      return { submitted: true, values, fields };
    }
    const status = (result.error as { status?: number }).status ?? 500;
    Astro.response.status = status;
    console.error('Formulier mislukt:', result.error);
    return {
      submitted: true,
      values,
      fields: {},
      message:
        status >= 500
          ? 'Er ging iets mis aan onze kant. Er is niets opgeslagen; probeer het over een paar minuten opnieuw.'
          : 'Dit formulier kon niet worden verwerkt. Laad de pagina opnieuw en probeer het nog eens.',
    };
  }
  const outcome = result.data!;
  if (outcome.ok) return { submitted: true, values, fields: {}, redirect: outcome.redirect };
  Astro.response.status = outcome.status;
  return { submitted: true, values, fields: outcome.fields ?? {}, message: outcome.message };
}
