/**
 * The layers as docs/architecture.md describes them, checked on the source itself, so a
 * shortcut (SQL in a page, process.env in a module) fails the suite instead of piling up.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

function filesUnder(dir: string, pattern = /\.(ts|mjs|astro)$/): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, pattern);
    return pattern.test(name) ? [path] : [];
  });
}

const read = (path: string) => readFileSync(path, 'utf8');
const appFiles = [...filesUnder('src'), ...filesUnder('db').filter((f) => !f.includes('migrations')), 'server.mjs', 'astro.config.mjs', 'drizzle.config.ts'];

describe('lagen', () => {
  test('een pagina die formulieren aanneemt, leest ze via een paginawachter (ook een formulier van elders krijgt zo antwoord)', () => {
    // Pages that import astro:actions take POST (src/integrations/route-methods.ts); the guards answer any action posted to them.
    const guard = /\b(formPage|signedInPage|loadedPage|editorPage|readTokenPage|readFormState)\(Astro/;
    const offenders = filesUnder('src/pages').filter((file) => /from ['"]astro:actions['"]/.test(read(file)) && !guard.test(read(file)));
    expect(offenders).toEqual([]);
  });

  test('pagina’s praten geen SQL: geen drizzle en geen databaseschema in src/pages', () => {
    const offenders = filesUnder('src/pages').filter((file) => /from ['"]drizzle-orm|db\/schema\.ts['"]/.test(read(file)));
    expect(offenders).toEqual([]);
    expect(filesUnder('src/pages').length).toBeGreaterThan(10);
  });

  test('het domein kent geen Astro en geen database', () => {
    const offenders = filesUnder('src/domain').filter((file) => /from ['"](astro|astro:[^'"]+|drizzle-orm[^'"]*|@libsql\/client)['"]|\/db\//.test(read(file)));
    expect(offenders).toEqual([]);
  });

  test('alleen src/platform/config.ts leest process.env', () => {
    const offenders = appFiles.filter((file) => file !== join('src', 'platform', 'config.ts') && /process\.env/.test(read(file)));
    expect(offenders.map((file) => relative('.', file))).toEqual([]);
  });

  test('een gebruiker opzoeken op e-mailadres staat op één plek: accounts/users.ts', () => {
    const offenders = appFiles.filter((file) => file !== join('src', 'features', 'accounts', 'users.ts') && /eq\(users\.email/.test(read(file)));
    expect(offenders).toEqual([]);
    expect(read(join('src', 'features', 'accounts', 'users.ts'))).toMatch(/eq\(users\.email/);
  });

  test('een rol opzoeken staat op één plek: accounts/users.ts (curatoren en beheerders)', () => {
    const roleQuery = /(inArray|eq|ne)\(users\.role|\brole\s+(in|=)\s*\(?\s*'(curator|admin)'/;
    const offenders = appFiles.filter((file) => file !== join('src', 'features', 'accounts', 'users.ts') && roleQuery.test(read(file)));
    expect(offenders).toEqual([]);
    expect(read(join('src', 'features', 'accounts', 'users.ts'))).toMatch(roleQuery);
  });

  // dependency-cruiser (npm run check:deps) reads .ts and .mjs but not .astro files: these
  // checks cover the imports in the frontmatter of pages, components and layouts.
  const astroImports = (file: string) => [...read(file).matchAll(/^\s*import\s[^;]*?from\s+['"]([^'"]+)['"]/gms)].map((m) => m[1]!);
  const astroFiles = (dir: string) => filesUnder(dir, /\.astro$/);

  test('componenten en layouts laden geen gegevens: geen database, geen depsFor (de pagina geeft ze door)', () => {
    const forbidden = /^(drizzle-orm|@libsql\/client)|^#db\/|\/db\/|^#web\/(app-database|request)\.ts$/;
    const offenders = [...astroFiles('src/components'), ...astroFiles('src/layouts')].flatMap((file) =>
      astroImports(file).filter((source) => forbidden.test(source)).map((source) => `${relative('.', file)} → ${source}`),
    );
    expect(offenders).toEqual([]);
    expect(astroFiles('src/components').length).toBeGreaterThan(10);
  });

  test('pagina’s importeren geen database (ook niet via db/client of app-database buiten de gegevenslaag)', () => {
    const forbidden = /^(drizzle-orm|@libsql\/client)|^#db\/|\/db\//;
    const offenders = filesUnder('src/pages').flatMap((file) => astroImports(file).filter((source) => forbidden.test(source)).map((source) => `${relative('.', file)} → ${source}`));
    expect(offenders).toEqual([]);
  });

  test('een .astro-bestand importeert van boven naar beneden: features, platform en domein nooit uit de weblaag terug', () => {
    // The reverse arrow (a feature importing a component) is dependency-cruiser's rule; here:
    // no .astro file outside the web layer at all.
    const misplaced = [...filesUnder('src/features', /\.astro$/), ...filesUnder('src/platform', /\.astro$/), ...filesUnder('src/domain', /\.astro$/)];
    expect(misplaced).toEqual([]);
  });

  test('elk onderwerp heeft zijn map: het logboek onder platform/audit/, taken onder features/jobs/', () => {
    expect(filesUnder('src/platform/auth').map((f) => relative('src/platform/auth', f))).not.toContain('audit.ts');
    for (const file of ['src/platform/audit/audit-log.ts', 'src/platform/audit/security-events.ts', 'src/features/jobs/retention.ts', 'src/platform/mail/outbox-delivery.ts', 'src/features/jobs/housekeeping.ts']) {
      expect(filesUnder(join(file, '..')).map((f) => f.replaceAll('\\', '/'))).toContain(file);
    }
  });
});
