// Lints every TypeScript file under src/, test/, bench/ and scripts/, and the JavaScript build and test scripts
// (scripts/**/*.mjs, the configs at the root), all with type information; and keeps the core pure: nothing under
// src/core may import vscode or a Node built-in.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', '.vscode-test-web/**', 'test-results/**',
    'src/core/json/validators.generated.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['vscode', 'fs', 'path', 'child_process', 'os'],
        patterns: [{ group: ['node:*'], message: 'src/core is pure: pass file access in through a port.' },
          { group: ['**/extension/**', '**/cli/**'], message: 'src/core must not depend on the outer layers.' }],
      }],
    },
  },
  {
    // The analysis's typed-array tables are private to the core: the outer layers ask Analysis's queries.
    files: ['src/extension/**/*.ts', 'src/cli/**/*.ts', 'src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/core/analyze/**'], message: 'Import from the core facade and use the Analysis queries, not its tables.' }],
      }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    // Plain Node scripts, some with callbacks that run in the browser page (page.evaluate); .cjs where a tool
    // require()s its plug-in (mocha reporters).
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    // Untyped JavaScript: every parameter and every JSON.parse() is `any`, so these would flag each use of one.
    // The rules that find bugs here (floating or misused promises, await of a non-promise, unused variables...)
    // stay on.
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
