import { cleanDiagram, patchData, setMeta } from '../../testing/test-diagrams';
import { testRule } from '../../testing/rule-tester';
import { salesCycleTooLong } from './sales-cycle-too-long';

const cycle = (value: number) => ({ metrics: [{ key: 'sales-cycle-days', value }] });

testRule(salesCycleTooLong, {
  valid: [
    { name: 'a 60-day cycle', diagram: cleanDiagram() },
    {
      name: 'exactly 120 days',
      diagram: patchData(cleanDiagram(), 'motion-sales-led', cycle(120)),
    },
    {
      name: 'an enterprise diagram that raised its own line',
      diagram: setMeta(patchData(cleanDiagram(), 'motion-sales-led', cycle(150)), {
        benchmarks: {
          'sales-cycle-days': { min: 90, max: 180, redFlag: 240, better: 'lower', label: 'Cycle' },
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'a 150-day cycle',
      diagram: patchData(cleanDiagram(), 'motion-sales-led', cycle(150)),
      errors: [
        {
          message:
            'The sales cycle on “Sales-led” is 150 days, over 120 days: find the stage where deals stall.',
          target: { type: 'node', id: 'motion-sales-led', field: 'metrics' },
        },
      ],
    },
  ],
});
