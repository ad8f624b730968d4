import { defineRule } from '../types';

export const stuckDeals = defineRule({
  meta: {
    id: 'stuck-deals',
    severity: 'info',
    layer: 'sales',
    description:
      'No open deal in the imported CRM export has sat in a stage longer than the stage allows.',
    why: 'A stage’s maximum days is the promise that a deal moves or gets a decision within that window. Open deals past it are the ones quietly going cold: they inflate the pipeline, and each one is a conversation the owner should have this week. The Deals panel lists them with what the stage’s exit criteria still ask for.',
    howToFix:
      'Open the Deals panel, go through the stuck deals of the stage with its owner, and move each one on, close it as lost, or record the next action that unblocks it.',
    docs: 'docs/rules.md#stuck-deals',
    messages: {
      one: 'Stage “{stage}” has 1 open deal past its {maxDays}-day limit in the {source} of {asOf}.',
      many: 'Stage “{stage}” has {count} open deals past its {maxDays}-day limit in the {source} of {asOf}.',
    },
  },
  check(_diagram, context) {
    const actuals = context.actuals;
    if (!actuals) return [];
    return actuals.stages.flatMap((figures) => {
      const stage = context.node(figures.stageId);
      const maxDays = stage?.kind === 'stage' ? stage.data?.maxDays : undefined;
      if (!stage || maxDays === undefined || figures.stuck === 0) return [];
      return [
        {
          messageId: figures.stuck === 1 ? ('one' as const) : ('many' as const),
          data: {
            stage: stage.title,
            count: figures.stuck,
            maxDays,
            source: actuals.source,
            asOf: actuals.asOf,
          },
          target: { type: 'node' as const, id: stage.id, field: 'maxDays' },
        },
      ];
    });
  },
});
