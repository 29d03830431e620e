// ESLint (flat config): the recommended rules of @eslint/js, typescript-eslint and eslint-plugin-astro.
// `npm run lint` runs it; `npm test` runs it before the build. A rule is turned off only with its reason.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import { defineConfig } from 'eslint/config';

export default defineConfig(
  {
    // Built output, generated types, published builds, test reports and drizzle-kit's migrations: generated, not written.
    ignores: ['dist/', '.astro/', 'node_modules/', '.praktijkplein/', 'test-results/', 'db/migrations/', 'db/backups/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs['flat/recommended'],
  {
    // Server, build scripts, database and tests run on Node.
    files: ['**/*.{js,mjs,cjs,ts,mts}'],
    // Not the browser code below, nor a <script> of an .astro file (linted as a virtual `x.astro/0_0.ts`).
    ignores: ['src/scripts/**', '**/*.astro/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Browser code: the bundled client scripts (and, through eslint-plugin-astro, every <script> in .astro).
    files: ['src/scripts/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    rules: {
      // `const { secret: _secret, ...rest } = row` is how the code drops a field; the named part is meant to go unused.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Grouped `case` labels carry a comment line per group (see domain/policy.ts); an empty case never falls through by accident.
      'no-fallthrough': ['error', { allowEmptyCase: true }],
    },
  },
);
