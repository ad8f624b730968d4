import { useEditor, useEditorApi, useHistory } from '../app/editor-context';
import { redo, undo } from '../store/editor-store';
import { SaveStatus } from './SaveStatus';

export function TopBar() {
  const { store } = useEditorApi();
  const name = useEditor((s) => s.diagram.name);
  const renameDiagram = useEditor((s) => s.renameDiagram);
  const { canUndo, canRedo } = useHistory();
  return (
    <header className="flex h-12 shrink-0 items-center gap-3 border-b border-zinc-200 bg-white px-3">
      <div className="flex items-center gap-2 font-semibold text-zinc-900">
        <span
          className="grid h-7 w-7 place-items-center rounded-md bg-zinc-900 text-xs text-white"
          aria-hidden="true"
        >
          GTM
        </span>
        <span className="hidden sm:inline">Blueprint</span>
      </div>
      <input
        aria-label="Diagram name"
        value={name}
        onChange={(e) => renameDiagram(e.currentTarget.value)}
        onFocus={() => store.getState().beginTransaction()}
        onBlur={() => store.getState().endTransaction()}
        className="w-64 rounded-md border border-transparent px-2 py-1 text-sm hover:border-zinc-200 focus:border-zinc-400"
      />
      <div className="ml-2 flex items-center gap-1" role="group" aria-label="History">
        <button
          type="button"
          className="btn"
          onClick={() => undo(store)}
          disabled={!canUndo}
          title="Undo (Ctrl+Z)"
        >
          Undo
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => redo(store)}
          disabled={!canRedo}
          title="Redo (Shift+Ctrl+Z)"
        >
          Redo
        </button>
      </div>
      <div className="ml-auto flex items-center gap-2">
        <SaveStatus />
      </div>
    </header>
  );
}
