/**
 * A storage failure in words the user can act on. Quota and availability are told apart because
 * the way out differs: free space, or export what is open.
 */
export interface StorageFailure {
  readonly ok: false;
  readonly reason: 'quota' | 'unavailable' | 'error';
  readonly message: string;
}

export function describeStorageError(error: unknown, action = 'Saving'): StorageFailure {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  const detail = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError' || /quota/i.test(detail)) {
    return {
      ok: false,
      reason: 'quota',
      message:
        'The browser storage is full, so changes are not being saved. Your diagram is safe in this tab: export it as JSON, then free some space.',
    };
  }
  if (
    name === 'InvalidStateError' ||
    name === 'SecurityError' ||
    /indexeddb|database/i.test(detail)
  ) {
    return {
      ok: false,
      reason: 'unavailable',
      message:
        'Browser storage is unavailable (private browsing?), so changes are kept in this tab only. Export your diagram to keep it.',
    };
  }
  return { ok: false, reason: 'error', message: `${action} failed: ${detail}` };
}
