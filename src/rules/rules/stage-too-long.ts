import { updateNodeData } from '../../model/edits/element-edits';
import { defineRule } from '../types';

/** No stage should last over 14 days without a defined next action (domain §2). */
export const MAX_STAGE_DAYS = 14;

export const stageTooLong = defineRule({
  meta: {
    id: 'stage-too-long',
    severity: 'warning',
    layer: 'sales',
    description: `No pipeline stage allows a deal to sit in it for more than ${MAX_STAGE_DAYS} days.`,
    why: 'Time in stage is the earliest sign of a stuck deal. When a stage allows a month or more, deals can go quiet for weeks before anyone asks why, and the pipeline looks fuller than it is. Capping each stage at two weeks, with a next action due inside that window, forces the question early.',
    howToFix: `Lower the stage's maximum days to ${MAX_STAGE_DAYS} or less, splitting the stage in two if the work really takes longer.`,
    docs: 'docs/rules.md#stage-too-long',
    messages: {
      tooLong:
        'Stage “{stage}” allows {days} days: cap it at {max} days with a next action due inside that window.',
    },
  },
  check(_diagram, context) {
    return context
      .ofKind('stage')
      .filter((stage) => (stage.data?.maxDays ?? 0) > MAX_STAGE_DAYS)
      .map((stage) => ({
        messageId: 'tooLong',
        data: { stage: stage.title, days: stage.data?.maxDays ?? 0, max: MAX_STAGE_DAYS },
        target: { type: 'node', id: stage.id, field: 'maxDays' },
        fix: {
          label: `Cap the stage at ${MAX_STAGE_DAYS} days`,
          apply: (diagram) => updateNodeData(diagram, stage.id, { maxDays: MAX_STAGE_DAYS }),
        },
      }));
  },
});
