import { describe, expect, it } from 'vitest';
import { BAND_HEIGHT, NODE_WIDTH, bandTop } from '../model/bands';
import { createDiagram, createEdge, createNode } from '../model/factories';
import { layerOf } from '../model/layers';
import type { Diagram } from '../model/schema';
import { bandedLayout } from './banded-layout';

function pipeline(): Diagram {
  const d = createDiagram();
  const nodes = [
    createNode('stage', { x: 900, y: 900 }, 'Close'),
    createNode('stage', { x: 0, y: 800 }, 'Lead'),
    createNode('stage', { x: 0, y: 800 }, 'SQL'),
    createNode('channel', { x: 3000, y: 600 }, 'Outbound'),
    createNode('segment', { x: -500, y: 60 }, 'ICP'),
  ];
  const [close, lead, sql, outbound, icp] = nodes as [
    (typeof nodes)[0],
    (typeof nodes)[0],
    (typeof nodes)[0],
    (typeof nodes)[0],
    (typeof nodes)[0],
  ];
  return {
    ...d,
    nodes,
    edges: [
      createEdge(icp.id, outbound.id),
      createEdge(outbound.id, lead.id),
      createEdge(lead.id, sql.id),
      createEdge(sql.id, close.id),
      createEdge(close.id, icp.id, { kind: 'feedback' }),
    ],
  };
}

describe('bandedLayout', () => {
  it('keeps every node inside its band and never overlaps cards', () => {
    const result = bandedLayout(pipeline());
    for (const node of result.nodes) {
      const top = bandTop(layerOf(node.kind));
      expect(node.position.y).toBeGreaterThanOrEqual(top);
      expect(node.position.y).toBeLessThan(top + BAND_HEIGHT);
    }
    const stages = result.nodes
      .filter((n) => n.kind === 'stage')
      .sort((a, b) => a.position.x - b.position.x);
    for (let i = 1; i < stages.length; i++) {
      expect(stages[i]!.position.x - stages[i - 1]!.position.x).toBeGreaterThanOrEqual(NODE_WIDTH);
    }
  });

  it('orders a pipeline left to right along its edges', () => {
    const result = bandedLayout(pipeline());
    const x = (title: string) => result.nodes.find((n) => n.title === title)!.position.x;
    expect(x('Lead')).toBeLessThan(x('SQL'));
    expect(x('SQL')).toBeLessThan(x('Close'));
  });

  it('changes positions only', () => {
    const before = pipeline();
    const after = bandedLayout(before);
    expect(after.edges).toBe(before.edges);
    expect(after.nodes.map(({ position: _p, ...rest }) => rest)).toEqual(
      before.nodes.map(({ position: _p, ...rest }) => rest),
    );
  });
});
