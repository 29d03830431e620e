/**
 * Fills a database with many generated pitches and offers, for the bench and the query-plan
 * tests (never for a real installation): `count` published or closed pitches across every
 * municipality with facets, and `offersPerPitch` offers each from generated employers.
 * Inserts in chunks, one batch (transaction) per chunk of pitches with their facets and offers,
 * so 10,000 pitches and 100,000 offers take seconds.
 */
import { pitchSearchKeys } from '#domain/search/pitch-keys.ts';
import type { Database } from '#db/client.ts';
import { offers, pitchFacets, pitches } from '#db/marketplace-schema.ts';
import { organisations } from '#db/schema.ts';
import { loadGeo } from '#features/catalog/geo.ts';
import { sectors, targetGroups } from '#domain/facets.ts';
import { helpKinds } from '#domain/help-kinds.ts';
import { amsterdamDate } from '#domain/amsterdam-time.ts';

/**
 * The search keys of a generated pitch. They depend on which words it uses, not on their order
 * (the generated words have no multi-word synonyms), so one computation serves every pitch with
 * the same set of words: computing them per pitch added about a minute at 100,000 pitches.
 */
const keysByWords = new Map<string, string>();
function searchKeysOf(title: string, text: string): string {
  const words = [...new Set(`${title} ${text}`.split(' ').filter((word) => !/\d/.test(word)))].sort().join(' ');
  let keys = keysByWords.get(words);
  if (keys === undefined) {
    keys = pitchSearchKeys({ title: '', area: '', challenge: words, ask: 'Werkgevers die meedoen.' });
    keysByWords.set(words, keys);
  }
  return keys;
}

const WORDS = ['wijk', 'werk', 'jongeren', 'basisbaan', 'leerwerkplek', 'buddy', 'zorg', 'logistiek', 'groen', 'techniek', 'winkel', 'haven', 'station', 'school', 'sport'];
const CHUNK = 500;
const DAY = 24 * 60 * 60 * 1000;

/** A deterministic pseudo-random sequence, so every run generates the same data. */
function sequence(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

export async function generateMarketplace(db: Database, options: { count: number; offersPerPitch: number; employers?: number; now?: number }): Promise<void> {
  const now = options.now ?? Date.now();
  const random = sequence(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const municipalities = loadGeo().municipalities.map((m) => m.id);
  const employerCount = options.employers ?? Math.max(options.offersPerPitch * 5, 50);
  const employerIds = Array.from({ length: employerCount }, (_, i) => `gen-werkgever-${i}`);
  for (let i = 0; i < employerIds.length; i += CHUNK) {
    await db
      .insert(organisations)
      .values(employerIds.slice(i, i + CHUNK).map((id, j) => ({ id, kind: 'employer' as const, name: `Gegenereerde werkgever ${i + j}`, verifiedAt: now, createdAt: now })))
      .onConflictDoNothing();
  }
  for (let start = 0; start < options.count; start += CHUNK) {
    const pitchRows = [];
    const facetRows = [];
    const offerRows = [];
    for (let n = start; n < Math.min(start + CHUNK, options.count); n++) {
      const id = `gen-pitch-${n}`;
      const publishedAt = now - Math.floor(random() * 365) * DAY;
      const open = random() < 0.7;
      const title = `${pick(WORDS)} ${pick(WORDS)} ${n}`;
      const text = Array.from({ length: 40 }, () => pick(WORDS)).join(' ');
      pitchRows.push({
        id,
        municipalityId: pick(municipalities),
        title,
        area: `Wijk ${n % 97}`,
        challenge: text,
        challengeHtml: `<p>${text}</p>`,
        ask: 'Werkgevers die meedoen.',
        askHtml: '<p>Werkgevers die meedoen.</p>',
        searchKeys: searchKeysOf(title, text),
        peopleSought: 1 + (n % 20),
        closingDate: amsterdamDate(new Date(open ? now + (1 + (n % 120)) * DAY : publishedAt + 30 * DAY)),
        contactName: 'Contact',
        contactEmail: 'contact@voorbeeld.nl',
        status: open || random() < 0.5 ? ('published' as const) : ('closed' as const),
        createdAt: publishedAt,
        updatedAt: publishedAt,
        submittedAt: publishedAt,
        publishedAt,
      });
      for (const value of new Set([pick(targetGroups.ids), pick(targetGroups.ids)])) facetRows.push({ pitchId: id, facet: 'target-group' as const, value });
      facetRows.push({ pitchId: id, facet: 'sector' as const, value: pick(sectors.ids) });
      facetRows.push({ pitchId: id, facet: 'help-kind' as const, value: pick(helpKinds.ids) });
      for (let k = 0; k < options.offersPerPitch; k++) {
        offerRows.push({
          id: `${id}-aanbod-${k}`,
          pitchId: id,
          employerId: employerIds[(n * options.offersPerPitch + k) % employerIds.length]!,
          helpKinds: [pick(helpKinds.ids)],
          places: 1 + (k % 3),
          message: 'Wij doen mee.',
          showName: k % 2 === 0,
          status: pick(['offered', 'shortlisted', 'accepted', 'declined'] as const),
          createdAt: publishedAt + k * 1000,
          updatedAt: publishedAt + k * 1000,
        });
      }
    }
    // One transaction per chunk (pitches, facets and their offers): a commit per 500 offers made
    // 100,000 pitches with a million offers take minutes; this keeps it to one commit per chunk.
    const offerInserts = [];
    for (let i = 0; i < offerRows.length; i += CHUNK) offerInserts.push(db.insert(offers).values(offerRows.slice(i, i + CHUNK)));
    await db.batch([db.insert(pitches).values(pitchRows), db.insert(pitchFacets).values(facetRows).onConflictDoNothing(), ...offerInserts]);
  }
}
