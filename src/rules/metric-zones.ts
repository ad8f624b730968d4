import { benchmarkZone, type Benchmark, type BenchmarkZone } from '../model/benchmarks';
import type { DiagramNode, Metric } from '../model/schema';
import type { AuditContext } from './context';

export interface ZonedMetric {
  readonly node: DiagramNode;
  readonly metric: Metric;
  readonly benchmark: Benchmark;
  readonly zone: BenchmarkZone;
}

/** Every metric on the diagram that has a benchmark, with its zone; computed once per audit. */
export function zonedMetrics(context: AuditContext): readonly ZonedMetric[] {
  const out: ZonedMetric[] = [];
  for (const node of context.diagram.nodes) {
    for (const metric of node.data?.metrics ?? []) {
      const benchmark = context.benchmarks[metric.key];
      if (!benchmark) continue;
      out.push({ node, metric, benchmark, zone: benchmarkZone(metric.value, benchmark) });
    }
  }
  return out;
}
