import { memo } from 'react';
import { useEditor } from '../store/react/editor-context';
import { useDrafting } from '../store/react/use-audit';
import { badgeSummaryOf } from '../ui-kit/finding-text';
import { ProblemBadge } from '../ui-kit/ProblemBadge';

/** An edge's audit badge, pinned to the corner of its label (see NodeBadges on re-renders). */
export const EdgeBadge = memo(function EdgeBadge({ edgeId }: { edgeId: string }) {
  const drafting = useDrafting();
  const summary = useEditor((s) =>
    badgeSummaryOf(
      drafting.viewOf(s.derived.auditOf(s.diagram), s.diagram, null).byEdge.get(edgeId),
    ),
  );
  if (!summary) return null;
  return (
    <ProblemBadge
      summary={summary}
      type="edge"
      id={edgeId}
      className="absolute -top-3.5 -right-3.5 z-10"
    />
  );
});
