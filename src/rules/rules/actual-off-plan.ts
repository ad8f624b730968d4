import { updateNodeData } from '../../model/edits/element-edits';
import { DRIFT_THRESHOLD } from '../../model/metric-drift';
import { isRateKey } from '../../model/metrics';
import { MIN_DEALS_TO_JUDGE } from '../actuals-input';
import { defineRule } from '../types';

function percent(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}

/** Four decimals keep 85.71% as such while the file stays readable. */
function rounded(rate: number): number {
  return Math.round(rate * 10_000) / 10_000;
}

/** Floating point: 0.4 → 0.46 is 15.000000000000002% off, which is not over 15%. */
const EPSILON = 1e-9;

export const actualOffPlan = defineRule({
  meta: {
    id: 'actual-off-plan',
    severity: 'warning',
    layer: 'sales',
    description:
      'Each stage converts, in the imported CRM deals, within 15% (relative) of the rate the diagram plans for it.',
    why: 'A plan whose rates nobody has checked against the CRM forecasts revenue the pipeline will not deliver, or hides a stage that works better than assumed. The playbook treats a move of more than 15% either way as the sign that the diagram needs an update, and the deals export is where that shows first. Fewer than 30 resolved deals at a stage are too few to judge, so such stages are left alone.',
    howToFix:
      'Find out why the stage converts differently (qualification, the handoff, the offer), then either fix that or use the actual rate as the plan; the quick fix writes the actual rate with the export as its source. The threshold can be set per diagram (option `threshold`, a fraction: 0.15 is 15%), and so can the fewest deals judged (option `minDeals`).',
    docs: 'docs/rules.md#actual-off-plan',
    messages: {
      offPlan:
        'Stage “{stage}” converts {actual} in the {source} of {asOf}, against {plan} planned ({change}, n = {n}).',
    },
    options: {
      threshold: {
        default: DRIFT_THRESHOLD,
        min: 0.01,
        max: 10,
        description: 'How far actual may be from plan, relative to the plan (0.15 is 15%).',
      },
      minDeals: {
        default: MIN_DEALS_TO_JUDGE,
        min: 1,
        max: 100_000,
        description: 'The fewest resolved deals at a stage before its rate is judged.',
      },
    },
  },
  check(_diagram, context, options) {
    const actuals = context.actuals;
    if (!actuals) return [];
    const threshold = options.threshold ?? DRIFT_THRESHOLD;
    const minDeals = options.minDeals ?? MIN_DEALS_TO_JUDGE;
    return actuals.stages.flatMap((figures) => {
      const stage = context.node(figures.stageId);
      if (stage?.kind !== 'stage' || figures.actual === null) return [];
      if (figures.resolved < minDeals) return [];
      const metrics = stage.data?.metrics ?? [];
      const at = metrics.findIndex((metric) => isRateKey(metric.key));
      const plan = metrics[at];
      if (!plan || plan.value === 0) return [];
      const change = (figures.actual - plan.value) / plan.value;
      if (Math.abs(change) - threshold <= EPSILON) return [];
      const actual = rounded(figures.actual);
      const source = `CRM export, ${actuals.asOf}`;
      return [
        {
          messageId: 'offPlan' as const,
          data: {
            stage: stage.title,
            actual: percent(figures.actual),
            plan: percent(plan.value),
            change: `${change > 0 ? 'up' : 'down'} ${percent(Math.abs(change))}`,
            n: figures.resolved,
            source: actuals.source,
            asOf: actuals.asOf,
          },
          target: { type: 'node' as const, id: stage.id, field: 'metrics' },
          subject: `actual:${stage.id}`,
          fix: {
            label: 'Use the actual rate',
            apply: (diagram) =>
              updateNodeData(diagram, stage.id, {
                metrics: metrics.map((metric, i) =>
                  i === at ? { key: metric.key, value: actual, source } : metric,
                ),
              }),
          },
        },
      ];
    });
  },
});
