import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import hub from './eslint-rules/import-boundaries.mjs';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', 'test/client/schema.d.ts', 'eslint-rules/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { hub },
    rules: {
      'hub/import-boundaries': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Function']", message: 'new Function is forbidden: evaluate expressions with the sandboxed CEL library.' },
        { selector: "CallExpression[callee.name='eval']", message: 'eval is forbidden: evaluate expressions with the sandboxed CEL library.' },
        {
          selector: "Property[key.name='type'][value.value='datetime']",
          message: "Use `type: types.datetime` (from @mikro-orm/core): the string form compares a loaded Date with its stored number on SQLite, so every flush rewrites the row.",
        },
      ],
      'no-restricted-imports': ['error', { paths: [{ name: 'vm', message: 'vm is forbidden on user input.' }, { name: 'node:vm', message: 'vm is forbidden on user input.' }] }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly', setTimeout: 'readonly', Buffer: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
