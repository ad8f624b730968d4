import { cleanDiagram, removeEdges, removeKinds } from '../../testing/test-diagrams';
import { testRule } from '../../testing/rule-tester';
import { motionUnconnected } from './motion-unconnected';

testRule(motionUnconnected, {
  valid: [{ name: 'the motion runs the pipeline', diagram: cleanDiagram() }],
  invalid: [
    {
      name: 'a motion with no edge: connect it to the first stage',
      diagram: removeEdges(cleanDiagram(), 'e-motion-lead'),
      errors: [
        {
          message:
            'The motion “Sales-led” is connected to nothing: connect it to the pipeline it runs.',
          target: { type: 'node', id: 'motion-sales-led' },
          fix: 'Connect it to the stage “Lead” it runs',
        },
      ],
    },
    {
      name: 'no stage yet: no quick fix',
      diagram: removeKinds(removeEdges(cleanDiagram(), 'e-motion-lead'), 'stage'),
      errors: [
        {
          message:
            'The motion “Sales-led” is connected to nothing: connect it to the pipeline it runs.',
          target: { type: 'node', id: 'motion-sales-led' },
          fix: null,
        },
      ],
    },
  ],
});
