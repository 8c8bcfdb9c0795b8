// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Process boundaries (STYLE.md): what each folder may not import. */
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const NODE_BUILTINS = {
  group: ['node:*', 'fs', 'path', 'crypto', 'child_process', 'os', 'http', 'net'],
  message: 'no Node built-ins here',
};
const ELECTRON = { group: ['electron', 'electron/*'], message: 'only src-main may import electron' };
const REACT_DOM = { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'no React here' };
const folder = (name) => ({
  group: [`**/${name}/**`, `**/${name}`],
  message: `do not import from ${name}; share through src-common`,
});

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.watchfloor/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['src-common/**/*.ts'],
    rules: restrict([
      NODE_BUILTINS,
      ELECTRON,
      REACT_DOM,
      folder('src-hub'),
      folder('src-main'),
      folder('src-renderer'),
    ]),
  },
  {
    files: ['src-hub/**/*.ts'],
    rules: restrict([ELECTRON, REACT_DOM, folder('src-main'), folder('src-renderer')]),
  },
  {
    files: ['src-main/**/*.ts'],
    rules: restrict([REACT_DOM, folder('src-hub'), folder('src-renderer')]),
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict([NODE_BUILTINS, ELECTRON, folder('src-hub'), folder('src-main')]),
    },
  },
  {
    files: ['scripts/**', 'tests/**', '*.config.*'],
    rules: { 'no-console': 'off' },
  },
);
