import { CommandPalette } from '../ui/CommandPalette';
import { DiagramsDialog } from '../ui/DiagramsDialog';
import { ShortcutsDialog } from '../ui/ShortcutsDialog';
import { useEditor } from '../store/react/editor-context';

/** The one open modal, if any; which one is UI state in the store, not in history. */
export function Dialogs() {
  const dialog = useEditor((s) => s.dialog);
  const openDialog = useEditor((s) => s.openDialog);
  const close = () => openDialog(null);
  if (dialog === 'shortcuts') return <ShortcutsDialog onClose={close} />;
  if (dialog === 'commands') return <CommandPalette onClose={close} />;
  if (dialog === 'diagrams') return <DiagramsDialog onClose={close} />;
  return null;
}
