import {
  BAND_LEFT,
  BAND_PADDING_TOP,
  NODE_GAP_X,
  NODE_HEIGHT,
  NODE_WIDTH,
  bandTop,
} from '../model/bands';
import { layerOf, type NodeKind } from '../model/layers';
import type { Diagram, DiagramEdge, DiagramNode, EdgeKind } from '../model/schema';
import { CURRENT_VERSION, FORMAT } from '../model/version';

/**
 * A large, deterministic, realistic diagram for benchmarks: the same arguments always give the
 * same diagram. Per 50 nodes the mix is roughly what a big multi-segment GTM map holds, and
 * edges follow the lead flow (ICP → positioning → channels → enrichment → scoring → stages →
 * CRM → reporting) with feedback edges back up, plus a few flaws so rules have work to do.
 */
const MIX: readonly (readonly [NodeKind, number])[] = [
  ['segment', 4],
  ['persona', 4],
  ['positioning', 4],
  ['channel', 6],
  ['motion', 1],
  ['stage', 12],
  ['crm', 2],
  ['enrichment', 4],
  ['scoring', 3],
  ['sequencing', 3],
  ['reporting', 3],
  ['tool', 4],
];

/** Where each kind's edges usually go, with the edge kind; the first entry is the most common. */
const FLOW: Readonly<Record<NodeKind, readonly (readonly [NodeKind, EdgeKind])[]>> = {
  segment: [
    ['positioning', 'handoff'],
    ['enrichment', 'dataflow'],
  ],
  persona: [['positioning', 'handoff']],
  positioning: [['channel', 'handoff']],
  channel: [
    ['enrichment', 'handoff'],
    ['crm', 'dataflow'],
    ['stage', 'handoff'],
  ],
  motion: [['stage', 'handoff']],
  stage: [
    ['stage', 'handoff'],
    ['crm', 'dataflow'],
    ['segment', 'feedback'],
  ],
  crm: [
    ['reporting', 'dataflow'],
    ['scoring', 'dataflow'],
  ],
  enrichment: [
    ['scoring', 'dataflow'],
    ['crm', 'dataflow'],
  ],
  scoring: [
    ['stage', 'handoff'],
    ['sequencing', 'dataflow'],
  ],
  sequencing: [
    ['channel', 'dataflow'],
    ['crm', 'dataflow'],
  ],
  reporting: [
    ['scoring', 'feedback'],
    ['segment', 'feedback'],
  ],
  tool: [['crm', 'dataflow']],
};

const COLUMNS = 100;

