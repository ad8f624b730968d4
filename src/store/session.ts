import { describeProblems } from '../io/problems';
import { createId } from '../model/factories';
import type { Diagram } from '../model/schema';
import type {
  DiagramSummary,
  Library,
  LoadResult,
  StorageFailure,
  UnreadableSummary,
} from '../persistence/library';
import { describeStorageError } from '../persistence/storage-error';
import type { EditorStore } from './editor-store';
import { loadAuditEngine } from '../rules/lazy-engine';
import { Autosave, CONFLICT_TEXT, retryDelay } from './session/autosave';
import { CrossTabSync, type TabMessage } from './session/cross-tab-sync';
import { failureText, LibraryCommands } from './session/library-commands';
import { LibraryListsView } from './session/library-lists';

export { AUTOSAVE_DELAY_MS, GESTURE_SAVE_HOLD_MS } from './session/autosave';

/**
 * Ties one editor store to the local library: restores the last diagram at start-up, then
 * autosaves every change (`session/autosave.ts`), follows the other tabs
 * (`session/cross-tab-sync.ts`) and runs the Diagrams dialog's commands
 * (`session/library-commands.ts`). Until the restore is done the save status says "Restoring…"
 * and the editor takes no edits; an edit that arrives anyway is kept as a diagram of its own.
 */
export class DiagramSession {
  private readonly autosave: Autosave;
  private readonly lists: LibraryListsView;
  private readonly sync: CrossTabSync;
  private readonly commands: LibraryCommands;
  private readonly ready: Promise<void>;
  private markReady: () => void = () => undefined;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private restoreFailures = 0;
  /** The warning start-up showed when storage failed, taken down once a retry restores. */
  private startFailure: string | null = null;

