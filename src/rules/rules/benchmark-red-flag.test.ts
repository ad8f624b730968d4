import { cleanDiagram, patchData, setMeta } from '../../testing/test-diagrams';
import { testRule } from '../../testing/rule-tester';
import { benchmarkRedFlag } from './benchmark-red-flag';

const metric = (key: string, value: number) => ({ metrics: [{ key, value }] });

testRule(benchmarkRedFlag, {
  valid: [
    { name: 'every metric within its range', diagram: cleanDiagram() },
    {
      name: 'below range but above the red flag is below-benchmark territory',
      diagram: patchData(cleanDiagram(), 'ch-cold-email', metric('reply-rate', 0.015)),
    },
    {
      name: 'exactly on the red-flag line is not past it',
      diagram: patchData(cleanDiagram(), 'ch-cold-email', metric('reply-rate', 0.01)),
    },
    {
      name: 'the sales cycle is reported by sales-cycle-too-long only',
      diagram: patchData(cleanDiagram(), 'motion-sales-led', metric('sales-cycle-days', 200)),
    },
    {
      name: 'a metric without a benchmark is never a red flag',
      diagram: patchData(cleanDiagram(), 'stage-sql', metric('conversion', 0.01)),
    },
    {
      name: "the diagram's own benchmark replaces the default",
      diagram: setMeta(patchData(cleanDiagram(), 'ch-cold-email', metric('reply-rate', 0.008)), {
        benchmarks: {
          'reply-rate': { min: 0.01, max: 0.02, redFlag: 0.005, better: 'higher', label: 'Reply' },
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'a reply rate under 1% and a win rate under 10%',
      diagram: patchData(
        patchData(cleanDiagram(), 'ch-cold-email', metric('reply-rate', 0.005)),
        'stage-proposal',
        metric('win-rate', 0.08),
      ),
      errors: [
        {
          message:
            'Red flag on “Cold email”: Reply rate is 0.5%, below the 1% red-flag line (benchmark 2-5%).',
          target: { type: 'node', id: 'ch-cold-email', field: 'metrics' },
        },
        {
          message:
            'Red flag on “Proposal”: Win rate is 8%, below the 10% red-flag line (benchmark 15-25%).',
          target: { type: 'node', id: 'stage-proposal', field: 'metrics' },
        },
      ],
    },
  ],
});
