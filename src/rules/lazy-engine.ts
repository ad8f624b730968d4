import type * as Engine from './engine';

export type AuditEngine = typeof Engine;

let loaded: AuditEngine | null = null;
let loading: Promise<AuditEngine> | null = null;

/**
 * Loads the engine and every rule (once). The editor starts this at start-up, beside reading
 * the saved diagram, so the rules are not part of the JS the page needs before it can run.
 * A failed load (offline, a new deploy) is tried again on the next call.
 */
export function loadAuditEngine(): Promise<AuditEngine> {
  return (loading ??= import('./engine').then(
    (engine) => (loaded = engine),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  ));
}

/** The engine if it has loaded, else null (and its load is under way). */
export function auditEngine(): AuditEngine | null {
  if (!loaded) void loadAuditEngine().catch(() => undefined);
  return loaded;
}
