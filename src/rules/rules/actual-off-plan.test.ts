import type { ActualsInput } from '../actuals-input';
import { cleanDiagram, patchData } from '../../testing/test-diagrams';
import { testRule } from '../../testing/rule-tester';
import { actualOffPlan } from './actual-off-plan';

/** The clean diagram plans MQL → SQL at 40% and SQL onwards at 60%. */
function actuals(mql: { actual: number | null; resolved: number }): ActualsInput {
  return {
    asOf: '2026-11-30',
    source: 'HubSpot export',
    stages: [
      { stageId: 'stage-mql', ...mql, stuck: 0 },
      { stageId: 'stage-sql', actual: 0.6, resolved: 120, stuck: 0 },
    ],
  };
}

testRule(actualOffPlan, {
  valid: [
    { name: 'no deals imported', diagram: cleanDiagram() },
    {
      name: 'actual within 15% of plan (46% against 40% is exactly 15%)',
      diagram: cleanDiagram(),
      actuals: actuals({ actual: 0.46, resolved: 212 }),
    },
    {
      name: 'too few resolved deals to judge',
      diagram: cleanDiagram(),
      actuals: actuals({ actual: 0.1, resolved: 29 }),
    },
    {
      name: 'no resolved deal at all',
      diagram: cleanDiagram(),
      actuals: actuals({ actual: null, resolved: 0 }),
    },
    {
      name: 'a stage with no planned rate has nothing to compare',
      diagram: patchData(cleanDiagram(), 'stage-mql', { metrics: [] }),
      actuals: actuals({ actual: 0.1, resolved: 212 }),
    },
    {
      name: 'a wider threshold set for the diagram',
      diagram: cleanDiagram(),
      actuals: actuals({ actual: 0.31, resolved: 212 }),
      setting: { level: 'warning', options: { threshold: 0.3 } },
    },
  ],
  invalid: [
    {
      name: 'MQL converts 31% against 40% planned',
      diagram: cleanDiagram(),
      actuals: actuals({ actual: 0.31, resolved: 212 }),
      errors: [
        {
          message:
            'Stage “MQL” converts 31% in the HubSpot export of 2026-11-30, against 40% planned (down 22.5%, n = 212).',
          target: { type: 'node', id: 'stage-mql', field: 'metrics' },
          severity: 'warning',
          fix: 'Use the actual rate',
        },
      ],
    },
    {
      name: 'better than plan counts too, and fewer deals once minDeals is lowered',
      diagram: cleanDiagram(),
      actuals: actuals({ actual: 0.5, resolved: 12 }),
      setting: { level: 'warning', options: { minDeals: 10 } },
      errors: [
        {
          message:
            'Stage “MQL” converts 50% in the HubSpot export of 2026-11-30, against 40% planned (up 25%, n = 12).',
          target: { type: 'node', id: 'stage-mql', field: 'metrics' },
        },
      ],
    },
  ],
});
