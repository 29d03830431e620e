/**
 * Import rules for the layers described in docs/architecture.md, checked by dependency-cruiser
 * (`npm run check:deps`). Arrows run one way: web → features → domain; web/features → platform →
 * db/domain. A feature may use another feature, but never in a cycle.
 *
 * dependency-cruiser cannot read `.astro` files; tests/unit/architecture.test.ts checks their
 * imports (no database, no data loading in components) with a plain text scan.
 */

/** The web layer: everything that renders or answers a request. */
const WEB = '^src/(pages|components|layouts|actions|web|scripts|integrations)/|^src/middleware\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A file cycle means neither module can be understood, tested or moved alone.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycle',
      severity: 'error',
      scope: 'folder',
      comment:
        'Folders (each feature, each platform part, the domain, each web folder) form layers: if a uses b, b must not reach back to a, not even through a third folder.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-plain-typescript',
      severity: 'error',
      comment: 'The domain holds rules only: it imports nothing of ours outside src/domain and no framework or database package.',
      from: { path: '^src/domain/' },
      to: {
        pathNot: '^src/domain/',
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'platform-below-features-and-web',
      severity: 'error',
      comment: 'The platform (auth, mail, audit, http edge, config) serves features and web; it never calls up into them.',
      from: { path: '^src/platform/' },
      to: { path: `^src/features/|${WEB}` },
    },
    {
      name: 'features-below-web',
      severity: 'error',
      comment: 'Use cases do not know about pages, actions, components or request helpers; the web layer calls them.',
      from: { path: '^src/features/' },
      to: { path: WEB },
    },
    {
      name: 'db-below-everything',
      severity: 'error',
      comment: 'The schema and client are the bottom layer.',
      from: { path: '^db/' },
      to: { path: '^src/' , pathNot: '^src/domain/' },
    },
    {
      name: 'web-talks-no-sql',
      severity: 'error',
      comment:
        'Pages, components and layouts get data from feature functions; SQL lives in features and platform (src/web/app-database.ts opens the database).',
      from: { path: '^src/(pages|components|layouts)/' },
      to: { path: '^db/|^node_modules/(drizzle-orm|@libsql/client)/' },
    },
    {
      name: 'components-load-no-data',
      severity: 'error',
      comment: 'A component renders what its page passes in; it does not open the database.',
      from: { path: '^src/(components|layouts)/' },
      to: { path: '^src/web/(app-database|request)\\.ts$' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve is a typo or a missing package.',
      from: {},
      to: { couldNotResolve: true, pathNot: '^astro:|^virtual:' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|\\.astro)/|^db/migrations/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.mjs', '.js', '.d.ts'],
    },
    skipAnalysisNotInRules: true,
    preserveSymlinks: true,
  },
};
