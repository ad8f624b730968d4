import { addEdge } from '../../model/edits/element-edits';
import { defineRule, type QuickFix, type Report } from '../types';
import { isUnconnected } from '../unconnected';

/** The seam the quick fix draws: motion → the first stage, labeled for those two ends. */
function connectToStage(motionId: string, stage: { id: string; title: string }): QuickFix {
  return {
    label: `Connect it to the stage “${stage.title}” it runs`,
    apply: (diagram) =>
      addEdge(diagram, motionId, stage.id, { label: 'Runs the pipeline', kind: 'handoff' }),
  };
}

export const motionUnconnected = defineRule({
  meta: {
    id: 'motion-unconnected',
    severity: 'warning',
    layer: 'sales',
    description: 'Every sales motion is connected to the pipeline it runs or the leads it takes.',
    why: 'The motion (sales-led, product-led or hybrid) decides who works a lead and how: its ACV prices the won deals and its cycle sets the sales velocity. A motion joined to nothing prices nothing: the forecast cannot tell which motion’s ACV applies, and nobody can see which pipeline it runs.',
    howToFix:
      'Connect the motion to the first stage of the pipeline it runs (and the channels or scoring step that hand it leads). The quick fix draws motion → first stage.',
    docs: 'docs/rules.md#motion-unconnected',
    messages: {
      alone: 'The motion “{motion}” is connected to nothing: connect it to the pipeline it runs.',
    },
  },
  check(_diagram, context) {
    const stages = context.ofKind('stage');
    // The pipeline's first stage: one no other stage hands off to.
    const first =
      stages.find((stage) =>
        (context.graph.incoming.get(stage.id) ?? []).every(
          (edge) => edge.kind === 'feedback' || context.node(edge.source)?.kind !== 'stage',
        ),
      ) ?? stages[0];
    const reports: Report<'alone'>[] = [];
    for (const motion of context.ofKind('motion')) {
      if (!isUnconnected(context, motion.id)) continue;
      const report: Report<'alone'> = {
        messageId: 'alone',
        data: { motion: motion.title },
        target: { type: 'node', id: motion.id },
      };
      reports.push(first ? { ...report, fix: connectToStage(motion.id, first) } : report);
    }
    return reports;
  },
});
