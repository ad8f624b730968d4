import { useEffect, useRef } from 'react';
import { useEditor, useEditorApi } from '../store/react/editor-context';

const TONE = {
  info: 'border-sky-200 bg-sky-50 text-sky-900',
  warning: 'border-amber-300 bg-amber-50 text-amber-900',
  error: 'border-red-300 bg-red-50 text-red-900',
} as const;

export function NoticeBanner() {
  const { session } = useEditorApi();
  const notice = useEditor((s) => s.notice);
  const setNotice = useEditor((s) => s.setNotice);
  useNoticeFollowsDiagram();
  if (!notice) return null;
  const conflict = notice.text.includes('another tab') && notice.kind === 'warning';
  return (
    <div
      role={notice.kind === 'info' ? 'status' : 'alert'}
      className={`flex items-start gap-3 border-b px-4 py-2 text-sm ${TONE[notice.kind]}`}
    >
      <p className="flex-1 whitespace-pre-line">{notice.text}</p>
      {conflict && (
        <>
          <button type="button" className="btn" onClick={() => void session.reloadFromStorage()}>
            Reload
          </button>
          <button type="button" className="btn" onClick={() => void session.saveAsCopy()}>
            Save mine as a copy
          </button>
        </>
      )}
      <button
        type="button"
        className="btn"
        aria-label="Dismiss message"
        onClick={() => setNotice(null)}
      >
        ✕
      </button>
    </div>
  );
}

/**
 * A notice is about the diagram open when it appeared (issue 16): once another diagram or a
 * template opens, it goes. Start-up's restore is not an opening, so its warnings stay.
 */
function useNoticeFollowsDiagram(): void {
  const { store } = useEditorApi();
  const diagramId = useEditor((s) => s.diagramId);
  const notice = useEditor((s) => s.notice);
  const owner = useRef({ notice, diagramId });
  useEffect(() => {
    const before = owner.current;
    owner.current = { notice, diagramId };
    if (notice === null || before.notice !== notice) return;
    const restoring = store.getState().saveState.status === 'restoring';
    if (before.diagramId !== diagramId && !restoring) store.getState().setNotice(null);
  }, [notice, diagramId, store]);
}
