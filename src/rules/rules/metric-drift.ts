import { DRIFT_THRESHOLD, findMetricDrift } from '../../model/metric-drift';
import { METRIC_LABEL } from '../../model/metrics';
import { formatMetricValue } from '../format';
import { defineRule } from '../types';

function percent(change: number): string {
  if (!Number.isFinite(change)) return 'up from 0';
  const rounded = Math.round(Math.abs(change) * 1000) / 10;
  return `${change > 0 ? 'up' : 'down'} ${rounded}%`;
}

export const metricDrift = defineRule({
  meta: {
    id: 'metric-drift',
    severity: 'warning',
    layer: 'diagram',
    description:
      'No metric moved more than 15% (either way) since the version last marked as reviewed.',
    why: 'The playbook asks for an update whenever a conversion rate moves more than 15% in either direction: a drop means a stage, channel or handoff has started to leak, a jump means the diagram now undersells what works, and either way the forecast and the decisions taken from it rest on last quarter. Comparing with the last reviewed version catches the drift between quarterly reviews.',
    howToFix:
      'Look at what changed behind the metric (targeting, messaging, the handoff, the data source), update the diagram to match, then mark it as reviewed. The threshold can be set per diagram (option `threshold`, a fraction: 0.15 is 15%).',
    docs: 'docs/rules.md#metric-drift',
    messages: {
      drift:
        'Drift on “{node}”: {metric} moved {change} since the review of {date}, from {before} to {after}.',
    },
    options: {
      threshold: {
        default: DRIFT_THRESHOLD,
        min: 0.01,
        max: 1,
        description: 'The relative change that counts as drift, as a fraction (0.15 is 15%).',
      },
    },
  },
  check(diagram, context, options) {
    const baseline = context.baseline;
    if (!baseline) return [];
    const threshold = options.threshold ?? DRIFT_THRESHOLD;
    return findMetricDrift(baseline.diagram, diagram, threshold).map((drift) => ({
      messageId: 'drift',
      data: {
        metric: METRIC_LABEL[drift.key],
        node: drift.title,
        change: percent(drift.change),
        date: baseline.reviewedAt,
        before: formatMetricValue(drift.key, drift.before),
        after: formatMetricValue(drift.key, drift.after),
      },
      target: { type: 'node', id: drift.nodeId, field: 'metrics' },
      subject: `drift:${drift.nodeId}:${drift.key}`,
    }));
  },
});
