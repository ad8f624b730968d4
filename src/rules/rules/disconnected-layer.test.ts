import {
  addEdges,
  cleanDiagram,
  edge,
  removeEdges,
  removeKinds,
} from '../../testing/test-diagrams';
import { testRule } from '../../testing/rule-tester';
import { disconnectedLayer } from './disconnected-layer';

const noIcpSeam = removeEdges(cleanDiagram(), 'e-seg-pos', 'e-cro-pos', 'e-revops-pos');

testRule(disconnectedLayer, {
  valid: [
    { name: 'every seam crossed', diagram: cleanDiagram() },
    {
      name: 'channels reach sales only through enrichment and scoring',
      diagram: cleanDiagram(),
    },
    {
      name: 'an edge upwards crosses the seam too',
      diagram: addEdges(noIcpSeam, edge('e-up', 'pos-core', 'seg-midmarket', 'Message tested on')),
    },
    {
      name: 'a seam next to a missing layer is left to missing-layer',
      diagram: removeKinds(cleanDiagram(), 'positioning'),
    },
  ],
  invalid: [
    {
      name: 'ICP not wired to positioning',
      diagram: noIcpSeam,
      errors: [
        {
          message:
            'The ICP & personas layer is not connected to the Positioning layer below it: add a labeled handoff across the seam.',
          target: { type: 'node', id: 'seg-midmarket' },
        },
      ],
    },
    {
      name: 'channels cut off from sales',
      diagram: removeEdges(cleanDiagram(), 'e-score-lead'),
      errors: [
        {
          message:
            'The Channels layer is not connected to the Sales motion layer below it: add a labeled handoff across the seam.',
          target: { type: 'node', id: 'ch-cold-email' },
        },
      ],
    },
  ],
});
