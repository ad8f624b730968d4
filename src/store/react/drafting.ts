import type { Diagram } from '../../model/schema';
import { draftingView } from '../../rules/drafting-view';
import type { AuditResult } from '../../rules/engine';
import type { EditorStore } from '../editor-store';

/**
 * The editor's side of the audit while drafting (issue 16, rules/drafting-view.ts): which card
 * the user is filling in, and the audit as the editor shows it. A card added from the palette
 * (or dropped) and selected alone is being filled in until the selection leaves it; its
 * findings wait until then. The audit itself, the CLI and the exports keep every severity.
 */
export interface Drafting {
  /** The card being filled in, or null. */
  fillingIn(): string | null;
  subscribe(listener: () => void): () => void;
  /** The audit as the editor shows it; the same object while nothing it depends on changes. */
  viewOf(result: AuditResult, diagram: Diagram, fillingIn: string | null): AuditResult;
}

const trackers = new WeakMap<EditorStore, Drafting>();

/** One tracker per editor store, made on first use and kept as long as the store. */
export function draftingOf(store: EditorStore): Drafting {
  let tracker = trackers.get(store);
  if (!tracker) {
    tracker = createDrafting(store);
    trackers.set(store, tracker);
  }
  return tracker;
}

function createDrafting(store: EditorStore): Drafting {
  let added: string | null = null;
  let filling: string | null = null;
  const listeners = new Set<() => void>();
  const setFilling = (next: string | null) => {
    if (next === filling) return;
    filling = next;
    for (const listener of listeners) listener();
  };
  store.subscribe((state, previous) => {
    if (state.diagramId !== previous.diagramId) {
      added = null;
      setFilling(null);
      return;
    }
    const { nodes } = state.diagram;
    if (nodes !== previous.diagram.nodes && nodes.length === previous.diagram.nodes.length + 1) {
      const last = nodes[nodes.length - 1];
      if (last && !previous.diagram.nodes.some((n) => n.id === last.id)) added = last.id;
    }
    if (state.selection === previous.selection) return;
    const selected = state.selection.nodes;
    if (selected.length === 1 && selected[0] === added) setFilling(added);
    else if (filling === null || !selected.includes(filling)) {
      added = null;
      setFilling(null);
    }
  });

  type Entry = {
    result: AuditResult;
    filling: string | null;
    draft: boolean;
    meta: Diagram['meta'];
    hour: number;
    view: AuditResult;
  };
  // Two entries: the cards' badges ask without the card being filled in, the panels with it.
  const last: { plain: Entry | null; filling: Entry | null } = { plain: null, filling: null };
  return {
    fillingIn: () => filling,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    viewOf(result, diagram, fillingIn) {
      // What draftingView reads of the diagram: whether it is a draft, and its dates.
      const draft = diagram.nodes.length < 5;
      const hour = Math.floor(Date.now() / 3_600_000);
      const slot = fillingIn === null ? 'plain' : 'filling';
      const entry = last[slot];
      if (
        entry &&
        entry.result === result &&
        entry.filling === fillingIn &&
        entry.draft === draft &&
        entry.meta === diagram.meta &&
        entry.hour === hour
      ) {
        return entry.view;
      }
      const view = draftingView(
        result,
        diagram,
        new Date(),
        fillingIn === null ? {} : { editingNodeId: fillingIn },
      );
      last[slot] = { result, filling: fillingIn, draft, meta: diagram.meta, hour, view };
      return view;
    },
  };
}
