import { addNodes, cleanDiagram, node, patchData } from '../../testing/test-diagrams';
import { testRule } from '../../testing/rule-tester';
import { tooManyChannels } from './too-many-channels';

const third = node('channel', 'ch-ads', 'Paid search', { channelType: 'paid' });
const unproven = patchData(
  patchData(addNodes(cleanDiagram(), third), 'ch-cold-email', {
    metrics: [{ key: 'reply-rate', value: 0.015 }],
  }),
  'ch-content',
  { metrics: [] },
);

testRule(tooManyChannels, {
  valid: [
    { name: 'two channels', diagram: cleanDiagram() },
    {
      name: 'three channels, one proven within its benchmark',
      diagram: addNodes(cleanDiagram(), third),
    },
  ],
  invalid: [
    {
      name: 'three channels, none proven',
      diagram: unproven,
      errors: [
        {
          message:
            'The diagram runs 3 channels and none is proven by a metric within its benchmark: prove one outbound and one inbound channel before adding more.',
          target: { type: 'diagram' },
        },
      ],
    },
  ],
});
