import {
  addEdges,
  cleanDiagram,
  edge,
  removeEdges,
  removeKinds,
} from '../../testing/test-diagrams';
import { testRule } from '../../testing/rule-tester';
import { missingFeedbackLoop } from './missing-feedback-loop';

const noLoop = removeEdges(cleanDiagram(), 'e-won-seg', 'e-report-score', 'e-crm-score');
const message =
  'Won and lost deals never flow back to the ICP or the scoring model: add a feedback loop.';

testRule(missingFeedbackLoop, {
  valid: [
    { name: 'feedback edges to the ICP and scoring', diagram: cleanDiagram() },
    {
      name: 'a stage that writes to the CRM that feeds scoring closes the loop',
      diagram: removeEdges(cleanDiagram(), 'e-won-seg', 'e-report-score'),
    },
    { name: 'nothing to loop from yet', diagram: removeKinds(noLoop, 'stage', 'reporting') },
    { name: 'nothing to loop back to yet', diagram: removeKinds(noLoop, 'segment', 'scoring') },
  ],
  invalid: [
    {
      name: 'no path back',
      diagram: noLoop,
      errors: [
        {
          message,
          target: { type: 'diagram' },
          fix: 'Add a feedback edge from closed deals back to the ICP',
        },
      ],
    },
    {
      name: 'a CRM feeding scoring without stage data is engagement, not feedback',
      diagram: addEdges(
        removeEdges(noLoop, 'e-won-crm'),
        edge('e-x', 'rev-crm', 'rev-scoring', 'Engagement'),
      ),
      errors: [{ message, target: { type: 'diagram' } }],
    },
  ],
});
