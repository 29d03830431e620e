/** A fresh, migrated libSQL file per test, with reference data; and reading mail from the outbox. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { desc, eq } from 'drizzle-orm';
import { migrateDatabase, openDatabase, type DatabaseHandle } from '#db/client.ts';
import { outbox, users } from '#db/schema.ts';
import { ensureReferenceData } from '#features/accounts/reference-data.ts';
import { register } from '#features/accounts/registration.ts';
import { confirmEmail } from '#features/verification/confirm-email.ts';
import type { Deps } from '#platform/context.ts';

export interface TestDb {
  handle: DatabaseHandle;
  /** The database file's URL, for a second client (a second app instance). */
  url: string;
  deps: (overrides?: Partial<Deps>) => Deps;
  cleanup: () => void;
}

export async function testDatabase(): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), 'praktijkplein-accounts-'));
  const url = `file:${join(dir, 'test.db')}`;
  const handle = await openDatabase({ url });
  await migrateDatabase(handle);
  await ensureReferenceData(handle.db);
  return {
    handle,
    url,
    deps: (overrides = {}) => ({ db: handle.db, origin: 'https://praktijkplein.test', ip: '192.0.2.1', ...overrides }),
    cleanup: () => {
      handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The newest e-mail to an address, and the first link in it. */
export async function lastMailTo(t: TestDb, address: string) {
  const [mail] = await t.handle.db.select().from(outbox).where(eq(outbox.toAddress, address)).orderBy(desc(outbox.createdAt)).limit(1);
  const link = mail?.body.match(/https?:\/\/\S+/)?.[0];
  return { mail, link, token: link ? new URL(link).searchParams.get('token') ?? undefined : undefined };
}

export const strongPassword = 'een lange zin als wachtwoord';

/** Registers and confirms a municipality worker at Zaanstad (or as given). */
export async function registeredUser(t: TestDb, email = 'anna@voorbeeld.nl', options: { kind?: 'municipality' | 'employer'; organisationId?: string } = {}) {
  const result = await register(t.deps(), {
    name: 'Anna de Vries',
    email,
    password: strongPassword,
    kind: options.kind ?? 'municipality',
    organisationId: options.organisationId ?? 'zaanstad',
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  const { token } = await lastMailTo(t, email);
  const confirmed = await confirmEmail(t.deps(), token!);
  if (!confirmed.ok) throw new Error(JSON.stringify(confirmed));
  const [user] = await t.handle.db.select().from(users).where(eq(users.email, email)).limit(1);
  return user!;
}

/** A second app instance on the same database file. */
export async function secondInstance(t: TestDb): Promise<{ deps: (overrides?: Partial<Deps>) => Deps; close: () => void }> {
  const other = await openDatabase({ url: t.url });
  return { deps: (overrides = {}) => t.deps({ db: other.db, ...overrides }), close: () => other.close() };
}

/** Resolves once `count` callers have arrived: a meeting point for concurrent calls. */
export function meetingPoint(count: number) {
  let arrived = 0;
  let open!: () => void;
  const allThere = new Promise<void>((resolve) => (open = resolve));
  return {
    allThere,
    arrive: async () => {
      arrived++;
      if (arrived === count) open();
      await allThere;
    },
  };
}
