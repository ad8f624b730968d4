import { memo } from 'react';
import { useEditor } from '../store/react/editor-context';
import { badgeSummaryOf } from '../ui-kit/finding-text';
import { ProblemBadge } from '../ui-kit/ProblemBadge';

/**
 * A card's audit badge. The selector returns an interned summary, so a card re-renders only
 * when its own findings change, not on every diagram version (every drag step is one).
 */
export const NodeBadges = memo(function NodeBadges({ nodeId }: { nodeId: string }) {
  const summary = useEditor((s) => badgeSummaryOf(s.derived.auditOf(s.diagram).byNode.get(nodeId)));
  if (!summary) return null;
  return (
    <ProblemBadge
      summary={summary}
      type="node"
      id={nodeId}
      className="absolute -top-2.5 -right-2.5 z-10"
    />
  );
});
