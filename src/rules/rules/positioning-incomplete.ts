import { formatList } from '../format';
import { isBlank } from '../text';
import { defineRule } from '../types';

/** Three of the four parts of positioning (domain §2); proof has its own rule. */
const PARTS = [
  ['targetSegment', 'the target segment'],
  ['problem', 'the problem solved'],
  ['differentiator', 'the key differentiator'],
] as const;

export const positioningIncomplete = defineRule({
  meta: {
    id: 'positioning-incomplete',
    severity: 'warning',
    layer: 'positioning',
    description: 'Each positioning node states its target segment, problem and differentiator.',
    why: 'Positioning has four parts: who it is for, the problem it solves, why this product rather than another, and the proof. Every channel adapts the same core message, from a 300-character LinkedIn note to a 2,000-word article, so a gap here is copied into every channel. A message without a clear segment speaks to nobody; without a problem it is a feature list; without a differentiator it sells the category, not the product.',
    howToFix:
      'Fill in the missing parts of the positioning node. The finding points at the first missing field.',
    docs: 'docs/rules.md#positioning-incomplete',
    messages: {
      incomplete: 'Positioning “{title}” is missing {parts}.',
    },
  },
  check(_diagram, context) {
    return context.ofKind('positioning').flatMap((node) => {
      const missing = PARTS.filter(([field]) => isBlank(node.data?.[field]));
      const first = missing[0];
      if (!first) return [];
      return [
        {
          messageId: 'incomplete',
          data: { title: node.title, parts: formatList(missing.map(([, name]) => name)) },
          target: { type: 'node', id: node.id, field: first[0] },
        },
      ];
    });
  },
});
