import { createDiagram, createId } from '../model/factories';
import type { Diagram } from '../model/schema';
import { describeProblems } from '../io/problems';
import type { DiagramLibrary, DiagramSummary, UnreadableSummary } from '../persistence/library';
import type { EditorState, EditorStore } from './editor-store';

export const AUTOSAVE_DELAY_MS = 300;
/** After a failed save (a full disk, a storage hiccup), try again this long after (tldraw: 10 s). */
export const RETRY_DELAY_MS = 10_000;
/**
 * A save serialises the whole diagram (megabytes at 5,000 cards), which stalls a drag's frames,
 * so autosave waits while a gesture is open and saves as it ends. A gesture open longer than
 * this (a drag that never got its pointer-up) still saves, at most once per this long.
 */
export const GESTURE_SAVE_HOLD_MS = 5_000;

/** What the session uses of the library: IndexedDB in the app, an in-memory one in tests. */
export type Library = Pick<
  DiagramLibrary,
  | 'list'
  | 'listUnreadable'
  | 'readUnreadable'
  | 'currentId'
  | 'setCurrentId'
  | 'load'
  | 'save'
  | 'remove'
>;

const CONFLICT_TEXT =
  'This diagram was changed in another tab. Your version here was not saved over it: reload to see the newer one, or save yours as a copy.';

/**
 * Ties one editor store to the local library: restores the last diagram, autosaves every
 * change (debounced, at most AUTOSAVE_DELAY_MS after the last edit) and switches diagrams.
 * Storage failures never touch the diagram in memory; they become a notice.
 */
export class DiagramSession {
  private baseRev = 0;
  private savedDiagram: Diagram | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** While a gesture is open: when it began or last saved; autosave holds until the limit. */
  private holdSince: number | null = null;
  private pending: Promise<void> = Promise.resolve();
  private unsubscribe: (() => void) | null = null;
  private available = true;
  /** The message of the failure being reported, so a retry that fails the same way stays quiet. */
  private failure: string | null = null;
  private readonly listeners = new Set<() => void>();
  private summaries: DiagramSummary[] = [];
  private unreadable: UnreadableSummary[] = [];
  /** The blank diagram start-up made because there was nothing to restore. */
  private startupBlank: { readonly id: string; readonly diagram: Diagram } | null = null;
  private readonly channel: BroadcastChannel | null;
  readonly tabId = createId('tab');

  constructor(
    private readonly store: EditorStore,
    private readonly library: Library,
  ) {
    this.channel =
      typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('gtm-blueprint');
    if (this.channel) this.channel.onmessage = (event) => void this.onRemoteSave(event.data);
  }

  /** Restores the last open diagram, or starts a blank one. */
  async start(): Promise<void> {
    try {
      await this.readLists();
      const id = await this.library.currentId();
      const loaded = id ? await this.library.load(id) : null;
      if (id && loaded?.ok) {
        this.adopt(loaded.diagram, id, loaded.rev);
      } else {
        if (id && loaded && !loaded.ok && loaded.reason === 'corrupt') {
          this.store.getState().setNotice({
            kind: 'error',
            text: `Your last diagram could not be read, so it was set aside (nothing was deleted) and a new one was started. Its saved copy can be downloaded from Diagrams.\n${describeProblems(loaded.problems, 3)}`,
          });
        }
        const blank = createDiagram();
        this.startupBlank = { id: await this.createDiagram(blank), diagram: blank };
      }
    } catch (error) {
      this.markUnavailable(error);
      this.adopt(this.store.getState().diagram, this.store.getState().diagramId, 0);
    }
    this.unsubscribe = this.store.subscribe((state, previous) => {
      if (state.transaction !== previous.transaction) this.onTransaction(state, previous);
      if (state.diagram !== previous.diagram && state.diagram !== this.savedDiagram)
        this.schedule();
    });
  }

