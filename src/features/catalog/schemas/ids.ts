/**
 * zod enums for every id content may reference. Built from the data files when the schema
 * module loads, so an unknown id fails with the field's path and a Dutch reason.
 */
import { z } from 'astro/zod';
import { organisationIds } from '#features/catalog/organisations.ts';
import { sourceFileId, sourceIds, sourceSlug } from '#features/catalog/sources.ts';

const named = <T extends [string, ...string[]]>(ids: T, message: (value: string) => string) =>
  z.enum(ids, { error: (issue) => message(String(issue.input)) });

/** A cited source: its id or its slug (the /bronnen/ address); always parsed to the id. */
export const sourceId = named(
  [...new Set([...sourceIds(), ...sourceIds().map(sourceSlug)])] as [string, ...string[]],
  (v) => `onbekende bron "${v}": zet hem eerst in content/sources/sources.yaml`,
).transform(sourceFileId);
export const employerId = named(organisationIds('employer'), (v) => `onbekende werkgever "${v}": zet hem eerst in content/organisations/organisations.yaml`);
export const partnerId = named(organisationIds('partner'), (v) => `onbekende partner "${v}": zet hem eerst in content/organisations/organisations.yaml`);
export const municipalityId = named(organisationIds('municipality'), (v) => `onbekende gemeente "${v}": gebruik de id uit de CBS-lijst, bijvoorbeeld "zaanstad"`);

/** A value from one of the closed vocabularies in src/domain/facets.ts. */
export const facet = <T extends [string, ...string[]]>(ids: T, name: string) =>
  named(ids, (v) => `"${v}" staat niet in de lijst ${name} (src/domain/facets.ts)`);

/** Dates in frontmatter are written as YYYY-MM-DD. */
export const day = z.coerce.date();
