import type { MetricKey } from './metrics';
import type { Diagram } from './schema';

/**
 * "Update the diagram when a conversion rate moves more than 15% in either direction" (domain
 * §5): the playbook's threshold, as a relative change of the metric's own value.
 */
export const DRIFT_THRESHOLD = 0.15;

/** Ratios are computed in floating point: 0.2 → 0.23 is 15.000000000000002%, not a drift. */
const EPSILON = 1e-9;

export interface MetricDrift {
  readonly nodeId: string;
  /** The card's title now. */
  readonly title: string;
  readonly key: MetricKey;
  readonly before: number;
  readonly after: number;
  /** (after − before) ÷ before; Infinity when a metric moves away from 0. */
  readonly change: number;
}

/**
 * Every metric on a card present in both diagrams (same card id, same key) whose value moved
 * by more than `threshold` relative to its earlier value. A metric added or removed is not a
 * move; the structural diff reports it.
 */
export function findMetricDrift(
  before: Diagram,
  after: Diagram,
  threshold: number = DRIFT_THRESHOLD,
): MetricDrift[] {
  const earlier = new Map<string, number>();
  for (const node of before.nodes) {
    for (const metric of node.data?.metrics ?? []) {
      earlier.set(`${node.id}\u0000${metric.key}`, metric.value);
    }
  }
  const drifts: MetricDrift[] = [];
  for (const node of after.nodes) {
    for (const metric of node.data?.metrics ?? []) {
      const old = earlier.get(`${node.id}\u0000${metric.key}`);
      if (old === undefined || old === metric.value) continue;
      const change = old === 0 ? Infinity : (metric.value - old) / old;
      if (Math.abs(change) - threshold <= EPSILON) continue;
      drifts.push({
        nodeId: node.id,
        title: node.title,
        key: metric.key,
        before: old,
        after: metric.value,
        change,
      });
    }
  }
  return drifts;
}
