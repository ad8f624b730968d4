import { useCallback, useEffect } from 'react';
import { useEditor, useEditorApi } from './editor-context';
import type { TransferState } from '../transfer/transfer-state';

/** Reads the import/export UI state through a narrow selector. */
export function useTransfer<T>(selector: (state: TransferState) => T): T {
  return useEditor((s) => selector(s.transfer));
}

/**
 * Opens a picked or dropped file as a new diagram, or shows why it cannot be opened. The reader
 * (PNG chunks included) loads with the first file, not at start-up.
 */
export function useImportFile(): (file: File) => Promise<boolean> {
  const editor = useEditorApi();
  return useCallback(
    (file: File) => import('../transfer/import-diagram').then((m) => m.importFile(editor, file)),
    [editor],
  );
}

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * A file dropped anywhere but the canvas would make the browser leave the app to show it.
 * The canvas handles its own drops first; everywhere else a file drop is refused.
 */
export function useFileDropGuard(): void {
  useEffect(() => {
    const onDragOver = (event: DragEvent) => {
      if (!carriesFiles(event) || event.defaultPrevented) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
    };
    const onDrop = (event: DragEvent) => {
      if (carriesFiles(event)) event.preventDefault();
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
}
