import type { Edge, Node, NodeHandle } from '@xyflow/react';
import { NODE_HEIGHT, NODE_WIDTH } from '../model/bands';
import { sidesFor } from '../drawing/edge-routes';
import type { Diagram, DiagramEdge, DiagramNode } from '../model/schema';

/** `remote`: someone else is dragging this card; it is shown where they have it. */
export type GtmFlowNode = Node<
  { node: DiagramNode; remote?: { readonly name: string; readonly color: string } },
  'gtm'
>;
/** `pictured`: the big-diagram picture draws this edge's line; React Flow draws its label only. */
export type GtmFlowEdge = Edge<{ edge: DiagramEdge; pictured: boolean }, 'gtm'>;

const HANDLE = 10;
/**
 * Cards have a fixed size, so their handles are declared rather than measured: React Flow
 * then never waits on a DOM measurement to draw an edge. The edges themselves are drawn along
 * the routes of src/drawing, the same ones the SVG export draws.
 */
export const NODE_HANDLES: NodeHandle[] = [
  {
    id: 't',
    type: 'source',
    position: 'top' as NodeHandle['position'],
    x: NODE_WIDTH / 2 - HANDLE / 2,
    y: -HANDLE / 2,
    width: HANDLE,
    height: HANDLE,
  },
  {
    id: 'b',
    type: 'source',
    position: 'bottom' as NodeHandle['position'],
    x: NODE_WIDTH / 2 - HANDLE / 2,
    y: NODE_HEIGHT - HANDLE / 2,
    width: HANDLE,
    height: HANDLE,
  },
  {
    id: 'l',
    type: 'source',
    position: 'left' as NodeHandle['position'],
    x: -HANDLE / 2,
    y: NODE_HEIGHT / 2 - HANDLE / 2,
    width: HANDLE,
    height: HANDLE,
  },
  {
    id: 'r',
    type: 'source',
    position: 'right' as NodeHandle['position'],
    x: NODE_WIDTH - HANDLE / 2,
    y: NODE_HEIGHT / 2 - HANDLE / 2,
    width: HANDLE,
    height: HANDLE,
  },
];

const nodeCache = new WeakMap<
  DiagramNode,
  { selected: boolean; hidden: boolean; flow: GtmFlowNode }
>();
const edgeCache = new WeakMap<
  DiagramEdge,
  {
    selected: boolean;
    sourceHandle: string;
    targetHandle: string;
    labels: string;
    pictured: boolean;
    flow: GtmFlowEdge;
  }
>();
let previousEdges: GtmFlowEdge[] = [];

/**
 * Model → React Flow nodes. An unchanged model node maps to the identical flow node object,
 * so dragging one card re-renders that card only.
 */
export function toFlowNodes(
  nodes: readonly DiagramNode[],
  selected: ReadonlySet<string>,
  hideUnselected = false,
): GtmFlowNode[] {
  return nodes.map((node) => {
    const isSelected = selected.has(node.id);
    // Zoomed out on a big diagram the overview picture draws these (see big-diagram.ts).
    const hidden = hideUnselected && !isSelected;
    const cached = nodeCache.get(node);
    if (cached && cached.selected === isSelected && cached.hidden === hidden) return cached.flow;
    const flow: GtmFlowNode = {
      id: node.id,
      type: 'gtm',
      position: node.position,
      data: { node },
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      measured: { width: NODE_WIDTH, height: NODE_HEIGHT },
      handles: NODE_HANDLES,
      selected: isSelected,
      hidden,
      ariaLabel: `${node.title || 'Untitled'} (${node.kind})`,
    };
    nodeCache.set(node, { selected: isSelected, hidden, flow });
    return flow;
  });
}

const remoteCache = new WeakMap<GtmFlowNode, { mark: RemoteMark; flow: GtmFlowNode }>();
type RemoteMark = { readonly name: string; readonly color: string };

/**
 * The card someone else is dragging, marked as theirs and raised; it cannot be grabbed here
 * meanwhile. Its position stays the document's: the card itself is moved by GtmNode, so an
 * awareness message re-renders that card alone and never hands React Flow a new nodes array
 * (which costs it a pass over every card: 20 ms at 500 cards).
 */
export function toRemoteDragged(flow: GtmFlowNode, mark: RemoteMark): GtmFlowNode {
  const cached = remoteCache.get(flow);
  if (cached?.mark === mark) return cached.flow;
  const marked: GtmFlowNode = {
    ...flow,
    data: { ...flow.data, remote: mark },
    draggable: false,
    zIndex: 1000,
  };
  remoteCache.set(flow, { mark, flow: marked });
  return marked;
}

/** Which handles an edge leaves and enters by: the sides its route uses (src/drawing). */
export function handlesFor(
  edge: DiagramEdge,
  source: DiagramNode,
  target: DiagramNode,
): { sourceHandle: string; targetHandle: string } {
  const sides = sidesFor(edge, source, target);
  return { sourceHandle: sides.source, targetHandle: sides.target };
}

/**
 * Model → React Flow edges. A flow edge only changes when its handles, selection or the names
 * of its ends change, and when no edge changed the previous array itself is returned: React
 * Flow rebuilds its connection index on every new edges array, which a drag must not cause.
 */
export function toFlowEdges(
  diagram: Diagram,
  selected: ReadonlySet<string>,
  nodeById: ReadonlyMap<string, DiagramNode>,
  include?: (edge: DiagramEdge) => boolean,
  pictured?: (edge: DiagramEdge) => boolean,
): GtmFlowEdge[] {
  const out: GtmFlowEdge[] = [];
  let changed = false;
  for (const edge of diagram.edges) {
    if (include && !include(edge)) continue;
    const source = nodeById.get(edge.source);
    const target = nodeById.get(edge.target);
    if (!source || !target) continue;
    const isSelected = selected.has(edge.id);
    const handles = handlesFor(edge, source, target);
    const labels = `${source.title}\u0000${target.title}`;
    const isPictured = pictured?.(edge) ?? false;
    const cached = edgeCache.get(edge);
    let flow: GtmFlowEdge;
    if (
      cached &&
      cached.selected === isSelected &&
      cached.sourceHandle === handles.sourceHandle &&
      cached.targetHandle === handles.targetHandle &&
      cached.labels === labels &&
      cached.pictured === isPictured
    ) {
      flow = cached.flow;
    } else {
      flow = {
        id: edge.id,
        type: 'gtm',
        source: edge.source,
        target: edge.target,
        ...handles,
        data: { edge, pictured: isPictured },
        selected: isSelected,
        ariaLabel: `${edge.label || 'Unlabeled'} handoff from ${source.title || 'Untitled'} to ${target.title || 'Untitled'}`,
      };
      edgeCache.set(edge, { selected: isSelected, ...handles, labels, pictured: isPictured, flow });
    }
    if (previousEdges[out.length] !== flow) changed = true;
    out.push(flow);
  }
  if (!changed && out.length === previousEdges.length) return previousEdges;
  previousEdges = out;
  return out;
}
