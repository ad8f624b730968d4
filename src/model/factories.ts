import { KIND_LABEL, type NodeKind } from './layers';
import { isRateKey, type MetricKey } from './metrics';
import type { Diagram, DiagramEdge, DiagramNode, EdgeKind, EdgeSide, Metric } from './schema';
import { CURRENT_VERSION, FORMAT } from './version';

let counter = 0;

/** Short, collision-resistant ids: time, a counter and randomness, all in base 36. */
export function createId(prefix: string): string {
  counter = (counter + 1) % 1_296;
  const random = Math.floor(Math.random() * 1_679_616).toString(36);
  return `${prefix}-${Date.now().toString(36)}${counter.toString(36)}${random}`;
}

export function createDiagram(name = 'Untitled diagram'): Diagram {
  return { format: FORMAT, version: CURRENT_VERSION, name, meta: {}, nodes: [], edges: [] };
}

export function createNode(
  kind: NodeKind,
  position: { x: number; y: number },
  title: string = KIND_LABEL[kind],
): DiagramNode {
  return { id: createId('n'), kind, title, position } as DiagramNode;
}

/** What a new edge may be given besides its ends. */
export interface NewEdgeOptions {
  label?: string;
  kind?: EdgeKind;
  sourceSide?: EdgeSide;
  targetSide?: EdgeSide;
}

export function createEdge(
  source: string,
  target: string,
  options: NewEdgeOptions = {},
): DiagramEdge {
  const edge: DiagramEdge = { id: createId('e'), source, target };
  if (options.label !== undefined) edge.label = options.label;
  if (options.kind !== undefined) edge.kind = options.kind;
  if (options.sourceSide !== undefined) edge.sourceSide = options.sourceSide;
  if (options.targetSide !== undefined) edge.targetSide = options.targetSide;
  return edge;
}

/** A metric of `key`: a rate (a fraction) or the sales cycle (days), with its source if any. */
export function createMetric(key: MetricKey, value: number, source?: string): Metric {
  const metric: Metric = isRateKey(key) ? { key, value } : { key, value };
  return source === undefined || source === '' ? metric : { ...metric, source };
}
