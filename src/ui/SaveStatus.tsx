import { useEditor } from '../store/react/editor-context';
import { useRoom } from '../store/react/use-room';
import type { RoomState } from '../store/shared/room-state';
import {
  useStoragePersistence,
  type StoragePersistence,
} from '../store/react/use-storage-persistence';

const PERSISTENCE: Record<
  Exclude<StoragePersistence, 'unknown'>,
  { name: string; hint: string; tone: string }
> = {
  persistent: {
    name: 'Storage: persistent',
    hint: 'The browser keeps your diagrams until you delete them.',
    tone: 'text-zinc-500',
  },
  'best-effort': {
    name: 'Storage: may be cleared by the browser',
    hint: 'The browser may clear saved diagrams when it runs low on space. Export the ones you need to keep.',
    tone: 'text-amber-700',
  },
};

/** In a room, what the server has of your changes; null for a diagram of this browser. */
function roomStatusText(state: RoomState): string | null {
  if (!state.room) return null;
  if (state.opening) return 'Joining…';
  if (state.connection === 'closed') return 'Not connected';
  if (state.connection === 'offline' || state.connection === 'connecting') {
    const label = state.connection === 'offline' ? 'Offline' : 'Reconnecting';
    if (state.pending === 0) return label;
    return `${label}: ${state.pending} ${state.pending === 1 ? 'change' : 'changes'} will sync`;
  }
  return state.pending > 0 ? 'Syncing…' : 'Synced';
}

export function SaveStatus() {
  const saveState = useEditor((s) => s.saveState);
  const roomText = useRoom(roomStatusText);
  const persistence = useStoragePersistence();
  const text =
    roomText ??
    (saveState.status === 'restoring'
      ? 'Restoring…'
      : saveState.status === 'saving'
        ? 'Saving…'
        : saveState.status === 'saved'
          ? 'Saved'
          : saveState.status === 'error'
            ? 'Not saved'
            : '');
  const storage = persistence === 'unknown' ? null : PERSISTENCE[persistence];
  return (
    <span className="flex items-center gap-1">
      <span
        role="status"
        aria-live="polite"
        className={`text-xs ${saveState.status === 'error' ? 'font-medium text-red-700' : 'text-zinc-500'}`}
        title={saveState.status === 'error' ? saveState.message : undefined}
      >
        {text}
      </span>
      {storage && (
        <span
          role="img"
          aria-label={storage.name}
          title={`${storage.name}. ${storage.hint}`}
          className={storage.tone}
        >
          <DatabaseIcon warn={persistence !== 'persistent'} />
        </span>
      )}
    </span>
  );
}

function DatabaseIcon({ warn }: { warn: boolean }) {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" fill="none">
      <ellipse cx="7" cy="3.5" rx="5" ry="2" stroke="currentColor" strokeWidth="1.4" />
      <path
        d="M2 3.5v8c0 1.1 2.2 2 5 2M12 3.5V7M2 7.5c0 1.1 2.2 2 5 2"
        stroke="currentColor"
        strokeWidth="1.4"
      />
      {warn ? (
        <path d="M12.5 9.5v3M12.5 14.2v.3" stroke="currentColor" strokeWidth="1.6" />
      ) : (
        <path d="M9.5 12l2 2 3.5-4" stroke="currentColor" strokeWidth="1.6" />
      )}
    </svg>
  );
}
