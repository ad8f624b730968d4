import {
  addEdges,
  cleanDiagram,
  edge,
  removeEdges,
  removeKinds,
} from '../../testing/test-diagrams';
import { testRule } from '../../testing/rule-tester';
import { leadTraceGap } from './lead-trace-gap';

testRule(leadTraceGap, {
  valid: [
    { name: 'all eight steps traced', diagram: cleanDiagram() },
    {
      name: 'silent while a layer is missing',
      diagram: removeKinds(cleanDiagram(), 'positioning', 'scoring'),
    },
    {
      name: 'a missing loop alone is left to missing-feedback-loop',
      diagram: removeEdges(cleanDiagram(), 'e-won-seg', 'e-report-score', 'e-crm-score'),
    },
  ],
  invalid: [
    {
      name: 'no scoring on the path and no engagement captured',
      diagram: removeEdges(
        addEdges(
          removeKinds(cleanDiagram(), 'scoring'),
          edge('e-x', 'rev-enrichment', 'stage-lead', 'Enriched lead'),
        ),
        'e-email-crm',
      ),
      errors: [
        {
          message:
            'A lead cannot be traced through every step of the data flow; missing: 3 (scoring) and 5 (engagement capture).',
          target: { type: 'diagram' },
        },
      ],
    },
    {
      name: 'the loop is listed when missing-feedback-loop has nothing to say',
      diagram: addEdges(
        removeKinds(cleanDiagram(), 'segment', 'scoring'),
        edge('e-x', 'rev-enrichment', 'stage-lead', 'Enriched lead'),
      ),
      errors: [
        {
          message:
            'A lead cannot be traced through every step of the data flow; missing: 1 (target account list), 3 (scoring) and 8 (feedback loop).',
          target: { type: 'diagram' },
        },
      ],
    },
  ],
});
