/**
 * Demo data for trying the site locally (never in production): one account per role, all with
 * the password below, plus a municipality member waiting for a curator (scripts/demo-data.ts). Idempotent.
 */
import { openDatabase, migrateDatabase } from '#db/client.ts';
import { configOrExit } from '#platform/config.ts';
import { hashPassword } from '#platform/auth/password.ts';
import { DEMO_PASSWORD, seedDemoData } from './demo-data.ts';

if (configOrExit().production) {
  console.error('Demodata wordt niet in productie geladen.');
  process.exit(1);
}

const handle = await openDatabase(configOrExit().database);
try {
  await migrateDatabase(handle);
  const added = await seedDemoData(handle.db, await hashPassword(DEMO_PASSWORD));
  console.log(`Demodata klaar (${added.accounts} nieuwe demo-accounts, ${added.pitches} nieuwe demopitches, ${added.activities} nieuwe demo-activiteiten, ${added.profiles} nieuwe werkgeversprofielen; wachtwoord: "${DEMO_PASSWORD}").`);
} finally {
  handle.close();
}
