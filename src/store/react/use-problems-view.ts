import type { ProblemsView } from '../problems-view';
import { useEditor } from './editor-context';

/** Reads the Problems panel's view state through a narrow selector. */
export function useProblemsView<T>(selector: (view: ProblemsView) => T): T {
  return useEditor((s) => selector(s.problemsView));
}
