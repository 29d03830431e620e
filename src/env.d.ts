/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The signed-in person (never their password hash), their organisation and session; null for visitors. */
    user: import('#platform/auth/session.ts').UserView | null;
    organisation: import('#db/schema.ts').OrganisationRow | null;
    session: import('#platform/auth/session.ts').ValidSession | null;
    /** What the policy module sees; null for visitors. */
    actor: import('#domain/policy.ts').Actor | null;
    /** The typed values of a refused post, on the page load its redirect leads to (web/form-replay.ts). */
    formReplay?: [string, string][];
  }
}
