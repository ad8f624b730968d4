import { cleanDiagram, patchData } from '../../testing/test-diagrams';
import { testRule } from '../../testing/rule-tester';
import { stageMissingExitCriteria } from './stage-missing-exit-criteria';

testRule(stageMissingExitCriteria, {
  valid: [{ name: 'every stage has exit criteria', diagram: cleanDiagram() }],
  invalid: [
    {
      name: 'none, an empty list and blank entries all count as missing',
      diagram: patchData(
        patchData(
          patchData(cleanDiagram(), 'stage-lead', { exitCriteria: undefined }),
          'stage-sql',
          {
            exitCriteria: [],
          },
        ),
        'stage-proposal',
        { exitCriteria: ['', ' '] },
      ),
      errors: [
        {
          message:
            'Stage “Lead” has no exit criteria: write down what must be true for a deal to move on.',
          target: { type: 'node', id: 'stage-lead', field: 'exitCriteria' },
          fix: 'Add the exit criterion "Minimum contact and company data captured"',
        },
        {
          message:
            'Stage “SQL” has no exit criteria: write down what must be true for a deal to move on.',
          target: { type: 'node', id: 'stage-sql', field: 'exitCriteria' },
          fix: 'Add the exit criterion "Fits the ICP, has a relevant problem and a reachable decision maker"',
        },
        {
          message:
            'Stage “Proposal” has no exit criteria: write down what must be true for a deal to move on.',
          target: { type: 'node', id: 'stage-proposal', field: 'exitCriteria' },
          fix: 'Add the exit criterion "Scope, price and risks agreed with the buyer"',
        },
      ],
    },
  ],
});
