import { updateNodeData } from '../../model/edits/element-edits';
import { stageDefaults } from '../stage-defaults';
import { isBlank } from '../text';
import { defineRule } from '../types';

export const stageMissingOwner = defineRule({
  meta: {
    id: 'stage-missing-owner',
    severity: 'warning',
    layer: 'sales',
    description: 'Every pipeline stage names the role that owns it.',
    why: "A stage without an owner is a place where deals wait for someone to notice them. Naming the accountable role (marketing, SDR, account executive, customer success) settles who moves the deal on, who answers for the stage's conversion and who a stuck deal is escalated to.",
    howToFix:
      'Set the stage owner to a role. The quick fix proposes one from the stage name (marketing for MQL, SDR for SQL, account executive for later stages) for you to confirm.',
    docs: 'docs/rules.md#stage-missing-owner',
    messages: {
      noOwner: 'Stage “{stage}” has no owner: name the role accountable for moving deals on.',
    },
  },
  check(_diagram, context) {
    return context
      .ofKind('stage')
      .filter((stage) => isBlank(stage.data?.owner))
      .map((stage) => {
        const owner = stageDefaults(stage.title).owner;
        return {
          messageId: 'noOwner',
          data: { stage: stage.title },
          target: { type: 'node', id: stage.id, field: 'owner' },
          fix: {
            label: `Set the owner to ${owner}`,
            apply: (diagram) => updateNodeData(diagram, stage.id, { owner }),
          },
        };
      });
  },
});
