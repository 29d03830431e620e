/**
 * Outcome follow-up against a real libSQL file, with a controllable clock:
 * closing writes the three questions; reminders go out once when due (also when the job runs
 * twice, or on two instances at once); answers are checked, public, and the answerer is
 * personal (export, deletion).
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { followUps } from '#db/follow-up-schema.ts';
import { pitches } from '#db/marketplace-schema.ts';
import { outbox, users } from '#db/schema.ts';
import { closePitch } from '#features/marketplace/answers.ts';
import { answerFollowUp, followUpAnswersBy, followUpAnswersFor, followUpForm, followUpTasksFor, scheduleMissingFollowUps } from '#features/marketplace/follow-ups.ts';
import { sendFollowUpReminders } from '#features/jobs/follow-up-reminders.ts';
import { deleteAccount } from '#features/accounts/profile.ts';
import { findUserById } from '#features/accounts/users.ts';
import { cacheable, marketplaceVersion } from '#platform/page-cache.ts';
import { secondInstance, strongPassword, testDatabase, type TestDb } from '../accounts/helpers.ts';
import { insertPitch, marketplaceCast } from './helpers.ts';

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => t.cleanup());

const ORIGIN = 'https://praktijkplein.test';
/** Closing moment: 31 August 2025, 14:00 in Amsterdam. */
const CLOSED = Date.parse('2025-08-31T14:00:00+02:00');
const day = (iso: string) => Date.parse(`${iso}T09:00:00+01:00`);

const reminders = () => t.handle.db.select().from(outbox).where(like(outbox.subject, 'Hoe gaat het%'));
const questions = (pitchId: string) => t.handle.db.select().from(followUps).where(eq(followUps.pitchId, pitchId)).orderBy(followUps.monthsAfter);

async function closedPitch(outcome: 'matched' | 'partly' | 'not-matched' = 'matched') {
  const cast = await marketplaceCast(t);
  const closed = await closePitch(t.deps({ now: CLOSED }), cast.owner.actor, cast.pitchId, { outcome, peoplePlaced: outcome === 'not-matched' ? 0 : 4, version: 1 });
  expect(closed).toEqual({ ok: true });
  return cast;
}

describe('sluiten met een match', () => {
  test('schrijft drie vervolgvragen: 3, 6 en 12 maanden na de sluitingsdag (31 augustus: 30 november, 28 februari, 31 augustus)', async () => {
    const c = await closedPitch('matched');
    expect((await questions(c.pitchId)).map((q) => `${q.monthsAfter}:${q.dueOn}`)).toEqual(['3:2025-11-30', '6:2026-02-28', '12:2026-08-31']);
  });

  test('deels gematcht ook; niet gematcht niet', async () => {
    const c = await closedPitch('partly');
    expect(await questions(c.pitchId)).toHaveLength(3);
    const other = await insertPitch(t.handle.db, { authorId: c.owner.user.id, title: 'Niets gevonden' });
    expect(await closePitch(t.deps({ now: CLOSED }), c.owner.actor, other, { outcome: 'not-matched', peoplePlaced: 0, version: 1 })).toEqual({ ok: true });
    expect(await questions(other)).toHaveLength(0);
  });

  test('een verouderde sluiting schrijft niets, ook geen vragen', async () => {
    const c = await marketplaceCast(t);
    await t.handle.db.update(pitches).set({ version: 2 }).where(eq(pitches.id, c.pitchId));
    expect(await closePitch(t.deps({ now: CLOSED }), c.owner.actor, c.pitchId, { outcome: 'matched', peoplePlaced: 2, version: 1 })).toEqual({ ok: false, reason: 'stale' });
    expect(await questions(c.pitchId)).toHaveLength(0);
  });
});

