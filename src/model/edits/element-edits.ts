import type { ZodMiniType } from 'zod/mini';
import { createEdge, createId, createNode, type NewEdgeOptions } from '../factories';
import { hasEdgeBetween } from '../graph';
import type { NodeKind } from '../layers';
import type {
  AnyNodeData,
  Diagram,
  DiagramEdge,
  DiagramMeta,
  DiagramNode,
  EdgeKind,
  NodeData,
} from '../schema';
import { nodeDataSchemas } from '../schema';
import { dropOrphanThreads } from './comment-edits';
import { clampToBand, dropPosition, freeSlotFor, type XRange } from './placement';

/**
 * Pure edits of a diagram, the only way the editor changes one. Each returns a new diagram that
 * shares every untouched node and edge with the old one (so undo history stays cheap and the
 * audit cache can tell a move from an edit), or the same diagram when there is nothing to do.
 */

/** Which node an edit is for; the kind types the patch. */
export interface NodeRef<K extends NodeKind> {
  readonly id: string;
  readonly kind: K;
}

/**
 * A patch of one kind's data, typed by the schema: a field of another kind is a type error,
 * and an undefined value removes the field. For several kinds at once only their shared fields
 * (notes, metrics) type-check.
 */
export type NodeDataPatch<K extends NodeKind> = {
  [P in keyof NodeData<K>]?: NodeData<K>[P] | undefined;
};

/** Drops keys whose value is undefined, so optional fields stay absent (exactOptionalPropertyTypes). */
function withoutUndefined<T extends object>(value: T): T {
  const out = { ...value } as Record<string, unknown>;
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out as T;
}

function mapNodes(diagram: Diagram, fn: (node: DiagramNode) => DiagramNode): Diagram {
  let changed = false;
  const nodes = diagram.nodes.map((node) => {
    const next = fn(node);
    if (next !== node) changed = true;
    return next;
  });
  return changed ? { ...diagram, nodes } : diagram;
}

/**
 * A new card of `kind`: at `position` (kept in its band, clear of its neighbours) when the user
 * dropped it somewhere, else in the first free slot of its band, inside `within` when given
 * (see freeSlotFor), with the kind's name as title.
 */
export function newNode(
  diagram: Diagram,
  kind: NodeKind,
  options: {
    position?: { x: number; y: number };
    within?: XRange;
    title?: string;
    data?: AnyNodeData;
  } = {},
): DiagramNode {
  const { position, within, title, data } = options;
  const at = position ? dropPosition(diagram, kind, position) : freeSlotFor(diagram, kind, within);
  const created = createNode(kind, at, title);
  return (data ? { ...created, data } : created) as DiagramNode;
}

/** Adds a new card (see newNode) and returns it with the diagram: what a quick fix builds on. */
export function addNode(
  diagram: Diagram,
  kind: NodeKind,
  title?: string,
  data?: AnyNodeData,
): { diagram: Diagram; node: DiagramNode } {
  const node = newNode(diagram, kind, {
    ...(title === undefined ? {} : { title }),
    ...(data === undefined ? {} : { data }),
  });
  return { diagram: insertNodes(diagram, [node]), node };
}

export function insertNodes(diagram: Diagram, nodes: readonly DiagramNode[]): Diagram {
  return nodes.length === 0 ? diagram : { ...diagram, nodes: [...diagram.nodes, ...nodes] };
}

/** Moves nodes; each stays inside its layer's band. */
export function moveNodes(
  diagram: Diagram,
  positions: ReadonlyMap<string, { x: number; y: number }>,
): Diagram {
  return mapNodes(diagram, (node) => {
    const position = positions.get(node.id);
    return position ? { ...node, position: clampToBand(node.kind, position) } : node;
  });
}

/** Moves the nodes `ids` by (dx, dy). */
export function nudgeNodes(
  diagram: Diagram,
  ids: readonly string[],
  dx: number,
  dy: number,
): Diagram {
  if (ids.length === 0) return diagram;
  const selected = new Set(ids);
  const positions = new Map(
    diagram.nodes
      .filter((n) => selected.has(n.id))
      .map((n) => [n.id, { x: n.position.x + dx, y: n.position.y + dy }]),
  );
  return moveNodes(diagram, positions);
}

export function updateNode(diagram: Diagram, id: string, patch: { title?: string }): Diagram {
  return mapNodes(diagram, (node) =>
    node.id === id ? { ...node, ...withoutUndefined(patch) } : node,
  );
}

/**
 * Merges `patch` into the data of each node in `ids` (one id, or a multi-selection edited at
 * once: one edit, one undo step); an undefined value removes that field. A node that is gone
 * is skipped, and the diagram is unchanged when none is left.
 */
export function updateNodeData(
  diagram: Diagram,
  ids: string | readonly string[],
  patch: Partial<AnyNodeData>,
): Diagram {
  const selected = new Set(typeof ids === 'string' ? [ids] : ids);
  return mapNodes(diagram, (node) => {
    if (!selected.has(node.id)) return node;
    const data = withoutUndefined({ ...(node.data ?? {}), ...patch }) as AnyNodeData;
    return { ...node, data } as DiagramNode;
  });
}

