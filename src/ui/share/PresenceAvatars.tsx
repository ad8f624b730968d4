import { useRoom } from '../../store/react/use-room';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => [...part][0]?.toUpperCase() ?? '')
    .join('') || '?';

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
  return (
    <div className="flex items-center gap-2">
      {room.role === 'view' && (
        <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-medium text-zinc-700">
          View only
        </span>
      )}
      <ul aria-label={`In this room: ${people.length}`} className="flex -space-x-1">
        {people.map((person) => (
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
      </ul>
      {problem && (
        <span title={problem} className="text-xs font-medium text-red-700">
          Disconnected
        </span>
      )}
    </div>
  );
}
