import { useRef, type KeyboardEvent } from 'react';
import { LIMITS } from '../model/schema';
import { useEditorApi } from '../store/react/editor-context';
import type { TitleEditing } from '../ui-kit/title-editing';

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
  // `focus`: where the keyboard goes next; the card by default, nowhere when the field lost the
  // focus to something the user chose (a click elsewhere, another field).
  const finish = (
    input: HTMLInputElement,
    keep: boolean,
    focus: HTMLElement | 'card' | 'none' = 'card',
  ) => {
    if (done.current) return;
    done.current = true;
    const next = input.value.trim();
    if (keep && next !== title) store.getState().updateNode(nodeId, { title: next });
    const card = input.closest<HTMLElement>('.react-flow__node');
    editing.stop();
    if (focus === 'card') card?.focus();
    else if (focus !== 'none') focus.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // A shortcut (Ctrl + Z, Ctrl + D…) in an untouched field is meant for the editor: close the
    // field and hand the key to the card, where the editor's shortcuts hear it (they ignore
    // keys typed into fields). Otherwise the keys belong to the field while it is open.
    const { key, ctrlKey, metaKey, shiftKey, altKey } = event;
    if (
      (ctrlKey || metaKey) &&
      !['Control', 'Meta'].includes(key) &&
      event.currentTarget.value === title
    ) {
      event.preventDefault();
      const card = event.currentTarget.closest<HTMLElement>('.react-flow__node');
      finish(event.currentTarget, false);
      card?.dispatchEvent(
        new globalThis.KeyboardEvent('keydown', {
          key,
          ctrlKey,
          metaKey,
          shiftKey,
          altKey,
          bubbles: true,
        }),
      );
      return;
    }
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
      onBlur={(event) => finish(event.currentTarget, true, 'none')}
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
