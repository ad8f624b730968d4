import type { GraphIndex } from '../model/graph';
import type { RateKey } from '../model/metrics';
import type { Diagram, DiagramNode } from '../model/schema';
import { known, unknown, type Estimate } from './estimate';
import { MESSAGES } from './messages';
import { stageRate } from './node-metrics';

export type StageNode = Extract<DiagramNode, { kind: 'stage' }>;

export interface NextStage {
  /** Index into `Pipeline.stages`. */
  readonly index: number;
  readonly share: number;
}

export interface PipelineStage {
  readonly node: StageNode;
  readonly rateKey: RateKey | null;
  /** Share of the inflow passed on; unknown reason when the stage has no rate. */
  readonly rate: Estimate;
  readonly next: readonly NextStage[];
  /** A stage with no next stage closes the deal: its inflow is the won deals. */
  readonly isClose: boolean;
  /** Why the stage's flow cannot be computed when it sits in or after a loop, else null. */
  readonly loop: string | null;
}

export interface Pipeline {
  /** Stages in diagram order. */
  readonly stages: readonly PipelineStage[];
  /** Stage indexes upstream first; stages caught in or after a loop come last. */
  readonly order: readonly number[];
  /** How many entries of `order` are in true topological order (no loop involved). */
  readonly ordered: number;
  readonly indexOf: ReadonlyMap<string, number>;
  readonly notes: readonly string[];
}

const SHARE_EPSILON = 1e-9;

/**
 * The stage-to-stage flow graph: feedback edges and edges to non-stage nodes carry no flow.
 * Kahn's algorithm orders it in linear time; what it cannot order is in or after a loop.
 */
export function buildPipeline(diagram: Diagram, graph: GraphIndex): Pipeline {
  const nodes = diagram.nodes.filter((node): node is StageNode => node.kind === 'stage');
  const indexOf = new Map<string, number>();
  nodes.forEach((node, i) => indexOf.set(node.id, i));
  const notes: string[] = [];

  const nextOf = nodes.map((node) => splitFlow(node, graph, indexOf, notes));
  const order = topologicalOrder(nextOf);
  const loops = nameLoops(nodes, nextOf, order);

  const stages = nodes.map((node, i): PipelineStage => {
    const next = nextOf[i] ?? [];
    const rate = stageRate(node);
    const isClose = next.length === 0;
    if (isClose && rate) notes.push(MESSAGES.closeRateIgnored(node.title, rate.key));
    return {
      node,
      rateKey: rate?.key ?? null,
      rate: rate ? known(rate.value) : unknown(MESSAGES.stageNoRate(node.title)),
      next,
      isClose,
      loop: loops.get(i) ?? null,
    };
  });
  const ordered = order.length;
  for (const i of loops.keys()) order.push(i);
  return { stages, order, ordered, indexOf, notes };
}

/**
 * Shares: explicit ones as given, the remainder split evenly among edges without one. Shares
 * adding up to more than 1 are scaled down, since flow must never be created on an edge.
 */
function splitFlow(
  node: StageNode,
  graph: GraphIndex,
  indexOf: ReadonlyMap<string, number>,
  notes: string[],
): NextStage[] {
  const edges = (graph.outgoing.get(node.id) ?? []).filter(
    (edge) => edge.kind !== 'feedback' && indexOf.has(edge.target),
  );
  if (edges.length === 0) return [];
  let explicit = 0;
  let open = 0;
  for (const edge of edges) {
    if (edge.share === undefined) open++;
    else explicit += edge.share;
  }
  const scale = explicit > 1 + SHARE_EPSILON ? 1 / explicit : 1;
  const rest = open > 0 ? Math.max(0, 1 - explicit) / open : 0;
  if (scale !== 1) notes.push(MESSAGES.sharesScaled(node.title, explicit));
  else if (open === 0 && explicit < 1 - SHARE_EPSILON) {
    notes.push(MESSAGES.sharesLeak(node.title, explicit));
  }
  return edges.map((edge) => ({
    index: indexOf.get(edge.target) as number,
    share: edge.share === undefined ? rest : edge.share * scale,
  }));
}

function topologicalOrder(nextOf: readonly (readonly NextStage[])[]): number[] {
  const indegree = new Array<number>(nextOf.length).fill(0);
  for (const next of nextOf) for (const { index } of next) indegree[index]!++;
  const order: number[] = [];
  for (let i = 0; i < nextOf.length; i++) if (indegree[i] === 0) order.push(i);
  for (let head = 0; head < order.length; head++) {
    for (const { index } of nextOf[order[head] as number] ?? []) {
      if (--indegree[index]! === 0) order.push(index);
    }
  }
  return order;
}

/**
 * Names the loop behind every stage Kahn's algorithm left out. Each such stage has a left-out
 * predecessor, so walking predecessors from it must meet a loop; each stage is walked once.
 */
function nameLoops(
  nodes: readonly StageNode[],
  nextOf: readonly (readonly NextStage[])[],
  order: readonly number[],
): Map<number, string> {
  const loops = new Map<number, string>();
  if (order.length === nodes.length) return loops;
  const done = new Set(order);
  const previous = new Map<number, number>();
  nextOf.forEach((next, from) => {
    if (done.has(from)) return;
    for (const { index } of next) if (!previous.has(index)) previous.set(index, from);
  });
  for (let start = 0; start < nodes.length; start++) {
    if (done.has(start) || loops.has(start)) continue;
    const path: number[] = [];
    const onPath = new Map<number, number>();
    let current = start;
    while (!loops.has(current) && !onPath.has(current)) {
      onPath.set(current, path.length);
      path.push(current);
      current = previous.get(current) as number;
    }
    let reason = loops.get(current);
    if (reason === undefined) {
      const cycle = path.slice(onPath.get(current)).reverse();
      // Start the loop at the stage listed first in the diagram, so the message is stable.
      // A loop may hold every stage of a huge file: no spread into Math.min here.
      let first = 0;
      for (let k = 1; k < cycle.length; k++) {
        if ((cycle[k] as number) < (cycle[first] as number)) first = k;
      }
      const ordered = [...cycle.slice(first), ...cycle.slice(0, first)];
      reason = MESSAGES.pipelineLoops(ordered.map((i) => nodes[i]?.title ?? ''));
    }
    for (const i of path) loops.set(i, reason);
  }
  return loops;
}
