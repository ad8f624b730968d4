import { addEdges, cleanDiagram, edge } from '../../testing/test-diagrams';
import { testRule } from '../../testing/rule-tester';
import { unlabeledHandoff } from './unlabeled-handoff';

testRule(unlabeledHandoff, {
  valid: [{ name: 'every handoff labeled; stage-to-stage edges exempt', diagram: cleanDiagram() }],
  invalid: [
    {
      name: 'missing, empty and whitespace labels',
      diagram: addEdges(
        cleanDiagram(),
        edge('e-a', 'ch-content', 'rev-crm'),
        edge('e-b', 'rev-scoring', 'motion-sales-led', '   '),
        edge('e-c', 'persona-cro', 'ch-content', ''),
        edge('e-d', 'rev-reporting', 'seg-midmarket', undefined, 'feedback'),
      ),
      errors: [
        {
          message:
            'The handoff from “SEO content” to “CRM” has no label: say what passes across it.',
          target: { type: 'edge', id: 'e-a', field: 'label' },
          // The label fits the edge's own ends: a channel into the CRM logs, it does not enrich.
          fix: 'Label it "Replies and clicks logged to the CRM"',
        },
        {
          message:
            'The handoff from “Lead scoring” to “Sales-led” has no label: say what passes across it.',
          target: { type: 'edge', id: 'e-b', field: 'label' },
          fix: 'Label it "Qualified lead with enrichment context"',
        },
        {
          message:
            'The handoff from “VP Sales” to “SEO content” has no label: say what passes across it.',
          target: { type: 'edge', id: 'e-c', field: 'label' },
          fix: null,
        },
        {
          message:
            'The handoff from “Pipeline dashboard” to “Mid-market B2B SaaS” has no label: say what passes across it.',
          target: { type: 'edge', id: 'e-d', field: 'label' },
          // Feedback into the segment refines the ICP, not scoring.
          fix: 'Label it "Won/lost reasons refine the ICP"',
        },
      ],
    },
  ],
});
