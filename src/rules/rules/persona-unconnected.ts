import { addEdge } from '../../model/edits/element-edits';
import { defineRule, type QuickFix, type Report } from '../types';
import { isUnconnected } from '../unconnected';

/** The seam the quick fix draws: persona → positioning, labeled for those two ends. */
function connectToPositioning(
  personaId: string,
  positioning: { id: string; title: string },
): QuickFix {
  return {
    label: `Connect it to “${positioning.title}” as the pain the message answers`,
    apply: (diagram) =>
      addEdge(diagram, personaId, positioning.id, {
        label: 'Their pain, in their words',
        kind: 'handoff',
      }),
  };
}

export const personaUnconnected = defineRule({
  meta: {
    id: 'persona-unconnected',
    severity: 'warning',
    layer: 'icp',
    description: 'Every buyer persona is connected to the message or the segment it belongs to.',
    why: 'A persona on its own is a character sketch. The reason to map the buying committee is that the positioning speaks to each role’s pain and the channels reach them; a persona with no edge shows a role nobody writes for, which in deals over $25K means a stakeholder who can stall the deal unaddressed (domain §2).',
    howToFix:
      'Connect the persona to the positioning it shapes (their pain, in their words), or to the segment it belongs to. The quick fix draws persona → positioning.',
    docs: 'docs/rules.md#persona-unconnected',
    messages: {
      alone: 'The persona “{persona}” is connected to nothing: show which message speaks to them.',
    },
  },
  check(_diagram, context) {
    const positioning = context.ofKind('positioning')[0];
    const reports: Report<'alone'>[] = [];
    for (const persona of context.ofKind('persona')) {
      if (!isUnconnected(context, persona.id)) continue;
      const report: Report<'alone'> = {
        messageId: 'alone',
        data: { persona: persona.title },
        target: { type: 'node', id: persona.id },
      };
      reports.push(
        positioning ? { ...report, fix: connectToPositioning(persona.id, positioning) } : report,
      );
    }
    return reports;
  },
});
