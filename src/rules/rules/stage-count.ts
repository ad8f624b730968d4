import { defineRule } from '../types';

/** A pipeline of 5-7 named stages (domain §2). */
export const MIN_STAGES = 5;
export const MAX_STAGES = 7;

export const stageCount = defineRule({
  meta: {
    id: 'stage-count',
    severity: 'warning',
    layer: 'sales',
    description: `The pipeline has between ${MIN_STAGES} and ${MAX_STAGES} stages.`,
    why: 'With too few stages, very different deals share one bucket ("Call", "Proposal") and conversion between them says little. With too many, reps skip stages and the data gets noisy. Five to seven named stages, such as lead, MQL or PQL, SQL, opportunity, negotiation and closed-won, are enough to see where deals stall without turning the pipeline into paperwork.',
    howToFix: `Split broad stages or merge fine-grained ones until the pipeline has ${MIN_STAGES} to ${MAX_STAGES} stages, each with its own exit criteria.`,
    docs: 'docs/rules.md#stage-count',
    messages: {
      tooFew:
        'The pipeline has fewer than {min} stages ({count}): split broad stages so each step can be measured.',
      tooMany:
        'The pipeline has more than {max} stages ({count}): merge some so reps keep them up to date.',
    },
  },
  check(_diagram, context) {
    const count = context.ofKind('stage').length;
    if (count === 0 || (count >= MIN_STAGES && count <= MAX_STAGES)) return [];
    return [
      count < MIN_STAGES
        ? { messageId: 'tooFew', data: { count, min: MIN_STAGES }, target: { type: 'diagram' } }
        : { messageId: 'tooMany', data: { count, max: MAX_STAGES }, target: { type: 'diagram' } },
    ];
  },
});
