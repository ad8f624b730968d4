import { Dialog } from '../Dialog';

/** Shown when the browser does not let the app write to the clipboard: copy the link by hand. */
export function ShareLinkDialog({
  url,
  warning,
  onClose,
}: {
  url: string;
  warning: string | null;
  onClose: () => void;
}) {
  return (
    <Dialog title="Copy the share link" onClose={onClose} wide>
      <p className="mb-2">
        The browser did not let GTM Blueprint copy the link. Select it and copy it with Ctrl+C (⌘C
        on a Mac). The diagram travels inside the link; nothing is uploaded.
      </p>
      {warning && (
        <p role="alert" className="mb-2 rounded-md bg-amber-50 px-3 py-2 text-amber-900">
          {warning}
        </p>
      )}
      <input
        aria-label="Share link"
        readOnly
        // The native dialog focuses an element carrying the autofocus attribute when it opens;
        // React's autoFocus prop only calls focus(), before showModal() moves focus away again.
        ref={(input) => input?.setAttribute('autofocus', '')}
        value={url}
        onFocus={(e) => e.currentTarget.select()}
        className="w-full rounded-md border border-zinc-300 px-2 py-1 font-mono text-xs"
      />
      <div className="mt-4 flex justify-end">
        <button type="button" className="btn" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
