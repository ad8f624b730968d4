import { LAYER_IDS } from '../../model/layers';
import { isFeedbackLoopMissing } from '../flows';
import { formatList } from '../format';
import { traceLead } from '../lead-trace';
import { defineRule } from '../types';

export const leadTraceGap = defineRule({
  meta: {
    id: 'lead-trace-gap',
    severity: 'warning',
    layer: 'diagram',
    description: 'One lead can be traced through all eight steps of the data flow.',
    why: 'The test of a GTM diagram is whether one lead can be followed end to end: from the target account list, through enrichment, scoring, channel execution, engagement capture in the CRM, the handoff to sales and pipeline tracking, to the feedback that refines the ICP. A step that cannot be traced is a place where leads or data fall out of the system. The rule waits until all five layers exist (missing-layer speaks first) and leaves the feedback loop to missing-feedback-loop when that rule fires.',
    howToFix:
      'Run the lead trace in the editor: it lights up the steps it can follow and names the first gap. Add or connect the nodes each missing step needs.',
    docs: 'docs/rules.md#lead-trace-gap',
    messages: {
      gap: 'A lead cannot be traced through every step of the data flow; missing: {steps}.',
    },
  },
  check(diagram, context) {
    if (LAYER_IDS.some((layer) => context.inLayer(layer).length === 0)) return [];
    const feedbackReported = isFeedbackLoopMissing(context);
    const missing = traceLead(diagram, context).missing.filter(
      (step) => !(step.id === 'feedback-loop' && feedbackReported),
    );
    if (missing.length === 0) return [];
    return [
      {
        messageId: 'gap',
        data: {
          steps: formatList(missing.map((step) => `${step.step} (${step.label.toLowerCase()})`)),
        },
        target: { type: 'diagram' },
      },
    ];
  },
});
