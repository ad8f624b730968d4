import { describe, expect, it } from 'vitest';
import { BAND_HEIGHT, NODE_GAP_X, NODE_HEIGHT, NODE_WIDTH, bandTop } from '../model/bands';
import { createDiagram, createEdge, createNode } from '../model/factories';
import { LAYER_IDS, layerOf } from '../model/layers';
import { findTemplate } from '../model/templates';
import type { Diagram } from '../model/schema';
import { bandedLayout, packColumns } from './banded-layout';

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

const TEMPLATE_IDS = ['seed-starter', 'mid-market-sales-led', 'product-led', 'sales-system-map'];

function width(diagram: Diagram): number {
  const xs = diagram.nodes.map((n) => n.position.x);
  return Math.max(...xs) + NODE_WIDTH - Math.min(...xs);
}

describe('bandedLayout on the templates', () => {
  for (const id of TEMPLATE_IDS) {
    const template = findTemplate(id)!.create();
    const result = bandedLayout(template);

    it(`${id}: no two cards overlap`, () => {
      for (const a of result.nodes) {
        for (const b of result.nodes) {
          if (a === b) continue;
          const apart =
            Math.abs(a.position.x - b.position.x) >= NODE_WIDTH + NODE_GAP_X ||
            Math.abs(a.position.y - b.position.y) >= NODE_HEIGHT;
          expect(apart, `${a.title} and ${b.title}`).toBe(true);
        }
      }
    });

    it(`${id}: as wide as its fullest band, and no wider than the template as drawn`, () => {
      const fullest = Math.max(
        ...LAYER_IDS.map((l) => result.nodes.filter((n) => layerOf(n.kind) === l).length),
      );
      expect(width(result)).toBe(fullest * (NODE_WIDTH + NODE_GAP_X) - NODE_GAP_X);
      expect(width(result)).toBeLessThanOrEqual(width(template));
    });

    it(`${id}: the stages read left to right along the pipeline`, () => {
      const stages = result.nodes.filter((n) => n.kind === 'stage');
      for (const edge of result.edges) {
        const source = stages.find((s) => s.id === edge.source);
        const target = stages.find((s) => s.id === edge.target);
        if (!source || !target || edge.kind === 'feedback') continue;
        expect(source.position.x, `${source.title} → ${target.title}`).toBeLessThan(
          target.position.x,
        );
      }
    });
  }

  it('puts a card near what it connects to', () => {
    const template = findTemplate('mid-market-sales-led')!.create();
    const result = bandedLayout(template);
    const column = (id: string) =>
      Math.round((result.nodes.find((n) => n.id === id)!.position.x - 40) / 280);
    // Every channel sits within two columns of the average of its neighbours.
    for (const channel of result.nodes.filter((n) => n.kind === 'channel')) {
      const near = result.edges
        .filter((e) => e.source === channel.id || e.target === channel.id)
        .map((e) => (e.source === channel.id ? e.target : e.source));
      if (near.length === 0) continue;
      const mean = near.map(column).reduce((a, b) => a + b, 0) / near.length;
      expect(Math.abs(column(channel.id) - mean), channel.title).toBeLessThanOrEqual(2);
    }
  });
});

describe('packColumns', () => {
  it('keeps order, distinct columns inside the range, as near as it can', () => {
    expect(packColumns([0, 0, 0], 3)).toEqual([0, 1, 2]);
    expect(packColumns([5, 5], 3)).toEqual([1, 2]);
    expect(packColumns([0.4, 2.6], 5)).toEqual([0, 3]);
  });
});
