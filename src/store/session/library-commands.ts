import { describeProblems } from '../../io/problems';
import { createDiagram, createId } from '../../model/factories';
import type { Diagram } from '../../model/schema';
import { CURRENT_VERSION } from '../../model/version';
import type { Library, LoadResult } from '../../persistence/library';
import type { EditorStore } from '../editor-store';
import type { Autosave } from './autosave';
import type { CrossTabSync } from './cross-tab-sync';
import type { LibraryListsView } from './library-lists';

type Failure = Exclude<LoadResult, { ok: true }>;

/** Why a diagram could not be opened, renamed or deleted, in words; `subject` starts it. */
export function failureText(failure: Failure, subject = 'That diagram'): string {
  switch (failure.reason) {
    case 'missing':
      return `${subject} is no longer in this browser.`;
    case 'newer':
      return `${subject} was saved by a newer GTM Blueprint (format version ${failure.version}; this tab reads up to ${CURRENT_VERSION}), so it was left exactly as it is. Reload this tab to update the app, then open it.`;
    case 'corrupt':
      return `${subject} could not be read, so it was set aside (nothing was deleted); its saved copy can be downloaded from Diagrams.\n${describeProblems(failure.problems, 3)}`;
    default:
      return failure.message;
  }
}

const UNSAVED_TEXT =
  'The open diagram has changes that are not saved yet, so it stays open. Save it as a copy or export it first.';

/**
 * What the Diagrams dialog, the templates and imports do to the library: create, import, open,
 * rename, duplicate and delete. Each is one library transaction; each failure is told to the
 * user, the diagram in memory untouched. The open diagram is renamed through the store (so it
 * is undoable); a diagram that is not open is renamed in storage, on top of its latest save.
 */
export class LibraryCommands {
  /** The blank diagram start-up made because there was nothing to restore. */
  private startupBlank: { readonly id: string; readonly diagram: Diagram } | null = null;

  constructor(
    private readonly store: EditorStore,
    private readonly library: Library,
    private readonly autosave: Autosave,
    private readonly lists: LibraryListsView,
    private readonly sync: CrossTabSync,
  ) {}

  /** Starts a new diagram and saves it at once, so it is listed even before an edit. */
  async create(diagram: Diagram): Promise<string> {
    const id = createId('d');
    this.autosave.adopt(diagram, id, 0);
    await this.autosave.saveNow();
    return id;
  }

  /** Start-up found nothing to restore: a blank diagram, which an import may still replace. */
  async createStartupBlank(): Promise<void> {
    const diagram = createDiagram();
    this.startupBlank = { id: await this.create(diagram), diagram };
  }

  /**
   * Opens an imported diagram (a file, a share link) as a new one. On a first visit start-up has
   * already made a blank diagram; while it is still the same untouched blank, the import takes
   * its place instead of leaving an empty "Untitled diagram" behind. Anything else is kept.
   */
  async importDiagram(diagram: Diagram): Promise<'new' | 'replaced-blank'> {
    // The import flow shows this as the reason the file did not open.
    if (!(await this.leaveOpenDiagram()))
      throw new Error('the open diagram has changes that are not saved yet');
    const { diagram: open, diagramId } = this.store.getState();
    const blank = this.startupBlank;
    if (!blank || blank.id !== diagramId || blank.diagram !== open) {
      await this.create(diagram);
      return 'new';
    }
    this.startupBlank = null;
    this.autosave.adopt(diagram, blank.id, this.autosave.baseRev);
    await this.autosave.saveNow();
    return 'replaced-blank';
  }

  /** Creates a diagram from the Diagrams dialog or a template, unless that would drop changes. */
  async createDiagram(diagram: Diagram): Promise<string | null> {
    if (!(await this.leaveOpenDiagram())) return null;
    return this.create(diagram);
  }

  async openDiagram(id: string): Promise<boolean> {
    if (!(await this.leaveOpenDiagram())) return false;
    return this.open(id);
  }

  /** Opens `id`, replacing whatever is shown (the caller has saved or chosen to drop it). */
  async open(id: string): Promise<boolean> {
    const loaded = await this.library.load(id);
    if (!loaded.ok) {
      this.report(loaded);
      return false;
    }
    this.autosave.adopt(loaded.diagram, id, loaded.rev);
    await this.library.setCurrentId(id).catch(() => undefined);
    return true;
  }

