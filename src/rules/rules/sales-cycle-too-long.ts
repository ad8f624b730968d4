import { formatMetricValue } from '../format';
import { defineRule, type Report } from '../types';

/** Domain §5: a full cycle above 120 days is a red flag; a diagram may set its own line. */
const DEFAULT_MAX_DAYS = 120;

export const salesCycleTooLong = defineRule({
  meta: {
    id: 'sales-cycle-too-long',
    severity: 'warning',
    layer: 'sales',
    description: `The sales cycle stays within the red-flag line (${DEFAULT_MAX_DAYS} days by default).`,
    why: 'A mid-market sales cycle normally runs 30 to 90 days. Beyond 120 days, cash arrives a quarter later than planned, forecasts slip, and deals are exposed to budget freezes and champion turnover. A long cycle usually means a stage without clear exit criteria, a buying committee that was never mapped, or deals that should have been disqualified early. This rule owns the sales-cycle metric; benchmark-red-flag does not report it again.',
    howToFix:
      'Find the stage where deals stall (time in stage, missing next actions) and tighten its exit criteria. If long cycles are normal for your market, raise the sales-cycle benchmark in the diagram settings.',
    docs: 'docs/rules.md#sales-cycle-too-long',
    messages: {
      tooLong:
        'The sales cycle on “{node}” is {value}, over {max} days: find the stage where deals stall.',
    },
  },
  check(diagram, context) {
    const max = context.benchmarks['sales-cycle-days']?.redFlag ?? DEFAULT_MAX_DAYS;
    const reports: Report<'tooLong'>[] = [];
    for (const node of diagram.nodes) {
      for (const metric of node.data?.metrics ?? []) {
        if (metric.key !== 'sales-cycle-days' || metric.value <= max) continue;
        reports.push({
          messageId: 'tooLong',
          data: { node: node.title, value: formatMetricValue(metric.key, metric.value), max },
          target: { type: 'node', id: node.id, field: 'metrics' },
        });
      }
    }
    return reports;
  },
});
