/**
 * Home of the API's error answers: `application/problem+json` (RFC 9457), made here only, for the
 * API's routes and for what server.mjs refuses before Astro sees a request (a method the API does
 * not take). Each kind of problem has a fixed status and title and a `type` address that opens
 * its explanation on the API page (`/api/#<kind>`), so a developer who meets one can read what
 * it means and what to do. Messages are Dutch, like the site.
 * Plain, erasable TypeScript: server.mjs loads it from source.
 */
import { z } from 'astro/zod';

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** The kinds of problem the API answers with, each with its status and Dutch title. */
export const problemKinds = {
  'ongeldige-parameter': { status: 400, title: 'Ongeldige parameter', help: 'Een parameter of kopregel is onbekend of heeft een waarde die niet kan. Het veld invalid-params noemt welke en waarom.' },
  'ongeldige-cursor': {
    status: 400,
    title: 'Ongeldige cursor',
    help: 'De cursor komt niet uit een next-link van deze dataset met deze filters, of de rij waar hij naar wijst is niet meer openbaar. Begin opnieuw zonder cursor.',
  },
  'niet-gevonden': { status: 404, title: 'Niet gevonden', help: 'Deze dataset of dit item bestaat niet, of is niet (meer) openbaar.' },
  'methode-niet-toegestaan': { status: 405, title: 'Methode niet toegestaan', help: 'De API is alleen om te lezen: GET, HEAD en OPTIONS. De kopregel Allow noemt ze.' },
  'niet-aanvaardbaar': { status: 406, title: 'Niet aanvaardbaar', help: 'De API antwoordt alleen in JSON. Vraag application/json (of laat de kopregel Accept weg).' },
  'te-veel-verzoeken': { status: 429, title: 'Te veel verzoeken', help: 'Uw netwerk deed meer verzoeken dan de limiet. Wacht het aantal seconden uit de kopregel Retry-After.' },
  serverfout: { status: 500, title: 'Serverfout', help: 'Er ging aan onze kant iets mis. Probeer het later opnieuw; blijft het gebeuren, meld het dan.' },
} as const satisfies Record<string, { status: number; title: string; help: string }>;

export type ProblemKind = keyof typeof problemKinds;

/** One refused parameter and the Dutch reason (RFC 9457's own example extension). */
export const invalidParamSchema = z.strictObject({
  name: z.string().describe('De parameter of kopregel die niet kan.'),
  reason: z.string().describe('Waarom niet, in het Nederlands.'),
});

/** The body of every error answer. */
export const problemSchema = z
  .strictObject({
    type: z.url().describe('Adres van de uitleg van dit soort probleem op de API-pagina.'),
    title: z.string().describe('Korte Nederlandse naam van het soort probleem; hetzelfde voor elk probleem van dit type.'),
    status: z.number().int().min(400).max(599).describe('De HTTP-statuscode van dit antwoord.'),
    detail: z.string().describe('Wat er precies aan de hand is met dit verzoek, in het Nederlands.'),
    instance: z.string().describe('Het pad en de zoekvraag van het verzoek.'),
    'invalid-params': z.array(invalidParamSchema).optional().describe('Bij 400: elke geweigerde parameter met de reden.'),
  })
  .describe('Een foutmelding volgens RFC 9457 (application/problem+json).');

export type InvalidParam = z.infer<typeof invalidParamSchema>;
export type Problem = z.infer<typeof problemSchema>;

/** Longer request addresses are cut in `instance`: the problem echoes, it does not store. */
const MAX_INSTANCE = 500;

/** The problem of `kind` for a request to `instance` (path and query) on the site at `origin`. */
export function problemOf(kind: ProblemKind, options: { origin: string; instance: string; detail: string; invalidParams?: InvalidParam[] }): Problem {
  const { status, title } = problemKinds[kind];
  return {
    type: new URL(`/api/#${kind}`, options.origin).href,
    title,
    status,
    detail: options.detail,
    instance: options.instance.slice(0, MAX_INSTANCE),
    ...(options.invalidParams && options.invalidParams.length > 0 ? { 'invalid-params': options.invalidParams } : {}),
  };
}

/** The headers of a problem answer: never stored by a cache, since the same request may work a moment later. */
export function problemHeaders(): Record<string, string> {
  return { 'Content-Type': `${PROBLEM_MEDIA_TYPE}; charset=utf-8`, 'Cache-Control': 'no-store' };
}

/** The answer for a problem, with extra headers (CORS, Retry-After, Allow). */
export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), { status: problem.status, headers: { ...headers, ...problemHeaders() } });
}
