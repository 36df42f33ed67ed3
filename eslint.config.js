// Type-aware lint of the TypeScript sources, tests, benches and scripts (`npm run lint`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'dist.next.*/', 'node_modules/', 'out/', 'bench/.cache/', 'test/**/*-changed/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A promise nobody awaits hides its failure; a promise passed where a callback is expected
      // (an event handler, a forEach) is never awaited either.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Cell and row values reach String() narrowed off null only, which TypeScript types as `{}`.
      '@typescript-eslint/no-base-to-string': 'off',
      // An async function that awaits nothing still keeps to an async interface (readers, fakes).
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests read fixtures and outputs with JSON.parse (typed any) and compare them whole.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
