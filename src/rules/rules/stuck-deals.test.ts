import type { ActualsInput } from '../actuals-input';
import { cleanDiagram, patchData } from '../../testing/test-diagrams';
import { testRule } from '../../testing/rule-tester';
import { stuckDeals } from './stuck-deals';

function actuals(stuck: { mql: number; sql: number }): ActualsInput {
  return {
    asOf: '2026-11-30',
    source: 'Pipedrive export',
    stages: [
      { stageId: 'stage-mql', actual: 0.4, resolved: 100, stuck: stuck.mql },
      { stageId: 'stage-sql', actual: 0.6, resolved: 100, stuck: stuck.sql },
    ],
  };
}

testRule(stuckDeals, {
  valid: [
    { name: 'no deals imported', diagram: cleanDiagram() },
    { name: 'nothing stuck', diagram: cleanDiagram(), actuals: actuals({ mql: 0, sql: 0 }) },
    {
      name: 'a stage without a day limit cannot hold stuck deals',
      diagram: patchData(cleanDiagram(), 'stage-mql', { maxDays: undefined }),
      actuals: actuals({ mql: 3, sql: 0 }),
    },
  ],
  invalid: [
    {
      name: 'one deal stuck in MQL, seven in SQL',
      diagram: cleanDiagram(),
      actuals: actuals({ mql: 1, sql: 7 }),
      errors: [
        {
          message:
            'Stage “MQL” has 1 open deal past its 14-day limit in the Pipedrive export of 2026-11-30.',
          target: { type: 'node', id: 'stage-mql', field: 'maxDays' },
          severity: 'info',
          fix: null,
        },
        {
          message:
            'Stage “SQL” has 7 open deals past its 14-day limit in the Pipedrive export of 2026-11-30.',
          target: { type: 'node', id: 'stage-sql', field: 'maxDays' },
        },
      ],
    },
  ],
});
