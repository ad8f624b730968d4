import type { MetricKey } from '../model/metrics';
import type { Diagram } from '../model/schema';

export interface UnsourcedMetric {
  readonly nodeId: string;
  readonly nodeTitle: string;
  readonly key: MetricKey;
  readonly value: number;
}

/**
 * The assumptions: metrics with no source. Every number should say where it comes from so the
 * forecast can be audited (domain §7); a blank source counts as none.
 */
export function unsourcedMetrics(diagram: Diagram): UnsourcedMetric[] {
  const found: UnsourcedMetric[] = [];
  for (const node of diagram.nodes) {
    for (const metric of node.data?.metrics ?? []) {
      if (metric.source?.trim()) continue;
      found.push({ nodeId: node.id, nodeTitle: node.title, key: metric.key, value: metric.value });
    }
  }
  return found;
}
