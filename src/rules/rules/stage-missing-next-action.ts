import { updateNodeData } from '../../model/edits/element-edits';
import { stageDefaults } from '../stage-defaults';
import { isBlank } from '../text';
import { defineRule } from '../types';

export const stageMissingNextAction = defineRule({
  meta: {
    id: 'stage-missing-next-action',
    severity: 'warning',
    layer: 'sales',
    description: 'Every pipeline stage has a defined next action.',
    why: 'Deals rot in stages where nobody knows what happens next. A defined next action (book the discovery call, send the proposal, agree the signing timeline) keeps the deal moving and makes a stalled one visible: if the action is overdue, the deal is stuck.',
    howToFix:
      'Write the action that moves a deal out of the stage. The quick fix proposes one from the stage name.',
    docs: 'docs/rules.md#stage-missing-next-action',
    messages: {
      noNextAction: 'Stage “{stage}” has no next action: say what moves a deal out of it.',
    },
  },
  check(_diagram, context) {
    return context
      .ofKind('stage')
      .filter((stage) => isBlank(stage.data?.nextAction))
      .map((stage) => {
        const nextAction = stageDefaults(stage.title).nextAction;
        return {
          messageId: 'noNextAction',
          data: { stage: stage.title },
          target: { type: 'node', id: stage.id, field: 'nextAction' },
          fix: {
            label: `Set the next action to "${nextAction}"`,
            apply: (diagram) => updateNodeData(diagram, stage.id, { nextAction }),
          },
        };
      });
  },
});
