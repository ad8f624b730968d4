import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useEditorApi } from './editor-context';
import type { EditorStore } from '../editor-store';
import type { Severity } from '../../rules/types';
import type { FindingFilter } from '../../ui-kit/finding-text';

export type ElementTarget = NonNullable<FindingFilter['target']>;

/**
 * How the Problems panel is filtered and what it shows. Kept outside the panel because the
 * panel unmounts whenever another side tab opens, while a badge on the canvas must be able to
 * open it already filtered; and outside the editor store because none of it is the document.
 */
export interface ProblemsView extends FindingFilter {
  /** Lists every match instead of the first ROW_CAP. */
  readonly showAll: boolean;
  readonly traceOpen: boolean;
  /** The rule whose "Learn more" dialog is open. */
  readonly learnMore: string | null;
  /** A badge asked the panel to take keyboard focus once it shows. */
  readonly pendingFocus: boolean;
}

export const ALL_SEVERITIES: Readonly<Record<Severity, boolean>> = {
  error: true,
  warning: true,
  info: true,
};

const INITIAL: ProblemsView = {
  query: '',
  severities: ALL_SEVERITIES,
  target: null,
  showAll: false,
  traceOpen: false,
  learnMore: null,
  pendingFocus: false,
};

const views = new WeakMap<EditorStore, StoreApi<ProblemsView>>();

/** One view per editor, so two editors on a page (tests, embeds) never share a filter. */
export function problemsViewOf(store: EditorStore): StoreApi<ProblemsView> {
  let view = views.get(store);
  if (!view) {
    view = createStore<ProblemsView>()(() => INITIAL);
    views.set(store, view);
  }
  return view;
}

export function useProblemsView<T>(selector: (view: ProblemsView) => T): T {
  return useStore(problemsViewOf(useEditorApi().store), selector);
}

export function useProblemsViewApi(): StoreApi<ProblemsView> {
  return problemsViewOf(useEditorApi().store);
}

/**
 * Opens the Problems tab on one node's or edge's findings (what a badge click does): other
 * filters are reset so that every finding of the element shows, and the element is selected.
 */
export function openProblemsFor(store: EditorStore, target: ElementTarget): void {
  problemsViewOf(store).setState({
    query: '',
    severities: ALL_SEVERITIES,
    target,
    showAll: false,
    pendingFocus: true,
  });
  const state = store.getState();
  state.select(
    target.type === 'node' ? { nodes: [target.id], edges: [] } : { nodes: [], edges: [target.id] },
  );
  state.showSideTab('Problems');
}