  stop(): void {
    this.unsubscribe?.();
    if (this.timer) clearTimeout(this.timer);
    this.channel?.close();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  list(): readonly DiagramSummary[] {
    return this.summaries;
  }

  /** Saved copies that no longer read, set aside rather than listed as if they would open. */
  listUnreadable(): readonly UnreadableSummary[] {
    return this.unreadable;
  }

  /** The saved bytes of a copy set aside, to download; null when they are gone. */
  readUnreadable(key: string): Promise<string | null> {
    return this.library.readUnreadable(key);
  }

  /** Saves now (used before switching diagrams and by tests). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      this.pending = this.pending.then(() => this.save());
    }
    await this.pending;
  }

  hasUnsavedChanges(): boolean {
    return this.timer !== null || this.store.getState().diagram !== this.savedDiagram;
  }

  async createDiagram(diagram: Diagram): Promise<string> {
    await this.flush();
    const id = createId('d');
    this.adopt(diagram, id, 0);
    await this.saveNow();
    return id;
  }

  /**
   * Opens an imported diagram (a file, a share link) as a new one. On a first visit start-up has
   * already made a blank diagram; while it is still the same untouched blank, the import takes
   * its place instead of leaving an empty "Untitled diagram" behind. Anything else is kept.
   */
  async importDiagram(diagram: Diagram): Promise<'new' | 'replaced-blank'> {
    await this.flush();
    const { diagram: open, diagramId } = this.store.getState();
    const blank = this.startupBlank;
    if (!blank || blank.id !== diagramId || blank.diagram !== open) {
      await this.createDiagram(diagram);
      return 'new';
    }
    this.startupBlank = null;
    this.adopt(diagram, blank.id, this.baseRev);
    await this.saveNow();
    return 'replaced-blank';
  }

  async openDiagram(id: string): Promise<boolean> {
    await this.flush();
    const loaded = await this.library.load(id);
    if (!loaded.ok) {
      this.store.getState().setNotice({
        kind: 'error',
        text:
          loaded.reason === 'missing'
            ? 'That diagram is no longer in this browser.'
            : `That diagram could not be read, so it was set aside (nothing was deleted); its saved copy can be downloaded from Diagrams.\n${describeProblems(loaded.problems, 3)}`,
      });
      await this.refreshList();
      return false;
    }
    this.adopt(loaded.diagram, id, loaded.rev);
    await this.library.setCurrentId(id).catch(() => undefined);
    return true;
  }

  /** Renames any diagram in the library; the open one through the store, so it is undoable. */
  async renameDiagram(id: string, name: string): Promise<void> {
    if (id === this.store.getState().diagramId) {
      this.store.getState().renameDiagram(name);
      await this.flush();
      return;
    }
    const loaded = await this.library.load(id);
    if (!loaded.ok) return;
    await this.library.save(id, { ...loaded.diagram, name }, loaded.rev);
    await this.refreshList();
  }

  /** Copies a diagram under a new id and opens the copy. */
  async duplicateDiagram(id: string): Promise<void> {
    await this.flush();
    const source =
      id === this.store.getState().diagramId
        ? this.store.getState().diagram
        : await this.library.load(id).then((r) => (r.ok ? r.diagram : null));
    if (!source) return;
    await this.createDiagram({ ...source, name: `${source.name} (copy)` });
  }

  async deleteDiagram(id: string): Promise<void> {
    await this.flush();
    await this.library.remove(id);
    await this.refreshList();
    if (id === this.store.getState().diagramId) {
      const next = this.summaries[0];
      if (next) await this.openDiagram(next.id);
      else await this.createDiagram(createDiagram());
    }
  }

  private adopt(diagram: Diagram, id: string, rev: number): void {
    this.baseRev = rev;
    this.savedDiagram = diagram;
    this.store.getState().loadDiagram(diagram, id);
    // What is shown now is what is stored, so an old "Not saved" no longer applies.
    if (this.available) this.store.getState().setSaveState({ status: 'idle' });
    this.emit();
  }

  private cancelScheduledSave(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    // A drag calls this on every frame; the status already says so after the first.
    if (this.available && this.store.getState().saveState.status !== 'saving')
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
    this.pending = this.pending.then(() => this.save());
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

  private async saveNow(): Promise<void> {
    this.pending = this.pending.then(() => this.save());
    await this.pending;
  }

  private async save(): Promise<void> {
    const state = this.store.getState();
    const { diagram, diagramId } = state;
    if (!this.available) return;
    state.setSaveState({ status: 'saving' });
    const result = await this.library.save(diagramId, diagram, this.baseRev);
    if (result.ok) {
      this.baseRev = result.rev;
      this.savedDiagram = diagram;
      state.setSaveState({ status: 'saved', at: result.savedAt });
      const notice = this.store.getState().notice;
      if (this.failure !== null && notice?.text === this.failure) state.setNotice(null);
      this.failure = null;
      await this.library.setCurrentId(diagramId).catch(() => undefined);
      this.channel?.postMessage({ type: 'saved', id: diagramId, rev: result.rev, tab: this.tabId });
      await this.refreshList();
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
    if (result.reason === 'unavailable') this.available = false;
    else if (this.timer === null) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.pending = this.pending.then(() => this.save());
      }, RETRY_DELAY_MS);
    }
  }

  /** Keeps this tab's copy as a new diagram when another tab saved over the same one. */
  async saveAsCopy(): Promise<void> {
    // A pending autosave of this version would only be refused again and re-raise the notice.
    this.cancelScheduledSave();
    await this.pending;
    const { diagram } = this.store.getState();
    this.store.getState().setNotice(null);
    await this.createDiagram({ ...diagram, name: `${diagram.name} (copy)` });
  }

  async reloadFromStorage(): Promise<void> {
    this.cancelScheduledSave();
    await this.pending;
    const { diagramId } = this.store.getState();
    this.store.getState().setNotice(null);
    await this.openDiagram(diagramId);
  }

  private async onRemoteSave(message: unknown): Promise<void> {
    if (typeof message !== 'object' || message === null) return;
    const { type, id, tab } = message as { type?: unknown; id?: unknown; tab?: unknown };
    if (type !== 'saved' || tab === this.tabId) return;
    await this.refreshList();
    if (id !== this.store.getState().diagramId) return;
    if (this.hasUnsavedChanges()) {
      this.store.getState().setNotice({ kind: 'warning', text: CONFLICT_TEXT });
    } else {
      await this.openDiagram(String(id));
      this.store
        .getState()
        .setNotice({ kind: 'info', text: 'Updated with changes made in another tab.' });
    }
  }

  private async readLists(): Promise<void> {
    [this.summaries, this.unreadable] = await Promise.all([
      this.library.list(),
      this.library.listUnreadable(),
    ]);
  }

  private async refreshList(): Promise<void> {
    try {
      await this.readLists();
    } catch {
      // The list is a convenience; the open diagram does not depend on it.
    }
    this.emit();
  }

  private markUnavailable(error: unknown): void {
    this.available = false;
    const detail = error instanceof Error ? error.message : String(error);
    const text = `Browser storage is unavailable (${detail}), so changes are kept in this tab only. Export your diagram to keep it.`;
    this.store.getState().setSaveState({ status: 'error', message: text });
    this.store.getState().setNotice({ kind: 'warning', text });
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
