import { TEST_NOW, testRule } from '../../testing/rule-tester';
import { cleanDiagram, setMetric } from '../../testing/test-diagrams';
import { metricDrift } from './metric-drift';

const reviewed = { diagram: cleanDiagram(), reviewedAt: '2026-10-01' };

testRule(metricDrift, {
  valid: [
    {
      name: 'no reviewed version to compare with',
      diagram: setMetric(cleanDiagram(), 'stage-proposal', 'win-rate', 0.4),
    },
    { name: 'nothing moved since the review', diagram: cleanDiagram(), baseline: reviewed },
    {
      name: 'a move of 14.9% is within the threshold',
      diagram: setMetric(cleanDiagram(), 'stage-proposal', 'win-rate', 0.2 * 1.149),
      baseline: reviewed,
    },
    {
      name: 'a move of exactly 15% is within it',
      diagram: setMetric(cleanDiagram(), 'stage-lead', 'lead-to-mql', 0.23),
      baseline: reviewed,
    },
    {
      name: 'a diagram may raise the threshold',
      diagram: setMetric(cleanDiagram(), 'stage-proposal', 'win-rate', 0.25),
      baseline: reviewed,
      setting: { level: 'warning', options: { threshold: 0.3 } },
    },
  ],
  invalid: [
    {
      name: 'a win rate up 15.1% names old and new value and the review date',
      diagram: setMetric(cleanDiagram(), 'stage-proposal', 'win-rate', 0.2 * 1.151),
      baseline: reviewed,
      now: TEST_NOW,
      errors: [
        {
          message:
            'Drift on “Proposal”: Win rate moved up 15.1% since the review of 2026-10-01, from 20% to 23.02%.',
          target: { type: 'node', id: 'stage-proposal', field: 'metrics' },
          severity: 'warning',
          fix: null,
        },
      ],
    },
    {
      name: 'a sales cycle down a third, and a reply rate that fell',
      diagram: setMetric(
        setMetric(cleanDiagram(), 'motion-sales-led', 'sales-cycle-days', 40),
        'ch-cold-email',
        'reply-rate',
        0.02,
      ),
      baseline: reviewed,
      errors: [
        {
          message:
            'Drift on “Cold email”: Reply rate moved down 33.3% since the review of 2026-10-01, from 3% to 2%.',
          target: { type: 'node', id: 'ch-cold-email', field: 'metrics' },
        },
        {
          message:
            'Drift on “Sales-led”: Sales cycle (days) moved down 33.3% since the review of 2026-10-01, from 60 days to 40 days.',
          target: { type: 'node', id: 'motion-sales-led', field: 'metrics' },
        },
      ],
    },
    {
      name: 'a lower threshold set in the diagram catches a smaller move',
      diagram: setMetric(cleanDiagram(), 'stage-proposal', 'win-rate', 0.22),
      baseline: reviewed,
      setting: { level: 'warning', options: { threshold: 0.05 } },
      errors: [
        {
          message:
            'Drift on “Proposal”: Win rate moved up 10% since the review of 2026-10-01, from 20% to 22%.',
          target: { type: 'node', id: 'stage-proposal', field: 'metrics' },
        },
      ],
    },
  ],
});
