import { cleanDiagram, removeEdges, removeKinds } from '../../testing/test-diagrams';
import { testRule } from '../../testing/rule-tester';
import { personaUnconnected } from './persona-unconnected';

testRule(personaUnconnected, {
  valid: [
    { name: 'every persona shapes the positioning', diagram: cleanDiagram() },
    {
      name: 'a persona with only an edge into it counts as connected',
      diagram: {
        ...removeEdges(cleanDiagram(), 'e-cro-pos'),
        edges: [
          ...removeEdges(cleanDiagram(), 'e-cro-pos').edges,
          { id: 'e-seg-cro', source: 'seg-midmarket', target: 'persona-cro', label: 'Buys for' },
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'a persona with no edge at all',
      diagram: removeEdges(cleanDiagram(), 'e-cro-pos'),
      errors: [
        {
          message:
            'The persona “VP Sales” is connected to nothing: show which message speaks to them.',
          target: { type: 'node', id: 'persona-cro' },
          fix: 'Connect it to “Pipeline you can forecast” as the pain the message answers',
        },
      ],
    },
    {
      name: 'no positioning to connect to: no quick fix',
      diagram: removeKinds(cleanDiagram(), 'positioning'),
      errors: [
        {
          message:
            'The persona “VP Sales” is connected to nothing: show which message speaks to them.',
          target: { type: 'node', id: 'persona-cro' },
          fix: null,
        },
        {
          message:
            'The persona “RevOps lead” is connected to nothing: show which message speaks to them.',
          target: { type: 'node', id: 'persona-revops' },
          fix: null,
        },
      ],
    },
  ],
});
