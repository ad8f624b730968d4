import { cleanDiagram, emptyDiagram, removeKinds } from '../../testing/test-diagrams';
import { testRule } from '../../testing/rule-tester';
import { missingLayer } from './missing-layer';

testRule(missingLayer, {
  valid: [{ name: 'all five layers present', diagram: cleanDiagram() }],
  invalid: [
    {
      name: 'an empty diagram gets one finding that scaffolds every layer',
      diagram: emptyDiagram(),
      errors: [
        {
          message:
            'The diagram is empty: lay out the five layers, from who you sell to down to the RevOps foundation.',
          target: { type: 'diagram' },
          fix: 'Add a starter node to each of the five layers',
          severity: 'info',
        },
      ],
    },
    {
      name: 'one finding per absent layer, in layer order',
      diagram: removeKinds(
        cleanDiagram(),
        'positioning',
        'crm',
        'enrichment',
        'scoring',
        'sequencing',
        'reporting',
      ),
      errors: [
        {
          message:
            'The Positioning layer is empty: add the message: segment, problem, differentiator and proof.',
          target: { type: 'diagram' },
          fix: 'Add “Core positioning” to the Positioning layer',
        },
        {
          message:
            'The RevOps layer is empty: add the CRM and the tools that carry data between the layers.',
          target: { type: 'diagram' },
          fix: 'Add “CRM” to the RevOps layer',
        },
      ],
    },
  ],
});
