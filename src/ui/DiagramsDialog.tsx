import { useState } from 'react';
import { useDiagramList, useEditor, useEditorApi } from '../store/react/editor-context';
import { createDiagram } from '../model/factories';
import { startedToday } from './started-today';
import { Dialog } from './Dialog';
import { DiagramThumbnail } from './DiagramThumbnail';
import { UnreadableDiagrams } from './UnreadableDiagrams';

/**
 * The diagrams kept in this browser: create, open, rename, duplicate and delete; below them, the
 * saved copies that could not be read.
 */
export function DiagramsDialog({ onClose }: { onClose: () => void }) {
  const { session } = useEditorApi();
  const list = useDiagramList();
  const currentId = useEditor((s) => s.diagramId);
  const currentName = useEditor((s) => s.diagram.name);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const sorted = [...list].sort((a, b) => b.updatedAt - a.updatedAt);

  return (
    <Dialog title="Diagrams" onClose={onClose} wide>
      <div className="mb-3 flex justify-between">
        <p className="text-zinc-600">
          Kept in this browser. Export a diagram to share it or keep a backup.
        </p>
        <button
          type="button"
          className="btn"
          onClick={() => {
            void session.createDiagram(startedToday(createDiagram())).then(onClose);
          }}
        >
          New diagram
        </button>
      </div>
      <ul className="flex flex-col divide-y divide-zinc-100" aria-label="Saved diagrams">
        {sorted.map((item) => {
          const name = item.id === currentId ? currentName : item.name;
          return (
            <li
              key={item.id}
              className="flex flex-wrap items-center gap-2 py-2"
              aria-label={name || 'Untitled'}
            >
              <DiagramThumbnail id={item.id} open={item.id === currentId} />
              {renaming === item.id ? (
                <form
                  className="flex flex-1 gap-1"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void session.renameDiagram(item.id, draft.trim() || 'Untitled diagram');
                    setRenaming(null);
                  }}
                >
                  <input
                    autoFocus
                    aria-label={`New name for ${name}`}
                    value={draft}
                    onChange={(e) => setDraft(e.currentTarget.value)}
                    className="flex-1 rounded-md border border-zinc-300 px-2 py-1"
                  />
                  <button type="submit" className="btn">
                    Save name
                  </button>
                </form>
              ) : (
                <div className="flex min-w-0 flex-1 flex-col">
                  <span className="truncate font-medium">
                    {name || 'Untitled'}
                    {item.id === currentId && (
                      <span className="ml-2 text-xs font-normal text-zinc-500">(open)</span>
                    )}
                  </span>
                  <span className="text-xs text-zinc-500">
                    {item.nodeCount} nodes · saved {new Date(item.updatedAt).toLocaleString()}
                  </span>
                </div>
              )}
              {confirming === item.id ? (
                <div
                  role="group"
                  aria-label={`Confirm deleting ${name}`}
                  className="flex items-center gap-1"
                >
                  <span className="text-red-800">Delete for good?</span>
                  <button
                    type="button"
                    className="btn border-red-300 text-red-800"
                    onClick={() => {
                      void session.deleteDiagram(item.id);
                      setConfirming(null);
                    }}
                  >
                    Confirm delete
                  </button>
                  <button type="button" className="btn" onClick={() => setConfirming(null)}>
                    Cancel
                  </button>
                </div>
              ) : (
                <div className="flex gap-1">
                  {item.id !== currentId && (
                    <button
                      type="button"
                      className="btn"
                      aria-label={`Open ${name}`}
                      onClick={() => void session.openDiagram(item.id).then(onClose)}
                    >
                      Open
                    </button>
                  )}
                  <button
                    type="button"
                    className="btn"
                    aria-label={`Rename ${name}`}
                    onClick={() => {
                      setDraft(name);
                      setRenaming(item.id);
                    }}
                  >
                    Rename
                  </button>
                  <button
                    type="button"
                    className="btn"
                    aria-label={`Duplicate ${name}`}
                    onClick={() => void session.duplicateDiagram(item.id).then(onClose)}
                  >
                    Duplicate
                  </button>
                  <button
                    type="button"
                    className="btn"
                    aria-label={`Delete ${name}`}
                    onClick={() => setConfirming(item.id)}
                  >
                    Delete
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <UnreadableDiagrams />
    </Dialog>
  );
}
