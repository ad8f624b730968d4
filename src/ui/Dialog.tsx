import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal on the native <dialog>: the browser traps focus, Escape closes it, and focus
 * returns to where it was. `alert` makes it an alertdialog for problems that need an answer.
 */
export function Dialog({
  title,
  onClose,
  children,
  alert = false,
  wide = false,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  alert?: boolean;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    const previous = document.activeElement as HTMLElement | null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      previous?.focus?.();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      role={alert ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
      aria-modal="true"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className={`m-auto max-h-[85vh] rounded-lg border border-zinc-200 p-0 shadow-xl backdrop:bg-zinc-900/30 ${wide ? 'w-[40rem]' : 'w-[28rem]'} max-w-[95vw]`}
    >
      <div className="flex items-center justify-between border-b border-zinc-200 px-4 py-3">
        <h2 id={titleId} className="text-base font-semibold text-zinc-900">
          {title}
        </h2>
        <button type="button" className="icon-btn" aria-label="Close" onClick={onClose}>
          ✕
        </button>
      </div>
      <div className="max-h-[70vh] overflow-y-auto px-4 py-3 text-sm text-zinc-800">{children}</div>
    </dialog>
  );
}
