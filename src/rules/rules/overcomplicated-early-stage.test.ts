import { addNodes, cleanDiagram, node, setMeta } from '../../testing/test-diagrams';
import { testRule } from '../../testing/rule-tester';
import { overcomplicatedEarlyStage } from './overcomplicated-early-stage';

const seed = setMeta(cleanDiagram(), { companyStage: 'seed' });
const thirdChannel = node('channel', 'ch-ads', 'Paid search', { channelType: 'paid' });
const secondMotion = node('motion', 'motion-plg', 'Product-led', { motionType: 'product-led' });

testRule(overcomplicatedEarlyStage, {
  valid: [
    { name: 'a seed company with two channels and one motion', diagram: seed },
    {
      name: 'a series A company may run more',
      diagram: addNodes(cleanDiagram(), thirdChannel, secondMotion),
    },
    {
      name: 'no company stage set',
      diagram: setMeta(addNodes(seed, thirdChannel), { companyStage: undefined }),
    },
  ],
  invalid: [
    {
      name: 'too many channels',
      diagram: addNodes(seed, thirdChannel),
      errors: [
        {
          message:
            'A seed company running 3 channels is overcomplicated: start with one outbound and one inbound channel.',
          target: { type: 'diagram' },
        },
      ],
    },
    {
      name: 'too many motions',
      diagram: addNodes(setMeta(seed, { companyStage: 'pre-seed' }), secondMotion),
      errors: [
        {
          message:
            'A pre-seed company running 2 sales motions is overcomplicated: pick one motion and prove it.',
          target: { type: 'diagram' },
        },
      ],
    },
    {
      name: 'both',
      diagram: addNodes(seed, thirdChannel, secondMotion),
      errors: [
        {
          message:
            'A seed company running 3 channels and 2 sales motions is overcomplicated: start with one motion, one outbound and one inbound channel.',
          target: { type: 'diagram' },
        },
      ],
    },
  ],
});
