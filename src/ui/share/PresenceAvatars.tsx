import { useRoom } from '../../store/react/use-room';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => [...part][0]?.toUpperCase() ?? '')
    .join('') || '?';

/**
 * Avatars the top bar has room for. A fuller room shows one fewer and a "+N" chip for the
 * rest (as Google Docs and Figma do), so the bar keeps every control on one line at 1024 px.
 */
const MAX_SHOWN = 4;

/** Who is in the room: you first, then the others, each in their colour. */
export function PresenceAvatars() {
  const room = useRoom((s) => s.room);
  const me = useRoom((s) => s.me);
  const peers = useRoom((s) => s.peers);
  const problem = useRoom((s) => s.problem);
  if (!room) return null;
  const people = [
    ...(me ? [{ key: 'me', name: `${me.name} (you)`, color: me.color, short: me.name }] : []),
    ...peers.map((p) => ({ key: String(p.clientId), name: p.name, color: p.color, short: p.name })),
  ];
  const shown = people.length > MAX_SHOWN ? people.slice(0, MAX_SHOWN - 1) : people;
  const hidden = people.slice(shown.length);
  const more = `${hidden.length} more: ${hidden.map((person) => person.name).join(', ')}`;
  return (
    <div className="flex shrink-0 items-center gap-2">
      {room.role === 'view' && (
        <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-zinc-700">
          View only
        </span>
      )}
      <ul aria-label={`In this room: ${people.length}`} className="flex -space-x-1">
        {shown.map((person) => (
          <li
            key={person.key}
            title={person.name}
            aria-label={person.name}
            className="grid h-7 w-7 place-items-center rounded-full border-2 border-white text-xs font-semibold text-white"
            style={{ background: person.color }}
          >
            <span aria-hidden="true">{initials(person.short)}</span>
          </li>
        ))}
        {hidden.length > 0 && (
          <li
            title={more}
            aria-label={more}
            className="grid h-7 min-w-7 place-items-center rounded-full border-2 border-white bg-zinc-200 px-1 text-xs font-semibold text-zinc-800"
          >
            <span aria-hidden="true">+{hidden.length}</span>
          </li>
        )}
      </ul>
      {problem && (
        <span title={problem} className="text-xs font-medium whitespace-nowrap text-red-700">
          Disconnected
        </span>
      )}
    </div>
  );
}
