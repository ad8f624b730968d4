import { describe, expect, it } from 'vitest';
import { parseDiagramValue } from '../io/parse-file';
import { createSyntheticDiagram } from './synthetic';

describe('createSyntheticDiagram', () => {
  it('is deterministic', () => {
    expect(createSyntheticDiagram(300, 2)).toEqual(createSyntheticDiagram(300, 2));
  });

  it('has the requested size and every kind', () => {
    const diagram = createSyntheticDiagram(500, 2);
    expect(diagram.nodes).toHaveLength(500);
    expect(diagram.edges).toHaveLength(1000);
    expect(new Set(diagram.nodes.map((node) => node.kind)).size).toBe(12);
  });

  it('passes the file gate', () => {
    const parsed = parseDiagramValue(JSON.parse(JSON.stringify(createSyntheticDiagram(1000, 2))));
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  });
});