  constructor(
    private readonly store: EditorStore,
    private readonly library: Library,
    options: { channelName?: string } = {},
  ) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    this.lists = new LibraryListsView(library);
    this.sync = new CrossTabSync((message) => void this.onRemote(message), options.channelName);
    this.autosave = new Autosave(store, library, async (id, result) => {
      this.lists.set(result.lists);
      this.sync.announce({ type: 'saved', id, rev: result.rev });
      await library.setCurrentId(id).catch(() => undefined);
    });
    this.commands = new LibraryCommands(store, library, this.autosave, this.lists, this.sync);
  }

  get tabId(): string {
    return this.sync.tabId;
  }

  /** Restores the last open diagram, or starts a blank one; then saves every edit. */
  async start(): Promise<void> {
    this.store.getState().setSaveState({ status: 'restoring' });
    // The rules load beside the read, so the restored diagram first shows with its audit; a
    // failed load leaves the diagram to open without one (the audit retries on its next read).
    const rules = loadAuditEngine().catch(() => undefined);
    try {
      await Promise.all([this.restoreOrCarryOn(), rules]);
    } finally {
      this.autosave.watch();
      this.markReady();
    }
  }

  stop(): void {
    this.autosave.stop();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.sync.close();
  }

  /**
   * A room is open (store/shared): its document is kept by the room (the server and IndexedDB),
   * so the library stops saving what the tab shows; the diagram saved before stays as it was.
   */
  suspendAutosave(): void {
    void this.autosave.flush();
    this.autosave.stop();
  }

  /** The room was left: the diagram shown is this browser's again and saves as usual. */
  resumeAutosave(): void {
    this.autosave.watch();
  }

  subscribe(listener: () => void): () => void {
    return this.lists.subscribe(listener);
  }

  list(): readonly DiagramSummary[] {
    return this.lists.diagrams;
  }

  /**
   * A saved diagram read without opening it, for the Diagrams list's thumbnails; null when it
   * is gone or does not read. The open diagram is read from the store instead: it may be newer.
   */
  preview(id: string): Promise<Diagram | null> {
    return this.library.peek(id);
  }

  /** Saved copies that no longer read, set aside rather than listed as if they would open. */
  listUnreadable(): readonly UnreadableSummary[] {
    return this.lists.unreadable;
  }

  /** The saved bytes of a copy set aside, to download; null when they are gone. */
  readUnreadable(key: string): Promise<string | null> {
    return this.library.readUnreadable(key);
  }

  /** Saves now (before switching diagrams, as the tab is hidden, and in tests). */
  flush(): Promise<void> {
    return this.autosave.flush();
  }

  hasUnsavedChanges(): boolean {
    return this.autosave.hasUnsavedChanges();
  }

  // Every command waits for the restore, which would otherwise replace what it opened.

  async createDiagram(diagram: Diagram): Promise<string | null> {
    await this.ready;
    return this.commands.createDiagram(diagram);
  }

  async importDiagram(diagram: Diagram): Promise<'new' | 'replaced-blank'> {
    await this.ready;
    return this.commands.importDiagram(diagram);
  }

  async openDiagram(id: string): Promise<boolean> {
    await this.ready;
    return this.commands.openDiagram(id);
  }

  async renameDiagram(id: string, name: string): Promise<boolean> {
    await this.ready;
    return this.commands.renameDiagram(id, name);
  }

  async duplicateDiagram(id: string): Promise<boolean> {
    await this.ready;
    return this.commands.duplicateDiagram(id);
  }

  async deleteDiagram(id: string): Promise<boolean> {
    await this.ready;
    return this.commands.deleteDiagram(id);
  }

  async saveAsCopy(): Promise<void> {
    await this.ready;
    return this.commands.saveAsCopy();
  }

  async reloadFromStorage(): Promise<void> {
    await this.ready;
    return this.commands.reloadFromStorage();
  }

  /** Whatever goes wrong, the editor is left editable: never stuck saying "Restoring…". */
  private async restoreOrCarryOn(): Promise<void> {
    try {
      await this.restore();
    } catch (error) {
      this.startWithoutStorage(describeStorageError(error, 'Opening').message);
    }
  }

  /**
   * Opens the diagram this tab (or, on a fresh tab, any tab) had open. A storage failure leaves
   * an editable diagram and tries again with backoff while it is untouched; once it is edited,
   * autosave's own retries save it as a new diagram, and what storage held is left alone.
   */
  private async restore(): Promise<void> {
    const before = this.store.getState().diagram;
    let loaded: LoadResult | null = null;
    let id: string | undefined;
    try {
      await this.lists.refresh();
      id = await this.library.currentId();
      loaded = id ? await this.library.load(id) : null;
    } catch (error) {
      loaded = describeStorageError(error, 'Opening');
    }
    if (this.store.getState().diagram !== before) return this.keepEditsMadeWhileRestoring(loaded);
    if (loaded === null || !isStorageFailure(loaded)) this.clearStartFailure();
    if (loaded?.ok) {
      this.autosave.adopt(loaded.diagram, id ?? createId('d'), loaded.rev);
      return;
    }
    if (loaded === null || loaded.reason === 'missing' || loaded.reason === 'corrupt') {
      if (loaded?.reason === 'corrupt')
        this.notify(
          'error',
          `Your last diagram could not be read, so it was set aside (nothing was deleted) and a new one was started. Its saved copy can be downloaded from Diagrams.\n${describeProblems(loaded.problems, 3)}`,
        );
      await this.commands.createStartupBlank();
      return;
    }
    if (loaded.reason === 'newer') {
      // A blank to work in, written only once edited: nothing here touches the newer copy.
      this.autosave.adopt(before, createId('d'), 0);
      this.notify('warning', failureText(loaded, 'Your last diagram'));
      return;
    }
    this.startWithoutStorage(loaded.message);
  }

  /** Storage failed at start-up: keep an editable diagram here, and try again later. */
  private startWithoutStorage(message: string): void {
    const blank = this.store.getState().diagram;
    this.autosave.adopt(blank, createId('d'), 0);
    this.store.getState().setSaveState({ status: 'error', message });
    this.notify('warning', message);
    this.startFailure = message;
    this.restoreFailures += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      // Once edited, the blank is the user's work: autosave saves it when storage is back.
      if (this.store.getState().diagram === blank) void this.restoreOrCarryOn();
    }, retryDelay(this.restoreFailures));
  }

  private clearStartFailure(): void {
    if (this.startFailure !== null && this.store.getState().notice?.text === this.startFailure)
      this.store.getState().setNotice(null);
    this.startFailure = null;
  }

  /**
   * An edit reached the store before the restore finished (the editor blocks edits meanwhile,
   * so this is a safety net). The edits are never replaced: they are saved as a new diagram and
   * stay open, and the restored one stays in the library.
   */
  private async keepEditsMadeWhileRestoring(loaded: LoadResult | null): Promise<void> {
    await this.commands.create(this.store.getState().diagram);
    this.notify(
      'info',
      loaded?.ok
        ? `You changed the diagram before your saved work had finished loading, so your changes were kept as a new diagram. “${loaded.diagram.name}” is under Diagrams.`
        : 'You changed the diagram before your saved work had finished loading, so your changes were kept as a new diagram.',
    );
  }

  private async onRemote(message: TabMessage): Promise<void> {
    await this.ready;
    await this.lists.refresh();
    const { diagramId } = this.store.getState();
    if (message.id !== diagramId) return;
    if (message.type === 'deleted') {
      this.notify(
        'info',
        'This diagram was deleted in another tab. It stays open here, and your next change saves it again.',
      );
      return;
    }
    // Our own save echoed by an old tab, or a revision already shown.
    if (message.rev <= this.autosave.baseRev) return;
    if (this.autosave.hasUnsavedChanges()) {
      this.notify('warning', CONFLICT_TEXT);
      return;
    }
    const followed = await this.commands.follow(diagramId);
    if (followed === 'updated') this.notify('info', 'Updated with changes made in another tab.');
    // Edited while the newer version was read: that edit is kept, and its save will be refused.
    else if (followed === 'edited') this.notify('warning', CONFLICT_TEXT);
  }

  private notify(kind: 'info' | 'warning' | 'error', text: string): void {
    this.store.getState().setNotice({ kind, text });
  }
}

function isStorageFailure(result: LoadResult): result is StorageFailure {
  return (
    !result.ok &&
    (result.reason === 'quota' || result.reason === 'unavailable' || result.reason === 'error')
  );
}
