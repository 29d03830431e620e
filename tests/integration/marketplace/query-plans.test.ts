/**
 * Every list, filter, sort and feed query of the public pitch pages uses an index: each statement the exported functions run is captured through drizzle's logger and
 * put through EXPLAIN QUERY PLAN on a database with generated pitches and offers.
 *
 * What counts as a full scan: a plan line `SCAN <table>` without `USING COVERING INDEX` reads
 * every row of that table (or walks a whole index and looks up each row): refused. Allowed:
 * - `SCAN pitches_fts VIRTUAL TABLE INDEX …`: SQLite words every virtual-table access as SCAN;
 *   the FTS5 module answers MATCH from its own inverted index.
 * - `SCAN CONSTANT ROW`: no table at all.
 * - `SCAN json_each VIRTUAL TABLE`: walks a list bound as a parameter (the facet index's
 *   changed pitches), not a table.
 * Refused as well: `SCAN … USING (COVERING) INDEX …`. A covering-index scan never reads the
 * rows, but it still walks every entry of the index (e.g. `pitch_facets where value = ?` walks
 * all of pitch_facets_value): linear in the table, so it is a full scan for this purpose.
 * Temp b-trees for ORDER BY/GROUP BY sort the rows an index search already found: fine.
 *
 * Plans are checked as the app runs them: without `sqlite_stat1` (nothing in the app runs
 * ANALYZE or PRAGMA optimize). With statistics from a table in which every pitch is public (as
 * the generator makes it), SQLite rightly prefers a plain scan for "all public pitches": the
 * count of a list reads every matching pitch either way. If the app ever starts running
 * ANALYZE, revisit these queries (and this test) against its statistics.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { drizzle } from "drizzle-orm/libsql";
import { schema, type Database } from "#db/client.ts";
import { generateMarketplace } from "../../../scripts/generate-marketplace.ts";
import {
  emptyPitchFilter,
  pitchSorts,
  type PitchFilter,
} from "#domain/pitch-filter.ts";
import {
  featuredPitches,
  listPitches,
  openPitchesFor,
  pitchCountsByMunicipality,
  publishedPitchesFor,
} from "#features/marketplace/pitch-list.ts";
import {
  pitchesForFeed,
  pitchesForSitemap,
} from "#features/marketplace/pitch-feeds.ts";
import { indexLoadStatements } from "#features/marketplace/pitch-index/cache.ts";
import { publicPitch, publicPitches } from "#features/marketplace/public-pitches.ts";
import { pitchesNamingEmployer } from "#features/marketplace/employer-pitches.ts";
import { testDatabase, type TestDb } from "../accounts/helpers.ts";

interface Statement {
  sql: string;
  params: unknown[];
}

let t: TestDb;
let captured: Statement[] = [];
let db: Database;

beforeAll(async () => {
  t = await testDatabase();
  await generateMarketplace(t.handle.db, { count: 600, offersPerPitch: 4 });
  db = drizzle(t.handle.client, {
    schema,
    logger: { logQuery: (sql, params) => captured.push({ sql, params }) },
  });
});
afterAll(() => t?.cleanup());

const now = new Date();

/** The plan lines that read a table in full (see the header for what is allowed). */
export function fullScans(planLines: string[]): string[] {
  return planLines.filter(
    (line) =>
      /\bSCAN\b/.test(line) &&
      !/^SCAN pitches_fts VIRTUAL TABLE\b/.test(line) &&
      !/^SCAN CONSTANT ROW$/.test(line) &&
      !/^SCAN json_each VIRTUAL TABLE\b/.test(line),
  );
}

async function planOf(statement: Statement): Promise<string[]> {
  const result = await t.handle.client.execute({
    sql: `EXPLAIN QUERY PLAN ${statement.sql}`,
    args: statement.params as never,
  });
  return result.rows.map((row) => String(row.detail));
}

/** Runs `work`, then the plan of every statement it ran: the statements with a full scan. */
async function scansIn(
  work: () => Promise<unknown>,
): Promise<{
  statements: number;
  offenders: { sql: string; plan: string[] }[];
}> {
  captured = [];
  await work();
  const statements = captured;
  const offenders = [];
  for (const statement of statements) {
    const plan = await planOf(statement);
    if (fullScans(plan).length > 0)
      offenders.push({ sql: statement.sql, plan });
  }
  return { statements: statements.length, offenders };
}

