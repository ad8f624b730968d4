import { cleanDiagram, patchData, removeEdges, removeKinds } from '../../testing/test-diagrams';
import { testRule } from '../../testing/rule-tester';
import { outboundWithoutSequencing } from './outbound-without-sequencing';

const MESSAGE =
  'The outbound channel “Cold email” has no sequencing tool connected: outreach at volume needs one.';

testRule(outboundWithoutSequencing, {
  valid: [
    { name: 'cold email is fed by the sequencer', diagram: cleanDiagram() },
    {
      name: 'an inbound channel needs no sequencer',
      diagram: patchData(removeEdges(cleanDiagram(), 'e-seq-email'), 'ch-cold-email', {
        channelType: 'inbound',
      }),
    },
  ],
  invalid: [
    {
      name: 'the sequencer is not connected: connect it',
      diagram: removeEdges(cleanDiagram(), 'e-seq-email'),
      errors: [
        {
          message: MESSAGE,
          target: { type: 'node', id: 'ch-cold-email' },
          fix: 'Connect the sequencer “Sequencer” to it',
        },
      ],
    },
    {
      name: 'no sequencer at all: add one',
      diagram: removeKinds(cleanDiagram(), 'sequencing'),
      errors: [
        {
          message: MESSAGE,
          target: { type: 'node', id: 'ch-cold-email' },
          fix: 'Add a sequencing tool that sends its steps',
        },
      ],
    },
  ],
});
