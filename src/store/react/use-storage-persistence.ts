import { useSyncExternalStore } from 'react';

/**
 * Whether the browser promised to keep our storage. Without the promise ("best effort") it may
 * clear IndexedDB under storage pressure, diagrams included, so the user should know to export.
 */
export type StoragePersistence = 'unknown' | 'persistent' | 'best-effort';

let current: StoragePersistence = 'unknown';
const listeners = new Set<() => void>();

function publish(next: StoragePersistence): StoragePersistence {
  current = next;
  for (const listener of listeners) listener();
  return next;
}

/**
 * Asks once, at start. Chromium answers from site engagement without a prompt; Firefox may
 * prompt. Browsers without the API (or that refuse to answer) count as best effort.
 */
export async function requestPersistentStorage(
  storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined = globalThis.navigator
    ?.storage,
): Promise<StoragePersistence> {
  if (typeof storage?.persist !== 'function') return publish('best-effort');
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted()))
      return publish('persistent');
    return publish((await storage.persist()) ? 'persistent' : 'best-effort');
  } catch {
    return publish('best-effort');
  }
}

export function useStoragePersistence(): StoragePersistence {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
