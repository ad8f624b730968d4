import { useMemo } from 'react';
import type { DiagramNode } from '../model/schema';

const EMPTY: ReadonlyMap<string, DiagramNode> = new Map();

/** Whether every card outside `selected` is the same object as before (a drag moves only these). */
function restUnchanged(
  before: readonly DiagramNode[],
  after: readonly DiagramNode[],
  selected: ReadonlySet<string>,
): boolean {
  if (before.length !== after.length) return false;
  for (let i = 0; i < after.length; i++) {
    const node = after[i] as DiagramNode;
    if (node !== before[i] && !selected.has(node.id)) return false;
  }
  return true;
}

// One canvas is on screen at a time, so one remembered answer is enough (as in to-flow.ts).
let last: {
  nodes: readonly DiagramNode[];
  selectedIds: readonly string[];
  byId: ReadonlyMap<string, DiagramNode>;
} | null = null;

/** The cards by id, the same map as last time if only selected cards changed since. */
function restById(
  nodes: readonly DiagramNode[],
  selectedIds: readonly string[],
): ReadonlyMap<string, DiagramNode> {
  if (
    last &&
    last.selectedIds === selectedIds &&
    restUnchanged(last.nodes, nodes, new Set(selectedIds))
  ) {
    last = { ...last, nodes };
    return last.byId;
  }
  last = { nodes, selectedIds, byId: new Map(nodes.map((node) => [node.id, node])) };
  return last.byId;
}

/**
 * The cards by id, renewed only when a card outside the selection changes: while the selection
 * is dragged, what depends on the rest of the diagram (the big-diagram picture, which edges are
 * live) is not recomputed on every step. Entries for selected cards may be out of date.
 */
export function useRestOfDiagram(
  nodes: readonly DiagramNode[],
  selectedIds: readonly string[],
  enabled: boolean,
): ReadonlyMap<string, DiagramNode> {
  return useMemo(
    () => (enabled ? restById(nodes, selectedIds) : EMPTY),
    [enabled, nodes, selectedIds],
  );
}
