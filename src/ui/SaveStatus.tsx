import { useEditor } from '../app/editor-context';

export function SaveStatus() {
  const saveState = useEditor((s) => s.saveState);
  const text =
    saveState.status === 'saving'
      ? 'Saving…'
      : saveState.status === 'saved'
        ? 'Saved'
        : saveState.status === 'error'
          ? 'Not saved'
          : '';
  return (
    <span
      role="status"
      aria-live="polite"
      className={`text-xs ${saveState.status === 'error' ? 'font-medium text-red-700' : 'text-zinc-500'}`}
      title={saveState.status === 'error' ? saveState.message : undefined}
    >
      {text}
    </span>
  );
}
