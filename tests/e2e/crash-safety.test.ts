/**
 * Crash safety: the built server is killed with SIGKILL (no shutdown, no
 * checkpoint, nothing flushed by the app) while 200 concurrent requests write: offers on
 * published pitches, edits of drafts by their owner, registrations. That happens three times on
 * one database file, after about 10 %, 50 % and 90 % of the answers came back, each time with a
 * fresh server on the file the previous one left. After each restart: every request that got its
 * success answer is in the database with everything that belongs to it, and nothing anywhere is
 * half-written (a pitch and its search row, a pitch edit and its facets and audit entry, an offer
 * and its audit entry and the owner's e-mail, an account and its verification e-mail), and
 * SQLite's integrity and foreign-key checks pass.
 */
import { rmSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, type Database } from '#db/client.ts';
import { startServer, type OwnServer } from './own-server.ts';
import { Browser, freshDatabase, insertPitch, offerForm, pitchEditForm, registrationForm, verifiedPerson, type Form, type Person } from './shared-database-support.ts';

const OFFERS = 80;
const EDITS = 40;
const REGISTRATIONS = 80;
const REQUESTS = OFFERS + EDITS + REGISTRATIONS;
/** Employers offering: each offers on two pitches per round (one live offer per employer per pitch; ten new offers per account at most). */
const EMPLOYERS = OFFERS / 2;

interface Job {
  kind: 'offer' | 'edit' | 'registration';
  /** What identifies its effect in the database. */
  key: { pitchId: string; employer?: Person; title?: string; email?: string };
  path: string;
  form: Form;
  browser: Browser;
  /** Where the form sends the browser on success. */
  success: string;
}

type Outcome = { job: Job; status: number; location: string | null } | { job: Job; error: string };

let dir: string;
let url: string;
let server: OwnServer | undefined;
let owner: { person: Person; browser: Browser };
let employers: { person: Person; browser: Browser }[];
/** Per round: two published pitches for offers, drafts to edit. */
let rounds: { published: [string, string]; drafts: string[] }[];

/** A fixed shuffle (a small LCG), so a failing order can be run again. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function start(): Promise<OwnServer> {
  // TRUST_PROXY: each browser comes from its own address, so per-IP limits never refuse the load.
  const started = await startServer(url, { TRUST_PROXY: '1' });
  for (let i = 0; i < 200; i++) {
    if ((await fetch(`${started.baseURL}/readyz`)).status === 200) return started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`/readyz werd niet 200:\n${started.stdout()}\n${started.stderr()}`);
}

beforeAll(async () => {
  const fresh = await freshDatabase('crash');
  dir = fresh.dir;
  url = fresh.url;
  const { db } = fresh.handle;
  const ownerPerson = await verifiedPerson(db, 'municipality', 'eigenaar');
  const employerPeople: Person[] = [];
  for (let i = 0; i < EMPLOYERS; i++) employerPeople.push(await verifiedPerson(db, 'employer', 'werkgever'));
  rounds = [];
  for (let r = 0; r < 3; r++) {
    const published: [string, string] = [await insertPitch(db, ownerPerson, 'published', `Open pitch ${r}a`), await insertPitch(db, ownerPerson, 'published', `Open pitch ${r}b`)];
    const drafts: string[] = [];
    for (let i = 0; i < EDITS; i++) drafts.push(await insertPitch(db, ownerPerson, 'draft', `Concept ${r}-${i}`));
    rounds.push({ published, drafts });
  }
  // Everyone is signed in (sessions written as the login form writes them); the sessions live in
  // the database and outlast every restart.
  owner = { person: ownerPerson, browser: await new Browser(ownerPerson.ip).signedIn(db, ownerPerson) };
  employers = await Promise.all(employerPeople.map(async (person) => ({ person, browser: await new Browser(person.ip).signedIn(db, person) })));
  fresh.handle.close();

  server = await start();
});

afterAll(() => {
  server?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The 200 requests of round `r`: offers, edits and registrations, mixed. */
