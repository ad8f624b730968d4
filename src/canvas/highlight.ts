import type { EditorState } from '../store/editor-store';

const sets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** Membership in O(1): every card asks on every store change, so a list scan would be O(n²). */
function asSet(ids: readonly string[]): ReadonlySet<string> {
  let set = sets.get(ids);
  if (!set) {
    set = new Set(ids);
    sets.set(ids, set);
  }
  return set;
}

export const isNodeHighlighted = (state: EditorState, id: string): boolean =>
  state.highlight ? asSet(state.highlight.nodes).has(id) : false;

export const isEdgeHighlighted = (state: EditorState, id: string): boolean =>
  state.highlight ? asSet(state.highlight.edges).has(id) : false;
