import { cleanDiagram, patchData } from '../../testing/test-diagrams';
import { testRule } from '../../testing/rule-tester';
import { stageTooLong } from './stage-too-long';

testRule(stageTooLong, {
  valid: [
    { name: 'every stage capped at 14 days', diagram: cleanDiagram() },
    {
      name: 'no cap set is not a long cap',
      diagram: patchData(cleanDiagram(), 'stage-sql', { maxDays: undefined }),
    },
  ],
  invalid: [
    {
      name: 'a stage allowed 15 days',
      diagram: patchData(cleanDiagram(), 'stage-proposal', { maxDays: 15 }),
      errors: [
        {
          message:
            'Stage “Proposal” allows 15 days: cap it at 14 days with a next action due inside that window.',
          target: { type: 'node', id: 'stage-proposal', field: 'maxDays' },
          fix: 'Cap the stage at 14 days',
        },
      ],
    },
  ],
});