/** mulberry32: tiny, fast and good enough to vary a benchmark diagram reproducibly. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function createSyntheticDiagram(nodeCount: number, edgesPerNode = 2, seed = 1): Diagram {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const sequence = MIX.flatMap(([kind, count]) => Array<NodeKind>(count).fill(kind));

  const nodes: DiagramNode[] = [];
  const byKind = new Map<NodeKind, string[]>();
  const perLayer = new Map<string, number>();
  for (let i = 0; i < nodeCount; i++) {
    const kind = sequence[i % sequence.length] as NodeKind;
    const layer = layerOf(kind);
    const slot = perLayer.get(layer) ?? 0;
    perLayer.set(layer, slot + 1);
    const id = `n${i}`;
    nodes.push({
      id,
      kind,
      title: `${kind} ${i}`,
      position: {
        x: BAND_LEFT + (slot % COLUMNS) * (NODE_WIDTH + NODE_GAP_X),
        y: bandTop(layer) + BAND_PADDING_TOP + Math.floor(slot / COLUMNS) * (NODE_HEIGHT + 16),
      },
      ...dataFor(kind, next),
    } as DiagramNode);
    const ids = byKind.get(kind);
    if (ids) ids.push(id);
    else byKind.set(kind, [id]);
  }

  const edges: DiagramEdge[] = [];
  const edgeCount = Math.round(nodeCount * edgesPerNode);
  for (let i = 0; i < edgeCount && nodes.length > 1; i++) {
    const source = nodes[i % nodes.length] as DiagramNode;
    // Mostly the main flow, sometimes a side route, so every rule has something to walk.
    const routes = FLOW[source.kind];
    const [targetKind, kind] = (next() < 0.7 ? routes[0] : pick(routes)) as readonly [
      NodeKind,
      EdgeKind,
    ];
    let target = pick(byKind.get(targetKind) ?? [source.id]);
    if (target === source.id) target = (nodes[(i + 1) % nodes.length] as DiagramNode).id;
    const edge: DiagramEdge = { id: `e${i}`, source: source.id, target, kind };
    if (next() > 0.05) edge.label = `${source.kind} to ${targetKind}`;
    edges.push(edge);
  }

  return {
    format: FORMAT,
    version: CURRENT_VERSION,
    name: `Synthetic ${nodeCount} nodes`,
    meta: { companyStage: 'series-b', lastReviewed: '2026-01-15' },
    nodes,
    edges,
  };
}

function dataFor(kind: NodeKind, next: () => number): Pick<DiagramNode, 'data'> | object {
  const gap = next() < 0.1;
  switch (kind) {
    case 'segment':
      return { data: { industry: 'B2B software', employees: '200-1,000' } };
    case 'persona':
      return { data: { role: next() < 0.5 ? 'economic-buyer' : 'champion' } };
    case 'positioning':
      return {
        data: {
          targetSegment: 'Mid-market SaaS',
          problem: 'Unqualified pipeline',
          differentiator: 'Fit and intent scoring',
          ...(gap ? {} : { proof: 'Three published case studies' }),
        },
      };
    case 'channel':
      return {
        data: {
          channelType: 'outbound',
          metrics: gap ? [] : [{ key: 'reply-rate', value: Math.round(next() * 60) / 1000 }],
        },
      };
    case 'motion':
      return { data: { motionType: 'sales-led', acv: 10_000 + Math.round(next() * 60_000) } };
    case 'stage':
      return {
        data: {
          owner: gap ? '' : 'Account executive',
          exitCriteria: ['Next step agreed with the buyer'],
          nextAction: 'Book the next step',
          maxDays: gap ? 21 : 14,
          metrics: [{ key: 'mql-to-sql', value: Math.round(next() * 600) / 1000 }],
        },
      };
    default:
      return {};
  }
}

/**
 * The next version of a synthetic diagram, as a quarter of edits leaves it: about 5% of the
 * cards moved, 5% with a metric or title changed, 1% removed (with their edges) and 1% added.
 * Deterministic, like `createSyntheticDiagram`, so compare benchmarks time the same work.
 */
export function createSyntheticRevision(diagram: Diagram, seed = 2): Diagram {
  const next = random(seed);
  const removed = new Set<string>();
  const nodes: DiagramNode[] = [];
  for (const node of diagram.nodes) {
    const roll = next();
    if (roll < 0.01) {
      removed.add(node.id);
    } else if (roll < 0.06) {
      nodes.push({ ...node, position: { x: node.position.x + 48, y: node.position.y } });
    } else if (roll < 0.11) {
      const metrics = node.data?.metrics?.map((m) =>
        m.key === 'sales-cycle-days' ? m : { ...m, value: Math.min(1, m.value * 1.3) },
      );
      nodes.push(
        metrics && metrics.length > 0
          ? ({ ...node, data: { ...node.data, metrics } } as DiagramNode)
          : { ...node, title: `${node.title} (renamed)` },
      );
    } else {
      nodes.push(node);
    }
  }
  const added = Math.max(1, Math.round(diagram.nodes.length / 100));
  for (let i = 0; i < added; i++) {
    const template = diagram.nodes[i] as DiagramNode;
    nodes.push({ ...template, id: `${template.id}-new${i}`, title: `New ${template.kind} ${i}` });
  }
  return {
    ...diagram,
    nodes,
    edges: diagram.edges.filter((e) => !removed.has(e.source) && !removed.has(e.target)),
  };
}
