import { addNode } from '../../model/edits/element-edits';
import { defineRule } from '../types';

export const toolsWithoutIcp = defineRule({
  meta: {
    id: 'tools-without-icp',
    severity: 'error',
    layer: 'icp',
    description: 'An ICP segment defines who the RevOps tools serve before the tools are drawn.',
    why: 'Building bottom-up, starting from the CRM, the enrichment vendor and the sequencer, is a common way to stall a GTM effort: the tools get configured before anyone has written down which accounts matter. Enrichment has nothing to fill, scoring has nothing to score against and sequences go to everyone. The ICP segment is the input every tool depends on, so it comes first.',
    howToFix:
      'Add an ICP segment with its firmographics (industry, size, revenue band, geography) and connect it to positioning. This finding replaces the missing-layer finding for the ICP layer, so the problem is reported once.',
    docs: 'docs/rules.md#tools-without-icp',
    messages: {
      toolsFirst:
        'The diagram has RevOps tools but no ICP segment: define who you sell to before wiring the tools.',
    },
    supersedes: ['missing-layer'],
  },
  check(_diagram, context) {
    const tools = context.inLayer('revops').length;
    if (tools === 0 || context.ofKind('segment').length > 0) return [];
    return [
      {
        messageId: 'toolsFirst',
        target: { type: 'diagram' },
        // The same subject as missing-layer's ICP finding: the engine keeps only this one.
        subject: 'layer:icp',
        fix: {
          label: 'Add an ICP segment',
          apply: (diagram) => addNode(diagram, 'segment', 'Target segment').diagram,
        },
      },
    ];
  },
});
