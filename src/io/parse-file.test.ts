import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrate, type Migration } from '../model/migrations';
import { CURRENT_VERSION, MAX_FILE_BYTES, SCHEMA_PATH } from '../model/version';
import { parseDiagramFile, parseDiagramValue, type ParseResult } from './parse-file';
import type { Problem } from './problems';
import { serializeDiagram } from './serialize';

type Raw = Record<string, unknown> & { nodes: Record<string, unknown>[]; edges: Raw['nodes'] };

/** A small valid file; each test breaks one thing in a fresh copy. */
function validFile(): Raw {
  return {
    format: 'gtm-blueprint',
    version: CURRENT_VERSION,
    name: 'Test',
    meta: {},
    nodes: [
      { id: 'seg', kind: 'segment', title: 'Segment', position: { x: 0, y: 0 } },
      {
        id: 'cold',
        kind: 'channel',
        title: 'Cold email',
        position: { x: 0, y: 520 },
        data: { metrics: [{ key: 'reply-rate', value: 0.03 }] },
      },
    ],
    edges: [{ id: 'e1', source: 'seg', target: 'cold', label: 'Who reads it' }],
  };
}

function problemsOf(result: ParseResult): readonly Problem[] {
  if (result.ok) throw new Error('expected the file to be refused');
  expect(result.problems.length).toBeGreaterThan(0);
  return result.problems;
}

/** Refused with exactly one problem at `path` whose message matches `message`. */
function expectRefused(text: string, path: string, message: RegExp) {
  const problems = problemsOf(parseDiagramFile(text));
  expect(problems).toHaveLength(1);
  expect(problems[0]?.path).toBe(path);
  expect(problems[0]?.message).toMatch(message);
  // Messages are sentences: a capital (or a quoted name) first, a period last (STYLE §5).
  expect(problems[0]?.message).toMatch(/^["A-Z].*\.$/s);
}

const text = (file: unknown) => JSON.stringify(file);

describe('parseDiagramFile accepts', () => {
  it('a valid file, filling meta when it is missing', () => {
    const { meta: _meta, ...withoutMeta } = validFile();
    const result = parseDiagramFile(text(withoutMeta));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.diagram.meta).toEqual({});
      expect(result.migratedFrom).toBeUndefined();
    }
  });

  it('what serializeDiagram writes, with $schema first', () => {
    const first = parseDiagramFile(text(validFile()));
    if (!first.ok) throw new Error('fixture refused');
    const written = serializeDiagram(first.diagram);
    expect(written.startsWith(`{\n  "$schema": "${SCHEMA_PATH}"`)).toBe(true);
    expect(parseDiagramFile(written)).toEqual({
      ok: true,
      diagram: { ...first.diagram, $schema: SCHEMA_PATH },
    });
  });
});

