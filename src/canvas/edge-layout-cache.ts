import type { Diagram } from '../model/schema';
import type { AuditResult } from '../rules/engine';
import { AVOID_CARDS_UP_TO, layoutEdges, type EdgeLayout } from '../drawing/edge-layout';

/** Text of the chip an unlabelled edge shows when a rule asks for its label. */
export const ADD_LABEL = 'Add label';

const byDiagram = new WeakMap<Diagram, EdgeLayout>();
let last: { layout: EdgeLayout; big: boolean } | undefined;

/**
 * The routes and label chips of the open diagram, worked out once per version of it and
 * incrementally from the previous version (a drag re-routes only edges near the moved cards).
 * An unlabelled edge shows an "Add label" chip only where the unlabeled-handoff rule asks for
 * a label (not between two pipeline stages, for one).
 */
export function edgeLayoutOf(diagram: Diagram, audit: AuditResult): EdgeLayout {
  const cached = byDiagram.get(diagram);
  if (cached) return cached;
  const big = diagram.nodes.length > AVOID_CARDS_UP_TO;
  const previous = last && last.big === big ? last.layout : undefined;
  const layout = layoutEdges(
    diagram.nodes,
    diagram.edges,
    (edge) => {
      const label = edge.label?.trim();
      if (label) return label;
      const asked = audit.byEdge.get(edge.id)?.some((f) => f.ruleId === 'unlabeled-handoff');
      return asked ? ADD_LABEL : null;
    },
    previous,
    !big,
  );
  byDiagram.set(diagram, layout);
  last = { layout, big };
  return layout;
}
