import { cleanDiagram, patchData } from '../../testing/test-diagrams';
import { testRule } from '../../testing/rule-tester';
import { missingMetric } from './missing-metric';

testRule(missingMetric, {
  valid: [
    { name: 'every channel and stage measured', diagram: cleanDiagram() },
    {
      name: 'the close stage needs no metric: its inflow is the won deals',
      diagram: patchData(cleanDiagram(), 'stage-closed-won', { metrics: undefined }),
    },
    {
      name: 'other kinds need no metric',
      diagram: patchData(cleanDiagram(), 'motion-sales-led', { metrics: [] }),
    },
  ],
  invalid: [
    {
      name: 'a channel and a stage without metrics',
      diagram: patchData(patchData(cleanDiagram(), 'ch-content', { metrics: [] }), 'stage-sql', {
        metrics: undefined,
      }),
      errors: [
        {
          message:
            'Channel “SEO content” has no target metric: add the rate it should hit so it can be checked against its benchmark.',
          target: { type: 'node', id: 'ch-content', field: 'metrics' },
        },
        {
          message:
            'Stage “SQL” has no target metric: add its conversion rate or cycle time so it can be measured.',
          target: { type: 'node', id: 'stage-sql', field: 'metrics' },
        },
      ],
    },
  ],
});
