// Lint = style + the process boundaries. The boundary rules are the important part:
//   renderer/  -> may import only renderer/ code, npm UI packages and `@contract/*` (main/api: types + pure values)
//   main/api/  -> pure: no Node, no Electron, nothing else from main/
//   main/      -> never `electron` (only main/electron/ may), never renderer/
//   native/    -> device drivers: never electron, main/ or renderer/
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const restrict = (paths, patterns) => ['error', { paths, patterns }];
/** main/api is pure: no Node, no Electron, nothing from outside main/api (`outside`: the parent folder's pattern). */
const apiPurity = (outside) =>
  restrict(
    [
      ...nodeBuiltins.map((name) => ({ name, message: 'main/api is shared with the renderer: no Node.' })),
      'electron',
    ],
    [
      {
        group: [outside, '**/native/**', '**/renderer/**'],
        message: 'main/api depends on nothing else in the app.',
      },
    ],
  );

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      '.vite/**',
      'coverage/**',
      '.tmp/**',
      'test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': restrict(
        [{ name: 'electron', message: 'Only main/electron/ may import electron; inject a port instead.' }],
        [{ group: ['**/renderer/**'], message: 'main never imports renderer code.' }],
      ),
    },
  },
  { files: ['main/api/*.ts'], rules: { 'no-restricted-imports': apiPurity('../*') } },
  // The contract's per-capability files sit one folder down, so main/api itself is `../` there.
  { files: ['main/api/contract/**/*.ts'], rules: { 'no-restricted-imports': apiPurity('../../*') } },
  {
    files: ['main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [],
        [{ group: ['**/renderer/**'], message: 'main never imports renderer code.' }],
      ),
    },
  },
  {
    files: ['native/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [{ name: 'electron', message: 'Drivers are plain Node; Electron stays in main/electron/.' }],
        [
          {
            group: ['**/main/**', '**/renderer/**'],
            message: 'native/ is below main/: it may not import app code.',
          },
        ],
      ),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict(
        [
          ...nodeBuiltins.map((name) => ({ name, message: 'The renderer is sandboxed: no Node modules.' })),
          { name: 'electron', message: 'The renderer talks to main only through window.pos.' },
        ],
        [
          {
            group: ['**/main/**', '**/native/**', '@contract/../*'],
            message: 'The renderer may import main only through @contract/* (the shared contract).',
          },
        ],
      ),
    },
  },
);
