import { useEffect, useState, type ReactNode } from 'react';
import { useEditor } from '../store/react/editor-context';

/** Shown only if restoring takes this long, so a quick start does not flash a message. */
const SHOW_AFTER_MS = 250;

/**
 * Until start-up has restored the saved diagram, the editor takes no input: an edit to the blank
 * diagram shown meanwhile would be replaced by the restored one. `inert` keeps pointer, keyboard
 * and screen reader out of the editor; the status below says why.
 */
export function RestoreGate({ children }: { children: ReactNode }) {
  const restoring = useEditor((s) => s.saveState.status === 'restoring');
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!restoring) return;
    const timer = setTimeout(() => setSlow(true), SHOW_AFTER_MS);
    return () => {
      clearTimeout(timer);
      setSlow(false);
    };
  }, [restoring]);
  return (
    <>
      <div
        className={`flex min-h-0 flex-1 flex-col ${restoring && slow ? 'opacity-60' : ''}`}
        inert={restoring}
        aria-busy={restoring}
      >
        {children}
      </div>
      {restoring && slow && (
        <p
          role="status"
          className="fixed top-16 left-1/2 -translate-x-1/2 rounded-md border border-zinc-200 bg-white px-4 py-2 text-sm text-zinc-700 shadow"
        >
          Restoring your saved diagram…
        </p>
      )}
    </>
  );
}
