import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Layer boundaries (STYLE.md): a wrong import is a lint error that says why. */
const boundary = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});
const noReact = {
  group: ['react', 'react-dom', 'react/*', '@xyflow/*', 'zustand', 'zustand/*', 'zundo'],
  message: 'The core (model, rules, forecast, io) is pure TypeScript that also runs in the CLI.',
};

export default tseslint.config(
  {
    ignores: ['dist', 'node_modules', 'public', 'bin', 'bench/results.json', '.tmp', '.perf-tmp*'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] },
          ],
        },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'CallExpression[callee.property.name="only"]', message: 'No focused tests.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  boundary(
    ['src/model/**'],
    [
      noReact,
      {
        group: [
          'rules',
          'forecast',
          'io',
          'persistence',
          'store',
          'commands',
          'canvas',
          'ui',
          'app',
          'cli',
          'layout',
        ].map((folder) => `**/${folder}/*`),
        message: 'The model imports nothing else in src.',
      },
    ],
  ),
  boundary(
    ['src/rules/**', 'src/forecast/**'],
    [
      noReact,
      {
        group: ['**/io/*', '**/store/*', '**/persistence/*'],
        message: 'Rules and forecast read the model only.',
      },
    ],
  ),
  boundary(
    ['src/actuals/**'],
    [
      noReact,
      {
        group: ['**/store/*', '**/persistence/*', '**/ui/*', '**/canvas/*', '**/app/*'],
        message: 'Deal imports and their figures are pure and run in a worker and the CLI.',
        allowTypeImports: true,
      },
    ],
  ),
  boundary(
    ['src/review/**'],
    [
      noReact,
      {
        group: ['**/store/*', '**/persistence/*'],
        message: 'The review (diff, audit delta, drift) is pure and runs in the CLI too.',
      },
    ],
  ),
  boundary(
    ['src/io/**', 'src/cli/**'],
    [
      noReact,
      {
        group: ['**/store/*', '**/persistence/*'],
        message: 'io and the CLI stay free of the store.',
      },
    ],
  ),
  boundary(
    ['src/drawing/**'],
    [
      noReact,
      {
        group: ['**/store/*', '**/persistence/*', '**/canvas/*', '**/ui/*'],
        message: 'What the canvas and the exports draw alike is pure, from the model alone.',
      },
    ],
  ),
  boundary(
    ['src/canvas/**', 'src/ui/**'],
    [
      {
        group: ['**/persistence/*'],
        message: 'UI reaches storage only through store intents.',
        allowTypeImports: true,
      },
    ],
  ),
);
