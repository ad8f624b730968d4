import { memo } from 'react';
import { useEditor } from '../store/react/editor-context';
import { badgeSummaryOf } from '../ui-kit/finding-text';
import { ProblemBadge } from '../ui-kit/ProblemBadge';

/** An edge's audit badge, pinned to the corner of its label (see NodeBadges on re-renders). */
export const EdgeBadge = memo(function EdgeBadge({ edgeId }: { edgeId: string }) {
  const summary = useEditor((s) => badgeSummaryOf(s.derived.auditOf(s.diagram).byEdge.get(edgeId)));
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
