import { describe, expect, it } from 'vitest';
import { createEdge, createNode } from '../model/factories';
import type { DiagramNode } from '../model/schema';
import { createSyntheticDiagram } from '../testing/synthetic';
import { AVOID_CARDS_UP_TO, layoutEdges, type EdgeLayout } from './edge-layout';

/** Every edge shows a chip, as with every "Add label" asked for: the most chips to collide. */
const chipText = (edge: { id: string; label?: string | undefined }) =>
  edge.label?.trim() || `Chip ${edge.id.slice(-3)}`;

const moved = (nodes: readonly DiagramNode[], id: string, dx: number, dy: number) =>
  nodes.map((node) =>
    node.id === id
      ? { ...node, position: { x: node.position.x + dx, y: node.position.y + dy } }
      : node,
  );

const plain = (layout: EdgeLayout) => ({
  routes: [...layout.routes].map(([id, route]) => [id, route.points]),
  labels: [...layout.labels],
});

describe('edge layout from the previous one', () => {
  for (const [count, avoidCards] of [
    [200, true],
    [AVOID_CARDS_UP_TO + 400, false],
  ] as const) {
    it(`places every chip as placing them all afresh does, step after step (${count} cards)`, () => {
      const diagram = createSyntheticDiagram(count, 2);
      let nodes: readonly DiagramNode[] = diagram.nodes;
      let layout = layoutEdges(nodes, diagram.edges, chipText, undefined, avoidCards);
      // A drag: one card pushed through its neighbours 20 px at a time, then another card.
      const steps: [string, number, number][] = [
        ...Array.from({ length: 12 }, (): [string, number, number] => ['n3', 20, 0]),
        ...Array.from({ length: 6 }, (): [string, number, number] => ['n40', -20, 20]),
      ];
      for (const [id, dx, dy] of steps) {
        nodes = moved(nodes, id, dx, dy);
        // The same previous routes without its chips: the routes match, the chips are placed anew.
        const routesOnly = { nodes: layout.nodes, routes: layout.routes, labels: layout.labels };
        const fresh = layoutEdges(nodes, diagram.edges, chipText, routesOnly, avoidCards);
        layout = layoutEdges(nodes, diagram.edges, chipText, layout, avoidCards);
        expect(plain(layout)).toEqual(plain(fresh));
      }
    });
  }

  it('puts a chip where a card was once the card is gone', () => {
    const from = createNode('channel', { x: 0, y: 0 });
    const to = createNode('stage', { x: 1000, y: 0 });
    const between = createNode('tool', { x: 500, y: 0 });
    const edges = [createEdge(from.id, to.id, { label: 'Qualified leads' })];
    const before = layoutEdges([from, to, between], edges, undefined, undefined, false);
    expect(before.labels.get(edges[0]!.id)?.x).not.toBe(610);
    const after = layoutEdges([from, to], edges, undefined, before, false);
    // The middle of the route, 220 to 1000, where the card stood.
    expect(after.labels.get(edges[0]!.id)?.x).toBe(610);
    // Made from `before` again (its card index now went on to `after`), with the card kept.
    const again = layoutEdges([from, { ...to }, between], edges, undefined, before, false);
    expect(plain(again)).toEqual(
      plain(layoutEdges([from, to, between], edges, undefined, undefined, false)),
    );
  });

  it('places chips as afresh from a layout used twice', () => {
    const diagram = createSyntheticDiagram(AVOID_CARDS_UP_TO + 400, 2);
    const first = layoutEdges(diagram.nodes, diagram.edges, chipText, undefined, false);
    const afresh = (nodes: readonly DiagramNode[]) =>
      plain(layoutEdges(nodes, diagram.edges, chipText, undefined, false));
    const one = moved(diagram.nodes, 'n3', 0, 300);
    expect(plain(layoutEdges(one, diagram.edges, chipText, first, false))).toEqual(afresh(one));
    // The first layout has handed its card index on to the one made from it.
    const other = moved(diagram.nodes, 'n40', -40, 40);
    expect(plain(layoutEdges(other, diagram.edges, chipText, first, false))).toEqual(afresh(other));
  });

  it('keeps the objects of chips far from a dragged card', () => {
    const diagram = createSyntheticDiagram(AVOID_CARDS_UP_TO + 400, 2);
    const before = layoutEdges(diagram.nodes, diagram.edges, chipText, undefined, false);
    const after = layoutEdges(
      moved(diagram.nodes, 'n3', 20, 0),
      diagram.edges,
      chipText,
      before,
      false,
    );
    const kept = [...after.labels].filter(([id, label]) => before.labels.get(id) === label);
    expect(kept.length).toBeGreaterThan(after.labels.size * 0.9);
    expect(kept.length).toBeLessThan(after.labels.size);
  });
});
