/**
 * What the crash-safety and several-instances tests share: a database file of the test's own,
 * migrated and filled with the people they need (written directly, as the other e2e helpers
 * do), and a small HTTP client that posts forms the way a browser on the site does (Origin,
 * Sec-Fetch-Site, a cookie jar of one, a client address of its own through X-Forwarded-For).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { amsterdamDate } from '#domain/amsterdam-time.ts';
import { migrateDatabase, openDatabase, type Database, type DatabaseHandle } from '#db/client.ts';
import { pitches } from '#db/marketplace-schema.ts';
import { organisations, users } from '#db/schema.ts';
import { ensureReferenceData } from '#features/accounts/reference-data.ts';
import { newId } from '#platform/auth/crypto.ts';
import { createSession } from '#platform/auth/session.ts';
import { hashPassword } from '#platform/auth/password.ts';
import { goodPassword } from './accounts-support.ts';

import { sessionCookie } from './session-support.ts';

/** The day `days` from today in Amsterdam (YYYY-MM-DD), as date fields want it. */
export function dayFromNow(days: number): string {
  return amsterdamDate(Date.now() + days * 864e5);
}

/** A fresh folder with a migrated database file (reference data included), and its URL. */
export async function freshDatabase(prefix: string): Promise<{ dir: string; url: string; handle: DatabaseHandle }> {
  const dir = mkdtempSync(join(tmpdir(), `praktijkplein-${prefix}-`));
  const url = `file:${join(dir, 'app.db')}`;
  const handle = await openDatabase({ url });
  await migrateDatabase(handle);
  await ensureReferenceData(handle.db);
  return { dir, url, handle };
}

export interface Person {
  id: string;
  email: string;
  name: string;
  organisationId: string;
  organisationName: string;
  /** A client address of their own (the servers run with TRUST_PROXY), so per-IP limits stay apart. */
  ip: string;
}

let people = 0;
const stamp = Date.now().toString(36);

/** The same argon2 hash for everyone (one hash, not one per person: the test is not about hashing). */
let passwordHash: Promise<string> | undefined;

/**
 * A confirmed person whose membership is verified: a member of Zaanstad, or of an employer of
 * their own (verified, so they may offer at once; one live offer per employer per pitch).
 */
export async function verifiedPerson(db: Database, kind: 'municipality' | 'employer', label: string): Promise<Person> {
  people++;
  passwordHash ??= hashPassword(goodPassword);
  const now = Date.now();
  let organisationId = 'zaanstad';
  let organisationName = 'Zaanstad';
  if (kind === 'employer') {
    organisationId = `werkgever-${stamp}-${people}`;
    organisationName = `Werkgever ${label} ${people}`;
    await db.insert(organisations).values({ id: organisationId, kind: 'employer', name: organisationName, verifiedAt: now, createdAt: now });
  }
  const person = {
    id: newId(),
    email: `${label}-${stamp}-${people}@voorbeeld.nl`,
    name: `${label[0]!.toUpperCase()}${label.slice(1)} Persoon ${people}`,
    organisationId,
    organisationName,
    ip: `198.51.${Math.floor(people / 250) % 250}.${(people % 250) + 1}`,
  };
  await db.insert(users).values({
    id: person.id,
    email: person.email,
    name: person.name,
    passwordHash: await passwordHash,
    organisationId,
    emailVerifiedAt: now,
    membershipVerifiedAt: now,
    membershipVerifiedBy: 'curator',
    createdAt: now,
  });
  return person;
}