function jobsFor(r: number): Job[] {
  const { published, drafts } = rounds[r]!;
  const jobs: Job[] = [];
  for (const [i, { person, browser }] of employers.entries()) {
    for (const pitchId of published) {
      jobs.push({
        kind: 'offer',
        key: { pitchId, employer: person },
        path: `/pitches/${pitchId}/meedoen/?_action=offers.create`,
        form: offerForm(pitchId, `Ronde ${r}, werkgever ${i}`),
        browser,
        success: '/account/mijn-aanbod/?melding=aanbod-verstuurd',
      });
    }
  }
  for (const [i, pitchId] of drafts.entries()) {
    const title = `Bewerkt ${r} ${i} ${pitchId}`;
    jobs.push({
      kind: 'edit',
      key: { pitchId, title },
      path: `/pitches/${pitchId}/bewerken/?_action=pitches.save`,
      form: pitchEditForm(pitchId, 1, title, owner.person),
      browser: owner.browser,
      success: `/pitches/${pitchId}/bewerken/?melding=pitch-opgeslagen`,
    });
  }
  for (let i = 0; i < REGISTRATIONS; i++) {
    const email = `nieuw-${r}-${i}-${Date.now().toString(36)}@voorbeeld.nl`;
    jobs.push({
      kind: 'registration',
      key: { pitchId: '', email },
      path: '/account/registreren/?_action=account.register',
      form: registrationForm(`Nieuwe Medewerker ${r} ${i}`, email),
      // Registration is limited per source address: each comes from its own.
      browser: new Browser(`203.0.${r * 100 + Math.floor(i / 250)}.${(i % 250) + 1}`),
      success: '/account/registreren/verstuurd/',
    });
  }
  expect(jobs).toHaveLength(REQUESTS);
  return shuffled(jobs, 7 + r);
}

/**
 * Sends all requests at once and kills the server (SIGKILL, its whole process group) as soon as
 * `killAfter` answers came back. Resolves once every request has its answer or its error.
 */
async function underFire(target: OwnServer, jobs: Job[], killAfter: number): Promise<{ outcomes: Outcome[]; answeredAtKill: number }> {
  let answered = 0;
  let answeredAtKill = -1;
  const outcomes = await Promise.all(
    jobs.map(async (job): Promise<Outcome> => {
      try {
        const response = await job.browser.request(target.baseURL, job.path, job.form);
        await response.arrayBuffer();
        const location = response.headers.get('location');
        return { job, status: response.status, location: location && new URL(location, target.baseURL).href.slice(target.baseURL.length) };
      } catch (error) {
        return { job, error: String((error as Error).cause ?? error) };
      } finally {
        answered++;
        if (answered === killAfter) {
          answeredAtKill = answered;
          target.kill();
        }
      }
    }),
  );
  await target.exited;
  return { outcomes, answeredAtKill };
}

const one = async <T>(db: Database, query: ReturnType<typeof sql>): Promise<T> => (await db.all<T>(query))[0]!;

/** Checks every row in the database, whichever request wrote it: nothing is half-written. */
async function nothingHalfWritten(db: Database) {
  // SQLite's own checks of the file and of every foreign key.
  expect(await db.all(sql`pragma integrity_check`)).toEqual([{ integrity_check: 'ok' }]);
  expect(await db.all(sql`pragma foreign_key_check`)).toEqual([]);

  // A pitch and its search row (migration 0003: triggers in the same statement).
  expect(await one(db, sql`select count(*) as n from pitches p where not exists (select 1 from pitches_fts f where f.rowid = p.seq)`), 'pitch zonder zoekregel').toEqual({ n: 0 });
  expect(await one(db, sql`select count(*) as n from pitches_fts f where not exists (select 1 from pitches p where p.seq = f.rowid)`), 'zoekregel zonder pitch').toEqual({ n: 0 });
  expect(await one(db, sql`select count(*) as n from pitches p join pitches_fts f on f.rowid = p.seq where f.title <> p.title`), 'zoekregel met een oude titel').toEqual({ n: 0 });

  // A pitch edit: the new version, its audit entry and its facets, all or nothing. The test's
  // pitches start at version 1 without facets; each saved edit adds one version and one entry.
  expect(
    await db.all(sql`select p.id, p.version, (select count(*) from audit_log a where a.subject_type = 'pitch' and a.subject_id = p.id and a.action = 'pitch.edited') as edits
      from pitches p where (select count(*) from audit_log a where a.subject_type = 'pitch' and a.subject_id = p.id and a.action = 'pitch.edited') <> p.version - 1`),
    'pitchversie zonder (of met te veel) auditregels',
  ).toEqual([]);
  expect(
    await db.all(sql`select p.id from pitches p where (p.version > 1) <> exists (select 1 from pitch_facets f where f.pitch_id = p.id and f.facet = 'sector' and f.value = 'zorg')`),
    'bewerking zonder (of facetten zonder) bewerking',
  ).toEqual([]);

  // An offer, its audit entry, and (an offer the owner sees at once) the owner's e-mail.
  expect(await db.all(sql`select o.id from offers o where not exists (select 1 from audit_log a where a.subject_type = 'offer' and a.subject_id = o.id and a.action = 'offer.created')`), 'aanbod zonder auditregel').toEqual([]);
  expect(await db.all(sql`select a.subject_id from audit_log a where a.action = 'offer.created' and not exists (select 1 from offers o where o.id = a.subject_id)`), 'auditregel zonder aanbod').toEqual([]);
  expect(
    await db.all(sql`select o.id from offers o join organisations e on e.id = o.employer_id where o.status = 'offered' and (select count(*) from outbox m
      where m.subject like 'Nieuw aanbod op uw pitch:%' and instr(m.body, e.name || ' doet mee') > 0 and instr(m.body, '/pitches/' || o.pitch_id || '/aanbod/') > 0) <> 1`),
    'aanbod zonder (of met meer dan één) e-mail aan de eigenaar',
  ).toEqual([]);
  expect(await one(db, sql`select count(*) as n from outbox where subject like 'Nieuw aanbod op uw pitch:%'`), 'e-mail over aanbod dat er niet is').toEqual(
    await one(db, sql`select count(*) as n from offers where status = 'offered'`),
  );

  // An account, its verification token, its verification e-mail and its audit entry.
  const registered = sql`u.email like 'nieuw-%'`;
  expect(
    await db.all(sql`select u.email from users u where ${registered} and not (
      exists (select 1 from one_time_tokens t where t.user_id = u.id and t.purpose = 'email-verification')
      and exists (select 1 from outbox m where m.to_address = u.email and m.user_id = u.id and m.subject = 'Bevestig uw e-mailadres voor Praktijkplein')
      and exists (select 1 from audit_log a where a.subject_type = 'user' and a.subject_id = u.id and a.action = 'account.registered'))`),
    'account zonder token, bevestigingsmail of auditregel',
  ).toEqual([]);
  expect(
    await db.all(sql`select m.to_address from outbox m where m.subject = 'Bevestig uw e-mailadres voor Praktijkplein' and not exists (select 1 from users u where u.id = m.user_id)`),
    'bevestigingsmail zonder account',
  ).toEqual([]);
}

