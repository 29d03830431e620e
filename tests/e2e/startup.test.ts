/** The built server checks its configuration before it listens. */
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';

function start(env: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !['SITE_URL', 'NODE_ENV', 'PORT', 'DATABASE_URL'].includes(key)));
  return spawnSync(process.execPath, ['server.mjs'], { env: { ...clean, ...env }, encoding: 'utf8', timeout: 30_000 });
}

describe('starten', () => {
  test('een productieserver zonder SITE_URL start niet en noemt de instelling', () => {
    const result = start({ NODE_ENV: 'production', PORT: '1' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/SITE_URL: is verplicht in productie/);
  });

  test('de scripts (migreren, demodata) melden een slechte instelling net zo, zonder stacktrace', () => {
    for (const script of ['scripts/migrate.ts', 'scripts/seed.ts']) {
      const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !['SITE_URL', 'NODE_ENV', 'DATABASE_URL'].includes(key)));
      const result = spawnSync(process.execPath, [script], { env: { ...clean, NODE_ENV: 'production' }, encoding: 'utf8', timeout: 30_000 });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/SITE_URL: is verplicht in productie/);
      expect(result.stderr).not.toMatch(/\s+at \S+ \(/);
    }
  });

  test('een ongeldige poort of database-URL stopt de server met een Nederlandse melding', () => {
    const result = start({ PORT: 'vierduizend', DATABASE_URL: 'postgres://elders' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/PORT moet een getal zijn/);
    expect(result.stderr).toMatch(/DATABASE_URL moet beginnen met file:/);
  });
});
