import type { VersionStore } from './versions';

/**
 * A version store whose module loads on its first call, not at start-up: versions are read
 * when a diagram opens and written after edits, never before the first paint. A load that
 * failed (offline, a new deploy) is tried again on the next call.
 */
export function lazyVersionStore(load: () => Promise<VersionStore>): VersionStore {
  let loading: Promise<VersionStore> | null = null;
  const store = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    }));
  return {
    list: (diagramId) => store().then((s) => s.list(diagramId)),
    read: (id) => store().then((s) => s.read(id)),
    save: (diagramId, diagram, version, now) =>
      store().then((s) => s.save(diagramId, diagram, version, now)),
    remove: (id) => store().then((s) => s.remove(id)),
  };
}
