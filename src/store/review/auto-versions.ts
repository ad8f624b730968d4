import type { VersionStore } from '../../persistence/versions';
import type { EditorStore } from '../editor-store';

/** At most one automatic version an hour while someone edits. */
export const AUTO_VERSION_INTERVAL_MS = 60 * 60_000;

/**
 * Connects the editor to its version storage and keeps it current: the History list follows
 * the open diagram (a comparison closes when another diagram opens), and an edit saves an automatic version when the newest version of the
 * diagram is an hour old or more (or there is none). Returns a stop function.
 */
export function trackVersions(
  store: EditorStore,
  versions: VersionStore,
  clock: () => number = Date.now,
  /** False in a room opened with a view link: others' edits arrive, but it saves nothing. */
  maySave: () => boolean = () => true,
): () => void {
  store.getState().connectVersions(versions);
  let saving = false;
  let warned = false;
  return store.subscribe((state, previous) => {
    if (state.diagramId !== previous.diagramId) {
      // Another diagram: its own versions, and no comparison left over from the last one.
      if (state.comparison) state.compareWith(null);
      void state.refreshVersions();
      return;
    }
    if (state.diagram === previous.diagram || saving) return;
    // Only a person's edit counts: start-up restoring or a transaction still open waits.
    if (state.saveState.status === 'restoring' || state.transaction !== null) return;
    if (state.versionsStatus !== 'ready' || !maySave()) return;
    const newest = state.versions[0]?.createdAt ?? -Infinity;
    const now = clock();
    if (now - newest < AUTO_VERSION_INTERVAL_MS) return;
    saving = true;
    const at = new Date(now);
    void state
      .saveVersion(
        `Automatic ${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
        undefined,
        'auto',
        now,
      )
      .then((error) => {
        // Said once: the diagram itself keeps saving, only its automatic versions stop.
        if (error && !warned) {
          warned = true;
          store.getState().setNotice({ kind: 'warning', text: error });
        }
      })
      .finally(() => (saving = false));
  });
}
