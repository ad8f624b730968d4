import { resolveBenchmarks, type BenchmarkTable } from '../model/benchmarks';
import { indexGraph, type GraphIndex } from '../model/graph';
import { LAYER_IDS, NODE_KINDS, layerOf, type LayerId, type NodeKind } from '../model/layers';
import type { Diagram, DiagramNode } from '../model/schema';
import type { ActualsInput } from './actuals-input';

export type NodeOfKind<K extends NodeKind> = Extract<DiagramNode, { kind: K }>;

/**
 * The version last marked as reviewed, for rules that compare against it (metric drift). A pure
 * input: the editor reads it from version storage, the CLI has none.
 */
export interface ReviewBaseline {
  readonly diagram: Diagram;
  /** `YYYY-MM-DD`, the date the review was marked. */
  readonly reviewedAt: string;
}

/**
 * Everything rules look up, built once per audit run so that each rule stays linear: the
 * adjacency, nodes grouped by kind and by layer, the diagram's benchmark table and the clock.
 */
export interface AuditContext {
  readonly diagram: Diagram;
  /**
   * The model's adjacency (indexGraph), built on first use: the built-in rules walk the compact
   * graph in walk.ts instead, so an audit only pays for this when a rule asks for it.
   */
  readonly graph: GraphIndex;
  node(id: string): DiagramNode | undefined;
  /** Each node's position in `diagram.nodes`, for code that works on integer indices. */
  readonly nodeIndex: ReadonlyMap<string, number>;
  readonly benchmarks: BenchmarkTable;
  readonly now: Date;
  /** The last reviewed version, when the caller has one. */
  readonly baseline: ReviewBaseline | undefined;
  /** Figures from an imported CRM deals export, when the caller has one (plan vs actual). */
  readonly actuals: ActualsInput | undefined;
  ofKind<K extends NodeKind>(kind: K): readonly NodeOfKind<K>[];
  inLayer(layer: LayerId): readonly DiagramNode[];
  /**
   * Computes a derived fact at most once per run, keyed by the function itself, so two rules
   * (and the lead trace) that need the same graph walk share it.
   */
  once<T>(compute: (context: AuditContext) => T): T;
}

export function createAuditContext(
  diagram: Diagram,
  now: Date = new Date(),
  baseline?: ReviewBaseline,
  actuals?: ActualsInput,
): AuditContext {
  const nodeIndex = new Map<string, number>();
  const byKind = new Map<NodeKind, DiagramNode[]>(NODE_KINDS.map((kind) => [kind, []]));
  const byLayer = new Map<LayerId, DiagramNode[]>(LAYER_IDS.map((layer) => [layer, []]));
  diagram.nodes.forEach((node, index) => {
    nodeIndex.set(node.id, index);
    byKind.get(node.kind)?.push(node);
    byLayer.get(layerOf(node.kind))?.push(node);
  });
  const memo = new Map<(context: AuditContext) => unknown, unknown>();
  let graph: GraphIndex | undefined;
  const context: AuditContext = {
    diagram,
    get graph() {
      return (graph ??= indexGraph(diagram));
    },
    node: (id) => {
      const index = nodeIndex.get(id);
      return index === undefined ? undefined : diagram.nodes[index];
    },
    nodeIndex,
    benchmarks: resolveBenchmarks(diagram.meta.benchmarks),
    now,
    baseline,
    actuals,
    ofKind: <K extends NodeKind>(kind: K) =>
      (byKind.get(kind) ?? []) as readonly DiagramNode[] as readonly NodeOfKind<K>[],
    inLayer: (layer) => byLayer.get(layer) ?? [],
    once: <T>(compute: (context: AuditContext) => T): T => {
      if (memo.has(compute)) return memo.get(compute) as T;
      const value = compute(context);
      memo.set(compute, value);
      return value;
    },
  };
  return context;
}
