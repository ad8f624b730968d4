import { isBlank } from '../text';
import { defineRule } from '../types';

export const positioningNoProof = defineRule({
  meta: {
    id: 'positioning-no-proof',
    severity: 'warning',
    layer: 'positioning',
    description: 'Each positioning node carries proof: a case study, a metric or a testimonial.',
    why: 'Claims without proof are what buyers delete. Outbound especially depends on evidence a stranger can check, such as a named customer, a measured result or a quote. Scaling outbound before there is proof burns the target list on messages that do not convert; the usual advice is to collect three to five case studies first.',
    howToFix:
      'Add the proof to the positioning node: a case study, a metric or a testimonial, or a plan to collect them before scaling outbound.',
    docs: 'docs/rules.md#positioning-no-proof',
    messages: {
      noProof:
        'Positioning “{title}” has no proof, so it is not ready to scale outbound: collect 3-5 case studies first.',
    },
  },
  check(_diagram, context) {
    return context
      .ofKind('positioning')
      .filter((node) => isBlank(node.data?.proof))
      .map((node) => ({
        messageId: 'noProof',
        data: { title: node.title },
        target: { type: 'node', id: node.id, field: 'proof' },
      }));
  },
});
