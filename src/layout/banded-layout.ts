import { Graph, layout } from '@dagrejs/dagre';
import {
  BAND_LEFT,
  GRID,
  NODE_GAP_X,
  NODE_HEIGHT,
  NODE_WIDTH,
  bandTop,
  BAND_PADDING_TOP,
} from '../model/bands';
import { layerOf } from '../model/layers';
import type { Diagram } from '../model/schema';

/**
 * A layered layout that keeps every node in its layer's band. Dagre ranks the whole graph
 * left to right along the flow (feedback edges left out, so loops do not fold it back);
 * each band then keeps dagre's horizontal order and spacing, pushed apart where cards
 * would overlap. The result reads left to right and top to bottom at once.
 */
export function bandedLayout(diagram: Diagram): Diagram {
  if (diagram.nodes.length === 0) return diagram;
  const graph = new Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 24, ranksep: NODE_GAP_X, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of diagram.nodes)
    graph.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of diagram.edges) {
    if (edge.kind !== 'feedback') graph.setEdge(edge.source, edge.target);
  }
  layout(graph);

  const byBand = new Map<string, { id: string; x: number; order: number }[]>();
  diagram.nodes.forEach((node, order) => {
    const x = graph.node(node.id)?.x ?? 0;
    const band = layerOf(node.kind);
    const list = byBand.get(band) ?? [];
    list.push({ id: node.id, x, order });
    byBand.set(band, list);
  });

  const positions = new Map<string, { x: number; y: number }>();
  let minX = Infinity;
  for (const [band, list] of byBand) {
    list.sort((a, b) => a.x - b.x || a.order - b.order);
    let right = -Infinity;
    for (const item of list) {
      const x = Math.max(item.x, right + NODE_GAP_X);
      right = x + NODE_WIDTH;
      minX = Math.min(minX, x);
      positions.set(item.id, {
        x,
        y: bandTop(band as Parameters<typeof bandTop>[0]) + BAND_PADDING_TOP,
      });
    }
  }
  const shift = BAND_LEFT - minX;
  return {
    ...diagram,
    nodes: diagram.nodes.map((node) => {
      const p = positions.get(node.id) as { x: number; y: number };
      // Whole pixels on the snapping grid, so a laid-out diagram stays aligned with snapping.
      return { ...node, position: { x: Math.round((p.x + shift) / GRID) * GRID, y: p.y } };
    }),
  };
}
