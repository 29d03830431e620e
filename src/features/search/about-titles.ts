/**
 * The title of a page a message through /aandragen/ is about: a case, an
 * instrument or an organisation from the built content, or a public pitch from the database.
 * Null for anything else, so an unknown or private page is never named.
 */
import { getEntry } from 'astro:content';
import type { Database } from '#db/client.ts';
import type { AboutPage } from '#domain/suggestions.ts';
import { pitchVisibleTo } from '#domain/policy.ts';
import { loadPitch } from '#features/marketplace/pitches.ts';

export async function aboutTitle(db: Database, page: AboutPage): Promise<string | null> {
  switch (page.type) {
    case 'case':
      return (await getEntry('cases', page.id))?.data.title ?? null;
    case 'instrument':
      return (await getEntry('instruments', page.id))?.data.title ?? null;
    case 'organisation':
      return (await getEntry('organisations', page.id))?.data.name ?? null;
    case 'pitch': {
      const pitch = await loadPitch(db, page.id);
      return pitch && pitchVisibleTo(null, pitch) ? pitch.title : null;
    }
  }
}
