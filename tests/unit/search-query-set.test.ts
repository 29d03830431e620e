/**
 * The query set for the search (content/search-queries.yaml) as data: enough queries, every kind
 * tried several times, none twice, and every expected page one that exists. It does not run the
 * search; the search test does that with this file.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectedPage, loadQuerySet, queryKey, queryKinds, type ExpectedSection } from '#features/search/query-set.ts';
import { loadOrganisationRecords } from '#features/catalog/organisations.ts';
import { loadSourceRecords, sourceSlug } from '#features/catalog/sources.ts';
import { demoPitches } from '../../scripts/demo-marketplace.ts';

const FILE = 'content/search-queries.yaml';
const entries = loadQuerySet(FILE);

/** Demo pitch ids: the published ones are exported; the closed ones (demo-follow-ups.ts) are read from the file. */
function demoPitchIds(): Set<string> {
  const closed = [...readFileSync('scripts/demo-follow-ups.ts', 'utf8').matchAll(/\bid: '(demo-[a-z0-9-]+)'/g)].map((m) => m[1]!);
  return new Set([...demoPitches.map((p) => p.id), ...closed]);
}

const exists: Record<ExpectedSection, (id: string) => boolean> = {
  praktijkvoorbeelden: (id) => existsSync(join('content/cases', `${id}.mdx`)),
  instrumenten: (id) => existsSync(join('content/instruments', `${id}.mdx`)),
  organisaties: ((ids) => (id: string) => ids.has(id))(new Set(loadOrganisationRecords().map((o) => o.id))),
  bronnen: ((slugs) => (id: string) => slugs.has(id))(new Set(loadSourceRecords().map((s) => sourceSlug(s.id)))),
  pitches: ((ids) => (id: string) => ids.has(id))(demoPitchIds()),
};

describe('the search query set', () => {
  it('has at least 40 queries, each kind at least 3 times and the title control at most twice', () => {
    expect(entries.length).toBeGreaterThanOrEqual(40);
    const counts = new Map(queryKinds.map((kind) => [kind, entries.filter((e) => e.kind === kind).length]));
    for (const kind of queryKinds.filter((k) => k !== 'titel')) expect(counts.get(kind), `soort ${kind}`).toBeGreaterThanOrEqual(3);
    expect(counts.get('titel')).toBeLessThanOrEqual(2);
  });

  it('has no query twice (ignoring case and spacing)', () => {
    const keys = entries.map((e) => queryKey(e.query));
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });

  it('expects only pages that exist: content files, organisations, sources and seeded demo pitches', () => {
    const missing = entries.filter((e) => {
      const { section, id } = expectedPage(e.expect);
      return !exists[section](id);
    });
    expect(missing.map((e) => `${e.query} → ${e.expect}`)).toEqual([]);
  });
});

describe('loadQuerySet', () => {
  const dir = mkdtempSync(join(tmpdir(), 'query-set-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const load = (yaml: string) => {
    const file = join(dir, 'queries.yaml');
    writeFileSync(file, yaml);
    return () => loadQuerySet(file);
  };

  it('names the entry and the field that is wrong', () => {
    const ok = '- { query: "basis baan", expect: /instrumenten/basisbaan/, kind: samenstelling }\n';
    expect(load(`${ok}- { query: "loonsubsidie", expect: /instrumenten/loonkostensubsidie, kind: synoniem }\n`)).toThrow(/vraag 2 \("loonsubsidie"\): expect: een adres als/);
    expect(load(`${ok}- { query: "wajong", expect: /instrumenten/garantiebanen/, kind: synoniemen }\n`)).toThrow(/vraag 2 \("wajong"\): kind: onbekende soort "synoniemen"/);
    expect(load(`${ok}- { query: '"basisbaan" AND zorg', expect: /instrumenten/basisbaan/, kind: vraag }\n`)).toThrow(/vraag 2 .*geen zoekoperatoren/);
    expect(load(`${ok}- { query: "Basis  Baan", expect: /instrumenten/basisbaan/, kind: titel }\n`)).toThrow(/vraag 2 \("Basis {2}Baan"\) staat er al als vraag 1/);
    expect(load('query: basisbaan\n')).toThrow(/verwacht een lijst/);
    expect(load(ok)()).toHaveLength(1);
  });
});