describe('herinneringen', () => {
  test('niets vóór de vervaldag; op de dag na 3 maanden één e-mail aan de eigenaar, met de link naar het formulier', async () => {
    const c = await closedPitch();
    expect(await sendFollowUpReminders(t.handle.db, day('2025-11-29'), ORIGIN)).toBe(0);
    expect(await reminders()).toHaveLength(0);
    expect(await sendFollowUpReminders(t.handle.db, Date.parse('2025-11-30T00:05:00+01:00'), ORIGIN)).toBe(1);
    const [mail] = await reminders();
    expect(mail).toMatchObject({ toAddress: 'eigenaar@zaanstad.nl', userId: c.owner.user.id, status: 'queued' });
    expect(mail!.subject).toBe('Hoe gaat het 3 maanden later? Werk in de Poelenbrug');
    expect(mail!.body).toContain(`${ORIGIN}/pitches/${c.pitchId}/resultaat/#na-3-maanden`);
  });

  test('de taak twee keer draaien stuurt één e-mail', async () => {
    await closedPitch();
    expect(await sendFollowUpReminders(t.handle.db, day('2025-12-01'), ORIGIN)).toBe(1);
    expect(await sendFollowUpReminders(t.handle.db, day('2025-12-01') + 60_000, ORIGIN)).toBe(0);
    expect(await sendFollowUpReminders(t.handle.db, day('2025-12-20'), ORIGIN)).toBe(0);
    expect(await reminders()).toHaveLength(1);
  });

  test('twee instanties tegelijk sturen één e-mail', async () => {
    await closedPitch();
    const other = await secondInstance(t);
    try {
      const now = day('2025-12-01');
      const counts = await Promise.all([sendFollowUpReminders(t.handle.db, now, ORIGIN), sendFollowUpReminders(other.deps().db, now, ORIGIN), sendFollowUpReminders(t.handle.db, now, ORIGIN)]);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
      expect(await reminders()).toHaveLength(1);
    } finally {
      other.close();
    }
  });

  test('een beantwoorde vraag krijgt geen herinnering; de volgende wel, op haar eigen dag', async () => {
    const c = await closedPitch();
    expect(await answerFollowUp(t.deps({ now: day('2025-11-30') }), c.colleague.actor, c.pitchId, { monthsAfter: 3, started: 4, stillWorking: 4 })).toEqual({ ok: true });
    expect(await sendFollowUpReminders(t.handle.db, day('2025-12-01'), ORIGIN)).toBe(0);
    expect(await sendFollowUpReminders(t.handle.db, day('2026-02-28'), ORIGIN)).toBe(1);
    expect((await reminders()).map((m) => m.subject)).toEqual(['Hoe gaat het 6 maanden later? Werk in de Poelenbrug']);
  });

  test('is het account van de auteur weg, dan gaat de vraag naar het contactadres, maar alleen als dat een bevestigde collega is', async () => {
    const c = await marketplaceCast(t);
    const toColleague = await insertPitch(t.handle.db, { authorId: null, contactEmail: 'collega@zaanstad.nl', title: 'Via de collega' });
    const toStranger = await insertPitch(t.handle.db, { authorId: null, contactEmail: 'iemand@elders.nl', title: 'Naar een vreemde' });
    for (const id of [toColleague, toStranger]) {
      expect(await closePitch(t.deps({ now: CLOSED }), c.owner.actor, id, { outcome: 'matched', peoplePlaced: 1, version: 1 })).toEqual({ ok: true });
    }
    expect(await sendFollowUpReminders(t.handle.db, day('2025-12-01'), ORIGIN)).toBe(1);
    expect((await reminders()).map((m) => `${m.toAddress}: ${m.subject}`)).toEqual(['collega@zaanstad.nl: Hoe gaat het 3 maanden later? Via de collega']);
    // The stranger's question is claimed all the same (no mail on the next run either), and waits as a task.
    expect(await sendFollowUpReminders(t.handle.db, day('2025-12-02'), ORIGIN)).toBe(0);
    const tasks = await followUpTasksFor(t.handle.db, c.colleague.actor, day('2025-12-02'));
    expect(tasks.map((task) => task.title).sort()).toEqual(['Naar een vreemde', 'Via de collega']);
  });

  test('de late aanvulling: een pitch die al gesloten was krijgt zijn vragen, en alleen de laatste openstaande wordt gevraagd', async () => {
    const c = await marketplaceCast(t);
    // Closed before this feature existed: no questions.
    await t.handle.db.update(pitches).set({ status: 'closed', outcome: 'partly', peoplePlaced: 2, closedAt: CLOSED }).where(eq(pitches.id, c.pitchId));
    expect(await questions(c.pitchId)).toHaveLength(0);
    // Seven months later: 3 and 6 months are both due; one mail, about 6 months.
    expect(await sendFollowUpReminders(t.handle.db, day('2026-03-31'), ORIGIN)).toBe(1);
    expect((await questions(c.pitchId)).map((q) => q.dueOn)).toEqual(['2025-11-30', '2026-02-28', '2026-08-31']);
    expect((await reminders()).map((m) => m.subject)).toEqual(['Hoe gaat het 6 maanden later? Werk in de Poelenbrug']);
    expect(await scheduleMissingFollowUps(t.handle.db, day('2026-04-01'))).toBe(0);
  });
});