/** Checks that each request answered with success left its whole effect. */
async function everySuccessStored(db: Database, successes: Job[]) {
  const missing: string[] = [];
  for (const job of successes) {
    if (job.kind === 'offer') {
      const rows = await db.all<{ id: string }>(sql`select o.id from offers o where o.pitch_id = ${job.key.pitchId} and o.employer_id = ${job.key.employer!.organisationId} and o.status = 'offered'
        and exists (select 1 from audit_log a where a.subject_id = o.id and a.action = 'offer.created')`);
      if (rows.length !== 1) missing.push(`aanbod van ${job.key.employer!.organisationName} op ${job.key.pitchId}`);
    } else if (job.kind === 'edit') {
      const rows = await db.all(sql`select 1 from pitches p where p.id = ${job.key.pitchId} and p.title = ${job.key.title} and p.version = 2
        and p.seq in (select rowid from pitches_fts where pitches_fts match ${`title:"${job.key.pitchId}"`})`);
      if (rows.length !== 1) missing.push(`bewerking van ${job.key.pitchId}`);
    } else {
      const rows = await db.all(sql`select 1 from users u join outbox m on m.user_id = u.id and m.to_address = u.email where u.email = ${job.key.email} and m.subject = 'Bevestig uw e-mailadres voor Praktijkplein'`);
      if (rows.length !== 1) missing.push(`account ${job.key.email}`);
    }
  }
  expect(missing, 'bevestigd maar niet (helemaal) opgeslagen').toEqual([]);
}

describe('SIGKILL onder 200 gelijktijdige schrijfverzoeken', () => {
  test.each([
    [0, 0.1],
    [1, 0.5],
    [2, 0.9],
  ])('ronde %i: gedood na %d van de antwoorden; na de herstart staat elk bevestigd verzoek erin en is niets half geschreven', async (r, fraction) => {
    const jobs = jobsFor(r);
    const killAfter = Math.round(REQUESTS * fraction);
    const { outcomes, answeredAtKill } = await underFire(server!, jobs, killAfter);
    expect(answeredAtKill, 'de server werd gedood terwijl verzoeken liepen').toBe(killAfter);

    const answers = outcomes.filter((o): o is Extract<Outcome, { status: number }> => 'status' in o);
    // Every answer that came is the form's success (never a 500, a 429 or a refused form).
    expect(answers.filter((a) => a.status !== 303 || a.location !== a.job.success).map((a) => `${a.job.kind} ${a.status} ${a.location}`)).toEqual([]);
    // The kill fell in the middle: some requests never got an answer.
    expect(answers.length).toBeGreaterThanOrEqual(killAfter);
    expect(answers.length, 'sommige verzoeken kregen geen antwoord meer').toBeLessThan(REQUESTS);

    // A fresh server on the file the killed one left (its write-ahead log not checkpointed).
    server = await start();
    const handle = await openDatabase({ url });
    try {
      await everySuccessStored(handle.db, answers.map((a) => a.job));
      await nothingHalfWritten(handle.db);
    } finally {
      handle.close();
    }
    const kinds = (list: Outcome[]) => Object.fromEntries(['offer', 'edit', 'registration'].map((k) => [k, list.filter((o) => o.job.kind === k).length]));
    console.log(`ronde ${r}: ${answers.length} van ${REQUESTS} beantwoord`, kinds(answers));
  });
});
