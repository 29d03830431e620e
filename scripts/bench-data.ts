/** `node scripts/bench-data.ts <pitches> <offers per pitch>`: a migrated database with generated pitches, for the bench. */
import { migrateDatabase, openDatabase } from '#db/client.ts';
import { ensureReferenceData } from '#features/accounts/reference-data.ts';
import { configOrExit } from '#platform/config.ts';
import { generateMarketplace } from './generate-marketplace.ts';

const [count = '10000', offersPerPitch = '10'] = process.argv.slice(2);
const handle = await openDatabase(configOrExit().database);
try {
  await migrateDatabase(handle);
  await ensureReferenceData(handle.db);
  const start = performance.now();
  await generateMarketplace(handle.db, { count: Number(count), offersPerPitch: Number(offersPerPitch) });
  console.log(`  ${count} pitches met elk ${offersPerPitch} aanbiedingen gemaakt in ${((performance.now() - start) / 1000).toFixed(1)} s`);
} finally {
  handle.close();
}
