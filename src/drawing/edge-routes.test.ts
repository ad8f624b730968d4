import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NODE_HEIGHT, NODE_WIDTH, slotPosition } from '../model/bands';
import { createEdge, createNode } from '../model/factories';
import type { DiagramEdge, DiagramNode, EdgeKind } from '../model/schema';
import { TEMPLATES } from '../model/templates';
import { segmentCrossesRect, type Point } from './geometry';
import { anchorPoint, cardRect, routeEdges, type EdgeRoute } from './edge-routes';

const segments = (points: readonly Point[]): [Point, Point][] =>
  points.slice(1).map((point, i) => [points[i] as Point, point]);

/** The cards a route passes through (its own two ends count too: it must leave them outward). */
function crossed(route: EdgeRoute, nodes: readonly DiagramNode[]): string[] {
  return nodes
    .filter((node) =>
      segments(route.points).some(([a, b]) => segmentCrossesRect(a, b, cardRect(node))),
    )
    .map((node) => node.title);
}

const isOrthogonal = (points: readonly Point[]) =>
  segments(points).every(([a, b]) => a[0] === b[0] || a[1] === b[1]);

describe('edge routes', () => {
  const channel = createNode('channel', slotPosition('channels', 1), 'Cold email');
  const lead = createNode('stage', slotPosition('sales', 0), 'Lead');
  const sql = createNode('stage', slotPosition('sales', 1), 'SQL');
  const won = createNode('stage', slotPosition('sales', 2), 'Won');

  it('starts and ends on the middle of the handles it names, leaving outward', () => {
    const down = createEdge(channel.id, lead.id);
    const side = createEdge(lead.id, sql.id);
    const routes = routeEdges([channel, lead, sql], [down, side]);
    const r1 = routes.get(down.id) as EdgeRoute;
    expect([r1.sourceSide, r1.targetSide]).toEqual(['b', 't']);
    expect(r1.points[0]).toEqual(anchorPoint(channel, 'b'));
    expect(r1.points.at(-1)).toEqual(anchorPoint(lead, 't'));
    expect(r1.points[0]).toEqual([
      channel.position.x + NODE_WIDTH / 2,
      channel.position.y + NODE_HEIGHT,
    ]);
    // First step goes down out of the bottom, last step comes down into the top.
    expect((r1.points[1] as Point)[1]).toBeGreaterThan((r1.points[0] as Point)[1]);
    const r2 = routes.get(side.id) as EdgeRoute;
    expect(r2.points).toEqual([anchorPoint(lead, 'r'), anchorPoint(sql, 'l')]);
  });

  it('keeps the handles an edge was drawn between', () => {
    const drawn = {
      ...createEdge(channel.id, lead.id),
      sourceSide: 'l' as const,
      targetSide: 'r' as const,
    };
    const route = routeEdges([channel, lead, sql], [drawn]).get(drawn.id) as EdgeRoute;
    expect([route.sourceSide, route.targetSide]).toEqual(['l', 'r']);
    expect(route.points[0]).toEqual(anchorPoint(channel, 'l'));
    expect(route.points.at(-1)).toEqual(anchorPoint(lead, 'r'));
    expect(crossed(route, [channel, lead, sql])).toEqual([]);
  });

  it('goes round a card in its way instead of through it', () => {
    const skip = createEdge(lead.id, won.id);
    const route = routeEdges([lead, sql, won], [skip]).get(skip.id) as EdgeRoute;
    expect(crossed(route, [lead, sql, won])).toEqual([]);
    expect(route.points.length).toBeGreaterThan(2);
    expect(isOrthogonal(route.points)).toBe(true);
  });

  it('sends feedback round the right of every card, each edge in a lane of its own', () => {
    const back1 = { ...createEdge(won.id, channel.id), kind: 'feedback' as const };
    const back2 = { ...createEdge(sql.id, channel.id), kind: 'feedback' as const };
    const nodes = [channel, lead, sql, won];
    const routes = routeEdges(nodes, [back1, back2]);
    const right = Math.max(...nodes.map((n) => n.position.x + NODE_WIDTH));
    const lanes = [back1, back2].map((e) =>
      Math.max(...(routes.get(e.id) as EdgeRoute).points.map((p) => p[0])),
    );
    expect(lanes[0]).toBeGreaterThan(right);
    expect(lanes[1]).toBeGreaterThan(lanes[0] as number);
    for (const e of [back1, back2])
      expect(crossed(routes.get(e.id) as EdgeRoute, nodes)).toEqual([]);
  });

  it('reuses the routes a drag did not come near, and re-routes the ones it did', () => {
    const far = createNode('tool', { x: 3000, y: 1100 }, 'Far away');
    const farther = createNode('tool', { x: 3600, y: 1100 }, 'Farther');
    const e1 = createEdge(lead.id, sql.id);
    const e2 = createEdge(far.id, farther.id);
    const nodes = [lead, sql, far, farther];
    const first = routeEdges(nodes, [e1, e2]);
    const moved = { ...sql, position: { x: sql.position.x + 40, y: sql.position.y + 60 } };
    const next = [lead, moved, far, farther];
    const second = routeEdges(next, [e1, e2], { nodes, routes: first });
    expect(second.get(e2.id)).toBe(first.get(e2.id));
    expect(second.get(e1.id)).not.toBe(first.get(e1.id));
    expect((second.get(e1.id) as EdgeRoute).points.at(-1)).toEqual(anchorPoint(moved, 'l'));
  });

  it('routes every template without crossing a card', () => {
    for (const template of TEMPLATES) {
      const diagram = template.create();
      const routes = routeEdges(diagram.nodes, diagram.edges);
      for (const route of routes.values()) {
        expect({ edge: route.edge.id, crossed: crossed(route, diagram.nodes) }).toEqual({
          edge: route.edge.id,
          crossed: [],
        });
      }
    }
  });

  it('never crosses a card on random layouts (property)', () => {
    // Cards on a loose grid of cells with random gaps and jitter, never overlapping.
    const layout = fc
      .record({
        columns: fc.integer({ min: 2, max: 5 }),
        cells: fc.array(
          fc.record({
            used: fc.boolean(),
            dx: fc.integer({ min: 0, max: 60 }),
            dy: fc.integer({ min: 0, max: 60 }),
          }),
          { minLength: 4, maxLength: 20 },
        ),
        gap: fc.integer({ min: 4, max: 80 }),
        links: fc.array(
          fc.tuple(
            fc.nat(),
            fc.nat(),
            fc.constantFrom<EdgeKind>('handoff', 'dataflow', 'feedback'),
          ),
          { minLength: 1, maxLength: 25 },
        ),
      })
      .map(({ columns, cells, gap, links }) => {
        const nodes: DiagramNode[] = [];
        cells.forEach((cell, i) => {
          if (!cell.used && nodes.length > 1) return;
          const x = (i % columns) * (NODE_WIDTH + 60 + gap) + cell.dx;
          const y = Math.floor(i / columns) * (NODE_HEIGHT + 60 + gap) + cell.dy;
          nodes.push(createNode('stage', { x, y }, `card ${i}`));
        });
        const edges: DiagramEdge[] = links
          .map(([a, b, kind]) => ({
            ...createEdge(
              (nodes[a % nodes.length] as DiagramNode).id,
              (nodes[b % nodes.length] as DiagramNode).id,
            ),
            kind,
          }))
          .filter((edge) => edge.source !== edge.target);
        return { nodes, edges };
      });
    fc.assert(
      fc.property(layout, ({ nodes, edges }) => {
        const routes = routeEdges(nodes, edges);
        expect(routes.size).toBe(edges.length);
        for (const route of routes.values()) {
          expect(crossed(route, nodes)).toEqual([]);
          expect(isOrthogonal(route.points)).toBe(true);
          expect(route.points[0]).toEqual(anchorPoint(route.source, route.sourceSide));
          expect(route.points.at(-1)).toEqual(anchorPoint(route.target, route.targetSide));
        }
      }),
      { numRuns: 150 },
    );
  });
});
