import { Suspense, useEffect } from 'react';
import { useEditor } from '../store/react/editor-context';
import { preloadable } from '../ui-kit/preloadable';

type Close = { onClose: () => void };

// None is open at start-up; they load when the browser is idle after it (or on first open),
// so that opening one later renders at once.
const DIALOGS = {
  shortcuts: preloadable<Close>(() =>
    import('../ui/ShortcutsDialog').then((m) => m.ShortcutsDialog),
  ),
  commands: preloadable<Close>(() => import('../ui/CommandPalette').then((m) => m.CommandPalette)),
  diagrams: preloadable<Close>(() => import('../ui/DiagramsDialog').then((m) => m.DiagramsDialog)),
};

/** The one open modal, if any; which one is UI state in the store, not in history. */
export function Dialogs() {
  const dialog = useEditor((s) => s.dialog);
  const openDialog = useEditor((s) => s.openDialog);
  useEffect(() => {
    const all = () => Object.values(DIALOGS).forEach((d) => d.preload());
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(all, 2_000);
      return () => clearTimeout(timer);
    }
    const id = requestIdleCallback(all, { timeout: 5_000 });
    return () => cancelIdleCallback(id);
  }, []);
  const close = () => openDialog(null);
  if (dialog !== 'shortcuts' && dialog !== 'commands' && dialog !== 'diagrams') return null;
  const { Component } = DIALOGS[dialog];
  return (
    <Suspense fallback={null}>
      <Component onClose={close} />
    </Suspense>
  );
}
