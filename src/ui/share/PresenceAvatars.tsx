import { useEffect, useId, useRef, useState } from 'react';
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
        {hidden.length > 0 && <MoreChip label={more} people={hidden} />}
      </ul>
      {problem && (
        <span title={problem} className="text-xs font-medium whitespace-nowrap text-red-700">
          Disconnected
        </span>
      )}
    </div>
  );
}

/**
 * The "+N" chip: its name says who it hides, and pressing it (click, Enter or Space) lists
 * them with their colours, as Figma's overflow does; Escape or a press elsewhere closes it.
 */
function MoreChip({
  label,
  people,
}: {
  label: string;
  people: readonly { key: string; name: string; color: string }[];
}) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const ref = useRef<HTMLLIElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);
  return (
    <li
      ref={ref}
      title={label}
      aria-label={label}
      className="relative"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        event.stopPropagation();
        setOpen(false);
        button.current?.focus();
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-label={`Show the ${people.length} others here`}
        onClick={() => setOpen((was) => !was)}
        className="grid h-7 min-w-7 cursor-pointer place-items-center rounded-full border-2 border-white bg-zinc-200 px-1 text-xs font-semibold text-zinc-800 hover:bg-zinc-300"
      >
        <span aria-hidden="true">+{people.length}</span>
      </button>
      {open && (
        <ul
          id={listId}
          aria-label="Also in this room"
          className="absolute top-9 right-0 z-50 flex flex-col gap-1 rounded-md border border-zinc-200 bg-white p-2 shadow-lg"
        >
          {people.map((person) => (
            <li key={person.key} className="flex items-center gap-2 text-sm whitespace-nowrap">
              <span
                aria-hidden="true"
                className="h-3 w-3 rounded-full"
                style={{ background: person.color }}
              />
              {person.name}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
