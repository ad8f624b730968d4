import { cleanDiagram, patchData } from '../../testing/test-diagrams';
import { testRule } from '../../testing/rule-tester';
import { positioningNoProof } from './positioning-no-proof';

testRule(positioningNoProof, {
  valid: [{ name: 'proof present', diagram: cleanDiagram() }],
  invalid: [
    {
      name: 'no proof',
      diagram: patchData(cleanDiagram(), 'pos-core', { proof: undefined }),
      errors: [
        {
          message:
            'Positioning “Pipeline you can forecast” has no proof, so it is not ready to scale outbound: collect 3-5 case studies first.',
          target: { type: 'node', id: 'pos-core', field: 'proof' },
        },
      ],
    },
  ],
});
