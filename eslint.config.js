// ESLint (flat config), run by `npm test` as `npm run lint`. Pragmatic: typescript-eslint's
// recommended rules, plus the Office add-in rules (load before read, sync after load …) for the
// add-in, which uses Office.js. Formatting is left to the authors.
'use strict';
const js = require('@eslint/js');
const globals = require('globals');
const tseslint = require('typescript-eslint');
const officeAddins = require('eslint-plugin-office-addins');

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'examples/**', 'tests/**', 'scripts/**', 'bin/**', '*.config.js', '.ci/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    rules: {
      // require() is how the CLI loads its commands lazily and how the worker finds its script.
      '@typescript-eslint/no-require-imports': 'off',
      // an escaped "/" in a character class reads more clearly to some; not worth a failure
      'no-useless-escape': 'off',
      // control characters are what several sanitisers look for on purpose
      'no-control-regex': 'off',
      // ideographic spaces in Chinese text are meant
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipComments: true, skipRegExps: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // plain browser scripts (the add-in's ES5 boot script, the web page)
    files: ['src/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // the ES5 scripts name the browser globals they use in a /* global */ comment
      'no-redeclare': ['error', { builtinGlobals: false }],
      '@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/addin/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'warn',
      'office-addins/no-empty-load': 'warn',
      'office-addins/no-navigational-load': 'warn',
      'office-addins/no-office-initialize': 'warn',
      'office-addins/test-for-null-using-isNullObject': 'error',
    },
  },
);
