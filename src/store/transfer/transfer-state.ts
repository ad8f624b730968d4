import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Problem } from '../../io/problems';
import type { EditorStore } from '../editor-store';

/** Why a file or link was not opened, for the problems dialog. */
export interface ImportFailure {
  readonly title: string;
  /** What was refused, in words: `“acme.json”`, `The shared link`. */
  readonly source: string;
  readonly problems: readonly Problem[];
}

/**
 * Import and export UI state that is not part of the document (so never in undo history):
 * the last refusal, the share link shown for copying by hand, the badge toggle, a busy flag.
 */
export interface TransferState {
  failure: ImportFailure | null;
  shareLink: { url: string; warning: string | null } | null;
  includeBadges: boolean;
  busy: string | null;
}

export type TransferStore = StoreApi<TransferState>;

const stores = new WeakMap<EditorStore, TransferStore>();

/** One transfer state per editor, created on first use. */
export function transferStoreFor(editor: EditorStore): TransferStore {
  let store = stores.get(editor);
  if (!store) {
    store = createStore<TransferState>()(() => ({
      failure: null,
      shareLink: null,
      includeBadges: false,
      busy: null,
    }));
    stores.set(editor, store);
  }
  return store;
}
