import { cleanDiagram, patchData } from '../../testing/test-diagrams';
import { testRule } from '../../testing/rule-tester';
import { stageMissingOwner } from './stage-missing-owner';

testRule(stageMissingOwner, {
  valid: [{ name: 'every stage owned', diagram: cleanDiagram() }],
  invalid: [
    {
      name: 'absent and blank owners, with a role proposed from the stage name',
      diagram: patchData(
        patchData(cleanDiagram(), 'stage-mql', { owner: undefined }),
        'stage-sql',
        {
          owner: '  ',
        },
      ),
      errors: [
        {
          message: 'Stage “MQL” has no owner: name the role accountable for moving deals on.',
          target: { type: 'node', id: 'stage-mql', field: 'owner' },
          fix: 'Set the owner to Marketing',
        },
        {
          message: 'Stage “SQL” has no owner: name the role accountable for moving deals on.',
          target: { type: 'node', id: 'stage-sql', field: 'owner' },
          fix: 'Set the owner to SDR',
        },
      ],
    },
  ],
});
