import { CURRENT_VERSION } from '../model/version';
import type { MetricKey } from '../model/metrics';
import clean from '../../tests/fixtures/audit-clean.json';
import { LAYER_IDS, layerOf } from '../model/layers';
import {
  diagramSchema,
  type AnyNodeData,
  type Diagram,
  type DiagramEdge,
  type DiagramMeta,
  type DiagramNode,
} from '../model/schema';

/**
 * Builders for rule tests. Every test starts from the clean fixture (a complete diagram that
 * audits with no findings) and changes one thing, so each case shows exactly what trips a rule.
 */
export function cleanDiagram(): Diagram {
  return diagramSchema.parse(structuredClone(clean));
}

export function emptyDiagram(): Diagram {
  return {
    format: 'gtm-blueprint',
    version: CURRENT_VERSION,
    name: 'Empty',
    meta: {},
    nodes: [],
    edges: [],
  };
}

export function patchData(diagram: Diagram, id: string, patch: Record<string, unknown>): Diagram {
  expectNode(diagram, id);
  return {
    ...diagram,
    nodes: diagram.nodes.map((node) =>
      node.id === id ? ({ ...node, data: { ...node.data, ...patch } } as DiagramNode) : node,
    ),
  };
}

export function setMeta(diagram: Diagram, meta: Partial<DiagramMeta>): Diagram {
  return { ...diagram, meta: { ...diagram.meta, ...meta } };
}

/** Removes nodes and every edge touching them. */
export function removeNodes(diagram: Diagram, ...ids: string[]): Diagram {
  const gone = new Set(ids);
  ids.forEach((id) => expectNode(diagram, id));
  return {
    ...diagram,
    nodes: diagram.nodes.filter((node) => !gone.has(node.id)),
    edges: diagram.edges.filter((edge) => !gone.has(edge.source) && !gone.has(edge.target)),
  };
}

export function removeKinds(diagram: Diagram, ...kinds: DiagramNode['kind'][]): Diagram {
  const ids = diagram.nodes.filter((node) => kinds.includes(node.kind)).map((node) => node.id);
  return removeNodes(diagram, ...ids);
}

export function removeEdges(diagram: Diagram, ...ids: string[]): Diagram {
  const gone = new Set(ids);
  ids.forEach((id) => {
    if (!diagram.edges.some((edge) => edge.id === id)) throw new Error(`no edge ${id}`);
  });
  return { ...diagram, edges: diagram.edges.filter((edge) => !gone.has(edge.id)) };
}

export function addNodes(diagram: Diagram, ...nodes: DiagramNode[]): Diagram {
  return { ...diagram, nodes: [...diagram.nodes, ...nodes] };
}

export function addEdges(diagram: Diagram, ...edges: DiagramEdge[]): Diagram {
  return { ...diagram, edges: [...diagram.edges, ...edges] };
}

export function node(
  kind: DiagramNode['kind'],
  id: string,
  title: string,
  data?: AnyNodeData,
): DiagramNode {
  const y = LAYER_IDS.indexOf(layerOf(kind)) * 260 + 184;
  const base = { id, kind, title, position: { x: 1000, y } };
  return (data ? { ...base, data } : base) as DiagramNode;
}

export function edge(
  id: string,
  source: string,
  target: string,
  label?: string,
  kind?: DiagramEdge['kind'],
): DiagramEdge {
  return {
    id,
    source,
    target,
    ...(label === undefined ? {} : { label }),
    ...(kind === undefined ? {} : { kind }),
  };
}

function expectNode(diagram: Diagram, id: string): void {
  if (!diagram.nodes.some((node) => node.id === id)) throw new Error(`no node ${id}`);
}

/** Sets the value of a metric the card already has (a quarter's new figure). */
export function setMetric(diagram: Diagram, id: string, key: MetricKey, value: number): Diagram {
  expectNode(diagram, id);
  return {
    ...diagram,
    nodes: diagram.nodes.map((n) =>
      n.id === id
        ? ({
            ...n,
            data: {
              ...n.data,
              metrics: (n.data?.metrics ?? []).map((m) => (m.key === key ? { ...m, value } : m)),
            },
          } as DiagramNode)
        : n,
    ),
  };
}
