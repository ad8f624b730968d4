import { cleanDiagram, emptyDiagram, setMeta } from '../../testing/test-diagrams';
import { TEST_NOW, testRule } from '../../testing/rule-tester';
import { reviewOverdue } from './review-overdue';

testRule(reviewOverdue, {
  valid: [
    { name: 'reviewed 19 days ago', diagram: cleanDiagram() },
    {
      name: 'reviewed exactly 90 days ago',
      diagram: setMeta(cleanDiagram(), { lastReviewed: '2026-08-22' }),
    },
    { name: 'an empty diagram has nothing to review', diagram: emptyDiagram() },
  ],
  invalid: [
    {
      name: 'reviewed 91 days ago',
      diagram: setMeta(cleanDiagram(), { lastReviewed: '2026-08-21' }),
      now: TEST_NOW,
      errors: [
        {
          message:
            'The diagram was last reviewed 91 days ago (2026-08-21): review it against the latest won/lost data at least every 90 days.',
          target: { type: 'diagram' },
          severity: 'warning',
          fix: 'Mark as reviewed today (2026-11-20)',
        },
      ],
    },
    {
      name: 'never reviewed is a gentler note',
      diagram: setMeta(cleanDiagram(), { lastReviewed: undefined }),
      errors: [
        {
          message:
            'The diagram has never been reviewed: set its last-reviewed date after the first review.',
          target: { type: 'diagram' },
          severity: 'info',
        },
      ],
    },
  ],
});