/** A pitch of Zaanstad by this author: published (open for offers) or a draft (to edit). */
export async function insertPitch(db: Database, author: Person, status: 'published' | 'draft', title: string): Promise<string> {
  const id = `pitch-${newId().slice(0, 10).toLowerCase()}`;
  const now = Date.now();
  await db.insert(pitches).values({
    id,
    municipalityId: author.organisationId,
    authorId: author.id,
    title,
    area: 'Poelenbrug',
    challenge: 'Wie biedt een plek?',
    challengeHtml: '<p>Wie biedt een plek?</p>',
    ask: 'Banen',
    askHtml: '<p>Banen</p>',
    peopleSought: 10,
    closingDate: dayFromNow(90),
    contactName: author.name,
    contactEmail: author.email,
    status,
    createdAt: now,
    updatedAt: now,
    publishedAt: status === 'published' ? now : null,
  });
  return id;
}

export type Form = Record<string, string | string[]>;

/** A form body as a browser sends it (a field given as a list is repeated). */
function formBody(form: Form): URLSearchParams {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) for (const one of [value].flat()) body.append(name, one);
  return body;
}

/** One browser: a cookie jar holding the session cookie, and the client address it comes from. */
export class Browser {
  cookie = '';
  constructor(readonly ip: string) {}

  /** GET (or POST with `form`) to the server at `baseURL`; redirects are returned, not followed. */
  async request(baseURL: string, path: string, form?: Form): Promise<Response> {
    const headers = new Headers({ 'x-forwarded-for': this.ip });
    if (this.cookie) headers.set('cookie', this.cookie);
    if (form) {
      headers.set('content-type', 'application/x-www-form-urlencoded');
      headers.set('origin', baseURL);
      headers.set('sec-fetch-site', 'same-origin');
    }
    const response = await fetch(`${baseURL}${path}`, { method: form ? 'POST' : 'GET', headers, body: form ? formBody(form) : undefined, redirect: 'manual' });
    const set = response.headers.getSetCookie().find((c) => c.startsWith(`${sessionCookie}=`));
    if (set) {
      const value = set.split(';')[0]!;
      this.cookie = value.endsWith('=') || /max-age=0/i.test(set) ? '' : value;
    }
    return response;
  }

  /**
   * Signed in without the form (for tests not about logging in): a session made by the session
   * module in the servers' database, as the login form would make it.
   */
  async signedIn(db: Database, person: Pick<Person, 'id'>): Promise<this> {
    this.cookie = `${sessionCookie}=${(await createSession(db, person.id)).token}`;
    return this;
  }

  /** Logs in through the login form; throws unless the answer is the redirect with a session. */
  async logIn(baseURL: string, email: string, password = goodPassword): Promise<this> {
    const response = await this.request(baseURL, '/account/inloggen/?_action=account.login', { email, password });
    await response.arrayBuffer();
    if (response.status !== 303 || !this.cookie) throw new Error(`Inloggen als ${email} gaf ${response.status}`);
    return this;
  }
}

/** The offer form ("Ik doe mee") for a pitch, as a signed-in employer sends it. */
export const offerForm = (pitchId: string, message: string): Form => ({
  pitchId,
  helpKinds: ['banen'],
  places: '2',
  startsOn: '',
  support: 'Een buddy op de werkvloer',
  message,
  showName: 'true',
});

/** The pitch form for an edit of a draft at `version`, with a new title (and a sector of its own). */
export const pitchEditForm = (pitchId: string, version: number, title: string, owner: Person): Form => ({
  pitchId,
  version: String(version),
  title,
  municipality: owner.organisationId,
  area: 'Poelenbrug',
  challenge: `In de Poelenbrug willen veel mensen werken. ${title}.`,
  ask: 'Banen en werkervaringsplaatsen met begeleiding.',
  helpKinds: ['banen', 'werkervaringsplaatsen'],
  targetGroups: ['bijstand'],
  sectors: ['zorg'],
  peopleSought: '12',
  closingDate: dayFromNow(60),
  contactName: owner.name,
  contactEmail: owner.email,
  contactPhone: '075 655 1234',
});

/** The registration form of an employee of PostNL (a known employer). */
export const registrationForm = (name: string, email: string): Form => ({ name, email, password: goodPassword, kind: 'employer', employer: 'postnl' });
