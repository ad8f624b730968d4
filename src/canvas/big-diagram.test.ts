import { describe, expect, it } from 'vitest';
import { NODE_HEIGHT, NODE_WIDTH } from '../model/bands';
import type { DiagramEdge, DiagramNode } from '../model/schema';
import {
  cardAt,
  cardsInside,
  liveEdgeIds,
  pictureEdges,
  viewWindow,
  windowStale,
} from './big-diagram';

const card = (id: string, x: number, y: number): DiagramNode =>
  ({ id, kind: 'stage', title: id, position: { x, y }, data: {} }) as unknown as DiagramNode;
const edge = (id: string, source: string, target: string): DiagramEdge => ({
  id,
  source,
  target,
  kind: 'handoff',
});

describe('view window', () => {
  it('covers the screen and a margin of half a screen on each side, in diagram units', () => {
    // Screen 1,000 × 500 px at zoom 0.5, panned so diagram (200, 100) is at its top-left.
    expect(viewWindow([-100, -50, 0.5], 1000, 500)).toEqual({
      x: 200 - 1000,
      y: 100 - 500,
      width: 4000,
      height: 2000,
      zoom: 0.5,
    });
  });

  it('stays while the screen pans within it, and is renewed past it or on any zoom', () => {
    const window = viewWindow([0, 0, 1], 1000, 500);
    expect(windowStale(window, [-400, 200, 1], 1000, 500)).toBe(false);
    expect(windowStale(window, [-501, 0, 1], 1000, 500)).toBe(true);
    expect(windowStale(window, [0, 0, 1.1], 1000, 500)).toBe(true);
    expect(windowStale(null, [0, 0, 1], 1000, 500)).toBe(true);
  });
});

describe('hit testing drawn cards', () => {
  const nodes = [card('under', 0, 0), card('over', 100, 50), card('far', 1000, 1000)];

  it('finds the topmost card under a point, skipping the ones given', () => {
    expect(cardAt(nodes, 150, 60, new Set())?.id).toBe('over');
    expect(cardAt(nodes, 150, 60, new Set(['over']))?.id).toBe('under');
    expect(cardAt(nodes, 10, 10, new Set())?.id).toBe('under');
    expect(cardAt(nodes, 600, 600, new Set())).toBeNull();
  });

  it('takes the cards wholly inside a box, as a selection box does', () => {
    const box = { x: -10, y: -10, width: NODE_WIDTH + 20, height: NODE_HEIGHT + 20 };
    expect(cardsInside(nodes, box)).toEqual(['under']);
    expect(cardsInside(nodes, { ...box, width: NODE_WIDTH })).toEqual([]);
  });
});

describe('which edges are live and which are drawn', () => {
  const nodes = [card('a', 0, 0), card('b', 400, 0), card('c', 5000, 0), card('d', 9000, 0)];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = [edge('ab', 'a', 'b'), edge('cd', 'c', 'd'), edge('ad', 'a', 'd')];
  const none = { nodes: [], edges: [] };

  it('makes live the edges whose middle (their label) is in the label window', () => {
    const labels = { x: -100, y: -100, width: 1000, height: 400, zoom: 1 };
    expect([...liveEdgeIds(edges, byId, none, labels)]).toEqual(['ab']);
  });

  it('always makes live the selected edges and the edges of selected cards', () => {
    const live = liveEdgeIds(edges, byId, { nodes: ['d'], edges: ['ab'] }, null);
    expect([...live].sort()).toEqual(['ab', 'ad', 'cd']);
  });

  it('draws every other edge, with its two cards, so the picture needs no redraw as live edges change', () => {
    const drawn = pictureEdges(edges, byId, { nodes: ['b'], edges: ['cd'] });
    expect(drawn.map(([e, s, t]) => [e.id, s.id, t.id])).toEqual([['ad', 'a', 'd']]);
  });
});
