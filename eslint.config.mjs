// Lints every TypeScript file under src/, test/, bench/ and scripts/ with type information,
// and keeps the core pure: nothing under src/core may import vscode or a Node built-in.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', '.vscode-test-web/**', '**/*.mjs', '**/*.js'] },
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
);