describe('parseDiagramFile refuses', () => {
  it('an unknown node kind, listing the known ones', () => {
    const file = validFile();
    file.nodes[1] = { ...file.nodes[1], kind: 'webinar' };
    expectRefused(text(file), 'nodes[1].kind', /"kind" is not one GTM Blueprint knows.*segment/);
  });

  it('an unknown metric key', () => {
    const file = validFile();
    file.nodes[1] = { ...file.nodes[1], data: { metrics: [{ key: 'open-rate', value: 0.1 }] } };
    expectRefused(
      text(file),
      'nodes[1].data.metrics[0].key',
      /"open-rate" is not a metric GTM Blueprint knows/,
    );
  });

  it('an edge whose source is not in the diagram', () => {
    const file = validFile();
    file.edges[0] = { ...file.edges[0], source: 'ghost' };
    expectRefused(text(file), 'edges[0].source', /points to a node "ghost" that is not in/);
  });

  it('an edge whose target is not in the diagram', () => {
    const file = validFile();
    file.edges[0] = { ...file.edges[0], target: 'ghost' };
    expectRefused(text(file), 'edges[0].target', /points to a node "ghost" that is not in/);
  });

  it('two nodes with one id', () => {
    const file = validFile();
    file.nodes[1] = { ...file.nodes[1], id: 'seg' };
    file.edges = [];
    expectRefused(text(file), 'nodes[1].id', /"seg" is already used by nodes\[0\]/);
  });

  it('two edges with one id', () => {
    const file = validFile();
    file.edges.push({ id: 'e1', source: 'cold', target: 'seg' });
    expectRefused(text(file), 'edges[1].id', /"e1" is already used by edges\[0\]/);
  });

  it('an edge from a node to itself', () => {
    const file = validFile();
    file.edges[0] = { ...file.edges[0], target: 'seg' };
    expectRefused(text(file), 'edges[0]', /joins a node to itself/);
  });

  it('a rate above 1, suggesting how to write a percentage', () => {
    const file = validFile();
    file.nodes[1] = { ...file.nodes[1], data: { metrics: [{ key: 'reply-rate', value: 3 }] } };
    expectRefused(
      text(file),
      'nodes[1].data.metrics[0].value',
      /rate and must be between 0 and 1 \(write 3% as 0\.03\)/,
    );
  });

  it('a negative rate', () => {
    const file = validFile();
    file.nodes[1] = { ...file.nodes[1], data: { metrics: [{ key: 'win-rate', value: -0.2 }] } };
    expectRefused(text(file), 'nodes[1].data.metrics[0].value', /between 0 and 1/);
  });

  it('an edge share outside 0..1', () => {
    const file = validFile();
    file.edges[0] = { ...file.edges[0], share: 1.5 };
    expectRefused(text(file), 'edges[0].share', /"share" must be at most 1/);
  });

  it('a number too large to be finite (1e999 in the JSON text)', () => {
    const written = text(validFile()).replace('"y":520', '"y":1e999');
    expectRefused(written, 'nodes[1].position.y', /"y" must be a finite number, not Infinity/);
  });

  it('a negative infinity', () => {
    const written = text(validFile()).replace('"x":0', '"x":-1e999');
    expectRefused(written, 'nodes[0].position.x', /finite number, not -Infinity/);
  });

  for (const [key, where, path] of [
    ['__proto__', 'the top level', '__proto__'],
    ['__proto__', 'node data', 'nodes[1].data.__proto__'],
    ['constructor', 'meta', 'meta.constructor'],
    ['prototype', 'an edge', 'edges[0].prototype'],
    ['constructor', 'a metric deep in a node', 'nodes[1].data.metrics[0].constructor'],
  ] as const) {
    it(`the key "${key}" in ${where}`, () => {
      const file = validFile();
      const targets: Record<string, object> = {
        __proto__: file,
        'nodes[1].data.__proto__': file.nodes[1]?.data as object,
        'meta.constructor': file.meta as object,
        'edges[0].prototype': file.edges[0] as object,
        'nodes[1].data.metrics[0].constructor': (file.nodes[1]?.data as { metrics: object[] })
          .metrics[0] as object,
      };
      Object.defineProperty(targets[path], key, { value: { polluted: true }, enumerable: true });
      expectRefused(text(file), path, new RegExp(`The key "${key}" is not allowed`));
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('the hostile prototype fixture', () => {
    expectRefused(
      readFileSync('tests/fixtures/hostile-proto.json', 'utf8'),
      'nodes[0].data.__proto__',
      /"__proto__" is not allowed/,
    );
  });

  it('nesting deeper than any diagram', () => {
    let deep: unknown = {};
    for (let i = 0; i < 40; i++) deep = { a: deep };
    const problems = problemsOf(parseDiagramFile(text({ ...validFile(), extra: deep })));
    expect(problems[0]?.message).toMatch(/nests deeper than a diagram ever does/);
    expect(problems[0]?.path).toMatch(/^extra\.a\.a/);
  });

  it('a file over 5 MB, before parsing it', () => {
    const padded = text({ ...validFile(), name: 'x'.repeat(MAX_FILE_BYTES) });
    expectRefused(padded, '(file)', /The file is 5\.00 MB, over the 5 MB that GTM Blueprint opens/);
  });

  it('a file of under 5 M characters but over 5 MB of UTF-8', () => {
    const padded = text({ ...validFile(), name: '€'.repeat(MAX_FILE_BYTES / 2) });
    expect(padded.length).toBeLessThan(MAX_FILE_BYTES);
    expectRefused(padded, '(file)', /over the 5 MB that GTM Blueprint opens/);
  });

  it('a version newer than this app knows', () => {
    expectRefused(
      text({ ...validFile(), version: CURRENT_VERSION + 1 }),
      'version',
      /made by a newer GTM Blueprint \(format version 3; this one reads up to 2\)/,
    );
  });

  it('a version that is not a whole number from 1', () => {
    for (const version of [0, 1.5, '1', null]) {
      expectRefused(text({ ...validFile(), version }), 'version', /whole number such as 1/);
    }
  });

  it('a file without "format"', () => {
    const { format: _format, ...rest } = validFile();
    expectRefused(text(rest), 'format', /not a GTM Blueprint file: "format" must be/);
  });

  it('a file of another format', () => {
    expectRefused(text({ ...validFile(), format: 'excalidraw' }), 'format', /"gtm-blueprint"/);
  });

  it('text that is not JSON', () => {
    expectRefused('{"format": "gtm-blueprint",', '(file)', /The file is not valid JSON \(/);
    expectRefused('', '(file)', /not valid JSON/);
  });

  it('JSON that is not an object', () => {
    for (const value of ['[]', '42', 'null', '"diagram"']) {
      expectRefused(value, '(file)', /does not hold a GTM Blueprint diagram/);
    }
  });

  it('an unknown field on a node', () => {
    const file = validFile();
    file.nodes[0] = { ...file.nodes[0], colour: 'red' };
    expectRefused(
      text(file),
      'nodes[0]',
      /Unknown field "colour": the format \(version 2\) does not have it/,
    );
  });

  it('unknown fields at the top level, named together', () => {
    expectRefused(
      text({ ...validFile(), layers: [], theme: 'dark' }),
      '(file)',
      /Unknown fields "layers", "theme"/,
    );
  });

  it('a required field that is missing', () => {
    const file = validFile();
    const { title: _title, ...untitled } = file.nodes[0] as Record<string, unknown>;
    file.nodes[0] = untitled;
    expectRefused(text(file), 'nodes[0].title', /"title" is required and missing/);
  });

  it('a field of the wrong type', () => {
    expectRefused(text({ ...validFile(), nodes: {} }), 'nodes', /"nodes" must be an array/);
  });

  it('an id with characters outside the allowed set', () => {
    const file = validFile();
    file.nodes[0] = { ...file.nodes[0], id: 'has space' };
    file.edges = [];
    expectRefused(text(file), 'nodes[0].id', /"id" .*letters, digits/);
  });

  it('a date that is not a real YYYY-MM-DD date', () => {
    expectRefused(
      text({ ...validFile(), meta: { lastReviewed: '2026-13-01' } }),
      'meta.lastReviewed',
      /must be a date written YYYY-MM-DD/,
    );
  });

  it('every problem at once, capped at 50, each with a path', () => {
    const file = validFile();
    file.nodes = Array.from({ length: 80 }, (_, i) => ({ id: `n${i}`, kind: 'nope' }));
    const problems = problemsOf(parseDiagramValue(file));
    expect(problems).toHaveLength(50);
    for (const problem of problems) expect(problem.path).toMatch(/^nodes\[\d+\]/);
  });
});

describe('migrate', () => {
  const renameTitle: Migration = (file) => ({ ...file, name: file.title, title: undefined });
  const addMeta: Migration = (file) => ({ ...file, meta: { migrated: true } });
  const table = { 1: renameTitle, 2: addMeta };

  it('runs every step from the file version up, setting each new version', () => {
    const original = { format: 'gtm-blueprint', version: 1, title: 'Old' };
    const result = migrate(original, 1, 3, table);
    expect(result).toEqual({
      ok: true,
      file: {
        format: 'gtm-blueprint',
        version: 3,
        name: 'Old',
        title: undefined,
        meta: { migrated: true },
      },
    });
    expect(original).toEqual({ format: 'gtm-blueprint', version: 1, title: 'Old' });
  });

  it('starts from the file version, not from 1', () => {
    const result = migrate({ version: 2 }, 2, 3, table);
    expect(result).toEqual({ ok: true, file: { version: 3, meta: { migrated: true } } });
  });

  it('returns a current file unchanged', () => {
    const file = { version: 3 };
    expect(migrate(file, 3, 3, table)).toEqual({ ok: true, file });
  });

  it('refuses a newer file and a gap in the table', () => {
    expect(migrate({}, 4, 3, table)).toEqual({ ok: false, reason: 'newer', version: 4 });
    expect(migrate({}, 1, 3, { 1: renameTitle })).toEqual({
      ok: false,
      reason: 'unknown',
      version: 2,
    });
  });

  it('has a migration for every version below the current one', () => {
    for (let version = 1; version < CURRENT_VERSION; version++) {
      expect(migrate({ version }, version, CURRENT_VERSION).ok).toBe(true);
    }
  });
});
