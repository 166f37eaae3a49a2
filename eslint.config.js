import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Besides the usual checks, architecture rules live here as lint rules:
 * - the environment is read only in platform/config.ts (and by test tooling);
 * - a module imports another module only through its index.ts (schema files may reference
 *   another module's table for a foreign key);
 * - React components never talk to the database or server code.
 */
export default tseslint.config(
  { ignores: ['**/dist/**', 'node_modules/**', 'data/**', 'apps/server/migrations/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['apps/server/src/**/*.ts'],
    ignores: ['apps/server/src/platform/config.ts', 'apps/server/src/platform/db/testing.ts', '**/*.test.ts', 'apps/server/src/testing/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through platform/config.ts.' }],
    },
  },
  {
    files: ['apps/server/src/modules/*/**/*.ts'],
    ignores: ['apps/server/src/modules/*/schema.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!index\\.ts$|types\\.ts$|demo\\.ts$)[^./][^/]*/(?!index\\.ts$).+',
              message: "Import another module only through its index.ts (ARCHITECTURE.md: never another module's tables or use cases).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/apps/server/**', 'drizzle-orm*', 'pg'], message: 'The web app talks to the server over HTTP only.' }] }],
    },
  },
);
