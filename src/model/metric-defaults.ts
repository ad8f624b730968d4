import { DEFAULT_BENCHMARKS } from './benchmarks';
import type { MetricKey } from './metrics';
import type { Diagram, DiagramNode, Metric } from './schema';

/**
 * The metric a card's first "Add metric" proposes (issue 16): the one its kind is judged by,
 * at the middle of its benchmark range (domain §5), so one edit of the value is the only step
 * left. An outbound channel is measured by its reply rate, an inbound one by visitor-to-lead;
 * a stage by the conversion of its place in the pipeline (Lead → MQL → SQL → opportunity →
 * close), read from its title when the title names it, else from its position along the
 * stage-to-stage edges.
 */
export function defaultMetricFor(diagram: Diagram, node: DiagramNode): Metric {
  return metricAtBenchmark(defaultMetricKey(diagram, node));
}

const BY_POSITION: readonly MetricKey[] = [
  'lead-to-mql',
  'mql-to-sql',
  'demo-to-opportunity',
  'win-rate',
];

const STAGE_TITLES: readonly (readonly [RegExp, MetricKey])[] = [
  [/won|close|negotiat|proposal|contract|opportunit|\bopp\b/i, 'win-rate'],
  [/sql|discover|demo|qualif/i, 'demo-to-opportunity'],
  [/mql|pql/i, 'mql-to-sql'],
  [/lead|sourc|prospect|sign.?up/i, 'lead-to-mql'],
];

const OUTBOUND_TITLE = /outbound|cold|sdr|sequence|prospect/i;

export function defaultMetricKey(diagram: Diagram, node: DiagramNode): MetricKey {
  if (node.kind === 'channel') {
    const type = node.data?.channelType;
    if (type === 'outbound') return 'reply-rate';
    if (type === undefined && OUTBOUND_TITLE.test(node.title)) return 'reply-rate';
    return 'visitor-to-lead';
  }
  if (node.kind === 'stage') {
    const named = STAGE_TITLES.find(([pattern]) => pattern.test(node.title));
    if (named) return named[1];
    const position = Math.min(stagePosition(diagram, node.id), BY_POSITION.length - 1);
    return BY_POSITION[position] ?? 'win-rate';
  }
  return 'conversion';
}

function metricAtBenchmark(key: MetricKey): Metric {
  const benchmark = DEFAULT_BENCHMARKS[key];
  if (!benchmark) return { key, value: 0.5 };
  // Whole tenths of a percent (or whole days), as a person would type it.
  const middle = (benchmark.min + benchmark.max) / 2;
  const value = key === 'sales-cycle-days' ? Math.round(middle) : Math.round(middle * 1000) / 1000;
  return { key, value };
}

/** How many stages come before this one along stage-to-stage handoffs (feedback left out). */
function stagePosition(diagram: Diagram, id: string): number {
  const stages = new Set(diagram.nodes.filter((n) => n.kind === 'stage').map((n) => n.id));
  const before = new Map<string, string[]>();
  let linked = false;
  for (const edge of diagram.edges) {
    if (edge.kind === 'feedback' || !stages.has(edge.source) || !stages.has(edge.target)) continue;
    before.set(edge.target, [...(before.get(edge.target) ?? []), edge.source]);
    if (edge.source === id || edge.target === id) linked = true;
  }
  const depth = new Map<string, number>();
  const visit = (stage: string, seen: Set<string>): number => {
    const known = depth.get(stage);
    if (known !== undefined) return known;
    if (seen.has(stage)) return 0;
    seen.add(stage);
    const result = Math.max(0, ...(before.get(stage) ?? []).map((s) => visit(s, seen) + 1));
    depth.set(stage, result);
    return result;
  };
  if (linked) return visit(id, new Set());
  // Not connected yet: its place left to right among the stages.
  const node = diagram.nodes.find((n) => n.id === id);
  if (!node) return 0;
  return diagram.nodes.filter((n) => n.kind === 'stage' && n.position.x < node.position.x).length;
}
