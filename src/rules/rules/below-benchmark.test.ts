import { cleanDiagram, patchData } from '../../testing/test-diagrams';
import { testRule } from '../../testing/rule-tester';
import { belowBenchmark } from './below-benchmark';

const metric = (key: string, value: number) => ({ metrics: [{ key, value }] });

testRule(belowBenchmark, {
  valid: [
    { name: 'every metric within its range', diagram: cleanDiagram() },
    {
      name: 'above the range is good news',
      diagram: patchData(cleanDiagram(), 'stage-mql', metric('mql-to-sql', 0.6)),
    },
    {
      name: 'past the red flag is benchmark-red-flag territory',
      diagram: patchData(cleanDiagram(), 'stage-mql', metric('mql-to-sql', 0.1)),
    },
  ],
  invalid: [
    {
      name: 'a rate under its range and a cycle over its range',
      diagram: patchData(
        patchData(cleanDiagram(), 'stage-mql', metric('mql-to-sql', 0.25)),
        'motion-sales-led',
        metric('sales-cycle-days', 100),
      ),
      errors: [
        {
          message:
            'Below benchmark on “Sales-led”: Sales cycle (days) is 100 days, over the 30-90 days range.',
          target: { type: 'node', id: 'motion-sales-led', field: 'metrics' },
        },
        {
          message: 'Below benchmark on “MQL”: MQL to SQL is 25%, under the 30-50% range.',
          target: { type: 'node', id: 'stage-mql', field: 'metrics' },
        },
      ],
    },
  ],
});