const filters: [string, Partial<PitchFilter>][] = [
  ["geen filter", {}],
  ["gemeente", { municipalities: ["zaanstad", "utrecht"] }],
  ["provincie", { provinces: ["noord-holland"] }],
  ["regio", { regions: ["zaanstreek-waterland"] }],
  ["doelgroep", { targetGroups: ["jongeren"] }],
  ["sector", { sectors: ["logistiek", "zorg"] }],
  ["hulp", { helpKinds: ["banen"] }],
  ["open", { status: ["open"] }],
  ["gesloten", { status: ["gesloten"] }],
  [
    "alles tegelijk",
    {
      municipalities: ["zaanstad"],
      provinces: ["noord-holland"],
      regions: ["zaanstreek-waterland"],
      targetGroups: ["jongeren"],
      sectors: ["zorg"],
      helpKinds: ["banen"],
      status: ["open"],
    },
  ],
];

describe("elke lijst-, filter- en feedquery gebruikt een index", () => {
  for (const [name, partial] of filters) {
    for (const sort of pitchSorts) {
      test(`lijst: ${name}, sortering ${sort}, pagina 2`, async () => {
        const { statements, offenders } = await scansIn(() =>
          listPitches(
            db,
            { filter: { ...emptyPitchFilter(), ...partial }, sort, page: 2 },
            now,
          ),
        );
        // The facet index answers filter, counts and order in memory: per request the
        // database sees the index's counter and, when there are results, the page's cards.
        expect(statements).toBeGreaterThanOrEqual(1);
        expect(offenders).toEqual([]);
      });
    }
  }

  test("uitgelicht, per gemeente, open per gemeente, kaart, RSS en sitemap", async () => {
    const { statements, offenders } = await scansIn(async () => {
      await featuredPitches(db, now);
      await publishedPitchesFor(db, "zaanstad", now);
      await openPitchesFor(db, "zaanstad", now, 5);
      await pitchesNamingEmployer(db, "postnl", now, 5);
      await pitchCountsByMunicipality(db, now);
      await pitchesForFeed(db);
      await pitchesForFeed(db, { municipalityId: "zaanstad" });
      await pitchesForSitemap(db);
    });
    expect(statements).toBeGreaterThanOrEqual(7);
    expect(offenders).toEqual([]);
  });

  test("open data: alle openbare pitches van een filter in delen, en één pitch op id", async () => {
    const { statements, offenders } = await scansIn(async () => {
      const all = await publicPitches(db, emptyPitchFilter(), now);
      expect(all.length).toBeGreaterThan(500);
      await publicPitches(db, { ...emptyPitchFilter(), targetGroups: ["jongeren"] }, now);
      await publicPitch(db, all[0]!.id, now);
    });
    expect(statements).toBeGreaterThanOrEqual(8);
    expect(offenders).toEqual([]);
  });

    test("de facetindex laden en bijwerken: via de statusindex, het logboek en primaire sleutels", async () => {
    for (const statement of Object.values(indexLoadStatements)) {
      const parameters = statement.split("?").length - 1;
      const plan = await planOf({ sql: statement, params: Array(parameters).fill("[1, 2]") });
      expect(fullScans(plan), statement).toEqual([]);
    }
  });

  test("zoeken: pitches_fts MATCH ? gekoppeld aan pitches via rowid = seq", async () => {
    const statement = {
      sql: `select pitches.id, bm25(pitches_fts, 10.0, 5.0, 3.0, 1.0) as rank from pitches_fts
                join pitches on pitches.seq = pitches_fts.rowid
                where pitches_fts match ? and pitches.status in ('published', 'closed')
                order by rank limit 20`,
      params: ['"wijk"*'],
    };
    const plan = await planOf(statement);
    expect(
      plan.some((line) => line.startsWith("SCAN pitches_fts VIRTUAL TABLE")),
    ).toBe(true);
    expect(fullScans(plan)).toEqual([]);
  });
});

describe("de controle zelf kan falen", () => {
  test("een zoekvraag zonder index wordt als volledige scan herkend", async () => {
    for (const sql of [
      "select id from pitches where title = ?",
      "select id from offers where message = ?",
      "select pitch_id from pitch_facets where value = ?",
    ]) {
      expect(fullScans(await planOf({ sql, params: ["x"] })), sql).not.toEqual(
        [],
      );
    }
  });
});