describe('antwoorden', () => {
  test('de eigenaar en een bevestigde collega mogen; een andere gemeente of een werkgever niet (404)', async () => {
    const c = await closedPitch();
    const now = day('2025-12-01');
    for (const who of [c.elsewhere.actor, c.postnl.actor, null]) {
      expect(await followUpForm(t.deps({ now }), who, c.pitchId)).toEqual({ ok: false, reason: 'not-found' });
      expect(await answerFollowUp(t.deps({ now }), who, c.pitchId, { monthsAfter: 3, started: 1, stillWorking: 1 })).toEqual({ ok: false, reason: 'not-found' });
    }
    const form = await followUpForm(t.deps({ now }), c.owner.actor, c.pitchId);
    expect(form.ok && form.questions.map((q) => `${q.monthsAfter}:${q.due}`)).toEqual(['3:true', '6:false', '12:false']);
    expect(await answerFollowUp(t.deps({ now }), c.colleague.actor, c.pitchId, { monthsAfter: 3, started: 4, stillWorking: 3 })).toEqual({ ok: true });
  });

  test('niet vóór de vervaldag; nog aan het werk niet meer dan gestart; getallen binnen de grens', async () => {
    const c = await closedPitch();
    const now = day('2025-12-01');
    expect(await answerFollowUp(t.deps({ now }), c.owner.actor, c.pitchId, { monthsAfter: 6, started: 4, stillWorking: 3 })).toEqual({ ok: false, reason: 'not-due' });
    expect(await answerFollowUp(t.deps({ now }), c.owner.actor, c.pitchId, { monthsAfter: 3, started: 2, stillWorking: 3 })).toEqual({ ok: false, reason: 'still-working-above-started' });
    expect(await answerFollowUp(t.deps({ now }), c.owner.actor, c.pitchId, { monthsAfter: 3, started: 100_000, stillWorking: 3 })).toEqual({ ok: false, reason: 'started-invalid' });
    expect(await followUpAnswersFor(t.handle.db, c.pitchId)).toEqual([]);
  });

  test('de antwoorden zijn openbaar via followUpAnswersFor; een correctie vervangt het antwoord', async () => {
    const c = await closedPitch();
    await answerFollowUp(t.deps({ now: day('2025-12-01') }), c.owner.actor, c.pitchId, { monthsAfter: 3, started: 4, stillWorking: 4 });
    await answerFollowUp(t.deps({ now: day('2025-12-02') }), c.owner.actor, c.pitchId, { monthsAfter: 3, started: 5, stillWorking: 4 });
    await answerFollowUp(t.deps({ now: day('2026-03-01') }), c.owner.actor, c.pitchId, { monthsAfter: 6, started: 5, stillWorking: 3 });
    expect(await followUpAnswersFor(t.handle.db, c.pitchId)).toEqual([
      { monthsAfter: 3, started: 5, stillWorking: 4, answeredAt: day('2025-12-02') },
      { monthsAfter: 6, started: 5, stillWorking: 3, answeredAt: day('2026-03-01') },
    ]);
    expect(await followUpTasksFor(t.handle.db, c.owner.actor, day('2026-03-01'))).toEqual([]);
  });

  test('de open vraag staat als taak bij de eigenaar, niet bij een collega (de auteur bestaat nog)', async () => {
    const c = await closedPitch();
    expect(await followUpTasksFor(t.handle.db, c.owner.actor, day('2025-11-29'))).toEqual([]);
    expect(await followUpTasksFor(t.handle.db, c.owner.actor, day('2025-12-01'))).toEqual([{ pitchId: c.pitchId, title: 'Werk in de Poelenbrug', monthsAfter: 3, dueOn: '2025-11-30' }]);
    expect(await followUpTasksFor(t.handle.db, c.colleague.actor, day('2025-12-01'))).toEqual([]);
    expect(await followUpTasksFor(t.handle.db, c.postnl.actor, day('2025-12-01'))).toEqual([]);
  });
});

