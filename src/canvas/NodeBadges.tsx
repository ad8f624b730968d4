import { memo, useSyncExternalStore } from 'react';
import { useEditor } from '../store/react/editor-context';
import { useDrafting } from '../store/react/use-audit';
import { badgeSummaryOf } from '../ui-kit/finding-text';
import { ProblemBadge } from '../ui-kit/ProblemBadge';

/**
 * A card's audit badge. The selector returns an interned summary, so a card re-renders only
 * when its own findings change, not on every diagram version (every drag step is one).
 */
export const NodeBadges = memo(function NodeBadges({ nodeId }: { nodeId: string }) {
  const drafting = useDrafting();
  // Only this card's own "being filled in" matters here: its badge waits until the user leaves it.
  const filling = useSyncExternalStore(drafting.subscribe, () => drafting.fillingIn() === nodeId);
  const summary = useEditor((s) =>
    filling
      ? undefined
      : badgeSummaryOf(
          drafting.viewOf(s.derived.auditOf(s.diagram), s.diagram, null).byNode.get(nodeId),
        ),
  );
  if (!summary) return null;
  return (
    <ProblemBadge
      summary={summary}
      type="node"
      id={nodeId}
      className="absolute -top-3 -right-3 z-10"
    />
  );
});
