import { cleanDiagram, removeKinds } from '../../testing/test-diagrams';
import { testRule } from '../../testing/rule-tester';
import { toolsWithoutIcp } from './tools-without-icp';

testRule(toolsWithoutIcp, {
  valid: [
    { name: 'tools with an ICP segment', diagram: cleanDiagram() },
    {
      name: 'no ICP and no tools is missing-layer territory',
      diagram: removeKinds(
        cleanDiagram(),
        'segment',
        'crm',
        'enrichment',
        'scoring',
        'sequencing',
        'reporting',
      ),
    },
  ],
  invalid: [
    {
      name: 'tools but no segment, even with personas mapped',
      diagram: removeKinds(cleanDiagram(), 'segment'),
      errors: [
        {
          message:
            'The diagram has RevOps tools but no ICP segment: define who you sell to before wiring the tools.',
          target: { type: 'diagram' },
          fix: 'Add an ICP segment',
        },
      ],
    },
  ],
});