describe('AVG', () => {
  test('wie antwoordde staat in de eigen gegevens; na verwijderen van het account blijft het antwoord zonder naam', async () => {
    const c = await closedPitch();
    await answerFollowUp(t.deps({ now: day('2025-12-01') }), c.colleague.actor, c.pitchId, { monthsAfter: 3, started: 4, stillWorking: 2 });
    expect(await followUpAnswersBy(t.handle.db, c.colleague.user.id)).toEqual([
      { pitch: c.pitchId, titel: 'Werk in de Poelenbrug', maandenNaSluiten: 3, gestart: 4, nogAanHetWerk: 2, doorgegevenOp: new Date(day('2025-12-01')).toISOString() },
    ]);
    expect(await followUpAnswersBy(t.handle.db, c.owner.user.id)).toEqual([]);
    expect(await deleteAccount(t.deps(), (await findUserById(t.handle.db, c.colleague.user.id))!, { password: strongPassword })).toEqual({ ok: true });
    const [answer] = await t.handle.db.select().from(followUps).where(and(eq(followUps.pitchId, c.pitchId), eq(followUps.monthsAfter, 3)));
    expect(answer).toMatchObject({ answeredBy: null, started: 4, stillWorking: 2 });
    expect(await t.handle.db.select().from(users).where(eq(users.id, c.colleague.user.id))).toHaveLength(0);
  });
});

describe('de paginacache', () => {
  test('een antwoord maakt gecachete openbare pagina’s oud (trigger); een herinnering niet', async () => {
    const c = await closedPitch();
    const before = await marketplaceVersion(t.handle.db);
    expect(await sendFollowUpReminders(t.handle.db, day('2025-12-01'), ORIGIN)).toBe(1);
    expect(await marketplaceVersion(t.handle.db)).toBe(before);
    await answerFollowUp(t.deps({ now: day('2025-12-01') }), c.owner.actor, c.pitchId, { monthsAfter: 3, started: 1, stillWorking: 1 });
    expect(await marketplaceVersion(t.handle.db)).toBeGreaterThan(before);
  });

  test('het overzicht wordt gecachet voor bezoekers; het antwoordformulier nooit', () => {
    const get = (path: string) => [new Request(`https://praktijkplein.test${path}`), new URL(`https://praktijkplein.test${path}`), false] as const;
    expect(cacheable(...get('/resultaten/?gemeente=zaanstad'))).toBe(true);
    expect(cacheable(...get('/pitches/p-1/resultaat/'))).toBe(false);
  });
});
