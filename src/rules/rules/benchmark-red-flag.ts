import { METRIC_LABEL } from '../../model/metrics';
import { formatMetricRange, formatMetricValue } from '../format';
import { zonedMetrics } from '../metric-zones';
import { defineRule } from '../types';

export const benchmarkRedFlag = defineRule({
  meta: {
    id: 'benchmark-red-flag',
    severity: 'error',
    layer: 'diagram',
    description: "No metric is past the red-flag line of the diagram's benchmark table.",
    why: 'The benchmark table gives each stage a healthy range and a red-flag line: for mid-market B2B, a cold-email reply rate of 2-5% with an alarm below 1%, MQL to SQL of 30-50% with an alarm below 20%, a win rate of 15-25% with an alarm below 10%. Past the red flag the stage is not underperforming, it is broken, and every stage after it is starved. The sales cycle is left to sales-cycle-too-long, which reports it once and more specifically.',
    howToFix:
      'Fix the stage, not the number: check targeting, message and handoff for that step. If your market really differs (enterprise, or a low-ACV product-led motion), set your own benchmark for the metric in the diagram settings.',
    docs: 'docs/rules.md#benchmark-red-flag',
    messages: {
      redFlag: 'Red flag on “{node}”: {metric} is {value}, {limit} (benchmark {range}).',
    },
  },
  check(_diagram, context) {
    return context
      .once(zonedMetrics)
      .filter(({ metric, zone }) => zone === 'red-flag' && metric.key !== 'sales-cycle-days')
      .map(({ node, metric, benchmark }) => {
        const line = formatMetricValue(metric.key, benchmark.redFlag);
        return {
          messageId: 'redFlag',
          data: {
            node: node.title,
            metric: METRIC_LABEL[metric.key],
            value: formatMetricValue(metric.key, metric.value),
            limit: `${benchmark.better === 'higher' ? 'below' : 'above'} the ${line} red-flag line`,
            range: formatMetricRange(metric.key, benchmark.min, benchmark.max),
          },
          target: { type: 'node', id: node.id, field: 'metrics' },
        };
      });
  },
});
