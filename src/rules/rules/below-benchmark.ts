import { METRIC_LABEL } from '../../model/metrics';
import { formatMetricRange, formatMetricValue } from '../format';
import { zonedMetrics } from '../metric-zones';
import { defineRule } from '../types';

export const belowBenchmark = defineRule({
  meta: {
    id: 'below-benchmark',
    severity: 'info',
    layer: 'diagram',
    description: 'Every metric is within or above its benchmark range.',
    why: 'A metric under its range is an early warning: the stage works, but worse than comparable teams, and small gaps compound down the funnel. It is the cheapest moment to look at targeting, messaging or the handoff for that stage, before it becomes a red flag.',
    howToFix:
      'Look at what feeds the stage and test one change at a time. If the benchmark does not fit your market, set your own in the diagram settings.',
    docs: 'docs/rules.md#below-benchmark',
    messages: {
      below: 'Below benchmark on “{node}”: {metric} is {value}, {side} the {range} range.',
    },
  },
  check(_diagram, context) {
    return context
      .once(zonedMetrics)
      .filter(({ zone }) => zone === 'below')
      .map(({ node, metric, benchmark }) => ({
        messageId: 'below',
        data: {
          node: node.title,
          metric: METRIC_LABEL[metric.key],
          value: formatMetricValue(metric.key, metric.value),
          side: benchmark.better === 'higher' ? 'under' : 'over',
          range: formatMetricRange(metric.key, benchmark.min, benchmark.max),
        },
        target: { type: 'node', id: node.id, field: 'metrics' },
      }));
  },
});
