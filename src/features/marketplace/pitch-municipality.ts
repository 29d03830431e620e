/**
 * A pitch with the name of its municipality, for the queries that show "title (municipality)":
 * the columns to select and the join condition, so each query joins the organisation row the
 * same way (`innerJoin(organisations, municipalityOfPitch)`).
 */
import { eq } from 'drizzle-orm';
import { pitches } from '#db/marketplace-schema.ts';
import { organisations } from '#db/schema.ts';

/** Join condition: the organisation row that is the pitch's municipality. */
export const municipalityOfPitch = eq(organisations.id, pitches.municipalityId);

/** The pitch's title with its municipality's id and name (select the pitch's id beside them). */
export const pitchWithMunicipality = {
  title: pitches.title,
  municipalityId: pitches.municipalityId,
  municipalityName: organisations.name,
};
