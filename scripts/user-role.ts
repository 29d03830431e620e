/** `npm run user:role -- <e-mail> <role>`: gives an existing account a role (member, curator, admin). */
import { openDatabase, migrateDatabase } from '#db/client.ts';
import { configOrExit } from '#platform/config.ts';
import { roles, type Role } from '#db/schema.ts';
import { assignRole } from '#features/accounts/roles.ts';

const [email, role] = process.argv.slice(2);
if (!email || !role || !(roles as readonly string[]).includes(role)) {
  console.error(`Gebruik: npm run user:role -- <e-mailadres> <${roles.join('|')}>`);
  process.exit(2);
}
const handle = await openDatabase(configOrExit().database);
try {
  await migrateDatabase(handle);
  const result = await assignRole({ db: handle.db, origin: '', ip: 'cli' }, 'cli', email, role as Role);
  if (!result.ok) {
    console.error(`Geen account gevonden met het e-mailadres ${email}. Maak eerst een account aan via de site.`);
    process.exit(1);
  }
  console.log(`${email} heeft nu de rol ${role}. Bestaande sessies zijn beëindigd; log opnieuw in.`);
} finally {
  handle.close();
}
