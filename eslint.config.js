// ESLint: correctness rules only (eslint's and typescript-eslint's recommended sets, no
// formatting rules: the layout is Prettier's, `npm run format`). Run by `npm test`.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.tools/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: globals.node } },
  {
    rules: {
      // Matching control characters is the job of the code that keeps host values off the terminal.
      'no-control-regex': 'off',
      // `const { notes: _notes, ...rest } = x` is how a field is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    // Tests feed the readers malformed, untyped documents on purpose.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
