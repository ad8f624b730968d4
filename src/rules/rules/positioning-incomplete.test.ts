import { cleanDiagram, patchData } from '../../testing/test-diagrams';
import { testRule } from '../../testing/rule-tester';
import { positioningIncomplete } from './positioning-incomplete';

testRule(positioningIncomplete, {
  valid: [
    { name: 'all parts present', diagram: cleanDiagram() },
    {
      name: 'proof is left to positioning-no-proof',
      diagram: patchData(cleanDiagram(), 'pos-core', { proof: '' }),
    },
  ],
  invalid: [
    {
      name: 'one part missing',
      diagram: patchData(cleanDiagram(), 'pos-core', { differentiator: ' ' }),
      errors: [
        {
          message: 'Positioning “Pipeline you can forecast” is missing the key differentiator.',
          target: { type: 'node', id: 'pos-core', field: 'differentiator' },
        },
      ],
    },
    {
      name: 'several parts missing point at the first',
      diagram: patchData(cleanDiagram(), 'pos-core', {
        targetSegment: undefined,
        problem: '',
        differentiator: undefined,
      }),
      errors: [
        {
          message:
            'Positioning “Pipeline you can forecast” is missing the target segment, the problem solved and the key differentiator.',
          target: { type: 'node', id: 'pos-core', field: 'targetSegment' },
        },
      ],
    },
  ],
});
