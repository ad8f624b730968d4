import { isRateKey, type MetricKey, type RateKey } from '../model/metrics';
import type { DiagramNode, Metric } from '../model/schema';

export interface RateMetric {
  readonly key: RateKey;
  readonly value: number;
}

/** The channel metrics that turn volume into leads, most specific first (issue: forecast). */
const CHANNEL_CONVERSION_KEYS: readonly RateKey[] = ['reply-rate', 'visitor-to-lead', 'conversion'];

function metricsOf(node: DiagramNode): readonly Metric[] {
  return node.data?.metrics ?? [];
}

export function metricValue(node: DiagramNode, key: MetricKey): number | undefined {
  return metricsOf(node).find((metric) => metric.key === key)?.value;
}

/** A channel's lead conversion: its reply or visitor-to-lead rate, else a plain conversion. */
export function channelConversion(node: DiagramNode): RateMetric | undefined {
  for (const key of CHANNEL_CONVERSION_KEYS) {
    const value = metricValue(node, key);
    if (value !== undefined) return { key, value };
  }
  return undefined;
}

/**
 * A stage's rate is whichever rate metric it carries; with several, the first one listed wins,
 * which is the one the inspector shows first.
 */
export function stageRate(node: DiagramNode): RateMetric | undefined {
  for (const metric of metricsOf(node)) {
    if (isRateKey(metric.key)) return { key: metric.key, value: metric.value };
  }
  return undefined;
}
