import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCHEMA_PATH } from '../model/version';
import { MUTATIONS, diagramArbitrary, invalidDiagramText } from '../testing/arbitraries';
import { parseDiagramFile, type ParseResult } from './parse-file';
import { serializeDiagram } from './serialize';
import { decodeShareFragment, encodeShareLink } from './share-link';

function parseSafely(text: string): ParseResult {
  let result: ParseResult | undefined;
  expect(() => {
    result = parseDiagramFile(text);
  }).not.toThrow();
  return result as ParseResult;
}

// Thousands of generated files per property: a loaded machine needs more than the default 5 s.
describe('parseDiagramFile (properties)', { timeout: 60_000 }, () => {
  it('accepts every valid diagram and reads back what serializeDiagram wrote', () => {
    fc.assert(
      fc.property(diagramArbitrary(), fc.boolean(), (diagram, pretty) => {
        const result = parseSafely(serializeDiagram(diagram, { pretty }));
        if (!result.ok) throw new Error(JSON.stringify(result.problems));
        expect(result.diagram).toEqual({ ...diagram, $schema: SCHEMA_PATH });
        // Once read, saving is stable: a file does not drift across open-save cycles.
        const saved = serializeDiagram(result.diagram, { pretty });
        const reread = parseSafely(saved);
        if (!reread.ok) throw new Error(JSON.stringify(reread.problems));
        expect(serializeDiagram(reread.diagram, { pretty })).toBe(saved);
      }),
      { numRuns: 1500 },
    );
  });

  it('refuses every mutated diagram with problems that say where and why', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(invalidDiagramText(), ({ mutation, text }) => {
        seen.add(mutation);
        const result = parseSafely(text);
        if (result.ok) throw new Error(`accepted after "${mutation}": ${text.slice(0, 300)}`);
        expect(result.problems.length).toBeGreaterThan(0);
        expect(
          result.problems.some((problem) => problem.path.length > 0 && problem.message.length > 0),
        ).toBe(true);
        for (const problem of result.problems) {
          expect(typeof problem.path).toBe('string');
          expect(problem.message).toMatch(/\.$/);
        }
      }),
      { numRuns: 2500 },
    );
    expect([...seen].sort()).toEqual(MUTATIONS.map((mutation) => mutation.name).sort());
  });

  it('never throws on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        parseSafely(JSON.stringify(value) ?? 'null');
      }),
      { numRuns: 1500 },
    );
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        parseSafely(text);
      }),
      { numRuns: 1500 },
    );
  });

  it('never throws on diagram-shaped objects with random values anywhere', () => {
    const anything = fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true });
    const shaped = fc.record(
      {
        format: fc.oneof(fc.constant('gtm-blueprint'), anything),
        version: fc.oneof(fc.constant(1), anything),
        name: anything,
        meta: anything,
        nodes: fc.oneof(
          fc.array(
            fc.record(
              { id: anything, kind: anything, title: anything, position: anything, data: anything },
              { requiredKeys: [] },
            ),
          ),
          anything,
        ),
        edges: anything,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(shaped, (file) => {
        let text: string | undefined;
        try {
          text = JSON.stringify(file);
        } catch {
          return; // BigInt and friends cannot be written to a file at all.
        }
        parseSafely(text ?? 'null');
      }),
      { numRuns: 1500 },
    );
  });

  it('round-trips valid diagrams through share links', () => {
    fc.assert(
      fc.property(diagramArbitrary({ maxNodes: 6, maxEdges: 8 }), (diagram) => {
        const url = encodeShareLink(diagram, 'https://gtm-blueprint.example/');
        const result = decodeShareFragment(new URL(url).hash);
        expect(result).toEqual({ ok: true, diagram: { ...diagram, $schema: SCHEMA_PATH } });
      }),
      { numRuns: 500 },
    );
  });
});
