import { CURRENT_VERSION } from '../model/version';
import type { RateKey } from '../model/metrics';
import type { Diagram, DiagramEdge, DiagramNode, Metric, NodeData } from '../model/schema';

/** Small builders so forecast tests read as the diagram they describe. */

const at = { x: 0, y: 0 };

export function diagramOf(
  nodes: readonly DiagramNode[],
  edges: readonly DiagramEdge[],
  meta: Diagram['meta'] = {},
): Diagram {
  return {
    format: 'gtm-blueprint',
    version: CURRENT_VERSION,
    name: 'Test',
    meta,
    nodes: [...nodes],
    edges: [...edges],
  };
}

export function channel(id: string, data: NodeData<'channel'>, title = id): DiagramNode {
  return { id, kind: 'channel', title, position: at, data };
}

export function stage(
  id: string,
  rate?: readonly [RateKey, number],
  extra: Metric[] = [],
): DiagramNode {
  const metrics: Metric[] = rate ? [{ key: rate[0], value: rate[1] }, ...extra] : extra;
  return { id, kind: 'stage', title: id, position: at, data: { metrics } };
}

export function motion(id: string, data: NodeData<'motion'>): DiagramNode {
  return { id, kind: 'motion', title: id, position: at, data };
}

export function revops(
  id: string,
  kind: 'crm' | 'enrichment' | 'scoring' | 'sequencing' | 'reporting' | 'tool' = 'enrichment',
): DiagramNode {
  return { id, kind, title: id, position: at };
}

let edgeCount = 0;

export function edge(
  source: string,
  target: string,
  extra: Partial<Pick<DiagramEdge, 'kind' | 'share' | 'label'>> = {},
): DiagramEdge {
  edgeCount++;
  return { id: `e${edgeCount}`, source, target, ...extra };
}

/** A chain of edges through the given node ids. */
export function chain(...ids: string[]): DiagramEdge[] {
  return ids.slice(1).map((id, i) => edge(ids[i] as string, id));
}
