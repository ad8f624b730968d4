import { useState } from 'react';
import { roomState } from '../../store/shared/room-state';
import { useRoom } from '../../store/react/use-room';
import { Dialog } from '../Dialog';

/** Both links of the room, each with a Copy button, and the way to replace them. */
export function RoomLinksDialog({ onRenew }: { onRenew: () => void }) {
  const links = useRoom((s) => s.links);
  const close = () => roomState.setState({ linksOpen: false });
  return (
    <Dialog title="Invite people to this diagram" onClose={close} wide>
      <p className="mb-3">
        Anyone with the edit link changes the diagram with you, live; the view link shows it and
        changes nothing. The links open this room on this server only.
      </p>
      {links ? (
        <>
          <LinkRow label="Edit link" url={links.editUrl} />
          {links.viewUrl ? (
            <LinkRow label="View link" url={links.viewUrl} />
          ) : (
            <p className="mb-3 text-sm text-zinc-600">
              The view link is known to whoever shared the diagram; new links give you both.
            </p>
          )}
        </>
      ) : (
        <p className="mb-3 text-sm text-zinc-600">Creating the room…</p>
      )}
      <div className="mt-4 flex items-center justify-between gap-2">
        <button
          type="button"
          className="btn"
          onClick={() => {
            close();
            onRenew();
          }}
        >
          Stop sharing / new links
        </button>
        <button type="button" className="btn" onClick={close}>
          Done
        </button>
      </div>
    </Dialog>
  );
}

function LinkRow({ label, url }: { label: string; url: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () =>
    void navigator.clipboard?.writeText(url).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <div className="mb-3">
      <span className="block text-sm font-medium">{label}</span>
      <span className="mt-1 flex gap-2">
        <input
          aria-label={label}
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-zinc-300 px-2 py-1 font-mono text-xs"
        />
        <button
          type="button"
          className="btn"
          aria-label={copied ? `Copied ${label.toLowerCase()}` : `Copy ${label.toLowerCase()}`}
          onClick={copy}
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
      </span>
    </div>
  );
}
