/**
 * Organisations as the registration form offers them. Pages call this; they never run SQL.
 */
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { organisations } from '#db/schema.ts';
import type { OrganisationKind } from '#domain/accounts.ts';

export interface OrganisationChoice {
  id: string;
  name: string;
}

/** Verified organisations of one kind, by name: what a person can say they work for. */
export function verifiedOrganisations(db: Database, kind: OrganisationKind): Promise<OrganisationChoice[]> {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.kind, kind), isNotNull(organisations.verifiedAt)))
    .orderBy(asc(organisations.name));
}
