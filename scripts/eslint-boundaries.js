/**
 * Layer boundaries (STYLE.md, README "Project layout"): a wrong import is a lint error that says
 * why. The house reads top-down: app → ui / canvas → ui-kit → store → the core (model, rules,
 * forecast, io, drawing, layout, actuals, review, collab). Each entry lists what a folder must
 * not import; ESLint keeps one `no-restricted-imports` per file, so each file matches one entry.
 */
// Package names as regular expressions: a gitignore pattern such as `react/*` would also match a
// folder of ours named react (store/react).
const REACT = [/^react(-dom)?(\/.*)?$/, /^@xyflow\//].map((re) => re.source);
const ZUSTAND = [/^(zustand|zundo)(\/.*)?$/].map((re) => re.source);
const folders = (...names) => names.map((name) => `**/${name}/**`);
const ban = (group, message, extra = {}) => ({ group, message, ...extra });
const banPackages = (regexes, message) => regexes.map((regex) => ({ regex, message }));

const CORE_NO_UI = banPackages(
  [...REACT, ...ZUSTAND],
  'The core is pure TypeScript that also runs in Node (the CLI, the server, workers): no React, React Flow or store.',
);
const CORE_NO_APP = ban(
  folders('store', 'persistence', 'commands', 'canvas', 'ui', 'ui-kit', 'app', 'cli', 'server'),
  'The core sits below the store and the UI; they import it, never the other way round.',
);
const NO_EDITS = ban(
  folders('edits'),
  'The UI changes the diagram only through store intents (the document slice), never with edit functions of its own.',
);
const NO_PERSISTENCE = ban(
  folders('persistence'),
  'UI reaches storage only through store intents.',
  { allowTypeImports: true },
);

const BOUNDARIES = [
  {
    files: ['src/model/**'],
    patterns: [
      ...CORE_NO_UI,
      ban(
        folders(
          'rules',
          'forecast',
          'io',
          'persistence',
          'store',
          'commands',
          'canvas',
          'ui',
          'ui-kit',
          'app',
          'cli',
          'layout',
          'drawing',
          'actuals',
          'review',
          'collab',
          'server',
        ),
        'The model (the schema and what follows from it) imports nothing else in src.',
      ),
    ],
  },
  {
    files: ['src/rules/**', 'src/forecast/**'],
    patterns: [
      ...CORE_NO_UI,
      CORE_NO_APP,
      ban(
        folders('io', 'collab', 'actuals'),
        'Rules and forecast read the model only; io and the rest build on them.',
      ),
    ],
  },
  {
    files: ['src/io/**', 'src/drawing/**', 'src/layout/**', 'src/actuals/**', 'src/review/**'],
    patterns: [...CORE_NO_UI, CORE_NO_APP],
  },
  {
    files: ['src/collab/**'],
    patterns: [
      ...banPackages(
        REACT,
        'The shared-document code runs in the browser and on the server: no React.',
      ),
      ban(
        folders('persistence', 'commands', 'canvas', 'ui', 'ui-kit', 'app', 'cli', 'server'),
        'Collab is a core module: the store and the server use it, it uses neither.',
      ),
    ],
  },
  {
    files: ['src/cli/**'],
    patterns: [
      ...CORE_NO_UI,
      ban(
        folders('store', 'persistence', 'commands', 'canvas', 'ui', 'ui-kit', 'app'),
        'The CLI runs the core in Node: model, rules, forecast and io only, never the editor.',
      ),
    ],
  },
  {
    files: ['src/server/**'],
    patterns: [
      ...banPackages(REACT, 'The server runs in Node: no React.'),
      ban(
        folders('store', 'persistence', 'commands', 'canvas', 'ui', 'ui-kit', 'app'),
        'The server stores and relays documents; it never runs the editor.',
      ),
    ],
  },
  {
    files: ['src/persistence/**'],
    patterns: [
      ...banPackages(REACT, 'Persistence is plain TypeScript over IndexedDB and localStorage.'),
      ban(
        folders('store', 'commands', 'canvas', 'ui', 'ui-kit', 'app'),
        'Persistence stores files; the store calls it, not the other way round.',
      ),
    ],
  },
  {
    files: ['src/store/**'],
    ignores: ['src/store/react/**'],
    patterns: [
      ...banPackages(
        REACT,
        'The store is vanilla zustand; React hooks over it live in store/react.',
      ),
      ban(
        folders('commands', 'canvas', 'ui', 'ui-kit', 'app'),
        'The store sits below commands and the UI; they read it and call its intents.',
      ),
    ],
  },
  {
    files: ['src/store/react/**'],
    patterns: [
      ...banPackages(
        [/^@xyflow\//.source],
        'Store hooks know nothing of React Flow; canvas code does.',
      ),
      ban(
        folders('commands', 'canvas', 'ui', 'ui-kit', 'app'),
        'Store hooks sit below the UI; components import them.',
      ),
    ],
  },
  {
    files: ['src/commands/**'],
    patterns: [
      ...banPackages(
        REACT,
        'A command is plain data and a function over the store; buttons render it.',
      ),
      ban(
        folders('persistence', 'canvas', 'ui', 'ui-kit', 'app'),
        'Commands sit below the UI that renders them.',
      ),
    ],
  },
  {
    files: ['src/ui-kit/**'],
    patterns: [
      NO_EDITS,
      NO_PERSISTENCE,
      ban(
        folders('canvas', 'ui', 'app'),
        'ui-kit holds what canvas and ui share, so it sits below both and imports neither.',
      ),
    ],
  },
  {
    files: ['src/canvas/**'],
    patterns: [
      NO_EDITS,
      NO_PERSISTENCE,
      ban(
        folders('ui', 'app'),
        'Canvas and ui do not import each other; what both need lives in ui-kit.',
      ),
    ],
  },
  {
    files: ['src/ui/**'],
    patterns: [
      NO_EDITS,
      NO_PERSISTENCE,
      ban(
        folders('canvas', 'app'),
        'Canvas and ui do not import each other; what both need lives in ui-kit.',
      ),
    ],
  },
  {
    files: ['src/app/**'],
    patterns: [NO_EDITS],
  },
];

const NO_TESTING = ban(
  folders('testing'),
  'src/testing holds test helpers; production code never ships them.',
);
const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx', 'src/testing/**'];

/** One entry per folder for its tests, and one for its production files, which also may not use src/testing. */
export const boundaries = BOUNDARIES.flatMap(({ files, ignores = [], patterns }) => [
  { files, ignores, rules: { 'no-restricted-imports': ['error', { patterns }] } },
  {
    files,
    ignores: [...ignores, ...TEST_FILES],
    rules: { 'no-restricted-imports': ['error', { patterns: [...patterns, NO_TESTING] }] },
  },
]);

/**
 * The core also runs in Node (CLI, server, workers), where these do not exist: reading one
 * would crash there or tie the core to one tab. Storage belongs to persistence, the DOM to the UI.
 */
const BROWSER_ONLY = [
  'window',
  'self',
  'document',
  'navigator',
  'location',
  'history',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'HTMLElement',
  'HTMLCanvasElement',
  'OffscreenCanvas',
  'Image',
  'DOMParser',
  'XMLSerializer',
  'alert',
].map((name) => ({
  name,
  message: `\`${name}\` is a browser global. This folder also runs in Node (CLI, server, workers); take what it needs as an argument, or move the code to the store or the UI.`,
}));
export const noBrowserGlobals = {
  files: [
    'src/model/**',
    'src/rules/**',
    'src/forecast/**',
    'src/io/**',
    'src/actuals/**',
    'src/review/**',
    'src/collab/**',
    'src/cli/**',
    'src/drawing/**',
  ],
  // The PNG encoder draws on a canvas and runs in a worker: the one DOM corner of the core.
  ignores: [
    'src/io/png.ts',
    'src/io/png-worker.ts',
    'src/io/png-worker-session.ts',
    '**/*.worker.ts',
    '**/*-worker-session.ts',
    ...TEST_FILES,
  ],
  rules: { 'no-restricted-globals': ['error', ...BROWSER_ONLY] },
};
