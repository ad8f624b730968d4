import { commandById, commandEnabled, commandTitle, usesCommandKey } from '../commands/registry';
import { useEditor } from '../store/react/editor-context';
import { useCanEdit } from '../store/react/use-room';
import { useCommandContext } from '../ui-kit/use-command-context';

const MAC = typeof navigator !== 'undefined' && usesCommandKey(navigator.platform);

/**
 * A toolbar button for a registered command: its label is the accessible name, its tooltip
 * names the shortcut as this platform's keyboard does, and it is disabled whenever the command
 * is, so the toolbar and the keyboard can never disagree.
 */
export function CommandButton({ id }: { id: string }) {
  const command = commandById(id);
  const ctx = useCommandContext();
  const editable = useCanEdit();
  const enabled = useEditor((s) => commandEnabled(command, s, editable));
  return (
    <button
      type="button"
      className="btn"
      onClick={() => command.run(ctx)}
      disabled={!enabled}
      title={commandTitle(command, MAC)}
    >
      {command.label}
    </button>
  );
}
