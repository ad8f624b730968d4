import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { findCommands } from '../commands/find-commands';
import { commandEnabled, keyLabel, usesCommandKey, type Command } from '../commands/registry';
import { useEditor } from '../store/react/editor-context';
import { useCanEdit } from '../store/react/use-room';
import { useCommandContext } from '../ui-kit/use-command-context';
import { Dialog } from './Dialog';

const MAC = typeof navigator !== 'undefined' && usesCommandKey(navigator.platform);

/**
 * Every registered command, found by typing and run with Enter: a combobox over a listbox (the
 * active option is announced, focus stays in the box). A command that cannot run now is listed
 * but marked unavailable, so a viewer sees why Save version does nothing.
 */
export function CommandPalette({ onClose }: { onClose: () => void }) {
  const ctx = useCommandContext();
  const editable = useCanEdit();
  const state = useEditor((s) => s);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const found = useMemo(() => findCommands(query), [query]);
  const current = Math.min(active, Math.max(found.length - 1, 0));
  const optionId = (i: number) => `${listId}-${i}`;

  const run = (command: Command | undefined) => {
    if (!command || !commandEnabled(command, state, editable)) return;
    // Closed first: a command may open a dialog of its own, and the key presses it reads
    // belong to the editor again.
    onClose();
    command.run(ctx);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      if (found.length > 0) setActive((current + step + found.length) % found.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      run(found[current]);
    }
  };

  return (
    <Dialog title="Commands" onClose={onClose}>
      <input
        // The native dialog focuses the element carrying the attribute as it opens (see ShareLinkDialog).
        ref={(input) => input?.setAttribute('autofocus', '')}
        role="combobox"
        aria-label="Find a command"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={found.length > 0 ? optionId(current) : undefined}
        className="w-full rounded border border-zinc-300 px-2 py-1.5 text-sm"
        placeholder="Type to find a command"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label="Commands" className="mt-2 flex flex-col">
        {found.map((command, i) => {
          const enabled = commandEnabled(command, state, editable);
          return (
            <li
              key={command.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === current}
              aria-disabled={!enabled || undefined}
              className={`flex cursor-default items-center justify-between gap-3 rounded px-2 py-1.5 ${
                i === current ? 'bg-zinc-100' : ''
              } ${enabled ? 'text-zinc-900' : 'text-zinc-500'}`}
              onMouseMove={() => setActive(i)}
              onClick={() => run(command)}
            >
              <span>
                {command.label}
                {!enabled && <span className="ml-1.5 text-xs">(unavailable now)</span>}
              </span>
              <span className="flex items-center gap-1.5 text-xs text-zinc-600">
                {command.group}
                {command.keys?.[0] && (
                  <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1.5">
                    {keyLabel(command.keys[0], MAC)}
                  </kbd>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      {found.length === 0 && <p className="mt-2 text-sm text-zinc-600">No command matches.</p>}
    </Dialog>
  );
}