/**
 * Sets one field of a node's data by its name, as a form built from field specs does. The
 * kind's schema checks the value: a field the kind does not have, or a value it refuses,
 * leaves the diagram unchanged (the form shows the schema's message instead). Undefined
 * removes the field.
 */
export function setNodeField(diagram: Diagram, id: string, key: string, value: unknown): Diagram {
  return mapNodes(diagram, (node) => {
    if (node.id !== id) return node;
    const shape: Readonly<Record<string, ZodMiniType | undefined>> =
      nodeDataSchemas[node.kind].shape;
    const schema = shape[key];
    if (!schema || (value !== undefined && !schema.safeParse(value).success)) return node;
    const data = withoutUndefined({ ...(node.data ?? {}), [key]: value });
    return { ...node, data } as DiagramNode;
  });
}

export type ConnectCheck = { ok: true } | { ok: false; reason: string };

/** Whether `source` may hand off to `target`: no self-loop, both ends present, no duplicate. */
export function checkConnect(diagram: Diagram, source: string, target: string): ConnectCheck {
  if (source === target) return { ok: false, reason: 'A node cannot hand off to itself.' };
  const ids = new Set(diagram.nodes.map((n) => n.id));
  if (!ids.has(source) || !ids.has(target)) {
    return { ok: false, reason: 'Both ends must be nodes of this diagram.' };
  }
  if (hasEdgeBetween(diagram, source, target)) {
    return { ok: false, reason: 'These two nodes are already connected.' };
  }
  return { ok: true };
}

export function newEdge(source: string, target: string, options: NewEdgeOptions = {}): DiagramEdge {
  return createEdge(source, target, options);
}

/** Adds a handoff from `source` to `target`, unless there is one already. */
export function addEdge(
  diagram: Diagram,
  source: string,
  target: string,
  options: { label?: string; kind?: EdgeKind } = {},
): Diagram {
  if (hasEdgeBetween(diagram, source, target)) return diagram;
  return insertEdges(diagram, [newEdge(source, target, options)]);
}

export function removeEdges(diagram: Diagram, ids: ReadonlySet<string>): Diagram {
  return deleteElements(diagram, [], [...ids]);
}

export function insertEdges(diagram: Diagram, edges: readonly DiagramEdge[]): Diagram {
  return edges.length === 0 ? diagram : { ...diagram, edges: [...diagram.edges, ...edges] };
}

export interface EdgePatch {
  label?: string;
  kind?: EdgeKind;
  share?: number | undefined;
}

/** Applies one patch to every edge in `ids` at once: one edit, so one undo step. */
export function updateEdges(diagram: Diagram, ids: readonly string[], patch: EdgePatch): Diagram {
  if (ids.length === 0) return diagram;
  const selected = new Set(ids);
  let changed = false;
  const edges = diagram.edges.map((edge) => {
    if (!selected.has(edge.id)) return edge;
    changed = true;
    return withoutUndefined({ ...edge, ...patch });
  });
  return changed ? { ...diagram, edges } : diagram;
}

/** Deletes nodes and edges; an edge cannot outlive either of its ends. */
export function deleteElements(
  diagram: Diagram,
  nodeIds: readonly string[],
  edgeIds: readonly string[],
): Diagram {
  if (nodeIds.length === 0 && edgeIds.length === 0) return diagram;
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  // Their comment threads go in the same edit: one undo brings the element and its threads back.
  return dropOrphanThreads({
    ...diagram,
    nodes: diagram.nodes.filter((n) => !nodes.has(n.id)),
    edges: diagram.edges.filter(
      (e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target),
    ),
  });
}

export function renameDiagram(diagram: Diagram, name: string): Diagram {
  return diagram.name === name ? diagram : { ...diagram, name };
}

export function updateMeta(diagram: Diagram, patch: Partial<DiagramMeta>): Diagram {
  return { ...diagram, meta: withoutUndefined({ ...diagram.meta, ...patch }) };
}

/** Nodes and the edges between them, as copied; pasted with new ids. */
export interface Fragment {
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
}

/** The nodes `ids` and the edges with both ends among them; null when `ids` is empty. */
export function copyFragment(diagram: Diagram, ids: readonly string[]): Fragment | null {
  const selected = new Set(ids);
  if (selected.size === 0) return null;
  return {
    nodes: diagram.nodes.filter((n) => selected.has(n.id)),
    // Only edges with both ends inside the selection travel with it.
    edges: diagram.edges.filter((e) => selected.has(e.source) && selected.has(e.target)),
  };
}

/** The fragment with new ids, moved by `offset` (each node kept in its band). */
export function cloneFragment(fragment: Fragment, offset: number): Fragment {
  const idMap = new Map<string, string>();
  const nodes = fragment.nodes.map((node) => {
    const id = createId('n');
    idMap.set(node.id, id);
    const position = clampToBand(node.kind, {
      x: node.position.x + offset,
      y: node.position.y + offset,
    });
    return { ...node, id, position } as DiagramNode;
  });
  const edges = fragment.edges.flatMap((edge) => {
    const source = idMap.get(edge.source);
    const target = idMap.get(edge.target);
    return source && target ? [{ ...edge, id: createId('e'), source, target }] : [];
  });
  return { nodes, edges };
}

export function insertFragment(diagram: Diagram, fragment: Fragment): Diagram {
  return insertEdges(insertNodes(diagram, fragment.nodes), fragment.edges);
}
