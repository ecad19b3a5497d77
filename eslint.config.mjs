import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'build/', 'out/', 'release/', 'coverage/', 'test-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
      // No source line over 120 characters (issue 9); Prettier wraps code at 110, this catches long strings,
      // test names and comments. Only a URL may run longer, since it cannot be broken and still be followed.
      'max-len': ['error', { code: 120, ignoreUrls: true }],
    },
  },
  {
    // Node's recursive mkdir spins for ever under a folder that refuses with ENOENT (/proc): the app makes
    // folders with makeFolders (electron/core/folders.ts), which stops at the first refusal.
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            ':matches(CallExpression[callee.property.name=/^mkdir/], CallExpression[callee.name=/^mkdir/]) ' +
            '> ObjectExpression > Property[key.name="recursive"]',
          message:
            'Make folders with makeFolders (electron/core/folders.ts): a recursive mkdir can spin for ever.',
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
