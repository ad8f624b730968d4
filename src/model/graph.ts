import type { Diagram, DiagramEdge, DiagramNode } from './schema';

/**
 * Adjacency built once per diagram version (cached by object) so that walks are linear in
 * nodes + edges. The forecast, the actuals and the few rules that read `context.graph` share
 * it when they get the same diagram object; the lead trace and most rules walk the compact
 * graph of rules/walk.ts instead, which is not this index.
 */
export interface GraphIndex {
  readonly nodeById: ReadonlyMap<string, DiagramNode>;
  readonly outgoing: ReadonlyMap<string, readonly DiagramEdge[]>;
  readonly incoming: ReadonlyMap<string, readonly DiagramEdge[]>;
}

const cache = new WeakMap<Diagram, GraphIndex>();

export function indexGraph(diagram: Diagram): GraphIndex {
  const cached = cache.get(diagram);
  if (cached) return cached;
  const nodeById = new Map<string, DiagramNode>();
  const outgoing = new Map<string, DiagramEdge[]>();
  const incoming = new Map<string, DiagramEdge[]>();
  for (const node of diagram.nodes) {
    nodeById.set(node.id, node);
    outgoing.set(node.id, []);
    incoming.set(node.id, []);
  }
  for (const edge of diagram.edges) {
    outgoing.get(edge.source)?.push(edge);
    incoming.get(edge.target)?.push(edge);
  }
  const index = { nodeById, outgoing, incoming };
  cache.set(diagram, index);
  return index;
}

/** Whether an edge already joins these two ends in this direction. */
export function hasEdgeBetween(diagram: Diagram, source: string, target: string): boolean {
  return diagram.edges.some((edge) => edge.source === source && edge.target === target);
}
