import { isRateKey } from '../model/metrics';
import type { Diagram, DiagramNode, Metric } from '../model/schema';
import type { ActualsReport } from './compute-actuals';

/**
 * The diagram with the CRM's figures in place of its assumptions, for the forecast "on
 * actuals": each stage's rate becomes its actual conversion (where there is one), the motion's
 * ACV the actual ACV, the sales cycle the actual median. Everything else, channels included,
 * stays as planned: the export says nothing about them.
 */
export function withActualRates(diagram: Diagram, report: ActualsReport): Diagram {
  const actual = new Map(report.stages.map((s) => [s.stageId, s.actual]));
  const nodes = diagram.nodes.map((node): DiagramNode => {
    if (node.kind === 'stage') {
      const rate = actual.get(node.id);
      const metrics = node.data?.metrics;
      const withRate = rate === null || rate === undefined ? metrics : replaceRate(metrics, rate);
      const withCycle =
        report.salesCycleDays === null ? withRate : replaceCycle(withRate, report.salesCycleDays);
      return withCycle === metrics ? node : { ...node, data: { ...node.data, metrics: withCycle } };
    }
    if (node.kind === 'motion' && report.acv !== null) {
      return { ...node, data: { ...node.data, acv: report.acv } };
    }
    return node;
  });
  return { ...diagram, nodes };
}

function replaceRate(metrics: readonly Metric[] | undefined, rate: number): Metric[] | undefined {
  if (!metrics) return metrics;
  const at = metrics.findIndex((metric) => isRateKey(metric.key));
  if (at < 0) return metrics as Metric[];
  return metrics.map((metric, i) => (i === at ? ({ ...metric, value: rate } as Metric) : metric));
}

function replaceCycle(metrics: Metric[] | undefined, days: number): Metric[] | undefined {
  if (!metrics?.some((metric) => metric.key === 'sales-cycle-days')) return metrics;
  return metrics.map((metric) =>
    metric.key === 'sales-cycle-days' ? { ...metric, value: Math.min(days, 3650) } : metric,
  );
}
