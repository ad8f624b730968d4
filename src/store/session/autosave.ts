import type { Diagram } from '../../model/schema';
import type { Library, SaveResult } from '../../persistence/library';
import { describeStorageError } from '../../persistence/storage-error';
import type { EditorState, EditorStore } from '../editor-store';

export const AUTOSAVE_DELAY_MS = 300;
/**
 * After a failed save (a full disk, storage that would not open), try again after this long,
 * doubling on each failure in a row up to RETRY_MAX_MS: soon for a hiccup, rarely for a disk
 * that stays full. Never given up: saving resumes by itself once storage works again.
 */
const RETRY_BASE_MS = 1_000;
const RETRY_MAX_MS = 30_000;
/**
 * A save serialises the whole diagram (megabytes at 5,000 cards), which stalls a drag's frames,
 * so autosave waits while a gesture is open and saves as it ends. A gesture open longer than
 * this (a drag that never got its pointer-up) still saves, at most once per this long.
 */
export const GESTURE_SAVE_HOLD_MS = 5_000;

export const CONFLICT_TEXT =
  'This diagram was changed in another tab. Your version here was not saved over it: reload to see the newer one, or save yours as a copy.';

/** How long to wait before the `failures`-th retry in a row. */
export function retryDelay(failures: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, failures - 1));
}

type SavedResult = SaveResult & { ok: true };

/**
 * Saves the open diagram: debounced, at most AUTOSAVE_DELAY_MS after the last edit, held while a
 * drag is open, retried with backoff after a failure. It knows which version is stored (the
 * revision and the diagram last written or read), so it saves only what the user changed: a
 * diagram that was opened and not edited is never written back, and keeps its stored bytes.
 * Storage failures never touch the diagram in memory; they become the save status and a notice.
 */
export class Autosave {
  /** The stored revision the open diagram is based on; a save refuses to pass a newer one. */
  baseRev = 0;
  private savedDiagram: Diagram | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** While a gesture is open: when it began or last saved; autosave holds until the limit. */
  private holdSince: number | null = null;
  private pending: Promise<void> = Promise.resolve();
  private unsubscribe: (() => void) | null = null;
  /** The message of the failure being reported, so a retry that fails the same way stays quiet. */
  private failure: string | null = null;
  private failures = 0;

  constructor(
    private readonly store: EditorStore,
    private readonly library: Pick<Library, 'save'>,
    private readonly onSaved: (id: string, result: SavedResult) => Promise<void>,
  ) {}

  /** Starts saving edits. Before this, nothing the store does is written. */
  watch(): void {
    this.unsubscribe ??= this.store.subscribe((state, previous) => {
      if (state.transaction !== previous.transaction) this.onTransaction(state, previous);
      if (state.diagram !== previous.diagram && state.diagram !== this.savedDiagram)
        this.schedule();
    });
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.cancel();
  }

  /**
   * Shows `diagram` as the stored revision `rev` of `id`: opened, restored or just written.
   * What is shown now is what is stored, so an old "Not saved" no longer applies.
   */
  adopt(diagram: Diagram, id: string, rev: number): void {
    this.cancel();
    this.baseRev = rev;
    this.savedDiagram = diagram;
    this.failures = 0;
    this.store.getState().loadDiagram(diagram, id);
    this.store.getState().setSaveState({ status: 'idle' });
  }

  /** Saves now if a save is waiting (before switching diagrams, as the tab is hidden). */
  async flush(): Promise<void> {
    if (this.timer) {
      this.cancel();
      this.enqueue();
    }
    await this.pending;
  }

  /** Saves now, waiting or not. */
  async saveNow(): Promise<void> {
    this.cancel();
    this.enqueue();
    await this.pending;
  }

  /** Drops a waiting save and lets a running one finish (the version here is being replaced). */
  async settle(): Promise<void> {
    this.cancel();
    await this.pending;
  }

  hasUnsavedChanges(): boolean {
    return this.timer !== null || this.store.getState().diagram !== this.savedDiagram;
  }

  /** The diagram as it was stored last, or null when nothing of it is stored. */
  get saved(): Diagram | null {
    return this.savedDiagram;
  }

  private cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private enqueue(): void {
    this.pending = this.pending.then(() => this.save());
  }

  private schedule(): void {
    this.cancel();
    // A drag calls this on every frame; the status already says so after the first.
    if (this.store.getState().saveState.status !== 'saving')
      this.store.getState().setSaveState({ status: 'saving' });
    this.timer = setTimeout(() => this.autosave(), AUTOSAVE_DELAY_MS);
  }

  private autosave(): void {
    this.timer = null;
    if (this.holdSince !== null) {
      const wait = this.holdSince + GESTURE_SAVE_HOLD_MS - Date.now();
      if (wait > 0) {
        this.timer = setTimeout(() => this.autosave(), wait);
        return;
      }
      this.holdSince = Date.now();
    }
    this.enqueue();
  }

  /**
   * A gesture starts by saving an edit still waiting for its debounce, so a tab killed mid-drag
   * keeps everything made before it; the gesture's own writes are saved when it ends.
   */
  private onTransaction(state: EditorState, previous: EditorState): void {
    if (state.transaction === 'gesture') {
      this.holdSince = Date.now();
      if (this.timer) void this.flush();
    } else if (previous.transaction === 'gesture') {
      this.holdSince = null;
      if (this.timer) void this.flush();
    }
  }

  private async save(): Promise<void> {
    const state = this.store.getState();
    const { diagram, diagramId } = state;
    state.setSaveState({ status: 'saving' });
    // The library answers failures as results; a throw (a bug) is one too, so that the queue
    // of saves behind this one still runs.
    const result = await this.library
      .save(diagramId, diagram, this.baseRev)
      .catch((error: unknown) => describeStorageError(error));
    // Another diagram was opened meanwhile: this result is about one no longer shown.
    if (this.store.getState().diagramId !== diagramId) return;
    if (result.ok) {
      this.baseRev = result.rev;
      this.savedDiagram = diagram;
      this.failures = 0;
      // An edit made while this save ran is still waiting for its own.
      state.setSaveState(
        this.store.getState().diagram === diagram
          ? { status: 'saved', at: result.savedAt }
          : { status: 'saving' },
      );
      const notice = this.store.getState().notice;
      if (this.failure !== null && notice?.text === this.failure) state.setNotice(null);
      this.failure = null;
      await this.onSaved(diagramId, result);
      return;
    }
    if (result.reason === 'conflict') {
      state.setSaveState({ status: 'error', message: 'Not saved: changed in another tab.' });
      state.setNotice({ kind: 'warning', text: CONFLICT_TEXT });
      return;
    }
    state.setSaveState({ status: 'error', message: result.message });
    // Shown once per failure, not again on every retry, so a dismissed banner stays dismissed;
    // the save status keeps saying "Not saved" meanwhile.
    if (result.message !== this.failure)
      state.setNotice({
        kind: result.reason === 'error' ? 'error' : 'warning',
        text: result.message,
      });
    this.failure = result.message;
    this.failures += 1;
    // An edit made since has its own save waiting, which is the retry.
    if (this.timer === null)
      this.timer = setTimeout(() => {
        this.timer = null;
        this.enqueue();
      }, retryDelay(this.failures));
  }
}
