import { Graph, layout } from '@dagrejs/dagre';
import {
  BAND_LEFT,
  BAND_PADDING_TOP,
  NODE_GAP_X,
  NODE_HEIGHT,
  NODE_WIDTH,
  bandTop,
} from '../model/bands';
import { layerOf, type LayerId } from '../model/layers';
import type { Diagram } from '../model/schema';

/** One column of the layout: a card and the gap a handoff label needs after it. */
const COLUMN = NODE_WIDTH + NODE_GAP_X;
/**
 * Bands are placed outward from the sales motion, so each band can sit under or over the
 * cards it connects to: RevOps and channels next to the pipeline, then positioning, then ICP.
 */
const BAND_ORDER: readonly LayerId[] = ['sales', 'revops', 'channels', 'positioning', 'icp'];

/**
 * A compact layered layout (issue 16): every card stays in its layer's band, on one row of
 * shared columns, and the diagram is as wide as its fullest band. The sales band reads left to
 * right along the flow (dagre ranks the graph, feedback edges left out so loops do not fold
 * it back); every other card takes the free column nearest the cards it connects to. The old
 * layout kept dagre's ranks in every band and stretched a 1,500 px template to 3,400 px.
 */
export function bandedLayout(diagram: Diagram): Diagram {
  if (diagram.nodes.length === 0) return diagram;
  const flowX = rankAlongFlow(diagram);
  const byBand = new Map<LayerId, string[]>();
  for (const node of diagram.nodes) {
    const band = layerOf(node.kind);
    byBand.set(band, [...(byBand.get(band) ?? []), node.id]);
  }
  const columns = Math.max(...[...byBand.values()].map((ids) => ids.length));
  const neighbours = neighboursOf(diagram);
  const maxFlowX = Math.max(1, ...flowX.values());

  const column = new Map<string, number>();
  for (const band of BAND_ORDER) {
    const ids = byBand.get(band);
    if (!ids) continue;
    const wanted = ids.map((id, order) => {
      const placed = (neighbours.get(id) ?? []).flatMap((n) => {
        const c = column.get(n);
        return c === undefined ? [] : [c];
      });
      const fromFlow = ((flowX.get(id) ?? 0) / maxFlowX) * (columns - 1);
      // The sales band follows the flow; the others sit by what they connect to.
      const want =
        band !== 'sales' && placed.length > 0
          ? placed.reduce((a, b) => a + b, 0) / placed.length
          : fromFlow;
      return { id, want, flow: flowX.get(id) ?? 0, order };
    });
    wanted.sort((a, b) => a.want - b.want || a.flow - b.flow || a.order - b.order);
    const slots =
      band === 'sales'
        ? wanted.map((_, i) => i)
        : packColumns(
            wanted.map((w) => w.want),
            columns,
          );
    wanted.forEach((w, i) => column.set(w.id, slots[i] ?? i));
  }

  return {
    ...diagram,
    nodes: diagram.nodes.map((node) => ({
      ...node,
      position: {
        x: BAND_LEFT + (column.get(node.id) ?? 0) * COLUMN,
        y: bandTop(layerOf(node.kind)) + BAND_PADDING_TOP,
      },
    })),
  };
}

/** Each card's position along the flow, from dagre's left-to-right ranking of the whole graph. */
function rankAlongFlow(diagram: Diagram): Map<string, number> {
  const graph = new Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 24, ranksep: NODE_GAP_X, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of diagram.nodes)
    graph.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of diagram.edges) {
    if (edge.kind !== 'feedback') graph.setEdge(edge.source, edge.target);
  }
  layout(graph);
  return new Map(diagram.nodes.map((node) => [node.id, graph.node(node.id)?.x ?? 0]));
}

function neighboursOf(diagram: Diagram): Map<string, string[]> {
  const result = new Map<string, string[]>();
  const link = (a: string, b: string) => result.set(a, [...(result.get(a) ?? []), b]);
  for (const edge of diagram.edges) {
    link(edge.source, edge.target);
    link(edge.target, edge.source);
  }
  return result;
}

/**
 * Distinct whole columns in 0..columns-1, in the order given, each as near its wanted column
 * as the others allow: pushed right past the previous card, then back left from the last
 * column. `wanted` is sorted and has at most `columns` entries.
 */
export function packColumns(wanted: readonly number[], columns: number): number[] {
  const slots: number[] = [];
  for (const want of wanted) {
    const previous = slots.at(-1);
    slots.push(Math.max(Math.round(want), previous === undefined ? 0 : previous + 1));
  }
  for (let i = slots.length - 1; i >= 0; i--) {
    const next = i === slots.length - 1 ? columns : (slots[i + 1] as number);
    slots[i] = Math.max(0, Math.min(slots[i] as number, next - 1));
  }
  return slots;
}
