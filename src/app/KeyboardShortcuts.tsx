import { useEffect } from 'react';
import { handleKeyDown } from '../commands/registry';
import { useCommandContext } from '../ui-kit/use-command-context';

/** One keydown listener for the whole editor, dispatching through the command registry. */
export function KeyboardShortcuts() {
  const ctx = useCommandContext();
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      // Nothing edits the diagram before start-up has restored it (see RestoreGate).
      if (ctx.store.getState().saveState.status === 'restoring') return;
      void handleKeyDown(event, ctx);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [ctx]);
  return null;
}
