// Lint gate (`npm run lint`, docs/style.md#formatting): @eslint/js and typescript-eslint's
// type-aware recommended rules over every file tsconfig.json includes, plus the size limits the
// code base keeps to.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // Output of tools and scratch work, not source.
    ignores: ['node_modules/', 'scratch/', 'reports/', '.stryker-tmp/', 'counterexamples/*.json'],
  },
  // A disable comment that no longer silences anything fails the gate too.
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // On purpose: a key a rest pattern leaves out, a parameter named `_` that only gives a type.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { ignoreRestSiblings: true, argsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Plain JavaScript outside tsconfig.json (this file, bin/, .ci/): no type information.
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
  },
  {
    // Size limits; the tests' tables are exempt.
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    ignores: ['**/*.test.ts'],
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }],
      'max-lines-per-function': ['error', { max: 80 }],
    },
  },
);
