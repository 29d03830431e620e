/**
 * The network's outcome overview: per pitch the latest answer counts; totals,
 * per moment and per municipality, region, target group and kind of help; filters; its answers
 * as open data (public facts only, formula guard, demo marks).
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { eq } from 'drizzle-orm';
import { pitchFacets, pitches } from '#db/marketplace-schema.ts';
import { closePitch } from '#features/marketplace/answers.ts';
import { answerFollowUp } from '#features/marketplace/follow-ups.ts';
import { outcomeOverview } from '#features/marketplace/follow-up-overview.ts';
import { resultaten } from '#features/open-data/datasets/resultaten.ts';
import { datasetCsv } from '#features/open-data/output.ts';
import { testDatabase, type TestDb } from '../accounts/helpers.ts';
import { insertPitch, marketplaceCast } from './helpers.ts';

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => t.cleanup());

const CLOSED = Date.parse('2025-01-10T12:00:00+01:00');
const day = (iso: string) => Date.parse(`${iso}T12:00:00+02:00`);

async function twoPitches() {
  const c = await marketplaceCast(t);
  const second = await insertPitch(t.handle.db, { authorId: c.owner.user.id, title: '=HYPERLINK("x") Schoonmaak' });
  await t.handle.db.insert(pitchFacets).values([
    { pitchId: c.pitchId, facet: 'target-group', value: 'bijstand' },
    { pitchId: c.pitchId, facet: 'help-kind', value: 'banen' },
    { pitchId: second, facet: 'target-group', value: 'bijstand' },
    { pitchId: second, facet: 'target-group', value: 'jongeren' },
    { pitchId: second, facet: 'help-kind', value: 'werkervaringsplaatsen' },
  ]);
  for (const id of [c.pitchId, second]) expect(await closePitch(t.deps({ now: CLOSED }), c.owner.actor, id, { outcome: 'matched', peoplePlaced: 5, version: 1 })).toEqual({ ok: true });
  const answer = (id: string, monthsAfter: number, started: number, stillWorking: number, on: string) =>
    answerFollowUp(t.deps({ now: day(on) }), c.owner.actor, id, { monthsAfter, started, stillWorking });
  expect(await answer(c.pitchId, 3, 5, 5, '2025-04-11')).toEqual({ ok: true });
  expect(await answer(c.pitchId, 6, 5, 4, '2025-07-11')).toEqual({ ok: true });
  expect(await answer(second, 3, 3, 2, '2025-04-12')).toEqual({ ok: true });
  return { ...c, second };
}

describe('het overzicht van resultaten', () => {
  test('per pitch telt het laatste antwoord; per moment de pitches die toen antwoordden', async () => {
    await twoPitches();
    const overview = await outcomeOverview(t.handle.db, {});
    expect(overview.total).toMatchObject({ pitches: 2, started: 8, stillWorking: 6 });
    expect(overview.byMoment.map((m) => [m.monthsAfter, m.pitches, m.started, m.stillWorking])).toEqual([[3, 2, 8, 7], [6, 1, 5, 4], [12, 0, 0, 0]]);
    const rows = (id: string) => overview.breakdowns.find((b) => b.id === id)!.rows.map((r) => `${r.label}: ${r.pitches}/${r.started}/${r.stillWorking}`);
    expect(rows('gemeente')).toEqual(['Zaanstad: 2/8/6']);
    expect(rows('regio')).toEqual(['Zaanstreek/Waterland: 2/8/6']);
    expect(rows('doelgroep')).toEqual(['Mensen in de bijstand: 2/8/6', 'Jongeren: 1/3/2']);
    expect(rows('hulp')).toEqual(['Banen: 1/5/4', 'Werkervaringsplaatsen: 1/3/2']);
  });

  test('filters beperken de pitches; een pitch van een andere gemeente of zonder antwoord telt niet', async () => {
    const c = await twoPitches();
    const unanswered = await insertPitch(t.handle.db, { authorId: c.owner.user.id, title: 'Nog geen antwoord' });
    await closePitch(t.deps({ now: CLOSED }), c.owner.actor, unanswered, { outcome: 'matched', peoplePlaced: 1, version: 1 });
    expect((await outcomeOverview(t.handle.db, { targetGroup: 'jongeren' })).total).toMatchObject({ pitches: 1, started: 3 });
    expect((await outcomeOverview(t.handle.db, { municipality: 'utrecht' })).total).toMatchObject({ pitches: 0, started: 0 });
    expect((await outcomeOverview(t.handle.db, { region: 'zaanstreek-waterland', helpKind: 'banen' })).total).toMatchObject({ pitches: 1, started: 5, stillWorking: 4 });
  });

  test('de CSV: één regel per antwoord, geen namen of e-mailadressen, een formule wordt tekst', async () => {
    const c = await twoPitches();
    const csv = datasetCsv(resultaten, await resultaten.list(t.deps(), {}));
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Id;Pitch;Adres;Gemeente;Arbeidsmarktregio;Doelgroepen;Sectoren;Soort hulp;Uitkomst;Gesloten op;Maanden na sluiten;Gestart;Nog aan het werk;Doorgegeven op;Demo');
    expect(lines).toHaveLength(4);
    expect(lines).toContain(`${c.pitchId}.6;Werk in de Poelenbrug;https://praktijkplein.test/pitches/${c.pitchId}/;Zaanstad;Zaanstreek/Waterland;Mensen in de bijstand;;Banen;gelukt;2025-01-10;6;5;4;2025-07-11;nee`);
    // Newest answer first.
    expect(lines[1]).toMatch(new RegExp(`^${c.pitchId}\\.6;`));
    expect(csv).toContain(`'=HYPERLINK(""x"") Schoonmaak`);
    expect(csv).not.toMatch(/@|Anna/);
    // Not yet closed pitches are never in it.
    await t.handle.db.update(pitches).set({ status: 'published' }).where(eq(pitches.id, c.second));
    expect((await outcomeOverview(t.handle.db, {})).total.pitches).toBe(1);
  });

  test('verzonnen resultaten van een demopitch: het woord demo op elke regel en elk totaal waarin ze meetellen, en in de CSV', async () => {
    const c = await twoPitches();
    await t.handle.db.update(pitches).set({ demo: true }).where(eq(pitches.id, c.second));
    const overview = await outcomeOverview(t.handle.db, {});
    expect(overview.total).toMatchObject({ label: 'Alle pitches (waarvan 1 demo)', demo: { pitches: 1, started: 3, stillWorking: 2 } });
    expect(overview.byMoment.map((m) => m.label)).toEqual(['Na 3 maanden (waarvan 1 demo)', 'Na 6 maanden', 'Na 12 maanden']);
    const labels = (id: string) => overview.breakdowns.find((b) => b.id === id)!.rows.map((r) => r.label);
    expect(labels('gemeente')).toEqual(['Zaanstad (waarvan 1 demo)']);
    expect(labels('doelgroep')).toEqual(['Mensen in de bijstand (waarvan 1 demo)', 'Jongeren (demo)']);
    expect(labels('hulp')).toEqual(['Banen', 'Werkervaringsplaatsen (demo)']);
    const lines = datasetCsv(resultaten, await resultaten.list(t.deps(), {})).split('\r\n');
    expect(lines.find((line) => line.includes('Schoonmaak'))).toMatch(/Schoonmaak \(demo\)";[^;]+;Zaanstad \(demo\);.*;ja$/);
    expect(lines.find((line) => line.includes(';Werk in de Poelenbrug;'))).toMatch(/;Zaanstad;.*;nee$/);
  });
});
