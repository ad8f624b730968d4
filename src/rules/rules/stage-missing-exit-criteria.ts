import { updateNodeData } from '../../model/edits/element-edits';
import { stageDefaults } from '../stage-defaults';
import { isBlank } from '../text';
import { defineRule } from '../types';

export const stageMissingExitCriteria = defineRule({
  meta: {
    id: 'stage-missing-exit-criteria',
    severity: 'error',
    layer: 'sales',
    description: 'Every pipeline stage says what must be true for a deal to leave it.',
    why: 'Exit criteria are the definitions that make a pipeline mean something: without them "SQL" or "proposal" means whatever each rep thinks, conversion rates cannot be compared, and a stuck deal cannot be diagnosed. A map like "Lead → Call → Proposal → Close" with no criteria is the textbook bad example; a good one says, for instance, that an SQL fits the ICP, has a relevant problem and a reachable decision maker.',
    howToFix:
      'Add two or three exit criteria to the stage. The quick fix adds a first criterion based on the stage name, taken from the shared stage definitions, to refine with the team.',
    docs: 'docs/rules.md#stage-missing-exit-criteria',
    messages: {
      noExit:
        'Stage “{stage}” has no exit criteria: write down what must be true for a deal to move on.',
    },
  },
  check(_diagram, context) {
    return context
      .ofKind('stage')
      .filter((stage) => (stage.data?.exitCriteria ?? []).every((text) => isBlank(text)))
      .map((stage) => {
        const criterion = stageDefaults(stage.title).exitCriterion;
        return {
          messageId: 'noExit',
          data: { stage: stage.title },
          target: { type: 'node', id: stage.id, field: 'exitCriteria' },
          fix: {
            label: `Add the exit criterion "${criterion}"`,
            apply: (diagram) => updateNodeData(diagram, stage.id, { exitCriteria: [criterion] }),
          },
        };
      });
  },
});
