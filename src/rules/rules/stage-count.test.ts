import {
  addNodes,
  cleanDiagram,
  node,
  removeKinds,
  removeNodes,
} from '../../testing/test-diagrams';
import { testRule } from '../../testing/rule-tester';
import { stageCount } from './stage-count';

const extra = (n: number) =>
  Array.from({ length: n }, (_, i) => node('stage', `stage-extra-${i}`, `Extra ${i}`));

testRule(stageCount, {
  valid: [
    { name: 'six stages', diagram: cleanDiagram() },
    { name: 'seven stages', diagram: addNodes(cleanDiagram(), ...extra(1)) },
    { name: 'five stages', diagram: removeNodes(cleanDiagram(), 'stage-discovery') },
    { name: 'no pipeline yet', diagram: removeKinds(cleanDiagram(), 'stage') },
  ],
  invalid: [
    {
      name: 'four stages',
      diagram: removeNodes(cleanDiagram(), 'stage-discovery', 'stage-proposal'),
      errors: [
        {
          message:
            'The pipeline has fewer than 5 stages (4): split broad stages so each step can be measured.',
          target: { type: 'diagram' },
        },
      ],
    },
    {
      name: 'eight stages',
      diagram: addNodes(cleanDiagram(), ...extra(2)),
      errors: [
        {
          message:
            'The pipeline has more than 7 stages (8): merge some so reps keep them up to date.',
          target: { type: 'diagram' },
        },
      ],
    },
  ],
});
