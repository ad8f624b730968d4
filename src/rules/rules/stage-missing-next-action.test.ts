import { cleanDiagram, patchData } from '../../testing/test-diagrams';
import { testRule } from '../../testing/rule-tester';
import { stageMissingNextAction } from './stage-missing-next-action';

testRule(stageMissingNextAction, {
  valid: [{ name: 'every stage has a next action', diagram: cleanDiagram() }],
  invalid: [
    {
      name: 'a blank next action',
      diagram: patchData(cleanDiagram(), 'stage-closed-won', { nextAction: '' }),
      errors: [
        {
          message: 'Stage “Closed won” has no next action: say what moves a deal out of it.',
          target: { type: 'node', id: 'stage-closed-won', field: 'nextAction' },
          fix: 'Set the next action to "Hand the deal notes over to onboarding"',
        },
      ],
    },
  ],
});
