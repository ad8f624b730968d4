import { useRef, type KeyboardEvent } from 'react';
import { LIMITS } from '../model/schema';
import { useEditorApi } from '../store/react/editor-context';
import type { TitleEditing } from './title-editing';

/**
 * The title field drawn on the card while its title is edited. Enter or leaving the field
 * keeps the text (one undo step), Escape drops it; either way the focus goes back to the card
 * so the keyboard user carries on from where they were.
 */
export function TitleEditor({
  nodeId,
  title,
  editing,
}: {
  nodeId: string;
  title: string;
  editing: TitleEditing;
}) {
  const { store } = useEditorApi();
  const done = useRef(false);
  const finish = (input: HTMLInputElement, keep: boolean, focus: HTMLElement | null = null) => {
    if (done.current) return;
    done.current = true;
    const next = input.value.trim();
    if (keep && next !== title) store.getState().updateNode(nodeId, { title: next });
    const card = input.closest<HTMLElement>('.react-flow__node');
    editing.stop();
    (focus ?? card)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // The editor's shortcuts (Delete, arrows, Ctrl + Z) belong to the field while it is open.
    event.stopPropagation();
    if (event.key === 'Enter') {
      event.preventDefault();
      finish(event.currentTarget, true);
    } else if (event.key === 'Tab' && !event.shiftKey) {
      // Tab carries on to the card's next field in the inspector, the one after its title.
      const next = fieldAfterTitle();
      if (!next) return;
      event.preventDefault();
      finish(event.currentTarget, true, next);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      finish(event.currentTarget, false);
    }
  };
  return (
    <input
      aria-label="Card title"
      defaultValue={title}
      maxLength={LIMITS.title}
      // The field opens because the user asked to edit this title: focus is where they expect it.
      autoFocus
      onFocus={(event) => event.currentTarget.select()}
      onKeyDown={onKeyDown}
      onBlur={(event) => finish(event.currentTarget, true)}
      className="nodrag nopan w-full rounded border border-blue-500 px-1 text-sm font-semibold text-zinc-900 outline-none"
    />
  );
}

function fieldAfterTitle(): HTMLElement | null {
  const inspector = document.querySelector('[role="region"][aria-label="Inspector"]');
  if (!inspector) return null;
  const fields = [
    ...inspector.querySelectorAll<HTMLElement>('input, select, textarea, button:not([disabled])'),
  ];
  const title = fields.findIndex(
    (field) =>
      field instanceof HTMLInputElement && field.labels?.[0]?.textContent?.trim() === 'Title',
  );
  if (title < 0) return null;
  return fields[title + 1] ?? null;
}
