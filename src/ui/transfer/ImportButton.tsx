import { Suspense, useRef } from 'react';
import { useEditor } from '../../store/react/editor-context';
import { useFileDropGuard, useImportFile, useTransfer } from '../../store/react/use-transfer';
import { preloadable } from '../../ui-kit/preloadable';
import { NarrowLabel, narrowButtonClass } from '../NarrowLabel';
import { ImportIcon } from '../top-bar-icons';

// Shown only when a file or link is refused; it loads as a file is picked or dropped.
const ImportProblemsDialog = preloadable(() =>
  import('./ImportProblemsDialog').then((m) => m.ImportProblemsDialog),
);

/**
 * Opens a .json file or a PNG exported from GTM Blueprint as a new diagram. Also hosts the
 * dialog that explains a refusal, whichever way the file or link came in.
 */
export function ImportButton() {
  const input = useRef<HTMLInputElement>(null);
  const importFile = useImportFile();
  const dialog = useEditor((s) => s.dialog);
  const openDialog = useEditor((s) => s.openDialog);
  const failure = useTransfer((s) => s.failure);
  const setTransfer = useEditor((s) => s.setTransfer);
  useFileDropGuard();

  const close = () => {
    openDialog(null);
    setTransfer({ failure: null });
  };

  return (
    <>
      <button
        type="button"
        className={`btn ${narrowButtonClass('xl')}`}
        title="Open a .json file or a PNG exported from GTM Blueprint, as a new diagram"
        onClick={() => input.current?.click()}
      >
        <NarrowLabel text="Import" icon={<ImportIcon />} below="xl" />
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,.png,application/json,image/png"
        hidden
        tabIndex={-1}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          // Cleared so that picking the same file again (after fixing it) fires a change.
          e.currentTarget.value = '';
          if (file) {
            ImportProblemsDialog.preload();
            void importFile(file);
          }
        }}
      />
      {dialog === 'import-problems' && failure && (
        <Suspense fallback={null}>
          <ImportProblemsDialog.Component failure={failure} onClose={close} />
        </Suspense>
      )}
    </>
  );
}
