import type { DiagramEdge, DiagramNode } from '../model/schema';
import type { AuditContext } from './context';

/**
 * The diagram as integer adjacency (compressed rows), built at most once per audit for the
 * rules that walk the graph. Walks then mark visits in typed arrays instead of string-keyed
 * maps: at 5,000 nodes and 10,000 edges that is what keeps a dozen walks inside a frame.
 */
export interface CompactGraph {
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
  readonly indexOf: ReadonlyMap<string, number>;
  readonly edgeSource: Int32Array;
  readonly edgeTarget: Int32Array;
  readonly outOffsets: Int32Array;
  readonly outEdges: Int32Array;
  readonly inOffsets: Int32Array;
  readonly inEdges: Int32Array;
}

export function compactGraph(context: AuditContext): CompactGraph {
  const { diagram, nodeIndex: indexOf } = context;
  const nodes = diagram.nodes;
  // Edges to a node that is not there are dropped, as indexGraph does.
  const edges: DiagramEdge[] = [];
  const sources = new Int32Array(diagram.edges.length);
  const targets = new Int32Array(diagram.edges.length);
  for (const edge of diagram.edges) {
    const source = indexOf.get(edge.source);
    const target = indexOf.get(edge.target);
    if (source === undefined || target === undefined) continue;
    sources[edges.length] = source;
    targets[edges.length] = target;
    edges.push(edge);
  }
  const edgeSource = sources.subarray(0, edges.length);
  const edgeTarget = targets.subarray(0, edges.length);
  const [outOffsets, outEdges] = buildRows(nodes.length, edgeSource);
  const [inOffsets, inEdges] = buildRows(nodes.length, edgeTarget);
  return {
    nodes,
    edges,
    indexOf,
    edgeSource,
    edgeTarget,
    outOffsets,
    outEdges,
    inOffsets,
    inEdges,
  };
}

/** Counting sort of edge indices by their end node: row i is rows[offsets[i]..offsets[i+1]). */
function buildRows(nodeCount: number, ends: Int32Array): [Int32Array, Int32Array] {
  const offsets = new Int32Array(nodeCount + 1);
  for (const end of ends) offsets[end + 1]!++;
  for (let i = 0; i < nodeCount; i++) offsets[i + 1]! += offsets[i]!;
  const cursor = offsets.slice(0, nodeCount);
  const rows = new Int32Array(ends.length);
  ends.forEach((end, edge) => {
    rows[cursor[end]!++] = edge;
  });
  return [offsets, rows];
}

export interface WalkOptions {
  /** 'forward' follows edges source → target, 'backward' target → source. */
  readonly direction?: 'forward' | 'backward';
  /** Edges the walk may use; by default all of them. */
  readonly follow?: (edge: DiagramEdge) => boolean;
  /** Nodes the walk may step onto (start nodes are always in). */
  readonly enter?: (node: DiagramNode) => boolean;
  /** Stops the walk as soon as it enters a node for which this is true. */
  readonly until?: (node: DiagramNode) => boolean;
}

const UNSEEN = -2;
const START = -1;

/** What a walk reached, in breadth-first order, with the edge each node was first reached by. */
export class Reach {
  readonly #graph: CompactGraph;
  readonly #via: Int32Array;
  readonly #order: Int32Array;
  readonly #count: number;
  readonly #backward: boolean;

  constructor(
    graph: CompactGraph,
    via: Int32Array,
    order: Int32Array,
    count: number,
    backward: boolean,
  ) {
    this.#graph = graph;
    this.#via = via;
    this.#order = order;
    this.#count = count;
    this.#backward = backward;
  }

  has(id: string): boolean {
    const index = this.#graph.indexOf.get(id);
    return index !== undefined && this.#via[index] !== UNSEEN;
  }

  /** Reached nodes in breadth-first order, starts first. */
  *nodes(): IterableIterator<DiagramNode> {
    for (let i = 0; i < this.#count; i++) yield this.#graph.nodes[this.#order[i]!]!;
  }

  /** The edges of a shortest path from a start to `id`, in walking order. */
  pathTo(id: string): DiagramEdge[] {
    const path: DiagramEdge[] = [];
    let index = this.#graph.indexOf.get(id);
    // `via` is a tree (each node is entered once), so this ends after at most n steps.
    while (index !== undefined && this.#via[index]! >= 0) {
      const edge = this.#via[index]!;
      path.push(this.#graph.edges[edge]!);
      index = (this.#backward ? this.#graph.edgeTarget : this.#graph.edgeSource)[edge];
    }
    return path.reverse();
  }
}

/**
 * Breadth-first walk from `starts`. Each node and edge is looked at once, so a walk is linear
 * in nodes + edges, whatever the shape of the diagram.
 */
export function walk(
  context: AuditContext,
  starts: Iterable<DiagramNode>,
  options: WalkOptions = {},
): Reach {
  const graph = context.once(compactGraph);
  const backward = options.direction === 'backward';
  const { follow, enter, until } = options;
  const offsets = backward ? graph.inOffsets : graph.outOffsets;
  const rows = backward ? graph.inEdges : graph.outEdges;
  const ends = backward ? graph.edgeSource : graph.edgeTarget;
  const via = new Int32Array(graph.nodes.length).fill(UNSEEN);
  const order = new Int32Array(graph.nodes.length);
  let count = 0;
  for (const start of starts) {
    const index = graph.indexOf.get(start.id);
    if (index === undefined || via[index] !== UNSEEN) continue;
    via[index] = START;
    order[count++] = index;
  }
  for (let head = 0; head < count; head++) {
    const current = order[head]!;
    for (let r = offsets[current]!; r < offsets[current + 1]!; r++) {
      const edge = rows[r]!;
      const next = ends[edge]!;
      if (via[next] !== UNSEEN) continue;
      if (follow && !follow(graph.edges[edge]!)) continue;
      const node = graph.nodes[next]!;
      if (enter && !enter(node)) continue;
      via[next] = edge;
      order[count++] = next;
      if (until?.(node)) return new Reach(graph, via, order, count, backward);
    }
  }
  return new Reach(graph, via, order, count, backward);
}

/** The edges leaving a node, read from the compact graph. */
export function edgesFrom(context: AuditContext, id: string): DiagramEdge[] {
  const graph = context.once(compactGraph);
  const index = graph.indexOf.get(id);
  if (index === undefined) return [];
  const out: DiagramEdge[] = [];
  for (let r = graph.outOffsets[index]!; r < graph.outOffsets[index + 1]!; r++) {
    out.push(graph.edges[graph.outEdges[r]!]!);
  }
  return out;
}

/** Lead flow runs along handoff and data-flow edges; feedback edges carry outcomes back up. */
export function isForward(edge: DiagramEdge): boolean {
  return edge.kind !== 'feedback';
}
