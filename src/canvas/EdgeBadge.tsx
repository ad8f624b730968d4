import { memo } from 'react';
import { useEditor } from '../app/editor-context';
import { auditOf } from '../app/use-audit';
import { badgeSummaryOf } from '../ui/problems/finding-text';
import { ProblemBadge } from '../ui/problems/ProblemBadge';

/** An edge's audit badge, pinned to the corner of its label (see NodeBadges on re-renders). */
export const EdgeBadge = memo(function EdgeBadge({ edgeId }: { edgeId: string }) {
  const summary = useEditor((s) => badgeSummaryOf(auditOf(s.diagram).byEdge.get(edgeId)));
  if (!summary) return null;
  return (
    <ProblemBadge
      summary={summary}
      type="edge"
      id={edgeId}
      className="absolute -top-3 -right-3 z-10"
    />
  );
});
