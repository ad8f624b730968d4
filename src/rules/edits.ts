import {
  BAND_HEIGHT,
  BAND_LEFT,
  BAND_PADDING_TOP,
  NODE_GAP_X,
  NODE_HEIGHT,
  NODE_WIDTH,
  bandTop,
  slotPosition,
} from '../model/bands';
import { createEdge, createNode } from '../model/factories';
import { layerOf, type LayerId, type NodeKind } from '../model/layers';
import type { AnyNodeData, Diagram, DiagramEdge, DiagramNode, EdgeKind } from '../model/schema';

/**
 * Pure edits the quick fixes are built from. Each returns a new diagram and shares every
 * untouched node and edge with the old one, so undo history stays cheap.
 */

/** The first empty slot of a layer's band (two rows, then past the right end). */
export function freeSlot(diagram: Diagram, layer: LayerId): { x: number; y: number } {
  const top = bandTop(layer);
  const rowHeight = NODE_HEIGHT + 16;
  const pitch = NODE_WIDTH + NODE_GAP_X;
  const taken = [new Set<number>(), new Set<number>()];
  let rightmost = -1;
  for (const node of diagram.nodes) {
    const { x, y } = node.position;
    if (y < top || y >= top + BAND_HEIGHT) continue;
    const row = Math.round((y - top - BAND_PADDING_TOP) / rowHeight) > 0 ? 1 : 0;
    // A node covers the slots its width overlaps, not just the one its left edge is in.
    const first = Math.floor((x - BAND_LEFT) / pitch);
    const last = Math.floor((x + NODE_WIDTH - 1 - BAND_LEFT) / pitch);
    for (let column = first; column <= last; column++) taken[row]?.add(column);
    rightmost = Math.max(rightmost, last);
  }
  for (let row = 0; row < 2; row++) {
    for (let column = 0; column <= rightmost + 1; column++) {
      if (!taken[row]?.has(column)) return slotPosition(layer, column, row);
    }
  }
  return slotPosition(layer, rightmost + 1);
}

export function addNode(
  diagram: Diagram,
  kind: NodeKind,
  title: string,
  data?: AnyNodeData,
): { diagram: Diagram; node: DiagramNode } {
  const created = createNode(kind, freeSlot(diagram, layerOf(kind)), title);
  const node = (data ? { ...created, data } : created) as DiagramNode;
  return { diagram: { ...diagram, nodes: [...diagram.nodes, node] }, node };
}

export function addEdge(
  diagram: Diagram,
  source: string,
  target: string,
  options: { label?: string; kind?: EdgeKind } = {},
): Diagram {
  if (diagram.edges.some((edge) => edge.source === source && edge.target === target)) {
    return diagram;
  }
  return { ...diagram, edges: [...diagram.edges, createEdge(source, target, options)] };
}

export function removeEdges(diagram: Diagram, ids: ReadonlySet<string>): Diagram {
  return { ...diagram, edges: diagram.edges.filter((edge: DiagramEdge) => !ids.has(edge.id)) };
}

/** Merges `patch` into one node's data; a node that is gone leaves the diagram unchanged. */
export function patchNodeData(diagram: Diagram, id: string, patch: AnyNodeData): Diagram {
  let changed = false;
  const nodes = diagram.nodes.map((node) => {
    if (node.id !== id) return node;
    changed = true;
    return { ...node, data: { ...node.data, ...patch } } as DiagramNode;
  });
  return changed ? { ...diagram, nodes } : diagram;
}
