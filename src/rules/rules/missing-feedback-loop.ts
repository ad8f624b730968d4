import type { Diagram, DiagramNode } from '../../model/schema';
import { addEdge } from '../../model/edits/element-edits';
import { isFeedbackLoopMissing } from '../flows';
import { defineRule, type QuickFix } from '../types';

/**
 * Where the fix draws the loop from: the last pipeline stage (where deals are won or lost),
 * else a reporting node, else the CRM. "Last" is a stage with no edge on to another stage.
 */
function loopSource(diagram: Diagram): DiagramNode | undefined {
  const stages = diagram.nodes.filter((node) => node.kind === 'stage');
  const stageIds = new Set(stages.map((node) => node.id));
  const feedsStage = new Set(
    diagram.edges.filter((edge) => stageIds.has(edge.target)).map((edge) => edge.source),
  );
  const last = stages.filter((node) => !feedsStage.has(node.id)).at(-1) ?? stages.at(-1);
  return (
    last ??
    diagram.nodes.find((node) => node.kind === 'reporting') ??
    diagram.nodes.find((node) => node.kind === 'crm')
  );
}

/** The ICP is the first thing won/lost reasons should refine; scoring when there is no segment. */
function loopTarget(diagram: Diagram): DiagramNode | undefined {
  return (
    diagram.nodes.find((node) => node.kind === 'segment') ??
    diagram.nodes.find((node) => node.kind === 'scoring')
  );
}

const addFeedbackEdge: QuickFix = {
  label: 'Add a feedback edge from closed deals back to the ICP',
  apply(diagram) {
    const source = loopSource(diagram);
    const target = loopTarget(diagram);
    if (!source || !target) return diagram;
    const label =
      target.kind === 'segment'
        ? 'Won/lost reasons refine ICP'
        : 'Won/lost outcomes retrain scoring';
    return addEdge(diagram, source.id, target.id, { label, kind: 'feedback' });
  },
};

export const missingFeedbackLoop = defineRule({
  meta: {
    id: 'missing-feedback-loop',
    severity: 'error',
    layer: 'diagram',
    description:
      'Won and lost outcomes flow from the pipeline back to the ICP or the scoring model.',
    why: 'Without a feedback loop the diagram is a one-way street: the ICP and the scoring model stay as guessed on day one, while closed-won and closed-lost data, the best evidence the team has, never reaches them. The loop is what makes the system learn; the domain practice is to review it every quarter. The rule looks for a path from a stage or reporting node (through the CRM or anything else) to an ICP segment or a scoring node.',
    howToFix:
      'Draw an edge of kind "feedback" from the last stage, reporting or the CRM to an ICP segment or the scoring node, labeled with what flows back (won/lost reasons, conversion by score). The quick fix draws it from the last stage to the first segment.',
    docs: 'docs/rules.md#missing-feedback-loop',
    messages: {
      noLoop:
        'Won and lost deals never flow back to the ICP or the scoring model: add a feedback loop.',
    },
  },
  check(_diagram, context) {
    if (!isFeedbackLoopMissing(context)) return [];
    return [
      {
        messageId: 'noLoop',
        target: { type: 'diagram' },
        subject: 'feedback-loop',
        fix: addFeedbackEdge,
      },
    ];
  },
});