  /**
   * Shows another tab's newer save of the open diagram. The read takes a moment: an edit made
   * here meanwhile is never replaced by it ('edited'), the user is told instead.
   */
  async follow(id: string): Promise<'updated' | 'edited' | 'failed'> {
    const shown = this.store.getState().diagram;
    const loaded = await this.library.load(id);
    const { diagram, diagramId } = this.store.getState();
    if (diagramId !== id || !loaded.ok) return 'failed';
    if (diagram !== shown) return 'edited';
    this.autosave.adopt(loaded.diagram, id, loaded.rev);
    return 'updated';
  }

  async renameDiagram(id: string, name: string): Promise<boolean> {
    if (id === this.store.getState().diagramId) {
      this.store.getState().renameDiagram(name);
      await this.autosave.flush();
      return true;
    }
    const renamed = await this.library.rename(id, name);
    if (!renamed.ok) {
      this.report(renamed, 'The diagram could not be renamed');
      return false;
    }
    this.lists.set(renamed.lists);
    this.sync.announce({ type: 'saved', id, rev: renamed.rev });
    return true;
  }

  /** Copies a diagram under a new id and opens the copy. */
  async duplicateDiagram(id: string): Promise<boolean> {
    if (!(await this.leaveOpenDiagram())) return false;
    let source = this.store.getState().diagram;
    if (id !== this.store.getState().diagramId) {
      const loaded = await this.library.load(id);
      if (!loaded.ok) {
        this.report(loaded);
        return false;
      }
      source = loaded.diagram;
    }
    await this.create({ ...source, name: `${source.name} (copy)` });
    return true;
  }

  async deleteDiagram(id: string): Promise<boolean> {
    const open = id === this.store.getState().diagramId;
    // Saved first: if the delete fails, the diagram stays open with nothing lost.
    if (open) await this.autosave.flush();
    const removed = await this.library.remove(id);
    // Already gone (another tab deleted it): what the user asked for is true.
    if (!removed.ok && removed.reason !== 'missing') {
      this.report(removed, 'The diagram could not be deleted');
      return false;
    }
    if (removed.ok) this.lists.set(removed.lists);
    else await this.lists.refresh();
    this.sync.announce({ type: 'deleted', id });
    if (open) {
      const next = [...this.lists.diagrams].sort((a, b) => b.updatedAt - a.updatedAt)[0];
      if (!next || !(await this.open(next.id))) await this.create(createDiagram());
    }
    return true;
  }

  /** Keeps this tab's copy as a new diagram when another tab saved over the same one. */
  async saveAsCopy(): Promise<void> {
    // A pending autosave of this version would only be refused again and re-raise the notice.
    await this.autosave.settle();
    const { diagram } = this.store.getState();
    this.store.getState().setNotice(null);
    await this.create({ ...diagram, name: `${diagram.name} (copy)` });
  }

  /** Replaces this tab's version with the stored one (after a conflict, the user chose so). */
  async reloadFromStorage(): Promise<void> {
    await this.autosave.settle();
    this.store.getState().setNotice(null);
    await this.open(this.store.getState().diagramId);
  }

  /**
   * Saves what is waiting, and says whether the open diagram can now be replaced: not while it
   * holds changes storage refused (another tab's newer save, a full disk), which would be lost.
   */
  private async leaveOpenDiagram(): Promise<boolean> {
    await this.autosave.flush();
    if (!this.autosave.hasUnsavedChanges()) return true;
    this.store.getState().setNotice({ kind: 'warning', text: UNSAVED_TEXT });
    return false;
  }

  /** Tells the user why, and shows the lists as they now are (a copy may have been set aside). */
  private report(failure: Failure, action?: string): void {
    // A full or missing storage says what it stops; the action says what did not happen.
    const text =
      action && (failure.reason === 'quota' || failure.reason === 'unavailable')
        ? `${action}. ${failure.message}`
        : failureText(failure, failure.reason === 'newer' ? 'This diagram' : undefined);
    this.store.getState().setNotice({ kind: 'error', text });
    if (failure.reason === 'corrupt') this.lists.set(failure.lists);
    else void this.lists.refresh();
  }
}
