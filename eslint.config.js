// Lint = style + the process boundaries. The boundary rules are the important part:
//   renderer/  -> may import only renderer/ code, npm UI packages and `@contract/*` (main/api: types + pure values)
//   main/api/  -> pure: no Node, no Electron, nothing else from main/
//   main/      -> never `electron` (only main/electron/ may), never renderer/
//   native/    -> device drivers: never electron, main/ or renderer/
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import boundaries from 'eslint-plugin-boundaries';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { builtinModules } from 'node:module';
import capabilities from './main/capabilities.json' with { type: 'json' };

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const restrict = (paths, patterns) => ['error', { paths, patterns }];

// main/'s capabilities, lowest layer first (main/capabilities.json): each may import by value only what an
// earlier layer holds. Type imports are free (they vanish at build time and carry no behaviour).
const layers = capabilities.layers;
const capabilityElements = [
  ...layers
    .flat()
    .filter((c) => c !== 'host')
    .map((c) => ({ type: c, pattern: `main/${c}`, partialMatch: false })),
  // The composition root: the files directly in main/ (host.ts, host-types.ts).
  { type: 'host', pattern: 'main', partialMatch: false },
];
const capabilityPolicies = layers.flatMap((layer, i) =>
  layer.map((c) => ({
    from: { element: { type: c } },
    allow: { to: { element: { types: { anyOf: [c, ...layers.slice(0, i).flat()] } } } },
  })),
);
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
  {
    // Capability boundaries inside main/ (main/capabilities.json).
    files: ['main/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': capabilityElements,
      'import/resolver': { typescript: true, node: true },
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          checkAllOrigins: true,
          policies: [
            ...capabilityPolicies.map(({ from, allow }) => ({
              from,
              disallow: {
                to: { element: { types: { noneOf: allow.to.element.types.anyOf } } },
                dependency: { kind: 'value' },
              },
            })),
            // SQLite is named only by the store and the repositories (others take `Database` from store/db).
            {
              from: {
                element: {
                  types: { noneOf: ['store'] },
                  fileInternalPath: '!{**/,}{*-repo,repository,ledger}.ts',
                },
              },
              disallow: { to: { module: { source: 'better-sqlite3' } } },
            },
            // Devices are reached only through native/ (drivers behind ports).
            { disallow: { to: { module: { source: ['usb', 'node-hid'] } } } },
            // The Electron shell sees the contract, the host's types and start-up, nothing else of main/.
            {
              from: { element: { type: 'electron' } },
              disallow: { to: { element: { types: { noneOf: ['electron', 'api', 'startup', 'host'] } } } },
            },
            {
              from: { element: { type: 'electron' } },
              disallow: { to: { element: { type: 'host' } }, dependency: { kind: 'value' } },
            },
          ],
        },
      ],
    },
  },
  {
    // No import cycles anywhere in the app's code (type-only imports aside).
    files: ['main/**/*.ts', 'native/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver()],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
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
