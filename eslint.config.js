// ESLint flat config: `npm run lint` (CI) and `npm run format` (eslint --fix after prettier --write).
// Type-aware typescript-eslint everywhere: the projectService gives each file the tsconfig nearest to it
// (client/tsconfig.json for client/src, tsconfig.json for the rest), so one run checks both programs.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'data/', 'test-results/', 'coverage/', 'node_modules/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // The bugs that bite a queue and a webhook receiver: a promise nobody awaits loses its error
      // (an unhandled rejection kills the process) and its ordering.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { args: 'after-used', argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Deliberate here: an async function that only throws (a disabled client, a migration with
      // nothing to await) turns the throw into a rejection, which its callers expect.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // The Knex boundary: drivers hand back untyped (`any`) rows, and these files are where they are
    // coerced (Number(), String()) into domain types. Outside it, an `any` row leaking out is a finding.
    files: ['server/storage/**/*.ts', 'migrations/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  {
    // Tests read supertest's `res.body` (typed `any`) and assert on it, build fakes that implement
    // async interfaces, spy on methods (expect(obj.method)) and evaluate the sandbox's page scripts.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-implied-eval': 'off',
    },
  },
  {
    // Plain JS (this file): no tsconfig includes it, so no type information.
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    // The two classic hook rules; the plugin's React Compiler rules (refs, purity, set-state-in-effect…)
    // judge code written for the compiler, which this app does not use.
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // The UI's hooks return object literals of closures typed with method shorthand (`reload(): void`):
      // no `this` to lose. Classes, where it matters, live on the server.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // The server logs through pino (structured, redacted); console output would bypass both.
    files: ['server/**/*.ts'],
    ignores: ['server/cli/**'],
    rules: { 'no-console': 'error' },
  },
  prettier,
);
