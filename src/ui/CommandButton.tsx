import type { ReactNode } from 'react';
import { commandById, commandEnabled, commandTitle, usesCommandKey } from '../commands/registry';
import { useEditor } from '../store/react/editor-context';
import { useCanEdit } from '../store/react/use-room';
import { useCommandContext } from '../ui-kit/use-command-context';
import { NarrowLabel, narrowButtonClass, type Narrowing } from './NarrowLabel';

const MAC = typeof navigator !== 'undefined' && usesCommandKey(navigator.platform);

/**
 * A toolbar button for a registered command: its label is the accessible name, its tooltip
 * names the shortcut as this platform's keyboard does, and it is disabled whenever the command
 * is, so the toolbar and the keyboard can never disagree.
 */
export function CommandButton({
  id,
  narrow,
}: {
  id: string;
  /** In a narrow window, show this icon instead of the label (which stays the name). */
  narrow?: { icon: ReactNode; below: Narrowing };
}) {
  const command = commandById(id);
  const ctx = useCommandContext();
  const editable = useCanEdit();
  const enabled = useEditor((s) => commandEnabled(command, s, editable));
  return (
    <button
      type="button"
      className={narrow ? `btn ${narrowButtonClass(narrow.below)}` : 'btn'}
      onClick={() => command.run(ctx)}
      disabled={!enabled}
      title={commandTitle(command, MAC)}
    >
      {narrow ? (
        <NarrowLabel text={command.label} icon={narrow.icon} below={narrow.below} />
      ) : (
        command.label
      )}
    </button>
  );
}
